// The response-time figure of one lead, in words (overdue is said, not only
// coloured red, so it reaches everyone).
import { getTranslations } from "next-intl/server";
import { durationParts } from "@/lib/interests/duration";
import type { TResponseState } from "@/lib/interests/leads";

export async function LeadResponse({ response }: { response: TResponseState }) {
  const t = await getTranslations("leads.response");
  const tRoot = await getTranslations("interests");
  const duration = (ms: number) => {
    const { unit, count } = durationParts(ms);
    return tRoot(`duration.${unit}`, { count });
  };
  if (response.kind === "answered") return <span className="text-stone-700">{t("answered", { duration: duration(response.afterMs) })}</span>;
  if (response.kind === "overdue") {
    return (
      <span className="font-semibold text-red-700" data-testid="lead-overdue">
        {t("overdue", { duration: duration(response.ageMs) })}
      </span>
    );
  }
  return <span className="text-stone-700">{t("waiting", { duration: duration(response.ageMs) })}</span>;
}
