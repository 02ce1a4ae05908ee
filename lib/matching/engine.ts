// The incremental matching engine: re-matches one listing against investors, one
// investor against published listings, or everything (recompute.ts). Candidates
// come from SQL through the indexes (candidates.ts); the listing rematch and the
// recompute also rank them in SQL with scoreMatch's arithmetic (sql-score.ts) so
// only pairs that can be stored come back; every stored score and reason is
// scoreMatch's. Writes follow store.ts and never touch a review decision.
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
// - A listing rematch writes a new pair only where it enters that investor's best
//   N (compared with the investor's Nth SUGGESTED score, read from the index), and
//   the investor's worst suggestions then make room. A listing leaving someone's
//   top N does not pull their N+1th back in until that investor is rematched (or
//   `match:recompute` runs). Two listings published at once cannot leave an
//   investor over the cap either (trimOvershoot).
//
// Concurrency: the pair is unique and written with ON CONFLICT, so parallel runs
// cannot duplicate a row; runs for the same listing (or investor) also take a
// transaction-level advisory lock so their deletes and trims do not interleave.
import { db, Prisma } from "@/lib/db/client";
import { getSectorTaxonomy } from "@/lib/listings/sector-taxonomy";
import { candidateListingIds, reachableSectorIds } from "./candidates";
import { reopenChangedRejections } from "./material";
import { compareMatches, parseMatchingWeights, scoreMatch, scoreSector, STAGE_FRACTION } from "./score";
import { listingPoints, pairScoreSql } from "./sql-score";
import { advisoryLocksSql, retryWrite, UPSERT_CONFLICT, upsertMatchesSql } from "./store";
import {
  INITIAL_MATCHING_WEIGHTS,
  STAGE_ORDER,
  type TMatchInvestor,
  type TMatchListing,
  type TMatchSectors,
  type TMatchingWeights,
} from "./types";

export { recomputeAll } from "./recompute";

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
export type TRecomputeResult = {
  investors: number;
  stored: number;
  removed: number;
  durationMs: number;
  /** Where the time went (recompute.ts), summed over its parallel sessions. */
  phases?: { load: number; find: number; score: number; store: number };
};

export type TScoredPair = { investorProfileId: string; listingId: string; score: number };

/** Version 1 as seeded; used only when no weights row exists yet (a fresh, unseeded database). */
const FALLBACK_SETTINGS = { version: 1, threshold: 40, maxPerInvestor: 100 } as const;
const LOAD_BATCH = 2_000;

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

/** Every PUBLISHED listing, as scoreMatch reads it (keyset pages through Prisma). */
export async function loadPublishedListings(): Promise<Map<string, TMatchListing>> {
  const listings = new Map<string, TMatchListing>();
  let after: string | undefined;
  for (;;) {
    const rows = await db().listing.findMany({
      where: { status: "PUBLISHED", ...(after === undefined ? {} : { id: { gt: after } }) },
      orderBy: { id: "asc" },
      take: LOAD_BATCH * 5,
      select: LISTING_SELECT,
    });
    for (const row of rows) listings.set(row.id, row);
    if (rows.length < LOAD_BATCH * 5) return listings;
    after = rows[rows.length - 1]!.id;
  }
}

// ───────────────────────────── writing ─────────────────────────────

/**
 * Runs `work` in a transaction holding the advisory lock for `lockKey`; retried
 * on deadlock (a listing run and an investor run may touch the same rows in
 * different orders).
 */
async function writeLocked<T>(lockKeys: string | readonly string[], work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const keys = typeof lockKeys === "string" ? [lockKeys] : [...lockKeys];
  return retryWrite(() =>
    db().$transaction(
      async (tx) => {
        await tx.$queryRaw(advisoryLocksSql(keys));
        return work(tx);
      },
      { timeout: 60_000, maxWait: 30_000 },
    ),
  );
}

/** Inserts or refreshes the pairs (store.ts has the rules). */
async function upsertMatches(tx: Prisma.TransactionClient, pairs: readonly TScoredPair[], context: TMatchingContext): Promise<number> {
  if (pairs.length === 0) return 0;
  return tx.$executeRaw(upsertMatchesSql(pairs, context));
}

/** SUGGESTED matches of listings that are no longer published, in one statement. */
export async function deleteUnpublishedSuggestions(): Promise<number> {
  return db().$executeRaw`
    DELETE FROM matches m USING listings l
    WHERE m.listing_id = l.id AND m.status = 'SUGGESTED' AND l.status <> 'PUBLISHED'`;
}

// ───────────────────────────── listing ─────────────────────────────

type TListingCandidateRow = { id: string; score: number; existing_status: string | null; nth_score: number | null; nth_listing: string | null };

/**
 * The listing's candidates as a query: investors whose sectors are in reach (GIN
 * on investor_profiles.sector_ids), inside the ticket window (GiST on
 * ticket_range), not dismissed, scored in SQL (sql-score.ts) and kept from the
 * threshold up, each with its existing match status and — for investors without
 * a match to this listing yet — the score of their Nth SUGGESTED match (read
 * from the (investor, status, score) index; NULL when they have fewer than N).
 *
 * The listing's side is prepared in code with score.ts's own functions: the
 * sector fraction is the first of four-or-so overlap tests (the sectors grouped
 * by the fraction an investor in them earns), the stage fraction per stage, the
 * listing-only points. Exported for the tests.
 */
export function listingCandidatesSql(listing: TMatchListing, context: TMatchingContext): Prisma.Sql | null {
  const reach = reachableSectorIds(listing.sectorIds, context.sectors);
  if (reach.length === 0) return null;
  // Sectors grouped by the fraction an investor in them earns against this listing, best first.
  const byFraction = new Map<number, string[]>();
  for (const id of new Set([...context.sectors.keys(), ...listing.sectorIds])) {
    const fraction = scoreSector([id], listing.sectorIds, context.sectors)?.fraction;
    if (fraction !== undefined) byFraction.set(fraction, [...(byFraction.get(fraction) ?? []), id]);
  }
  const sectorCases = [...byFraction.entries()]
    .sort(([a], [b]) => b - a)
    .map(([fraction, ids]) => Prisma.sql`WHEN p.sector_ids && ${ids}::uuid[] THEN ${fraction}::float8`);
  const stagePosition = (STAGE_ORDER as readonly string[]).indexOf(listing.stage);
  const adjacentStages = STAGE_ORDER.filter((_, index) => stagePosition >= 0 && Math.abs(index - stagePosition) === 1);
  const points = listingPoints(listing, context.weights, context.now);
  const district = listing.district !== null && listing.district.trim() !== "" ? listing.district.trim().toLowerCase() : null;
  const amount = listing.amountUsdCents !== null && listing.amountUsdCents > 0n ? listing.amountUsdCents : null;
  const score = pairScoreSql(
    {
      sector: Prisma.sql`(CASE ${Prisma.join(sectorCases, " ")} END)`,
      ticketLow: Prisma.sql`(CASE WHEN p.ticket_min_usd_cents > p.ticket_max_usd_cents THEN p.ticket_max_usd_cents ELSE p.ticket_min_usd_cents END)`,
      ticketHigh: Prisma.sql`(CASE WHEN p.ticket_min_usd_cents > p.ticket_max_usd_cents THEN p.ticket_min_usd_cents ELSE p.ticket_max_usd_cents END)`,
      // The score reads the amount as stored (0 included); the candidate window treats 0 as unknown.
      amount: Prisma.sql`${listing.amountUsdCents}::bigint`,
      anywhere: Prisma.sql`p.anywhere_in_pakistan`,
      // Normalised only when the listing names a district (the CASE in locationSql reaches it only then).
      districts: Prisma.sql`ARRAY(SELECT lower(btrim(d)) FROM unnest(p.districts) AS d)`,
      district: Prisma.sql`${district}::text`,
      provinces: Prisma.sql`p.provinces::text[]`,
      province: Prisma.sql`${listing.province}::text`,
      investorInstruments: Prisma.sql`p.instruments::text[]`,
      listingInstruments: Prisma.sql`${[...listing.instruments]}::text[]`,
      stage: Prisma.sql`(CASE WHEN coalesce(cardinality(p.stages), 0) = 0 THEN ${STAGE_FRACTION.unspecified}::float8
                  WHEN ${listing.stage}::text = ANY(p.stages::text[]) THEN ${STAGE_FRACTION.match}::float8
                  WHEN p.stages::text[] && ${adjacentStages}::text[] THEN ${STAGE_FRACTION.adjacent}::float8
                  ELSE 0::float8 END)`,
      listingPoints: [Prisma.sql`${points.incentive}::float8`, Prisma.sql`${points.freshness}::float8`, Prisma.sql`${points.completeness}::float8`],
    },
    context.weights,
  );
  return Prisma.sql`
    SELECT p.id, e.status AS existing_status, ${score} AS score
    FROM investor_profiles p
    LEFT JOIN (SELECT m.investor_profile_id, m.status::text AS status FROM matches m WHERE m.listing_id = ${listing.id}::uuid) e
      ON e.investor_profile_id = p.id
    WHERE p.sector_ids && ${reach}::uuid[]
      AND (${amount}::bigint IS NULL OR p.ticket_range IS NULL OR p.ticket_range && int8range(${amount}::bigint / 10, ${amount}::bigint * 10, '()'))
      AND (e.status IS NULL OR e.status <> 'DISMISSED')`;
}

/**
 * The candidates (`cand`: id, existing_status, score) at or above the threshold,
 * with the investor's Nth suggestion (score and listing, compareMatches order)
 * where it has no match to the listing yet and already holds N suggestions. The
 * trigger-kept investor_suggestion_counts says who is full and, for an investor
 * with exactly N (the usual case), which suggestion is the worst — the Nth —
 * so nothing is read from `matches`; only an investor over N (a moment's
 * overshoot) has its Nth read from the (investor, status, score, listing) index.
 */
function rankedCandidatesSql(context: TMatchingContext): Prisma.Sql {
  const n = context.maxPerInvestor;
  return Prisma.sql`
    SELECT c.id, c.score, c.existing_status, sc.suggestions,
      CASE WHEN sc.suggestions = ${n}::int THEN sc.worst_score ELSE nth.score END AS nth_score,
      CASE WHEN sc.suggestions = ${n}::int THEN sc.worst_listing_id ELSE nth.listing_id END AS nth_listing
    FROM cand c
    LEFT JOIN investor_suggestion_counts sc ON sc.investor_profile_id = c.id AND c.existing_status IS NULL
    LEFT JOIN LATERAL (
      SELECT m.score, m.listing_id FROM matches m
      WHERE sc.suggestions > ${n}::int AND m.investor_profile_id = c.id AND m.status = 'SUGGESTED'
      ORDER BY m.score DESC, m.listing_id OFFSET ${n}::int - 1 LIMIT 1
    ) nth ON true
    WHERE c.score >= ${context.threshold}::int`;
}

/** The listing's ranked candidates and how many there were (tests compare them with scoreMatch). */
export async function rankListingCandidates(listing: TMatchListing, context: TMatchingContext): Promise<{ candidates: number; rows: TListingCandidateRow[] }> {
  const cand = listingCandidatesSql(listing, context);
  if (!cand) return { candidates: 0, rows: [] };
  const rows = await db().$queryRaw<(Omit<TListingCandidateRow, "id"> & { id: string | null; total: number })[]>`
    WITH cand AS MATERIALIZED (${cand})
    SELECT t.total, r.id::text AS id, r.score, r.existing_status, r.nth_score, r.nth_listing::text AS nth_listing
    FROM (SELECT count(*)::int AS total FROM cand) t
    LEFT JOIN LATERAL (${rankedCandidatesSql(context)}) r ON true`;
  return { candidates: rows[0]?.total ?? 0, rows: rows.flatMap(({ total: _total, id, ...row }) => (id === null ? [] : [{ id, ...row }])) };
}

/** The listing rematch's one statement over its candidates `cand` (exported so the benchmark can EXPLAIN it). */
export function rematchListingSql(listingId: string, cand: Prisma.Sql, context: TMatchingContext): Prisma.Sql {
  const n = context.maxPerInvestor;
  return Prisma.sql`
      WITH cand AS MATERIALIZED (${cand}),
      ranked AS MATERIALIZED (${rankedCandidatesSql(context)}),
      kept AS MATERIALIZED (
        SELECT r.id AS pid, r.score, r.existing_status IS NULL AND r.nth_score IS NOT NULL AS makes_room,
          CASE WHEN r.suggestions = ${n}::int THEN r.nth_listing END AS evicted
        FROM ranked r
        WHERE r.existing_status IS NOT NULL OR r.nth_score IS NULL OR r.score > r.nth_score
           OR (r.score = r.nth_score AND ${listingId}::uuid < r.nth_listing)
      ),
      upserted AS (
        INSERT INTO matches (id, investor_profile_id, listing_id, score, status, weights_version, scored_at, created_at, updated_at)
        SELECT gen_random_uuid(), k.pid, ${listingId}::uuid, k.score, 'SUGGESTED', ${context.weightsVersion}::int,
          (${context.now.toISOString()}::timestamptz AT TIME ZONE 'UTC'), now(), now()
        FROM kept k
        ORDER BY k.pid -- concurrent writers lock rows in the same order
        ${UPSERT_CONFLICT}
      ),
      stale AS (
        DELETE FROM matches m
        WHERE m.listing_id = ${listingId}::uuid AND m.status = 'SUGGESTED'
          AND NOT EXISTS (SELECT 1 FROM kept k WHERE k.pid = m.investor_profile_id)
        RETURNING 1
      ),
      trimmed AS (
        -- A full investor keeps its best N - 1 suggestions besides this listing's: with exactly N, its
        -- worst goes; over N (rare), everything past its N - 1st.
        DELETE FROM matches m
        USING (
          SELECT k.pid, k.evicted AS listing_id FROM kept k WHERE k.makes_room AND k.evicted IS NOT NULL
          UNION ALL
          SELECT k.pid, worst.listing_id FROM kept k
          CROSS JOIN LATERAL (
            SELECT x.listing_id FROM matches x
            WHERE x.investor_profile_id = k.pid AND x.status = 'SUGGESTED' AND x.listing_id <> ${listingId}::uuid
            ORDER BY x.score DESC, x.listing_id OFFSET ${n}::int - 1
          ) worst
          WHERE k.makes_room AND k.evicted IS NULL
        ) doomed
        WHERE m.investor_profile_id = doomed.pid AND m.listing_id = doomed.listing_id AND m.status = 'SUGGESTED'
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM cand)::int AS total, (SELECT count(*) FROM kept)::int AS stored,
        ((SELECT count(*) FROM stale) + (SELECT count(*) FROM trimmed))::int AS removed`;
}

/**
 * Re-matches one listing against investors, in one statement. An unpublished (or
 * missing) listing loses its SUGGESTED matches; reviewed ones stay. A pair is
 * written where it is already stored or enters the investor's best N (it beats
 * their Nth suggestion: a higher score, or the same score and a smaller listing
 * id — compareMatches' order); an investor that was full then loses its worst
 * suggestion. The listing's other SUGGESTED matches go.
 */
export async function rematchListing(listingId: string, options: TRematchOptions = {}): Promise<TRematchResult> {
  const context = options.context ?? (await loadMatchingContext());
  // Rejected pairs whose sides changed materially compete again as suggestions.
  await reopenChangedRejections({ listingId });
  const [listing] = await loadListings([listingId]);
  const cand = (listing && listing.status === "PUBLISHED" ? listingCandidatesSql(listing, context) : null) ?? Prisma.sql`SELECT NULL::uuid AS id, NULL::text AS existing_status, 0 AS score WHERE false`;
  const statement = rematchListingSql(listingId, cand, context);
  return writeLocked(`matching.listing:${listingId}`, async (tx) => {
    const [row] = await tx.$queryRaw<{ total: number; stored: number; removed: number }[]>(statement);
    const overshoot = await trimOvershoot(tx, listingId, context.maxPerInvestor);
    return { candidates: row?.total ?? 0, stored: row?.stored ?? 0, removed: (row?.removed ?? 0) + overshoot };
  });
}

/**
 * Two listings published at once may both enter a full investor's best N and
 * evict the same worst suggestion, leaving N + 1. The count triggers hold the
 * investor's count row from our insert to our commit, so a concurrent run waits
 * there until we commit; this statement (a fresh snapshot) then sees every
 * committed suggestion of the investors holding this listing, and trims any
 * over N back to their best N. Usually it finds nobody over N.
 */
async function trimOvershoot(tx: Prisma.TransactionClient, listingId: string, maxPerInvestor: number): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM matches m
    USING (
      SELECT x.id FROM matches held
      JOIN investor_suggestion_counts c ON c.investor_profile_id = held.investor_profile_id AND c.suggestions > ${maxPerInvestor}::int
      CROSS JOIN LATERAL (
        SELECT x.id FROM matches x
        WHERE x.investor_profile_id = held.investor_profile_id AND x.status = 'SUGGESTED'
        ORDER BY x.score DESC, x.listing_id OFFSET ${maxPerInvestor}::int
      ) x
      WHERE held.listing_id = ${listingId}::uuid AND held.status = 'SUGGESTED'
    ) doomed
    WHERE m.id = doomed.id AND m.status = 'SUGGESTED'`;
}

// ───────────────────────────── investor ─────────────────────────────

type TInvestorRunOptions = TRematchOptions & { listingCache?: Map<string, TMatchListing> };

export async function rematchInvestorWith(profileId: string, context: TMatchingContext, listingCache?: Map<string, TMatchListing>): Promise<TRematchResult> {
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
      if (result && result.score >= context.threshold) scored.push({ investorProfileId: profileId, listingId: listing.id, score: result.score });
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

