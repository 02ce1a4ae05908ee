// The full recompute (`npm run match:recompute`, first start, the benchmark):
// every investor against every published listing, set-based.
//
// One snapshot of the published listings is loaded once; each worker copies the
// pieces SQL scoring needs (sectors, place, amount, instruments, stage, and the
// listing-only points computed in code) into a session temp table with its own
// GIN index on the sectors. Investors then go in batches: one statement per batch
// finds each investor's candidates through that index (plus the ticket window on
// the investor's range), scores them in SQL (sql-score.ts) and returns only the
// best N per investor, reviewed pairs on top. Those pairs are rescored with
// scoreMatch (the stored score and reasons are always scoreMatch's); an investor
// whose SQL and code scores ever differ is rematched the slow way instead. Writes
// are one upsert and one delete per batch, under each investor's advisory lock.
import pg from "pg";
import { db, Prisma } from "@/lib/db/client";
import { reopenChangedRejections } from "./material";
import { compareMatches, scoreMatch } from "./score";
import { listingPoints, pairScoreSql, pgArrayLiteral, prepareInvestorSide, stagePositionSql } from "./sql-score";
import { queryOn, writeInvestorBatch } from "./store";
import type { TMatchInvestor, TMatchListing } from "./types";
import {
  deleteUnpublishedSuggestions,
  loadInvestors,
  loadMatchingContext,
  loadPublishedListings,
  rematchInvestorWith,
  type TMatchingContext,
  type TRecomputeResult,
  type TRematchOptions,
  type TScoredPair,
} from "./engine";

const RECOMPUTE_BATCH = 500;
const RECOMPUTE_CONCURRENCY = 2;

export type TRecomputeOptions = TRematchOptions & {
  batchSize?: number;
  /** Parallel database sessions (each scores its own batches). */
  concurrency?: number;
  onBatch?: (done: number) => void;
};

/** One batch's investor-side inputs, one PostgreSQL array literal per investor where an investor has a list. */
export type TSelectionBatch = {
  ids: string[];
  reach: string[];
  reachFractions: string[];
  stageFractions: string[];
  districts: string[];
  excluded: string[];
  reviewed: string[];
};

/** The selection statement of a run (scores with the run's weights), for one batch of investors at a time. */
export type TSelection = (batch: TSelectionBatch) => Prisma.Sql;

export function selectionSql(context: TMatchingContext): TSelection {
  const score = pairScoreSql(
    {
      sector: Prisma.sql`greatest(i.reach_frac[array_position(i.reach, l.sector_ids[1])], i.reach_frac[array_position(i.reach, l.sector_ids[2])])`,
      ticketLow: Prisma.sql`i.ticket_low`,
      ticketHigh: Prisma.sql`i.ticket_high`,
      amount: Prisma.sql`l.amount`,
      anywhere: Prisma.sql`i.anywhere_in_pakistan`,
      districts: Prisma.sql`i.districts`,
      district: Prisma.sql`l.district`,
      provinces: Prisma.sql`i.provinces`,
      province: Prisma.sql`l.province`,
      investorInstruments: Prisma.sql`i.instruments`,
      listingInstruments: Prisma.sql`l.instruments`,
      stage: Prisma.sql`coalesce(i.stage_frac[l.stage_position], 0::float8)`,
      listingPoints: [Prisma.sql`l.p_incentive`, Prisma.sql`l.p_freshness`, Prisma.sql`l.p_completeness`],
    },
    context.weights,
  );
  // Listings carry at most two sectors (a trigger enforces it), hence [1] and [2].
  return (batch) => Prisma.sql`
    WITH inv AS MATERIALIZED (
      SELECT t.pid, t.reach::uuid[] AS reach, t.reach_frac::float8[] AS reach_frac, t.stage_frac::float8[] AS stage_frac,
        t.districts::text[] AS districts, t.excluded::uuid[] AS excluded, t.reviewed::uuid[] AS reviewed,
        CASE WHEN p.ticket_min_usd_cents > p.ticket_max_usd_cents THEN p.ticket_max_usd_cents ELSE p.ticket_min_usd_cents END AS ticket_low,
        CASE WHEN p.ticket_min_usd_cents > p.ticket_max_usd_cents THEN p.ticket_min_usd_cents ELSE p.ticket_max_usd_cents END AS ticket_high,
        p.anywhere_in_pakistan, p.provinces, p.instruments
      FROM unnest(${batch.ids}::uuid[], ${batch.reach}::text[], ${batch.reachFractions}::text[], ${batch.stageFractions}::text[],
                  ${batch.districts}::text[], ${batch.excluded}::text[], ${batch.reviewed}::text[])
        AS t(pid, reach, reach_frac, stage_frac, districts, excluded, reviewed)
      JOIN investor_profiles p ON p.id = t.pid
    )
    SELECT i.pid::text AS pid, c.id::text AS lid, c.score
    FROM inv i
    CROSS JOIN LATERAL (
      SELECT s.id, s.score FROM (
        SELECT l.id, ${score} AS score, l.id = ANY(i.reviewed) AS reviewed
        FROM kizuna_recompute_listings l
        WHERE l.sector_ids && i.reach
          AND (l.window_low IS NULL
               OR ((i.ticket_low IS NULL OR i.ticket_low <= l.window_high) AND (i.ticket_high IS NULL OR i.ticket_high >= l.window_low)))
          AND NOT (l.id = ANY(i.excluded))
        OFFSET 0 -- keeps the subquery: the score is computed once, not again for the filter and the sort
      ) s
      WHERE s.score >= ${context.threshold}::int
      ORDER BY s.reviewed DESC, s.score DESC, s.id
      LIMIT ${context.maxPerInvestor}::int + cardinality(i.reviewed)
    ) c`;
}

export async function createSnapshot(client: pg.Client, listings: readonly TMatchListing[], context: TMatchingContext): Promise<void> {
  const points = listings.map((listing) => listingPoints(listing, context.weights, context.now));
  await client.query("DROP TABLE IF EXISTS kizuna_recompute_listings");
  await queryOn(
    client,
    Prisma.sql`CREATE TEMP TABLE kizuna_recompute_listings AS
     SELECT l.id, l.sector_ids, l.province,
       CASE WHEN btrim(l.district) <> '' THEN lower(btrim(l.district)) END AS district,
       l.amount_usd_cents AS amount, l.instruments, ${stagePositionSql(Prisma.sql`l.stage`)} AS stage_position,
       -- The ticket window of candidates.ts as integer bounds: the investor's [min, max] must meet the
       -- open window (amount / 10, amount × 10) — what ticket_range && int8range(…, '()') tests, minus
       -- building a range per pair. NULL: amount unknown, every range is a candidate.
       CASE WHEN l.amount_usd_cents > 0 THEN l.amount_usd_cents / 10 + 1 END AS window_low,
       CASE WHEN l.amount_usd_cents > 0 THEN l.amount_usd_cents * 10 - 1 END AS window_high,
       x.p_incentive, x.p_freshness, x.p_completeness
     FROM unnest(${listings.map((listing) => listing.id)}::uuid[], ${points.map((p) => p.incentive)}::float8[],
                 ${points.map((p) => p.freshness)}::float8[], ${points.map((p) => p.completeness)}::float8[])
       AS x(id, p_incentive, p_freshness, p_completeness)
     JOIN listings l ON l.id = x.id`,
  );
  await client.query("CREATE INDEX ON kizuna_recompute_listings USING gin (sector_ids)");
  await client.query("ANALYZE kizuna_recompute_listings");
}

type TBatchOutcome = { stored: number; removed: number; fallback: string[] };
/** Milliseconds spent per phase, summed over the sessions (they overlap in time). */
export type TRecomputePhases = { load: number; rank: number; rescore: number; write: number };

/**
 * Runs the selection statement for a batch of investors on a session holding
 * the snapshot: each investor's reviewed pairs (at or above the threshold) and
 * best N other candidates, with their SQL scores. Exported for the tests.
 */
export async function rankInvestorBatch(input: {
  client: pg.ClientBase;
  sql: TSelection;
  investors: readonly (TMatchInvestor & { id: string })[];
  reviewed: ReadonlyMap<string, ReadonlySet<string>>;
  excluded: ReadonlyMap<string, readonly string[]>;
  context: TMatchingContext;
}): Promise<{ pid: string; lid: string; score: number }[]> {
  const { investors, context } = input;
  const sides = investors.map((investor) => prepareInvestorSide(investor, context.sectors));
  const statement = input.sql({
    ids: investors.map((investor) => investor.id),
    reach: sides.map((side) => pgArrayLiteral(side.reach)),
    reachFractions: sides.map((side) => pgArrayLiteral(side.reachFractions)),
    stageFractions: sides.map((side) => pgArrayLiteral(side.stageFractions)),
    districts: sides.map((side) => pgArrayLiteral(side.districts)),
    excluded: investors.map((investor) => pgArrayLiteral(input.excluded.get(investor.id) ?? [])),
    reviewed: investors.map((investor) => pgArrayLiteral([...(input.reviewed.get(investor.id) ?? [])])),
  });
  const { rows } = await queryOn<{ pid: string; lid: string; score: number }>(input.client, statement);
  return rows;
}

/** Ranks, rescores and writes one batch of investors. */
async function recomputeBatch(input: {
  client: pg.Client;
  sql: TSelection;
  profileIds: string[];
  listings: ReadonlyMap<string, TMatchListing>;
  context: TMatchingContext;
  phases: TRecomputePhases;
}): Promise<TBatchOutcome> {
  const { client, context, profileIds, phases } = input;
  let mark = performance.now();
  const lap = (phase: keyof TRecomputePhases) => {
    const now = performance.now();
    phases[phase] += now - mark;
    mark = now;
  };
  const investors = new Map((await loadInvestors(profileIds)).map((investor) => [investor.id, investor]));
  const decisions = await db().match.findMany({
    where: { investorProfileId: { in: profileIds }, status: { not: "SUGGESTED" } },
    select: { investorProfileId: true, listingId: true, status: true },
  });
  const reviewed = new Map<string, Set<string>>();
  const excluded = new Map<string, string[]>();
  for (const decision of decisions) {
    if (decision.status === "DISMISSED") excluded.set(decision.investorProfileId, [...(excluded.get(decision.investorProfileId) ?? []), decision.listingId]); // rare: no need to be clever
    else reviewed.set(decision.investorProfileId, (reviewed.get(decision.investorProfileId) ?? new Set()).add(decision.listingId));
  }
  const ids = profileIds.filter((id) => investors.has(id));
  lap("load");
  const rows = await rankInvestorBatch({ client, sql: input.sql, investors: ids.map((id) => investors.get(id)!), reviewed, excluded, context });
  lap("rank");

  const ranked = new Map<string, { lid: string; score: number }[]>();
  for (const row of rows) {
    const list = ranked.get(row.pid);
    if (list) list.push(row);
    else ranked.set(row.pid, [row]);
  }
  const kept: TScoredPair[] = [];
  const fallback: string[] = [];
  for (const id of ids) {
    const investor: TMatchInvestor = investors.get(id)!;
    const scored: TScoredPair[] = [];
    let agrees = true;
    for (const { lid, score } of ranked.get(id) ?? []) {
      const listing = input.listings.get(lid);
      const result = listing ? scoreMatch({ investor, listing, sectors: context.sectors, weights: context.weights, now: context.now }) : null;
      if (!result || result.score !== score) {
        agrees = false;
        break;
      }
      scored.push({ investorProfileId: id, listingId: lid, score: result.score });
    }
    if (!agrees) {
      fallback.push(id);
      continue;
    }
    scored.sort(compareMatches);
    const decided = reviewed.get(id);
    let suggestions = 0;
    for (const pair of scored) {
      if (decided?.has(pair.listingId)) kept.push(pair);
      else if (++suggestions <= context.maxPerInvestor) kept.push(pair);
    }
  }
  const written = ids.filter((id) => !fallback.includes(id));
  lap("rescore");
  const removed = await writeInvestorBatch(client, written, kept, context);
  lap("write");
  return { stored: kept.length, removed, fallback };
}

/**
 * Rebuilds every investor's matches: SUGGESTED matches of unpublished listings
 * are deleted in one statement, then investors are ranked in SQL and written in
 * batches by `concurrency` sessions.
 */
export async function recomputeAll(options: TRecomputeOptions = {}): Promise<TRecomputeResult> {
  const started = performance.now();
  const context = options.context ?? (await loadMatchingContext());
  // Rejected pairs whose sides changed materially compete again as suggestions.
  await reopenChangedRejections("all");
  let removed = await deleteUnpublishedSuggestions();
  const listings = await loadPublishedListings();
  const profileIds = (await db().investorProfile.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((row) => row.id);
  const batchSize = Math.max(1, options.batchSize ?? RECOMPUTE_BATCH);
  const batches: string[][] = [];
  for (let start = 0; start < profileIds.length; start += batchSize) batches.push(profileIds.slice(start, start + batchSize));
  const sql = selectionSql(context);
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");

  let stored = 0;
  let investors = 0;
  const phases: TRecomputePhases = { load: 0, rank: 0, rescore: 0, write: 0 };
  const fallback: string[] = [];
  const concurrency = Math.max(1, Math.min(options.concurrency ?? RECOMPUTE_CONCURRENCY, batches.length));
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = new pg.Client({ connectionString, application_name: "kizuna-matching-recompute" });
      await client.connect();
      try {
        await createSnapshot(client, [...listings.values()], context);
        for (let batch = batches.shift(); batch !== undefined; batch = batches.shift()) {
          const outcome = await recomputeBatch({ client, sql, profileIds: batch, listings, context, phases });
          stored += outcome.stored;
          removed += outcome.removed;
          fallback.push(...outcome.fallback);
          investors += batch.length;
          options.onBatch?.(investors);
        }
      } finally {
        await client.end();
      }
    }),
  );
  for (const id of fallback) {
    console.warn(`[kizuna:matching] SQL and code scores differ for investor ${id}; rematched in code`);
    const result = await rematchInvestorWith(id, context, new Map(listings));
    stored += result.stored;
    removed += result.removed;
  }
  return { investors, stored, removed, durationMs: Math.round(performance.now() - started), phases };
}
