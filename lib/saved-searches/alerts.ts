// Saved-search alerts. Each alerting search is run again (published listings
// only, through lib/listings/search.ts); the first run is a baseline that
// remembers what matches today and notifies nobody; later runs notify the owner
// once about the listings not seen before, then remember them too. Run hourly
// and after a listing is published (lib/notifications/jobs.ts), and by hand with
// `npm run saved-searches:run`.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { iterateSearch } from "@/lib/listings/search";
import { transactionWithEmails } from "@/lib/mail/outbox";
import { notify } from "@/lib/notifications/notify";
import { parseStoredQuery } from "./query";
import { SAVED_SEARCH_LIMITS } from "./schemas";

export type TSavedSearchRunOutcome = "baseline" | "notified" | "unchanged" | "skipped" | "invalid";

export type TAlertsResult = { searches: number; baselines: number; notified: number; newListings: number; invalid: number };

const BATCH = 100;

/** Ids of the newest published listings matching the filters (at most the tracked cap). */
async function matchingIds(query: unknown): Promise<string[] | null> {
  const params = parseStoredQuery(query as never);
  if (!params) return null;
  const ids: string[] = [];
  try {
    // Newest first whatever the saved sort: new listings are what an alert is about.
    for await (const item of iterateSearch({ ...params, sort: "newest" }, { locale: "en" }, { max: SAVED_SEARCH_LIMITS.trackedIds })) ids.push(item.id);
  } catch (error) {
    // A sector that has since been removed: the search cannot run until the owner saves it again.
    if (error instanceof AppError && error.code === "VALIDATION") return null;
    throw error;
  }
  return ids;
}

/** Runs one saved search's alert. Safe against a concurrent run of the same search (row lock, SKIP LOCKED). */
export async function runSavedSearchAlert(id: string, now: Date = new Date()): Promise<{ outcome: TSavedSearchRunOutcome; newListings: number }> {
  return transactionWithEmails(
    async (tx, send) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT s.id FROM saved_searches s JOIN users u ON u.id = s.user_id
        WHERE s.id = ${id}::uuid AND s.alert AND u.status = 'ACTIVE'
        FOR UPDATE OF s SKIP LOCKED`;
      if (!locked) return { outcome: "skipped" as const, newListings: 0 };
      const search = await tx.savedSearch.findUniqueOrThrow({
        where: { id },
        select: { id: true, userId: true, name: true, query: true, baselineAt: true, seenListingIds: true },
      });
      const ids = await matchingIds(search.query);
      if (!ids) {
        await tx.savedSearch.update({ where: { id }, data: { lastRunAt: now } });
        return { outcome: "invalid" as const, newListings: 0 };
      }
      if (!search.baselineAt) {
        await tx.savedSearch.update({ where: { id }, data: { baselineAt: now, lastRunAt: now, seenListingIds: ids } });
        return { outcome: "baseline" as const, newListings: 0 };
      }
      const seen = new Set(search.seenListingIds);
      const fresh = ids.filter((listingId) => !seen.has(listingId));
      if (!fresh.length) {
        await tx.savedSearch.update({ where: { id }, data: { lastRunAt: now } });
        return { outcome: "unchanged" as const, newListings: 0 };
      }
      // The new ones first, capped: a search matching more than the cap is tracked on its newest listings.
      const remembered = [...fresh, ...search.seenListingIds].slice(0, SAVED_SEARCH_LIMITS.trackedIds);
      await tx.savedSearch.update({ where: { id }, data: { lastRunAt: now, seenListingIds: remembered } });
      await notify(tx, { userIds: [search.userId], kind: "SAVED_SEARCH_MATCHES", payload: { savedSearchId: search.id, searchName: search.name, count: fresh.length } }, send);
      return { outcome: "notified" as const, newListings: fresh.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Runs every alerting saved search of active users, a batch at a time. */
export async function runSavedSearchAlerts(now: Date = new Date()): Promise<TAlertsResult> {
  const result: TAlertsResult = { searches: 0, baselines: 0, notified: 0, newListings: 0, invalid: 0 };
  let after: string | undefined;
  for (;;) {
    const batch = await db().savedSearch.findMany({
      where: { alert: true, user: { status: "ACTIVE" }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    if (!batch.length) return result;
    for (const { id } of batch) {
      const run = await runSavedSearchAlert(id, now);
      if (run.outcome === "skipped") continue;
      result.searches += 1;
      if (run.outcome === "baseline") result.baselines += 1;
      if (run.outcome === "invalid") result.invalid += 1;
      if (run.outcome === "notified") {
        result.notified += 1;
        result.newListings += run.newListings;
      }
    }
    after = batch.at(-1)!.id;
  }
}
