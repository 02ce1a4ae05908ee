// A white card with a heading that names it as a region (aria-labelledby), the
// building block of the admin pages.
import type { ReactNode } from "react";

type TPanelProps = {
  /** The heading's id; unique on the page. */
  headingId: string;
  title: ReactNode;
  /** Room between the heading and what follows. */
  spacing?: "space-y-3" | "space-y-4";
  children: ReactNode;
};

export function Panel({ headingId, title, spacing = "space-y-3", children }: TPanelProps) {
  return (
    <section aria-labelledby={headingId} className={`${spacing} rounded-xl border border-stone-200 bg-white p-6 shadow-sm`}>
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
