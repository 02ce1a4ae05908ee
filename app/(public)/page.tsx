import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ListingCard } from "@/components/listings/listing-card";
import { ZoneTable } from "@/components/listings/zone-table";
import { getLandingStats, listJapanHighlights, listNewestPublished, listPunjabZones } from "@/lib/listings/queries";

// Live counts and the newest published opportunities, read on every request.
export const dynamic = "force-dynamic";

export default async function LandingPage() {
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const t = await getTranslations("landing");
  const format = await getFormatter();
  const [stats, highlights, newest, zones] = await Promise.all([
    getLandingStats(),
    listJapanHighlights({ limit: 6, locale }),
    listNewestPublished({ limit: 6, locale }),
    listPunjabZones({ locale }),
  ]);
  const statItems = [
    { label: t("statPublished"), value: stats.published, testId: "stat-published" },
    { label: t("statPunjabZones"), value: stats.punjabZones, testId: "stat-punjab-zones" },
    { label: t("statAgencies"), value: stats.agencies, testId: "stat-agencies" },
    { label: t("statSectors"), value: stats.sectors, testId: "stat-sectors" },
  ];

  return (
    <div className="space-y-12">
      <section className="rounded-2xl bg-brand-900 px-6 py-12 text-white sm:px-10">
        <h1 className="max-w-3xl text-3xl font-semibold leading-tight sm:text-4xl">{t("heroTitle")}</h1>
        <p className="mt-4 max-w-3xl text-brand-100">{t("heroBody")}</p>
        <form method="get" action="/opportunities" role="search" className="mt-6 flex max-w-2xl flex-wrap gap-2">
          <label htmlFor="landing-q" className="sr-only">
            {t("searchLabel")}
          </label>
          <input
            id="landing-q"
            name="q"
            type="search"
            maxLength={200}
            placeholder={t("searchPlaceholder")}
            className="min-w-0 flex-1 rounded-md border-0 px-3 py-2 text-stone-900"
          />
          <button type="submit" className="rounded-md bg-accent-500 px-4 py-2 font-medium text-white hover:opacity-90">
            {t("searchButton")}
          </button>
          <Link href="/opportunities" className="self-center px-2 text-sm text-brand-100 underline">
            {t("browseAll")}
          </Link>
        </form>
      </section>

      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading" className="sr-only">
          {t("statsHeading")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {statItems.map((item) => (
            <div key={item.testId} className="rounded-xl border border-stone-200 bg-white p-4">
              <dt className="text-sm text-stone-600">{item.label}</dt>
              <dd className="mt-1 text-3xl font-semibold text-brand-700" data-testid={item.testId}>
                {format.number(item.value)}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {highlights.length > 0 && (
        <section aria-labelledby="highlights-heading">
          <h2 id="highlights-heading" className="mb-4 text-xl font-semibold">
            {t("highlightsHeading")}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {highlights.map((listing) => (
              <li key={listing.id}>
                <ListingCard listing={listing} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="newest-heading">
        <h2 id="newest-heading" className="mb-4 text-xl font-semibold">
          {t("newestHeading")}
        </h2>
        {newest.length === 0 ? (
          <p className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600">
            {t("empty")}
          </p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {newest.map((listing) => (
              <li key={listing.id}>
                <ListingCard listing={listing} locale={locale} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {zones.length > 0 && (
        <section aria-labelledby="zones-heading">
          <h2 id="zones-heading" className="mb-4 text-xl font-semibold">
            {t("zonesHeading")}
          </h2>
          <ZoneTable zones={zones} />
        </section>
      )}
    </div>
  );
}
