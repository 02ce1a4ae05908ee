// Reads of the user's own saved searches. The list is bounded by
// SAVED_SEARCH_LIMITS.perUser, so it needs no pagination.
import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { TLocale } from "@/lib/i18n/config";
import { searchListings } from "@/lib/listings/search";
import type { TSearchParams } from "@/lib/listings/search-schema";
import { savedSearchOwnWhere } from "./access";
import { parseStoredQuery, savedSearchHref } from "./query";

export type TSavedSearchDto = {
  id: string;
  name: string;
  alert: boolean;
  /** null when the stored filters no longer parse (e.g. a sector was removed). */
  params: TSearchParams | null;
  href: string;
  baselineAt: string | null;
  lastRunAt: string | null;
  createdAt: string;
};

export async function listMySavedSearches(actor: Pick<TActiveActor, "id">): Promise<TSavedSearchDto[]> {
  const rows = await db().savedSearch.findMany({
    where: savedSearchOwnWhere(actor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, alert: true, query: true, baselineAt: true, lastRunAt: true, createdAt: true },
  });
  return rows.map((row) => {
    const params = parseStoredQuery(row.query);
    return {
      id: row.id,
      name: row.name,
      alert: row.alert,
      params,
      href: savedSearchHref(params),
      baselineAt: row.baselineAt?.toISOString() ?? null,
      lastRunAt: row.lastRunAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export type TSavedSearchRun = { id: string; total: number; totalRelation: "eq" | "approx" | "gte"; href: string };

/**
 * "Run now": how many published listings match the saved filters today. A read:
 * it does not touch what the alerts have seen, so running it never swallows an alert.
 */
export async function runMySavedSearch(actor: Pick<TActiveActor, "id">, id: string, locale: TLocale): Promise<TSavedSearchRun> {
  const row = await db().savedSearch.findFirst({ where: { AND: [{ id }, savedSearchOwnWhere(actor)] }, select: { id: true, query: true } });
  if (!row) throw notFound();
  const params = parseStoredQuery(row.query);
  if (!params) throw new AppError("VALIDATION", "errors.savedSearch.staleQuery");
  const result = await searchListings({ ...params, limit: 1 }, { locale });
  return { id: row.id, total: result.total, totalRelation: result.totalRelation, href: savedSearchHref(params) };
}
