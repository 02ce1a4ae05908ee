"use client";
// Live completeness of what is on screen, with the hints of what to add.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { scoreCompleteness } from "@/lib/listings/completeness";
import { splitTags, type TListingFormValues } from "@/lib/listings/form-values";

export function completenessOfValues(values: TListingFormValues) {
  const facts = Object.fromEntries(Object.entries(values.facts).map(([key, value]) => [key, typeof value === "string" ? value : value.amount]));
  return scoreCompleteness({
    ...values,
    province: values.province || null,
    hasAmount: values.investment.amount.trim() !== "",
    tags: splitTags(values.tags),
    facts,
  });
}

export function CompletenessMeter({ values }: { values: TListingFormValues }) {
  const t = useTranslations();
  const { score, missing } = useMemo(() => completenessOfValues(values), [values]);
  const tone = score >= 80 ? "bg-green-600" : score >= 50 ? "bg-amber-500" : "bg-red-600";
  return (
    <section aria-labelledby="completeness-heading" className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <h2 id="completeness-heading" className="text-sm font-semibold">
        {t("listingEditor.completeness.title")}
      </h2>
      <div className="mt-2 flex items-center gap-3">
        <div
          role="meter"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={score}
          aria-labelledby="completeness-heading"
          className="h-2 flex-1 overflow-hidden rounded-full bg-stone-200"
        >
          <div className={`h-full ${tone}`} style={{ width: `${score}%` }} />
        </div>
        <span className="text-sm font-semibold tabular-nums" data-testid="completeness-score">
          {t("listingEditor.completeness.score", { score })}
        </span>
      </div>
      <p className="mt-2 text-xs text-stone-600">{t("listingEditor.completeness.why")}</p>
      {missing.length > 0 && (
        <>
          <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-stone-600">{t("listingEditor.completeness.toAdd")}</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-stone-700">
            {missing.map((hint) => (
              <li key={hint}>{t(hint as "listingEditor.hints.sectors")}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
