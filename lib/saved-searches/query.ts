// A saved search's filters: validated with the search schema on the way in,
// stored as the canonical URL query object (defaults left out, no cursor or
// page size), and parsed again on the way out — a stored query that no longer
// parses (a sector merged away) is reported, never guessed at.
import { AppError, type TFieldErrors } from "@/lib/errors";
import { assertKnownSectors } from "@/lib/listings/search";
import { parseSearchQuery, queryToObject, toSearchHref, toSearchQuery, type TSearchParams } from "@/lib/listings/search-schema";
import type { Prisma } from "@/lib/db/client";

export type TStoredQuery = Record<string, string | string[]>;

function invalid(fieldErrors: TFieldErrors, params?: Record<string, string | number>): AppError {
  // Keyed "query.<parameter>" so a form can show them under the query and an API client knows which filter.
  const keyed = Object.fromEntries(Object.entries(fieldErrors).map(([key, messages]) => [`query.${key}`, messages]));
  return new AppError("VALIDATION", "errors.savedSearch.invalidQuery", { fieldErrors: keyed, params });
}

/** Validates a URL query (422 with field errors per parameter) and returns the object to store. */
export async function normalizeSavedQuery(raw: string): Promise<TStoredQuery> {
  const parsed = parseSearchQuery(new URLSearchParams(raw.trim().replace(/^\?/, "")));
  if (!parsed.ok) throw invalid(parsed.fieldErrors);
  try {
    await assertKnownSectors(parsed.params.sector);
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") throw invalid(error.details.fieldErrors ?? {}, error.details.params);
    throw error;
  }
  // The filters, keyword, sort and currency; paging and page size are not part of what a saved search means.
  return queryToObject(toSearchQuery({ ...parsed.params, cursor: undefined, limit: undefined }));
}

/** The stored object → search parameters, or null when it no longer parses. */
export function parseStoredQuery(stored: Prisma.JsonValue): TSearchParams | null {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return null;
  const parsed = parseSearchQuery(stored as Record<string, string | string[]>);
  return parsed.ok ? { ...parsed.params, cursor: undefined } : null;
}

/** Link to the search page with the saved filters. */
export function savedSearchHref(params: TSearchParams | null): string {
  return params ? toSearchHref("/opportunities", params) : "/opportunities";
}
