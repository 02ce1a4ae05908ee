// A read-only summary of the investor's profile, in the reader's language, with
// money through Intl (the investor's currency and the stored US dollars).
import { getTranslations } from "next-intl/server";
import type { TOwnInvestorProfileDto } from "@/lib/investors/queries";
import type { TSectorGroup } from "@/lib/sectors/queries";

function formatAmount(amount: string | null, currency: string, locale: string): string | null {
  if (amount === null) return null;
  // Display only: the stored value stays an exact decimal string.
  return new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", { style: "currency", currency, maximumFractionDigits: currency === "JPY" ? 0 : 2 }).format(Number(amount));
}

export async function ProfileSummary({ profile, sectors, locale }: { profile: TOwnInvestorProfileDto; sectors: TSectorGroup[]; locale: "en" | "ja" }) {
  const t = await getTranslations("investorProfile.summary");
  const te = await getTranslations("enums");
  const names = new Map(sectors.flatMap((group) => [[group.id, group.name] as const, ...group.children.map((child) => [child.id, child.name] as const)]));
  const range = (min: string | null, max: string | null, currency: string) => {
    const from = formatAmount(min, currency, locale);
    const to = formatAmount(max, currency, locale);
    return from && to ? `${from} – ${to}` : null;
  };
  const stated = range(profile.ticketMin, profile.ticketMax, profile.ticketCurrency);
  const usd = range(profile.ticketMinUsd, profile.ticketMaxUsd, "USD");
  const location = profile.anywhereInPakistan
    ? t("anywhere")
    : [...profile.provinces.map((province) => te(`province.${province}` as "province.PUNJAB")), ...profile.districts].join(", ");
  const rows: [string, string][] = [
    [t("sectors"), profile.sectorIds.map((id) => names.get(id)).filter(Boolean).join(", ") || t("none")],
    [t("ticket"), stated ?? t("none")],
    ...(usd && profile.ticketCurrency !== "USD" ? ([[t("ticketUsd"), usd]] as [string, string][]) : []),
    [t("location"), location || t("none")],
    [t("instruments"), profile.instruments.map((value) => te(`instrument.${value}` as "instrument.EQUITY")).join(", ") || t("none")],
    [t("stages"), profile.stages.map((value) => te(`stage.${value}` as "stage.READY")).join(", ") || t("none")],
    [t("horizon"), profile.horizonYears ? t("horizonYears", { count: profile.horizonYears }) : t("none")],
    [t("thesis"), profile.thesis || t("none")],
  ];
  return (
    <section aria-labelledby="profile-summary-heading" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id="profile-summary-heading" className="mb-4 text-lg font-semibold">
        {t("title")}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600">{label}</dt>
            <dd className="whitespace-pre-line">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
