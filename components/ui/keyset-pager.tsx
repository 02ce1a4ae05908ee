// "First page / Next page" links under a keyset-paginated list. Keyset pages
// have no numbers and no "previous": the cursor only points forward.
import Link from "next/link";

type TKeysetPagerProps = {
  /** Where the first page is; null on the first page itself. */
  firstHref: string | null;
  /** Where the next page is; null on the last page. */
  nextHref: string | null;
  firstLabel: string;
  nextLabel: string;
  /** Names the navigation landmark when the page has more than one. */
  label?: string;
};

export function KeysetPager({ firstHref, nextHref, firstLabel, nextLabel, label }: TKeysetPagerProps) {
  return (
    <nav aria-label={label} className="flex gap-4 text-sm">
      {firstHref && (
        <Link href={firstHref} className="text-brand-700 underline">
          {firstLabel}
        </Link>
      )}
      {nextHref && (
        <Link href={nextHref} rel="next" className="text-brand-700 underline">
          {nextLabel}
        </Link>
      )}
    </nav>
  );
}
