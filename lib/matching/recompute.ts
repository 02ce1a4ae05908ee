// The full recompute (`npm run match:recompute`, first start, the benchmark):
// every investor against every published listing, set-based, ranked and written
// by the database in one statement per batch of investors.
//
// Each session holds a snapshot of the published listings in a temp table, with
// everything the score needs encoded as small integers (sector, province,
// district and instrument codes: snapshotCodes) and the listing-only points
// computed in code. Per investor, code turns the investor's side into lookup
// tables with score.ts's own functions: the sector points a listing in each
// sector earns, the location points per province, the instrument points per
// instrument set, the stage points per stage. The SQL score (sql-score.ts) is then
// array lookups plus the ticket arithmetic, summed in MATCH_CRITERIA order and
// rounded as scoreMatch rounds: the same IEEE operations, the same integer
// (tests/integration/matching-sql-score.test.ts checks generated pairs).
//
// One statement per batch finds each investor's candidates through the
// snapshot's GIN index (sector overlap) and the ticket window, keeps the best N
// (score, then listing id) plus the reviewed pairs still at or above the
// threshold, upserts them (store.ts's conflict rule: review fields never
// touched, dismissed rows never, unchanged rows not rewritten) and deletes the
// batch's other SUGGESTED matches — nothing travels back to Node but two counts.
// Reasons are not stored (explain.ts derives them on read).
import pg from "pg";
import { db, Prisma } from "@/lib/db/client";
import { reachableSectorIds } from "./candidates";
import { reopenChangedRejections } from "./material";
import { scoreInstrument, scoreLocation, scoreSector, scoreStage } from "./score";
import { listingPoints, roundedScoreSql, stagePositionSql, ticketPointsSql } from "./sql-score";
import { investorLockKeys, queryOn, transactionLockedOn, UPSERT_CONFLICT } from "./store";
import { STAGE_ORDER, type TMatchInvestor, type TMatchListing } from "./types";
import { deleteUnpublishedSuggestions, loadInvestors, loadMatchingContext, loadPublishedListings, type TMatchingContext, type TRecomputeResult, type TRematchOptions } from "./engine";

const RECOMPUTE_BATCH = 500;
const RECOMPUTE_CONCURRENCY = 2;

export type TRecomputeOptions = TRematchOptions & {
  batchSize?: number;
  /** Parallel database sessions (each ranks and writes its own batches). */
  concurrency?: number;
  onBatch?: (done: number) => void;
};

/** Milliseconds spent per phase, summed over the sessions (they overlap in time). */
export type TRecomputePhases = { load: number; prepare: number; store: number };

// ───────────────────────────── codes ─────────────────────────────

/** Small-integer codes (1-based, PostgreSQL array subscripts) shared by a snapshot and the investor lookup tables. */
export type TSnapshotCodes = {
  sectors: Map<string, number>;
  /** Province → code; `null` (nationwide) has its own code. */
  provinces: Map<string | null, number>;
  /** Normalised district (trimmed, lower-case) → code. */
  districts: Map<string, number>;
  /** Instrument → bit. */
  instruments: Map<string, number>;
};

const normalizeDistrict = (district: string | null): string | null => (district !== null && district.trim() !== "" ? district.trim().toLowerCase() : null);

export function snapshotCodes(listings: readonly TMatchListing[], context: TMatchingContext): TSnapshotCodes {
  const codes: TSnapshotCodes = { sectors: new Map(), provinces: new Map(), districts: new Map(), instruments: new Map() };
  const add = <K>(map: Map<K, number>, key: K) => {
    if (!map.has(key)) map.set(key, map.size + 1);
  };
  for (const id of context.sectors.keys()) add(codes.sectors, id);
  for (const listing of listings) {
    for (const id of listing.sectorIds) add(codes.sectors, id);
    add(codes.provinces, listing.province);
    const district = normalizeDistrict(listing.district);
    if (district !== null) add(codes.districts, district);
    for (const instrument of listing.instruments) add(codes.instruments, instrument);
  }
  if (codes.instruments.size > 12) throw new RangeError("More than 12 instruments: the instrument lookup table would be too large");
  return codes;
}

function instrumentMask(instruments: readonly string[], codes: TSnapshotCodes): number {
  let mask = 0;
  for (const instrument of instruments) mask |= 1 << (codes.instruments.get(instrument)! - 1);
  return mask;
}

// ───────────────────────────── the snapshot ─────────────────────────────

/** Copies the published listings' scoring inputs into this session's temp table (with a GIN index on the sector codes). */
export async function createSnapshot(client: pg.ClientBase, listings: readonly TMatchListing[], context: TMatchingContext): Promise<TSnapshotCodes> {
  const codes = snapshotCodes(listings, context);
  const points = listings.map((listing) => listingPoints(listing, context.weights, context.now));
  const sectorCodes = listings.map((listing) => `{${listing.sectorIds.map((id) => codes.sectors.get(id)!).join(",")}}`);
  const districtCodes = listings.map((listing) => {
    const district = normalizeDistrict(listing.district);
    return district === null ? null : codes.districts.get(district)!;
  });
  await client.query("DROP TABLE IF EXISTS kizuna_recompute_listings");
  await queryOn(
    client,
    Prisma.sql`CREATE TEMP TABLE kizuna_recompute_listings AS
     SELECT l.id, x.sx::int[] AS sx, (x.sx::int[])[1] AS s1, (x.sx::int[])[2] AS s2, x.prov, x.dist, x.im,
       l.amount_usd_cents AS amount, ${stagePositionSql(Prisma.sql`l.stage`)} AS stage_position,
       -- The ticket window of candidates.ts as integer bounds: the investor's [min, max] must meet the
       -- open window (amount / 10, amount × 10) — what ticket_range && int8range(…, '()') tests, minus
       -- building a range per pair. NULL: amount unknown, every range is a candidate.
       CASE WHEN l.amount_usd_cents > 0 THEN l.amount_usd_cents / 10 + 1 END AS window_low,
       CASE WHEN l.amount_usd_cents > 0 THEN l.amount_usd_cents * 10 - 1 END AS window_high,
       x.p_incentive, x.p_freshness, x.p_completeness
     FROM unnest(${listings.map((listing) => listing.id)}::uuid[], ${sectorCodes}::text[],
                 ${listings.map((listing) => codes.provinces.get(listing.province)!)}::int[], ${districtCodes}::int[],
                 ${listings.map((listing) => instrumentMask(listing.instruments, codes))}::int[],
                 ${points.map((p) => p.incentive)}::float8[], ${points.map((p) => p.freshness)}::float8[], ${points.map((p) => p.completeness)}::float8[])
       AS x(id, sx, prov, dist, im, p_incentive, p_freshness, p_completeness)
     JOIN listings l ON l.id = x.id`,
  );
  await client.query("CREATE INDEX ON kizuna_recompute_listings USING gin (sx)");
  await client.query("CREATE INDEX ON kizuna_recompute_listings (id)");
  await client.query("ANALYZE kizuna_recompute_listings");
  return codes;
}

// ───────────────────────────── the investor side ─────────────────────────────

/** One batch's investor side: one PostgreSQL array literal per investor for each lookup table. */
export type TSelectionBatch = {
  ids: string[];
  reach: string[];
  sectorPoints: string[];
  locationPoints: string[];
  districtPoints: number[];
  districts: string[];
  instrumentPoints: string[];
  stagePoints: string[];
  /** Listings that do not compete for the N suggestions: dismissed (never touched) and reviewed (scored apart). */
  excluded: string[];
  reviewed: string[];
};

const arrayLiteral = (values: readonly (number | string | null)[]): string => `{${values.map((value) => (value === null ? "NULL" : String(value))).join(",")}}`;

/** Each investor's lookup tables, built with scoreMatch's own criterion functions and weights (points = weight × fraction). */
export function prepareBatch(input: {
  investors: readonly (TMatchInvestor & { id: string })[];
  reviewed: ReadonlyMap<string, ReadonlySet<string>>;
  excluded: ReadonlyMap<string, readonly string[]>;
  codes: TSnapshotCodes;
  context: TMatchingContext;
}): TSelectionBatch {
  const { codes, context } = input;
  const { weights } = context;
  const sectorIds = [...codes.sectors.keys()];
  const provinces = [...codes.provinces.keys()];
  const instrumentSets = Array.from({ length: 1 << codes.instruments.size }, (_, mask) => [...codes.instruments.keys()].filter((_, bit) => (mask >> bit) & 1));
  const batch: TSelectionBatch = {
    ids: [],
    reach: [],
    sectorPoints: [],
    locationPoints: [],
    districtPoints: [],
    districts: [],
    instrumentPoints: [],
    stagePoints: [],
    excluded: [],
    reviewed: [],
  };
  for (const investor of input.investors) {
    const reach = new Set(reachableSectorIds(investor.sectorIds, context.sectors));
    const reviewed = [...(input.reviewed.get(investor.id) ?? [])];
    batch.ids.push(investor.id);
    batch.reach.push(arrayLiteral(sectorIds.flatMap((id) => (reach.has(id) ? [codes.sectors.get(id)!] : []))));
    batch.sectorPoints.push(
      arrayLiteral(sectorIds.map((id) => (reach.has(id) ? weights.sector * (scoreSector(investor.sectorIds, [id], context.sectors)?.fraction ?? 0) : null))),
    );
    batch.locationPoints.push(arrayLiteral(provinces.map((province) => weights.location * scoreLocation(investor, { province, district: null }).fraction)));
    // A listing in one of the investor's districts: what scoreLocation gives when the district matches (whatever the province).
    batch.districtPoints.push(weights.location * scoreLocation({ ...investor, districts: ["x"] }, { province: null, district: "x" }).fraction);
    batch.districts.push(arrayLiteral(investor.districts.flatMap((district) => codes.districts.get(normalizeDistrict(district) ?? "") ?? [])));
    batch.instrumentPoints.push(arrayLiteral(instrumentSets.map((set) => weights.instrument * scoreInstrument(investor.instruments, set).fraction)));
    batch.stagePoints.push(arrayLiteral(STAGE_ORDER.map((stage) => weights.stage * scoreStage(investor.stages, stage).fraction)));
    batch.excluded.push(arrayLiteral([...(input.excluded.get(investor.id) ?? []), ...reviewed]));
    batch.reviewed.push(arrayLiteral(reviewed));
  }
  return batch;
}

// ───────────────────────────── the statement ─────────────────────────────

/**
 * The ranking of one batch as a query: (pid, lid, score) for each investor's best
 * N candidates (score descending, then listing id, like compareMatches) and its
 * reviewed pairs at or above the threshold. Candidates: a sector in reach (GIN on
 * the snapshot's sector codes), inside the ticket window, not excluded.
 */
export function rankedSql(batch: TSelectionBatch, context: TMatchingContext): Prisma.Sql {
  const score = roundedScoreSql([
    // Listings carry at most two sectors (a trigger enforces it); greatest() skips the NULL of a missing one.
    Prisma.sql`greatest(i.sector_points[l.s1], i.sector_points[l.s2])`,
    ticketPointsSql(context.weights.ticket, { ticketLow: Prisma.sql`i.ticket_low`, ticketHigh: Prisma.sql`i.ticket_high`, amount: Prisma.sql`l.amount` }),
    Prisma.sql`(CASE WHEN l.dist = ANY(i.districts) THEN i.district_points ELSE i.location_points[l.prov] END)`,
    Prisma.sql`i.instrument_points[l.im + 1]`,
    Prisma.sql`coalesce(i.stage_points[l.stage_position], 0::float8)`,
    Prisma.sql`l.p_incentive`,
    Prisma.sql`l.p_freshness`,
    Prisma.sql`l.p_completeness`,
  ]);
  const candidate = Prisma.sql`l.sx && i.reach
    AND (l.window_low IS NULL
         OR ((i.ticket_low IS NULL OR i.ticket_low <= l.window_high) AND (i.ticket_high IS NULL OR i.ticket_high >= l.window_low)))`;
  return Prisma.sql`
    WITH inv AS MATERIALIZED (
      SELECT t.pid, t.reach::int[] AS reach, t.sector_points::float8[] AS sector_points, t.location_points::float8[] AS location_points,
        t.district_points, t.districts::int[] AS districts, t.instrument_points::float8[] AS instrument_points,
        t.stage_points::float8[] AS stage_points, t.excluded::uuid[] AS excluded, t.reviewed::uuid[] AS reviewed,
        CASE WHEN p.ticket_min_usd_cents > p.ticket_max_usd_cents THEN p.ticket_max_usd_cents ELSE p.ticket_min_usd_cents END AS ticket_low,
        CASE WHEN p.ticket_min_usd_cents > p.ticket_max_usd_cents THEN p.ticket_min_usd_cents ELSE p.ticket_max_usd_cents END AS ticket_high
      FROM unnest(${batch.ids}::uuid[], ${batch.reach}::text[], ${batch.sectorPoints}::text[], ${batch.locationPoints}::text[],
                  ${batch.districtPoints}::float8[], ${batch.districts}::text[], ${batch.instrumentPoints}::text[], ${batch.stagePoints}::text[],
                  ${batch.excluded}::text[], ${batch.reviewed}::text[])
        AS t(pid, reach, sector_points, location_points, district_points, districts, instrument_points, stage_points, excluded, reviewed)
      JOIN investor_profiles p ON p.id = t.pid
    )
    SELECT i.pid, c.id AS lid, c.score
    FROM inv i
    CROSS JOIN LATERAL (
      SELECT s.id, s.score FROM (
        SELECT l.id, ${score} AS score
        FROM kizuna_recompute_listings l
        WHERE ${candidate} AND NOT (l.id = ANY(i.excluded))
        OFFSET 0 -- keeps the subquery: the score is computed once, not again for the filter and the sort
      ) s
      WHERE s.score >= ${context.threshold}::int
      ORDER BY s.score DESC, s.id
      LIMIT ${context.maxPerInvestor}::int
    ) c
    UNION ALL
    SELECT r.pid, r.id, r.score FROM (
      SELECT i.pid, l.id, ${score} AS score
      FROM inv i
      JOIN kizuna_recompute_listings l ON l.id = ANY(i.reviewed)
      WHERE cardinality(i.reviewed) > 0 AND ${candidate}
      OFFSET 0
    ) r
    WHERE r.score >= ${context.threshold}::int`;
}

/**
 * Stores one batch: the ranked pairs upserted, the batch's other SUGGESTED
 * matches deleted — one statement, under each investor's advisory lock (the one
 * rematchInvestor takes), retried on deadlock.
 */
async function storeBatch(client: pg.ClientBase, batch: TSelectionBatch, context: TMatchingContext): Promise<{ stored: number; removed: number }> {
  const statement = Prisma.sql`
    WITH kept AS MATERIALIZED (${rankedSql(batch, context)}),
    upserted AS (
      INSERT INTO matches (id, investor_profile_id, listing_id, score, status, weights_version, scored_at, created_at, updated_at)
      SELECT gen_random_uuid(), k.pid, k.lid, k.score, 'SUGGESTED', ${context.weightsVersion}::int,
        (${context.now.toISOString()}::timestamptz AT TIME ZONE 'UTC'), now(), now()
      FROM kept k
      ORDER BY k.pid, k.lid -- concurrent writers lock rows in the same order
      ${UPSERT_CONFLICT}
    ),
    removed AS (
      DELETE FROM matches m
      WHERE m.investor_profile_id = ANY(${batch.ids}::uuid[]) AND m.status = 'SUGGESTED'
        AND NOT EXISTS (SELECT 1 FROM kept k WHERE k.pid = m.investor_profile_id AND k.lid = m.listing_id)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM kept)::int AS stored, (SELECT count(*) FROM removed)::int AS removed`;
  return transactionLockedOn(client, investorLockKeys(batch.ids), async () => {
    const { rows } = await queryOn<{ stored: number; removed: number }>(client, statement);
    return rows[0] ?? { stored: 0, removed: 0 };
  });
}

/** Each investor's review decisions: reviewed listings (kept apart from the N) and dismissed ones (never touched). */
async function loadDecisions(profileIds: readonly string[]) {
  const decisions = await db().match.findMany({
    where: { investorProfileId: { in: [...profileIds] }, status: { not: "SUGGESTED" } },
    select: { investorProfileId: true, listingId: true, status: true },
  });
  const reviewed = new Map<string, Set<string>>();
  const excluded = new Map<string, string[]>();
  for (const { investorProfileId: id, listingId, status } of decisions) {
    if (status === "DISMISSED") excluded.set(id, [...(excluded.get(id) ?? []), listingId]); // rare: no need to be clever
    else reviewed.set(id, (reviewed.get(id) ?? new Set()).add(listingId));
  }
  return { reviewed, excluded };
}

/** The ranking of a batch without writing (tests compare it with scoreMatch). */
export async function rankInvestorBatch(input: {
  client: pg.ClientBase;
  codes: TSnapshotCodes;
  investors: readonly (TMatchInvestor & { id: string })[];
  reviewed: ReadonlyMap<string, ReadonlySet<string>>;
  excluded: ReadonlyMap<string, readonly string[]>;
  context: TMatchingContext;
}): Promise<{ pid: string; lid: string; score: number }[]> {
  const batch = prepareBatch(input);
  const { rows } = await queryOn<{ pid: string; lid: string; score: number }>(
    input.client,
    Prisma.sql`SELECT r.pid::text AS pid, r.lid::text AS lid, r.score FROM (${rankedSql(batch, input.context)}) r`,
  );
  return rows;
}

/**
 * Rebuilds every investor's matches: SUGGESTED matches of unpublished listings
 * are deleted in one statement, then `concurrency` sessions rank and write the
 * investors in batches.
 */
export async function recomputeAll(options: TRecomputeOptions = {}): Promise<TRecomputeResult> {
  const started = performance.now();
  const context = options.context ?? (await loadMatchingContext());
  // Rejected pairs whose sides changed materially compete again as suggestions.
  await reopenChangedRejections("all");
  let removed = await deleteUnpublishedSuggestions();
  const listings = [...(await loadPublishedListings()).values()];
  const profileIds = (await db().investorProfile.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((row) => row.id);
  const batchSize = Math.max(1, options.batchSize ?? RECOMPUTE_BATCH);
  const batches: string[][] = [];
  for (let start = 0; start < profileIds.length; start += batchSize) batches.push(profileIds.slice(start, start + batchSize));
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");

  let stored = 0;
  let investors = 0;
  const phases: TRecomputePhases = { load: 0, prepare: 0, store: 0 };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? RECOMPUTE_CONCURRENCY, batches.length));
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = new pg.Client({ connectionString, application_name: "kizuna-matching-recompute" });
      await client.connect();
      try {
        const codes = await createSnapshot(client, listings, context);
        for (let ids = batches.shift(); ids !== undefined; ids = batches.shift()) {
          let mark = performance.now();
          const lap = (phase: keyof TRecomputePhases) => {
            const now = performance.now();
            phases[phase] += now - mark;
            mark = now;
          };
          const [loaded, decisions] = await Promise.all([loadInvestors(ids), loadDecisions(ids)]);
          lap("load");
          const batch = prepareBatch({ investors: loaded, ...decisions, codes, context });
          // Investors deleted meanwhile are not in `loaded`; their rows went with them (cascade).
          lap("prepare");
          const outcome = await storeBatch(client, batch, context);
          lap("store");
          stored += outcome.stored;
          removed += outcome.removed;
          investors += ids.length;
          options.onBatch?.(investors);
        }
      } finally {
        await client.end();
      }
    }),
  );
  return { investors, stored, removed, durationMs: Math.round(performance.now() - started), phases };
}
