import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TListingCard } from "@/lib/listings/queries";
import { formatMoneyCompact } from "@/lib/money/format";

type TListingCardProps = {
  listing: TListingCard;
  locale: "en" | "ja";
  /** The investment as the reader chose to see it (e.g. converted to JPY); USD otherwise. */
  amountText?: string;
  headingLevel?: 2 | 3;
};

export async function ListingCard({ listing, locale, amountText, headingLevel = 3 }: TListingCardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = await getTranslations();
  const format = await getFormatter();
  const province = listing.province
    ? t(`enums.province.${listing.province}` as "enums.province.PUNJAB")
    : t("landing.nationwide");
  const location = [listing.district, province]
    .filter(Boolean)
    .join(", ");
  return (
    <article className="flex h-full flex-col rounded-xl border border-stone-200 bg-white p-5 shadow-sm" data-testid="listing-card">
      <p className="text-xs font-medium uppercase tracking-wide text-brand-600">
        {t(`enums.kind.${listing.kind}` as "enums.kind.SEZ")} · {t(`enums.stage.${listing.stage}` as "enums.stage.CONCEPT")}
      </p>
      <Heading className="mt-1 text-lg font-semibold leading-snug">
        <Link href={`/opportunities/${listing.id}`} className="text-brand-900 hover:underline focus-visible:underline">
          {listing.title}
        </Link>
      </Heading>
      <p className="mt-1 text-sm text-stone-600">{location}</p>
      <p className="mt-3 line-clamp-3 text-sm text-stone-700">{listing.summary}</p>
      <dl className="mt-auto grid grid-cols-2 gap-2 pt-4 text-sm">
        <div>
          <dt className="text-stone-500">{t("landing.investment")}</dt>
          <dd className="font-medium">
            {listing.amountUsdCents !== null
              ? (amountText ?? formatMoneyCompact(listing.amountUsdCents, "USD", locale))
              : listing.areaAcres
                ? t("landing.area", { acres: format.number(Number(listing.areaAcres)) })
                : t("common.notDisclosed")}
          </dd>
        </div>
        <div>
          <dt className="sr-only">{t("landing.agency")}</dt>
          <dd className="text-right text-stone-600">{listing.agencyName}</dd>
        </div>
      </dl>
      {listing.sectorNames.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-1" aria-label={t("landing.sectors")}>
          {listing.sectorNames.map((name) => (
            <li key={name} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700">
              {name}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
