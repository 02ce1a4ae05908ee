// What an empty list says, with a link to where the user can fill it.
import Link from "next/link";

type TEmptyListProps = {
  message: string;
  linkHref: string;
  linkLabel: string;
  testId?: string;
};

export function EmptyList({ message, linkHref, linkLabel, testId }: TEmptyListProps) {
  return (
    <div className="rounded border border-stone-200 bg-white p-6 text-stone-700" data-testid={testId}>
      <p>{message}</p>
      <p className="mt-3">
        <Link href={linkHref} className="text-brand-700 underline">
          {linkLabel}
        </Link>
      </p>
    </div>
  );
}
