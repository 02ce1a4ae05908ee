// The incremental matching engine: re-matches one listing against investors, one
// investor against published listings, or everything. Candidates come from SQL
// (candidates.ts), scores from the pure scoreMatch, and results are written with
// one upsert per run that never touches a review decision.
//
// Storage rules:
// - only pairs scoring ≥ threshold are stored, and at most `maxPerInvestor`
//   SUGGESTED matches per investor (best first, compareMatches order). Reviewed
//   matches (APPROVED, REJECTED, INTRODUCED) do not count towards N and are never
//   deleted; their score, reasons and weights version are refreshed, their status
//   and review fields never change. DISMISSED rows are not candidates and are
//   left exactly as they are. One exception, before scoring: a REJECTED pair
//   whose sides changed materially since the rejection is reopened as
//   SUGGESTED (material.ts), so it competes again like any suggestion.
// - SUGGESTED matches that no longer qualify (listing unpublished, below the
//   threshold, outside the top N) are deleted.
// - A listing rematch inserts then trims each affected investor back to N, so a
//   new listing only survives where it is among that investor's best N. A listing
//   leaving someone's top N does not pull their N+1th back in until that investor
//   is rematched (or `match:recompute` runs): simple and never over the cap.
//
// Concurrency: the pair is unique and written with ON CONFLICT, so parallel runs
// cannot duplicate a row; runs for the same listing (or investor) also take a
// transaction-level advisory lock so their deletes and trims do not interleave.
import { db, Prisma } from "@/lib/db/client";
import { getSectorTaxonomy } from "@/lib/listings/sector-taxonomy";
import { candidateInvestorIds, candidateListingIds, reachableSectorIds } from "./candidates";
import { reopenChangedRejections } from "./material";
import { compareMatches, parseMatchingWeights, scoreMatch } from "./score";
import { INITIAL_MATCHING_WEIGHTS, type TMatchInvestor, type TMatchListing, type TMatchSectors, type TMatchingWeights, type TReason } from "./types";

/** What one run scores with: loaded once, shared by every pair of the run. */
export type TMatchingContext = {
  sectors: TMatchSectors;
  weights: TMatchingWeights;
  weightsVersion: number;
  threshold: number;
  maxPerInvestor: number;
  now: Date;
};

export type TRematchOptions = { context?: TMatchingContext };
export type TRematchResult = { candidates: number; stored: number; removed: number };
export type TRecomputeResult = { investors: number; stored: number; removed: number; durationMs: number };

type TScoredPair = { investorProfileId: string; listingId: string; score: number; reasons: TReason[] };

/** Version 1 as seeded; used only when no weights row exists yet (a fresh, unseeded database). */
const FALLBACK_SETTINGS = { version: 1, threshold: 40, maxPerInvestor: 100 } as const;
const LOAD_BATCH = 2_000;
const RECOMPUTE_BATCH = 500;
const RECOMPUTE_CONCURRENCY = 4;
const WRITE_ATTEMPTS = 3;

/** The sector tree and the latest weights version, read once per run. */
export async function loadMatchingContext(now: Date = new Date()): Promise<TMatchingContext> {
  const [taxonomy, latest] = await Promise.all([
    getSectorTaxonomy({ fresh: true }),
    db().matchingWeights.findFirst({ orderBy: { version: "desc" }, select: { version: true, weights: true, threshold: true, maxPerInvestor: true } }),
  ]);
  if (!latest) {
    return { sectors: taxonomy.byId, weights: { ...INITIAL_MATCHING_WEIGHTS }, weightsVersion: FALLBACK_SETTINGS.version, threshold: FALLBACK_SETTINGS.threshold, maxPerInvestor: FALLBACK_SETTINGS.maxPerInvestor, now };
  }
  return {
    sectors: taxonomy.byId,
    weights: parseMatchingWeights(latest.weights),
    weightsVersion: latest.version,
    threshold: latest.threshold,
    maxPerInvestor: latest.maxPerInvestor,
    now,
  };
}

// ───────────────────────────── loading ─────────────────────────────

const INVESTOR_SELECT = {
  id: true,
  sectorIds: true,
  ticketMinUsdCents: true,
  ticketMaxUsdCents: true,
  anywhereInPakistan: true,
  provinces: true,
  districts: true,
  instruments: true,
  stages: true,
} as const;

const LISTING_SELECT = {
  id: true,
  status: true,
  sectorIds: true,
  province: true,
  district: true,
  amountUsdCents: true,
  instruments: true,
  stage: true,
  publishedAt: true,
  updatedAt: true,
  completeness: true,
  incentives: { where: { supersededAt: null }, select: { name: true, nameJa: true, validFrom: true, validTo: true } },
} as const;

export async function loadInvestors(ids: readonly string[]): Promise<(TMatchInvestor & { id: string })[]> {
  const investors: (TMatchInvestor & { id: string })[] = [];
  for (let start = 0; start < ids.length; start += LOAD_BATCH) {
    const rows = await db().investorProfile.findMany({ where: { id: { in: ids.slice(start, start + LOAD_BATCH) } }, select: INVESTOR_SELECT });
    investors.push(...rows);
  }
  return investors;
}

export async function loadListings(ids: readonly string[], cache?: Map<string, TMatchListing>): Promise<TMatchListing[]> {
  const missing = cache ? ids.filter((id) => !cache.has(id)) : [...ids];
  const loaded = new Map<string, TMatchListing>();
  for (let start = 0; start < missing.length; start += LOAD_BATCH) {
    const rows = await db().listing.findMany({ where: { id: { in: missing.slice(start, start + LOAD_BATCH) } }, select: LISTING_SELECT });
    for (const row of rows) {
      loaded.set(row.id, row);
      cache?.set(row.id, row);
    }
  }
  return ids.flatMap((id) => {
    const listing = cache?.get(id) ?? loaded.get(id);
    return listing ? [listing] : [];
  });
}

// ───────────────────────────── writing ─────────────────────────────

function isRetryableWriteError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /deadlock detected|40P01|could not serialize|40001/.test(message);
}

/**
 * Runs `work` in a transaction holding the advisory lock for `lockKey`; retried
 * on deadlock (a listing run and an investor run may touch the same rows in
 * different orders).
 */
async function writeLocked<T>(lockKey: string, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db().$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
          return work(tx);
        },
        { timeout: 60_000, maxWait: 30_000 },
      );
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !isRetryableWriteError(error)) throw error;
    }
  }
}

/** Inserts or refreshes the pairs; status and review fields are never in the SET list. */
async function upsertMatches(tx: Prisma.TransactionClient, pairs: readonly TScoredPair[], context: TMatchingContext): Promise<number> {
  if (pairs.length === 0) return 0;
  // Sorted so concurrent writers lock rows in the same order.
  const sorted = [...pairs].sort((a, b) => (a.investorProfileId + a.listingId < b.investorProfileId + b.listingId ? -1 : 1));
  return tx.$executeRaw`
    INSERT INTO matches (id, investor_profile_id, listing_id, score, reasons, status, weights_version, scored_at, created_at, updated_at)
    SELECT gen_random_uuid(), t.investor_profile_id, t.listing_id, t.score, t.reasons::jsonb, 'SUGGESTED', ${context.weightsVersion}, ${context.now}, now(), now()
    FROM unnest(
      ${sorted.map((pair) => pair.investorProfileId)}::uuid[],
      ${sorted.map((pair) => pair.listingId)}::uuid[],
      ${sorted.map((pair) => pair.score)}::int[],
      ${sorted.map((pair) => JSON.stringify(pair.reasons))}::text[]
    ) AS t(investor_profile_id, listing_id, score, reasons)
    ON CONFLICT (investor_profile_id, listing_id) DO UPDATE
      SET score = EXCLUDED.score, reasons = EXCLUDED.reasons, weights_version = EXCLUDED.weights_version,
          scored_at = EXCLUDED.scored_at, updated_at = now()
      WHERE matches.status <> 'DISMISSED'`;
}

/** Deletes SUGGESTED matches beyond the best `maxPerInvestor` of each investor. */
async function trimToTopN(tx: Prisma.TransactionClient, profileIds: readonly string[], maxPerInvestor: number): Promise<number> {
  if (profileIds.length === 0) return 0;
  return tx.$executeRaw`
    DELETE FROM matches m
    USING (
      SELECT id, row_number() OVER (PARTITION BY investor_profile_id ORDER BY score DESC, listing_id ASC) AS rank
      FROM matches
      WHERE investor_profile_id = ANY(${[...profileIds]}::uuid[]) AND status = 'SUGGESTED'
    ) ranked
    WHERE m.id = ranked.id AND ranked.rank > ${maxPerInvestor} AND m.status = 'SUGGESTED'`;
}

// ───────────────────────────── listing ─────────────────────────────

/**
 * Re-matches one listing against investors. An unpublished (or missing) listing
 * loses its SUGGESTED matches; reviewed ones stay.
 */
export async function rematchListing(listingId: string, options: TRematchOptions = {}): Promise<TRematchResult> {
  const context = options.context ?? (await loadMatchingContext());
  // Rejected pairs whose sides changed materially compete again as suggestions.
  await reopenChangedRejections({ listingId });
  const [listing] = await loadListings([listingId]);
  let pairs: TScoredPair[] = [];
  let candidates = 0;
  if (listing && listing.status === "PUBLISHED") {
    const investorIds = await candidateInvestorIds({
      listingId,
      reachableSectorIds: reachableSectorIds(listing.sectorIds, context.sectors),
      amountUsdCents: listing.amountUsdCents,
    });
    candidates = investorIds.length;
    for (const investor of await loadInvestors(investorIds)) {
      const result = scoreMatch({ investor, listing, sectors: context.sectors, weights: context.weights, now: context.now });
      if (result && result.score >= context.threshold) {
        pairs.push({ investorProfileId: investor.id, listingId, score: result.score, reasons: result.reasons });
      }
    }
  }
  pairs = pairs.sort((a, b) => (a.investorProfileId < b.investorProfileId ? -1 : 1));
  const keptInvestorIds = pairs.map((pair) => pair.investorProfileId);

  return writeLocked(`matching.listing:${listingId}`, async (tx) => {
    await upsertMatches(tx, pairs, context);
    const stale = await tx.$executeRaw`
      DELETE FROM matches
      WHERE listing_id = ${listingId}::uuid AND status = 'SUGGESTED'
        AND NOT (investor_profile_id = ANY(${keptInvestorIds}::uuid[]))`;
    const trimmed = await trimToTopN(tx, keptInvestorIds, context.maxPerInvestor);
    const stored = await tx.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM matches WHERE listing_id = ${listingId}::uuid AND status <> 'DISMISSED'`;
    return { candidates, stored: stored[0]?.count ?? 0, removed: stale + trimmed };
  });
}

// ───────────────────────────── investor ─────────────────────────────

type TInvestorRunOptions = TRematchOptions & { listingCache?: Map<string, TMatchListing> };

async function rematchInvestorWith(profileId: string, context: TMatchingContext, listingCache?: Map<string, TMatchListing>): Promise<TRematchResult> {
  const [investor] = await loadInvestors([profileId]);
  let kept: TScoredPair[] = [];
  let candidates = 0;
  if (investor) {
    const listingIds = await candidateListingIds({ profileId, reachableSectorIds: reachableSectorIds(investor.sectorIds, context.sectors) });
    candidates = listingIds.length;
    const reviewed = new Set(
      (
        await db().match.findMany({ where: { investorProfileId: profileId, status: { notIn: ["SUGGESTED", "DISMISSED"] } }, select: { listingId: true } })
      ).map((row) => row.listingId),
    );
    const scored: TScoredPair[] = [];
    for (const listing of await loadListings(listingIds, listingCache)) {
      const result = scoreMatch({ investor, listing, sectors: context.sectors, weights: context.weights, now: context.now });
      if (result && result.score >= context.threshold) scored.push({ investorProfileId: profileId, listingId: listing.id, score: result.score, reasons: result.reasons });
    }
    scored.sort(compareMatches);
    // Reviewed matches are refreshed and never count towards the N suggestions.
    let suggestions = 0;
    kept = scored.filter((pair) => {
      if (reviewed.has(pair.listingId)) return true;
      suggestions += 1;
      return suggestions <= context.maxPerInvestor;
    });
  }
  const keptListingIds = kept.map((pair) => pair.listingId);

  return writeLocked(`matching.investor:${profileId}`, async (tx) => {
    await upsertMatches(tx, kept, context);
    const removed = await tx.$executeRaw`
      DELETE FROM matches
      WHERE investor_profile_id = ${profileId}::uuid AND status = 'SUGGESTED'
        AND NOT (listing_id = ANY(${keptListingIds}::uuid[]))`;
    return { candidates, stored: kept.length, removed };
  });
}

/** Re-matches one investor profile against every PUBLISHED listing. */
export async function rematchInvestor(profileId: string, options: TInvestorRunOptions = {}): Promise<TRematchResult> {
  const context = options.context ?? (await loadMatchingContext());
  await reopenChangedRejections({ profileId });
  return rematchInvestorWith(profileId, context, options.listingCache);
}

// ───────────────────────────── everything ─────────────────────────────

/**
 * Rebuilds every investor's matches: SUGGESTED matches of unpublished listings
 * are deleted in one statement, then investors are rematched in keyset batches
 * (a few at a time) with one context and a shared listing cache.
 */
export async function recomputeAll(
  options: TRematchOptions & { batchSize?: number; concurrency?: number; onBatch?: (done: number) => void } = {},
): Promise<TRecomputeResult> {
  const started = performance.now();
  const context = options.context ?? (await loadMatchingContext());
  const listingCache = new Map<string, TMatchListing>();
  await reopenChangedRejections("all");
  let removed = await db().$executeRaw`
    DELETE FROM matches m USING listings l
    WHERE m.listing_id = l.id AND m.status = 'SUGGESTED' AND l.status <> 'PUBLISHED'`;
  let investors = 0;
  let stored = 0;
  let after: string | undefined;
  const batchSize = options.batchSize ?? RECOMPUTE_BATCH;
  const concurrency = Math.max(1, options.concurrency ?? RECOMPUTE_CONCURRENCY);
  for (;;) {
    const batch = await db().investorProfile.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true },
    });
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.id;
    const queue = batch.map((row) => row.id);
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          const result = await rematchInvestorWith(id, context, listingCache);
          stored += result.stored;
          removed += result.removed;
        }
      }),
    );
    investors += batch.length;
    options.onBatch?.(investors);
  }
  return { investors, stored, removed, durationMs: Math.round(performance.now() - started) };
}
