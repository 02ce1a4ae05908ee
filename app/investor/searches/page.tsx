import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RenameSavedSearchForm } from "@/components/saved-searches/rename-form";
import { SearchSummary } from "@/components/saved-searches/search-summary";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { getSectorTaxonomy } from "@/lib/listings/sector-taxonomy";
import { listMySavedSearches, runMySavedSearch, type TSavedSearchRun } from "@/lib/saved-searches/queries";
import { SAVED_SEARCH_LIMITS } from "@/lib/saved-searches/schemas";
import { isUuid } from "@/lib/http/validation";
import { deleteSavedSearchAction, setSavedSearchAlertAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("savedSearches.list");
  return { title: t("title") };
}

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const DONE = ["alertOn", "alertOff", "deleted"] as const;

export default async function SavedSearchesPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requirePageRole("INVESTOR");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const raw = await searchParams;
  const runId = first(raw.run);
  const [searches, taxonomy, t, tRoot, format] = await Promise.all([
    listMySavedSearches(actor),
    getSectorTaxonomy(),
    getTranslations("savedSearches.list"),
    getTranslations(),
    getFormatter(),
  ]);
  // "Run now": a read of today's count for one of the user's own searches (anyone else's id is ignored as unknown).
  let run: TSavedSearchRun | null = null;
  let runError: string | null = null;
  if (runId && isUuid(runId) && searches.some((search) => search.id === runId)) {
    try {
      run = await runMySavedSearch(actor, runId, locale);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      runError = error.message;
    }
  }
  const done = first(raw.done);
  const error = first(raw.error);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading title={t("title")} intro={t("intro", { max: SAVED_SEARCH_LIMITS.perUser })} />
      {done && (DONE as readonly string[]).includes(done) && (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t(`done.${done as (typeof DONE)[number]}`)}
        </p>
      )}
      {error && /^errors\.[\w.]+$/.test(error) && tRoot.has(error) && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {tRoot(error, { max: SAVED_SEARCH_LIMITS.perUser })}
        </p>
      )}

      {searches.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center" data-testid="saved-searches-empty">
          <p className="font-medium">{t("empty")}</p>
          <p className="mt-1 text-sm text-stone-600">{t("emptyHint")}</p>
          <p className="mt-3">
            <Link href="/opportunities" className="text-brand-700 underline">
              {t("emptyLink")}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="space-y-4" data-testid="saved-searches">
          {searches.map((search) => (
            <li key={search.id} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm" data-testid="saved-search" aria-labelledby={`saved-${search.id}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="space-y-1">
                  <h2 id={`saved-${search.id}`} className="text-lg font-semibold">
                    <Link href={search.href} className="hover:underline">
                      {search.name}
                    </Link>
                  </h2>
                  {search.params ? (
                    <SearchSummary params={search.params} taxonomy={taxonomy} locale={locale} />
                  ) : (
                    <p className="text-sm text-red-800">{tRoot("errors.savedSearch.staleQuery")}</p>
                  )}
                  <p className="text-xs text-stone-600">
                    {search.alert ? (search.baselineAt ? t("alertOnSince", { date: when(search.baselineAt) }) : t("alertOnPending")) : t("alertOff")}
                    {search.lastRunAt && ` · ${t("lastRun", { date: when(search.lastRunAt) })}`}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Link href={search.href} className={buttonClass("primary")}>
                    {t("open")}
                  </Link>
                  <Link href={`/investor/searches?run=${search.id}`} className={buttonClass("secondary")} aria-label={t("runLabel", { name: search.name })}>
                    {t("run")}
                  </Link>
                </div>
              </div>
              {run?.id === search.id && (
                <p role="status" className="rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="saved-search-count">
                  {run.totalRelation === "eq"
                    ? t("runCount", { count: run.total })
                    : t(run.totalRelation === "gte" ? "runCountAtLeast" : "runCountApprox", { formatted: format.number(run.total) })}{" "}
                  <Link href={run.href} className="font-medium underline">
                    {t("runSee")}
                  </Link>
                </p>
              )}
              {runId === search.id && runError && (
                <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
                  {tRoot.has(runError) ? tRoot(runError) : tRoot("errors.validation")}
                </p>
              )}
              <details className="text-sm">
                <summary className="cursor-pointer text-brand-700">{t("manage")}</summary>
                <div className="mt-3 space-y-3">
                  <RenameSavedSearchForm id={search.id} name={search.name} nameMax={SAVED_SEARCH_LIMITS.nameMax} />
                  <div className="flex flex-wrap gap-2">
                    <form action={setSavedSearchAlertAction}>
                      <input type="hidden" name="id" value={search.id} />
                      <input type="hidden" name="alert" value={search.alert ? "false" : "true"} />
                      <button type="submit" className={buttonClass("secondary")}>
                        {search.alert ? t("turnAlertOff") : t("turnAlertOn")}
                      </button>
                    </form>
                    <form action={deleteSavedSearchAction}>
                      <input type="hidden" name="id" value={search.id} />
                      <button type="submit" className={buttonClass("danger")} aria-label={t("deleteLabel", { name: search.name })}>
                        {t("delete")}
                      </button>
                    </form>
                  </div>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
