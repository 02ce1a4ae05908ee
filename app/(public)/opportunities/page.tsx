import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { controlClass } from "@/components/forms/control-class";
import { ListingCard } from "@/components/listings/listing-card";
import { FacetFilters } from "@/components/opportunities/facet-filters";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { buttonClass } from "@/components/ui/button-class";
import { SaveSearchForm } from "@/components/saved-searches/save-search-form";
import { currentActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { EXPORT_MAX_ROWS } from "@/lib/listings/export";
import { searchListings, type TSearchResult } from "@/lib/listings/search";
import { emptySearch, hasCriteria, parseSearchQuery, SEARCH_SORTS, toSearchHref, toSearchQuery, type TSearchParams } from "@/lib/listings/search-schema";
import { getSectorTaxonomy } from "@/lib/listings/sector-taxonomy";
import { CURRENCIES } from "@/lib/listings/schemas";
import { canDisplay, displayUsdAmount, usdRateFor } from "@/lib/money/display";
import { getLatestRates } from "@/lib/money/rates";
import { SAVED_SEARCH_LIMITS } from "@/lib/saved-searches/schemas";

// Search results depend on the query and on live data.
export const dynamic = "force-dynamic";

type TPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("opportunities");
  return { title: t("title") };
}

const PAGE_SIZES = [10, 20, 50, 100];

export default async function OpportunitiesPage({ searchParams }: TPageProps) {
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const t = await getTranslations("opportunities");
  const te = await getTranslations();
  const format = await getFormatter();
  const parsed = parseSearchQuery(await searchParams);
  const params: TSearchParams = parsed.ok ? parsed.params : emptySearch();
  let fieldErrors: Record<string, string[]> = parsed.ok ? {} : parsed.fieldErrors;
  let result: TSearchResult | null = null;
  if (parsed.ok) {
    try {
      result = await searchListings(params, { locale });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "VALIDATION") throw error;
      fieldErrors = error.details.fieldErrors ?? { _form: [error.message] };
    }
  }
  const [rates, taxonomy] = await Promise.all([getLatestRates(), getSectorTaxonomy()]);
  const currency = canDisplay(params.currency, rates) ? params.currency : "USD";
  const usdRate = usdRateFor(currency, rates);
  const actor = await currentActor();
  // Investors keep searches (with alerts) in their area; a search that did not run cannot be saved.
  const canSave = actor?.status === "ACTIVE" && actor.role === "INVESTOR" && result !== null;
  // Remounted per search, so a "Saved" panel never lingers over a different search.
  const savedQuery = toSearchQuery({ ...params, cursor: undefined, limit: undefined }).toString();
  const paramLabel = (key: string) => (t.has(`param.${key}`) ? t(`param.${key}` as "param.q") : key);

  return (
    <div>
      <PageHeading title={t("title")} intro={t("intro")} />
      {canSave && (
        <div className="mb-6">
          <SaveSearchForm
            key={savedQuery}
            query={savedQuery}
            suggestedName={params.q ?? te("savedSearches.save.defaultName")}
            nameMax={SAVED_SEARCH_LIMITS.nameMax}
          />
        </div>
      )}
      <form method="get" action="/opportunities" role="search" aria-label={t("searchForm")} className="space-y-6">
        <div className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm md:grid-cols-[1fr_auto_auto_auto_auto] md:items-end">
          <div className="space-y-1">
            <label htmlFor="q" className="block text-sm font-medium">
              {t("searchLabel")}
            </label>
            <input id="q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={200} placeholder={t("searchPlaceholder")} className={controlClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="sort" className="block text-sm font-medium">
              {t("sort")}
            </label>
            <select id="sort" name="sort" defaultValue={params.sort} className={controlClass}>
              {SEARCH_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sortBy.${sort}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="limit" className="block text-sm font-medium">
              {t("limit")}
            </label>
            <select id="limit" name="limit" defaultValue={String(params.limit)} className={controlClass}>
              {[...new Set([...PAGE_SIZES, params.limit])].sort((a, b) => a - b).map((size) => (
                <option key={size} value={size}>
                  {format.number(size)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="currency" className="block text-sm font-medium">
              {t("currency")}
            </label>
            <select id="currency" name="currency" defaultValue={currency} className={controlClass}>
              {CURRENCIES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("primary")}>
            {t("searchButton")}
          </button>
        </div>

        {Object.keys(fieldErrors).length > 0 && (
          <Notice tone="error" role="alert" title={t("invalid")}>
            <ul className="list-disc pl-5">
              {Object.entries(fieldErrors).map(([key, messages]) => (
                <li key={key}>
                  {key === "_form" ? "" : `${paramLabel(key)}: `}
                  {messages.map((message) => (te.has(message as "errors.validation") ? te(message as "errors.validation") : message)).join(" ")}
                </li>
              ))}
            </ul>
            <p>
              <Link href="/opportunities" className="font-medium underline">
                {t("invalidReset")}
              </Link>
            </p>
          </Notice>
        )}

        <div className="grid gap-6 lg:grid-cols-[17rem_1fr]">
          <aside aria-labelledby="filters-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm lg:self-start">
            <h2 id="filters-heading" className="text-lg font-semibold">
              {t("filters")}
            </h2>
            {result && <FacetFilters params={params} facets={result.facets} approximate={result.approximate} taxonomy={taxonomy} locale={locale} />}
            <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 pt-3">
              <button type="submit" className={buttonClass("secondary")}>
                {t("applyFilters")}
              </button>
              {hasCriteria(params) && (
                <Link href={toSearchHref("/opportunities", { sort: params.sort, limit: params.limit, currency: params.currency })} className="text-sm text-brand-700 underline">
                  {t("clearAll")}
                </Link>
              )}
            </div>
          </aside>

          <section aria-labelledby="results-heading" className="space-y-4">
            <h2 id="results-heading" className="sr-only">
              {t("results")}
            </h2>
            {result && (
              <>
                <div className="space-y-1">
                  <p role="status" className="text-lg font-medium" data-testid="result-count">
                    {result.totalRelation === "eq"
                      ? t("count", { count: result.total })
                      : t(result.totalRelation === "gte" ? "countAtLeast" : "countApprox", { count: result.total, formatted: format.number(result.total) })}
                  </p>
                  {result.correctedQuery && (
                    <p className="text-sm text-stone-700">{t("corrected", { q: params.q ?? "", corrected: result.correctedQuery })}</p>
                  )}
                  <p className="text-sm text-stone-600" data-testid="rates-note">
                    {usdRate
                      ? t("ratesNote", { currency, rate: format.number(Number(usdRate.rate), { maximumFractionDigits: 4 }), date: format.dateTime(usdRate.asOf, { dateStyle: "medium", timeZone: "UTC" }) })
                      : params.currency !== "USD"
                        ? t("ratesMissing", { currency: params.currency })
                        : t("ratesUsd")}
                  </p>
                </div>
                {result.items.length === 0 ? (
                  <div className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center">
                    <p className="font-medium">{t("empty")}</p>
                    <p className="mt-1 text-sm text-stone-600">{t("emptyHint")}</p>
                  </div>
                ) : (
                  <ul className="grid gap-4 md:grid-cols-2" data-testid="results">
                    {result.items.map((item) => (
                      <li key={item.id}>
                        <ListingCard
                          listing={item}
                          locale={locale}
                          amountText={item.amountUsdCents === null ? undefined : displayUsdAmount(item.amountUsdCents, currency, rates, locale).text}
                        />
                      </li>
                    ))}
                  </ul>
                )}
                <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-4 text-sm">
                  <span className="flex gap-4">
                    {params.cursor && (
                      <Link href={toSearchHref("/opportunities", { ...params, cursor: undefined })} className="text-brand-700 underline">
                        {t("firstPage")}
                      </Link>
                    )}
                    {result.nextCursor && (
                      <Link href={toSearchHref("/opportunities", { ...params, cursor: result.nextCursor })} rel="next" className="font-medium text-brand-700 underline">
                        {t("nextPage")}
                      </Link>
                    )}
                  </span>
                  {result.items.length > 0 && (
                    <a href={toSearchHref("/opportunities/export", { ...params, cursor: undefined, limit: undefined })} className="text-brand-700 underline" download>
                      {t("exportCsv", { max: format.number(EXPORT_MAX_ROWS) })}
                    </a>
                  )}
                </nav>
              </>
            )}
          </section>
        </div>
      </form>
    </div>
  );
}
