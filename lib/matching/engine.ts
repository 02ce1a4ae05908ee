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
//   `match:recompute` runs): simple and never over the cap.
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
import { advisoryLocksSql, isRetryableWriteError, upsertMatchesSql } from "./store";
import {
  INITIAL_MATCHING_WEIGHTS,
  STAGE_ORDER,
  type TMatchInvestor,
  type TMatchListing,
  type TMatchSectors,
  type TMatchingWeights,
  type TReason,
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
  phases?: { load: number; prepare: number; store: number };
};

export type TScoredPair = { investorProfileId: string; listingId: string; score: number };

/** Version 1 as seeded; used only when no weights row exists yet (a fresh, unseeded database). */
const FALLBACK_SETTINGS = { version: 1, threshold: 40, maxPerInvestor: 100 } as const;
const LOAD_BATCH = 2_000;
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
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db().$transaction(
        async (tx) => {
          await tx.$queryRaw(advisoryLocksSql(keys));
          return work(tx);
        },
        { timeout: 60_000, maxWait: 30_000 },
      );
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !isRetryableWriteError(error)) throw error;
    }
  }
}

/** Inserts or refreshes the pairs (store.ts has the rules). */
async function upsertMatches(tx: Prisma.TransactionClient, pairs: readonly TScoredPair[], context: TMatchingContext): Promise<number> {
  if (pairs.length === 0) return 0;
  return tx.$executeRaw(upsertMatchesSql(pairs, context));
}

/**
 * Deletes SUGGESTED matches beyond the best `maxPerInvestor` of each investor,
 * worst first (score ascending, then listing id descending: compareMatches
 * reversed), reading each investor's rows from the (investor, status, score) index.
 */
async function trimToTopN(tx: Prisma.TransactionClient, profileIds: readonly string[], maxPerInvestor: number): Promise<number> {
  if (profileIds.length === 0) return 0;
  return tx.$executeRaw`
    DELETE FROM matches m
    USING (
      SELECT worst.id
      FROM unnest(${[...profileIds]}::uuid[]) AS f(profile_id)
      CROSS JOIN LATERAL (
        SELECT x.id FROM matches x
        WHERE x.investor_profile_id = f.profile_id AND x.status = 'SUGGESTED'
        ORDER BY x.score ASC, x.listing_id DESC
        LIMIT greatest(0, (SELECT count(*) FROM matches c WHERE c.investor_profile_id = f.profile_id AND c.status = 'SUGGESTED') - ${maxPerInvestor})
      ) worst
    ) doomed
    WHERE m.id = doomed.id AND m.status = 'SUGGESTED'`;
}

/** SUGGESTED matches of listings that are no longer published, in one statement. */
export async function deleteUnpublishedSuggestions(): Promise<number> {
  return db().$executeRaw`
    DELETE FROM matches m USING listings l
    WHERE m.listing_id = l.id AND m.status = 'SUGGESTED' AND l.status <> 'PUBLISHED'`;
}

// ───────────────────────────── listing ─────────────────────────────

type TListingCandidateRow = {
  total: number;
  id: string | null;
  score: number | null;
  existing_status: string | null;
  nth_score: number | null;
  sector_ids: string[] | null;
  ticket_min_usd_cents: bigint | null;
  ticket_max_usd_cents: bigint | null;
  anywhere_in_pakistan: boolean | null;
  provinces: string[] | null;
  districts: string[] | null;
  instruments: string[] | null;
  stages: string[] | null;
};

/**
 * The listing's candidates (sector overlap on the investors' GIN index, ticket
 * window on the GiST range, not dismissed), scored in SQL, keeping only the pairs
 * that can be stored: at or above the threshold (less one point, a margin for
 * scoreMatch's final word), and either already stored for this listing or able to
 * enter the investor's best N — read from the (investor, status, score) index as
 * the investor's Nth SUGGESTED score. Returns the candidate count and those rows
 * with what scoreMatch needs of the investor. Exported for the tests.
 */
export async function rankListingCandidates(listing: TMatchListing, context: TMatchingContext): Promise<{ candidates: number; rows: TListingCandidateRow[] }> {
  const reach = reachableSectorIds(listing.sectorIds, context.sectors);
  if (reach.length === 0) return { candidates: 0, rows: [] };
  // The sector fraction an investor in each sector earns against this listing (max over the investor's sectors).
  const sectorIds = [...new Set([...context.sectors.keys(), ...listing.sectorIds])];
  const sectorFractions = sectorIds.map((id) => scoreSector([id], listing.sectorIds, context.sectors)?.fraction ?? null);
  const stagePosition = (STAGE_ORDER as readonly string[]).indexOf(listing.stage);
  const adjacentStages = STAGE_ORDER.filter((_, index) => stagePosition >= 0 && Math.abs(index - stagePosition) === 1);
  const points = listingPoints(listing, context.weights, context.now);
  const district = listing.district !== null && listing.district.trim() !== "" ? listing.district.trim().toLowerCase() : null;
  const amount = listing.amountUsdCents !== null && listing.amountUsdCents > 0n ? listing.amountUsdCents : null;
  const listingInstruments = [...listing.instruments];
  const score = pairScoreSql(
    {
      sector: Prisma.sql`c.sector_fraction`,
      ticketLow: Prisma.sql`c.ticket_low`,
      ticketHigh: Prisma.sql`c.ticket_high`,
      // The score reads the amount as stored (0 included); the candidate window treats 0 as unknown.
      amount: Prisma.sql`${listing.amountUsdCents}::bigint`,
      anywhere: Prisma.sql`c.anywhere_in_pakistan`,
      districts: Prisma.sql`c.districts_norm`,
      district: Prisma.sql`${district}::text`,
      provinces: Prisma.sql`c.provinces`,
      province: Prisma.sql`${listing.province}::text`,
      investorInstruments: Prisma.sql`c.instruments`,
      listingInstruments: Prisma.sql`${listingInstruments}::text[]`,
      stage: Prisma.sql`(CASE WHEN coalesce(cardinality(c.stages), 0) = 0 THEN ${STAGE_FRACTION.unspecified}::float8
                  WHEN ${listing.stage}::text = ANY(c.stages) THEN ${STAGE_FRACTION.match}::float8
                  WHEN c.stages && ${adjacentStages}::text[] THEN ${STAGE_FRACTION.adjacent}::float8 ELSE 0::float8 END)`,
      listingPoints: [Prisma.sql`${points.incentive}::float8`, Prisma.sql`${points.freshness}::float8`, Prisma.sql`${points.completeness}::float8`],
    },
    context.weights,
  );
  const rows = await db().$queryRaw<TListingCandidateRow[]>`WITH existing AS (
       SELECT investor_profile_id, status::text AS status FROM matches WHERE listing_id = ${listing.id}::uuid
     ),
     fractions AS (
       SELECT f.sector_id, f.fraction FROM unnest(${sectorIds}::uuid[], ${sectorFractions}::float8[]) AS f(sector_id, fraction) WHERE f.fraction IS NOT NULL
     ),
     cand AS (
       SELECT p.id, e.status AS existing_status, p.sector_ids, p.ticket_min_usd_cents, p.ticket_max_usd_cents, p.anywhere_in_pakistan,
         p.provinces::text[] AS provinces, p.districts, p.instruments::text[] AS instruments, p.stages::text[] AS stages,
         CASE WHEN p.ticket_min_usd_cents > p.ticket_max_usd_cents THEN p.ticket_max_usd_cents ELSE p.ticket_min_usd_cents END AS ticket_low,
         CASE WHEN p.ticket_min_usd_cents > p.ticket_max_usd_cents THEN p.ticket_min_usd_cents ELSE p.ticket_max_usd_cents END AS ticket_high,
         (SELECT array_agg(lower(btrim(d))) FROM unnest(p.districts) AS d) AS districts_norm,
         (SELECT max(f.fraction) FROM unnest(p.sector_ids) AS s(id) JOIN fractions f ON f.sector_id = s.id) AS sector_fraction
       FROM investor_profiles p
       LEFT JOIN existing e ON e.investor_profile_id = p.id
       WHERE p.sector_ids && ${reach}::uuid[]
         AND (${amount}::bigint IS NULL OR p.ticket_range IS NULL OR p.ticket_range && int8range(${amount}::bigint / 10, ${amount}::bigint * 10, '()'))
         AND (e.status IS NULL OR e.status <> 'DISMISSED')
     ),
     scored AS (SELECT c.*, ${score} AS score FROM cand c)
     SELECT t.total, x.* FROM (SELECT count(*)::int AS total FROM cand) t
     LEFT JOIN LATERAL (
       SELECT s.id::text AS id, s.score, s.existing_status, nth.score AS nth_score, s.sector_ids::text[] AS sector_ids,
         s.ticket_min_usd_cents, s.ticket_max_usd_cents, s.anywhere_in_pakistan, s.provinces, s.districts, s.instruments, s.stages
       FROM scored s
       LEFT JOIN LATERAL (
         SELECT m.score FROM matches m
         WHERE s.existing_status IS NULL AND m.investor_profile_id = s.id AND m.status = 'SUGGESTED'
         ORDER BY m.score DESC OFFSET ${context.maxPerInvestor}::int - 1 LIMIT 1
       ) nth ON true
       WHERE s.score >= ${context.threshold}::int - 1
         AND (s.existing_status IS NOT NULL OR nth.score IS NULL OR s.score >= nth.score - 1)
     ) x ON true`;
  return { candidates: rows[0]?.total ?? 0, rows: rows.filter((row) => row.id !== null) };
}

/**
 * Re-matches one listing against investors. An unpublished (or missing) listing
 * loses its SUGGESTED matches; reviewed ones stay. Each pair the SQL ranking keeps
 * is rescored with scoreMatch; a new pair is written only where it enters the
 * investor's best N, and that investor's worst suggestion then makes room.
 */
export async function rematchListing(listingId: string, options: TRematchOptions = {}): Promise<TRematchResult> {
  const context = options.context ?? (await loadMatchingContext());
  // Rejected pairs whose sides changed materially compete again as suggestions.
  await reopenChangedRejections({ listingId });
  const [listing] = await loadListings([listingId]);
  const pairs: TScoredPair[] = [];
  const makeRoom: string[] = [];
  let candidates = 0;
  if (listing && listing.status === "PUBLISHED") {
    const ranked = await rankListingCandidates(listing, context);
    candidates = ranked.candidates;
    for (const row of ranked.rows) {
      const investor: TMatchInvestor = {
        sectorIds: row.sector_ids ?? [],
        ticketMinUsdCents: row.ticket_min_usd_cents,
        ticketMaxUsdCents: row.ticket_max_usd_cents,
        anywhereInPakistan: row.anywhere_in_pakistan ?? false,
        provinces: row.provinces ?? [],
        districts: row.districts ?? [],
        instruments: row.instruments ?? [],
        stages: row.stages ?? [],
      };
      const result = scoreMatch({ investor, listing, sectors: context.sectors, weights: context.weights, now: context.now });
      if (!result || result.score < context.threshold) continue;
      if (row.existing_status === null && row.nth_score !== null) {
        // The investor already has N suggestions: below the Nth, the pair would be trimmed at once.
        if (result.score < row.nth_score) continue;
        makeRoom.push(row.id!);
      }
      pairs.push({ investorProfileId: row.id!, listingId, score: result.score });
    }
  }
  pairs.sort((a, b) => (a.investorProfileId < b.investorProfileId ? -1 : 1));
  const keptInvestorIds = pairs.map((pair) => pair.investorProfileId);
  makeRoom.sort();

  return writeLocked(`matching.listing:${listingId}`, async (tx) => {
    await upsertMatches(tx, pairs, context);
    const stale = await tx.$executeRaw`
      DELETE FROM matches
      WHERE listing_id = ${listingId}::uuid AND status = 'SUGGESTED'
        AND NOT (investor_profile_id = ANY(${keptInvestorIds}::uuid[]))`;
    const trimmed = await trimToTopN(tx, makeRoom, context.maxPerInvestor);
    const stored = await tx.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM matches WHERE listing_id = ${listingId}::uuid AND status <> 'DISMISSED'`;
    return { candidates, stored: stored[0]?.count ?? 0, removed: stale + trimmed };
  });
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

