import type { ReactNode } from "react";

export function PageHeading({ title, intro }: { title: ReactNode; intro?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold text-stone-900">{title}</h1>
      {intro && <p className="mt-2 text-stone-600">{intro}</p>}
    </div>
  );
}
