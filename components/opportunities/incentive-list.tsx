// Incentives with their validity dates: those in force (or starting later)
// first, then those that ended or were replaced, so a change stays visible.
import { getFormatter, getTranslations } from "next-intl/server";
import type { TIncentiveView } from "@/lib/listings/detail";

export async function IncentiveList({ incentives }: { incentives: TIncentiveView[] }) {
  const t = await getTranslations("opportunities.detail");
  const format = await getFormatter();
  // Validity dates are calendar dates: format them in UTC so no time zone shifts a day.
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  if (incentives.length === 0) return <p className="text-stone-600">{t("incentivesEmpty")}</p>;
  const current = incentives.filter((incentive) => incentive.state !== "ended");
  const ended = incentives.filter((incentive) => incentive.state === "ended");

  const item = (incentive: TIncentiveView) => (
    <li key={incentive.id} className="rounded-lg border border-stone-200 bg-white p-4" data-state={incentive.state}>
      <p className="font-medium">{incentive.name}</p>
      {incentive.legalBasis && <p className="text-sm text-stone-600">{t("legalBasis", { basis: incentive.legalBasis })}</p>}
      <p className="mt-1 text-sm text-stone-700">
        {incentive.validFrom && incentive.validTo
          ? t("validRange", { from: day(incentive.validFrom), to: day(incentive.validTo) })
          : incentive.validTo
            ? t("validTo", { date: day(incentive.validTo) })
            : incentive.validFrom
              ? t("validFrom", { date: day(incentive.validFrom) })
              : t("validOpen")}
        {incentive.state === "upcoming" && <span className="ml-2 rounded-full bg-sky-50 px-2 py-0.5 text-xs text-sky-900">{t("upcoming")}</span>}
        {incentive.supersededAt && <span className="ml-2 text-stone-600">{t("replacedOn", { date: day(incentive.supersededAt) })}</span>}
      </p>
    </li>
  );

  return (
    <div className="space-y-4">
      <div>
        <h3 className="mb-2 font-semibold">{t("inForce")}</h3>
        {current.length ? <ul className="space-y-2">{current.map(item)}</ul> : <p className="text-sm text-stone-600">{t("noneInForce")}</p>}
      </div>
      {ended.length > 0 && (
        <div>
          <h3 className="mb-2 font-semibold">{t("ended")}</h3>
          <ul className="space-y-2 opacity-90">{ended.map(item)}</ul>
        </div>
      )}
    </div>
  );
}
