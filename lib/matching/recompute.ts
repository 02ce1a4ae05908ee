// The full recompute (`npm run match:recompute`, first start, the benchmark):
// every investor against every published listing, in batches of investors.
//
// Finding: the candidates come from SQL through a GIN index. Each session keeps
// the published listings' sector codes in a temp table with a GIN index, and
// asks it once per distinct reach set (investors who chose the same sectors
// share one: a few hundred sets for thousands of investors) for the listings
// whose sectors overlap it. Never a scan of all investor × listing pairs.
//
// Scoring: in code, only the candidates, with scoreMatch's own rules compiled
// into lookup tables. The listings become column arrays (sector, province,
// district, instrument and stage codes, the amount, and the listing-only points
// from sql-score.ts's listingPoints); each investor becomes lookup tables built
// with score.ts's criterion functions (the sector points a listing in each
// sector earns, the location points per province, the instrument points per
// instrument set, the stage points per stage), memoised per distinct choice. A
// pair then costs a few array reads and the ticket arithmetic, which mirrors
// scoreTicket line by line; the points are summed in MATCH_CRITERIA order and
// rounded as scoreMatch rounds: the same IEEE operations in the same order, so
// the same integer (tests/integration/matching-sql-score.test.ts checks
// generated pairs; `npm run bench:match` checks the whole table against a
// naive run of scoreMatch over every pair).
//
// Ranking: the best N per investor (score descending, then listing id) in
// linear time: the scores are integers 0–100, so a histogram gives the cut-off
// score, and the candidates are visited in listing-id order. Reviewed pairs do
// not compete for the N; they are refreshed when still at or above the threshold.
//
// Writing: store.ts's writeInvestorBatch, one transaction per batch under each
// investor's advisory lock: the kept pairs upserted (review fields never
// touched, dismissed rows never, unchanged rows not rewritten), the batch's
// other SUGGESTED matches deleted. Reasons are not stored (explain.ts derives
// them on read).
import pg from "pg";
import { db, Prisma, type MatchStatus } from "@/lib/db/client";
import { isWithinTicketWindow, reachableSectorIds } from "./candidates";
import { reopenChangedRejections } from "./material";
import { scoreInstrument, scoreLocation, scoreMatch, scoreSector, scoreStage, TICKET_DECADES_TO_ZERO, TICKET_FRACTION } from "./score";
import { listingPoints } from "./sql-score";
import { queryOn, writeInvestorBatch } from "./store";
import { MATCH_CRITERIA, type TMatchInvestor, type TMatchListing } from "./types";
import { deleteUnpublishedSuggestions, loadInvestors, loadMatchingContext, loadPublishedListings, type TMatchingContext, type TRecomputeResult, type TRematchOptions, type TScoredPair } from "./engine";

const RECOMPUTE_BATCH = 500;
const RECOMPUTE_CONCURRENCY = 2;

// The compiled sum below adds the criteria in this order; scoreMatch adds them in MATCH_CRITERIA order.
const SUMMED_ORDER = ["sector", "ticket", "location", "instrument", "stage", "incentive", "freshness", "completeness"] as const;
if (MATCH_CRITERIA.join() !== SUMMED_ORDER.join()) throw new Error("recompute.ts sums the criteria in another order than MATCH_CRITERIA");

export type TRecomputeOptions = TRematchOptions & {
  batchSize?: number;
  /** Parallel database sessions (each finds, scores and writes its own batches). */
  concurrency?: number;
  onBatch?: (done: number) => void;
};

/** Milliseconds spent per phase, summed over the sessions (they overlap in time). */
export type TRecomputePhases = { load: number; find: number; score: number; store: number };

type TInvestor = TMatchInvestor & { id: string };

// ───────────────────────────── the listings, compiled ─────────────────────────────

/** Small-integer codes (from 1; 0 means none) shared by the compiled listings and the investor lookup tables. */
type TCodes = {
  sectors: Map<string, number>;
  /** Province → code; `null` (nationwide) has its own code. */
  provinces: Map<string | null, number>;
  /** Normalised district (trimmed, lower-case) → code. */
  districts: Map<string, number>;
  /** Instrument → bit. */
  instruments: Map<string, number>;
  stages: Map<string, number>;
};

/** The published listings as column arrays, indexed by position in listing-id order. */
export type TCompiledListings = {
  ids: string[];
  position: Map<string, number>;
  codes: TCodes;
  /** The sector codes of listing k are sectorCodes[sectorStart[k] .. sectorStart[k + 1]). */
  sectorStart: Int32Array;
  sectorCodes: Int32Array;
  province: Int32Array;
  district: Int32Array;
  instruments: Int32Array;
  stage: Int32Array;
  /** USD cents; NaN when unknown or negative (scoreTicket's neutral case). */
  amount: Float64Array;
  /** The open ticket window (amount / 10, amount × 10) as integer bounds; NaN when every range is a candidate. */
  windowLow: Float64Array;
  windowHigh: Float64Array;
  /** Listings whose amounts do not fit a double exactly: scored with scoreMatch itself. */
  exact: Uint8Array;
  incentive: Float64Array;
  freshness: Float64Array;
  completeness: Float64Array;
  source: readonly TMatchListing[];
};

const normalizeDistrict = (district: string | null): string | null => (district !== null && district.trim() !== "" ? district.trim().toLowerCase() : null);
const isSafe = (value: bigint) => value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER);

function codeOf<K>(map: Map<K, number>, key: K): number {
  let code = map.get(key);
  if (code === undefined) {
    code = map.size + 1;
    map.set(key, code);
  }
  return code;
}

export function compileListings(published: readonly TMatchListing[], context: TMatchingContext): TCompiledListings {
  const listings = [...published].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = listings.length;
  const codes: TCodes = { sectors: new Map(), provinces: new Map(), districts: new Map(), instruments: new Map(), stages: new Map() };
  for (const id of context.sectors.keys()) codeOf(codes.sectors, id);
  const compiled: TCompiledListings = {
    ids: listings.map((listing) => listing.id),
    position: new Map(listings.map((listing, k) => [listing.id, k])),
    codes,
    sectorStart: new Int32Array(n + 1),
    sectorCodes: new Int32Array(listings.reduce((sum, listing) => sum + listing.sectorIds.length, 0)),
    province: new Int32Array(n),
    district: new Int32Array(n),
    instruments: new Int32Array(n),
    stage: new Int32Array(n),
    amount: new Float64Array(n),
    windowLow: new Float64Array(n),
    windowHigh: new Float64Array(n),
    exact: new Uint8Array(n),
    incentive: new Float64Array(n),
    freshness: new Float64Array(n),
    completeness: new Float64Array(n),
    source: listings,
  };
  let next = 0;
  listings.forEach((listing, k) => {
    compiled.sectorStart[k] = next;
    for (const id of listing.sectorIds) compiled.sectorCodes[next++] = codeOf(codes.sectors, id);
    compiled.province[k] = codeOf(codes.provinces, listing.province);
    const district = normalizeDistrict(listing.district);
    compiled.district[k] = district === null ? 0 : codeOf(codes.districts, district);
    let mask = 0;
    for (const instrument of listing.instruments) mask |= 1 << (codeOf(codes.instruments, instrument) - 1);
    compiled.instruments[k] = mask;
    compiled.stage[k] = codeOf(codes.stages, listing.stage);
    const amount = listing.amountUsdCents;
    compiled.amount[k] = amount !== null && amount >= 0n ? Number(amount) : Number.NaN;
    compiled.windowLow[k] = amount !== null && amount > 0n ? Number(amount / 10n + 1n) : Number.NaN;
    compiled.windowHigh[k] = amount !== null && amount > 0n ? Number(amount * 10n - 1n) : Number.NaN;
    compiled.exact[k] = amount !== null && !isSafe(amount * 10n) ? 1 : 0;
    const points = listingPoints(listing, context.weights, context.now);
    compiled.incentive[k] = points.incentive;
    compiled.freshness[k] = points.freshness;
    compiled.completeness[k] = points.completeness;
  });
  compiled.sectorStart[n] = next;
  if (codes.instruments.size > 12) throw new RangeError("More than 12 instruments: the instrument lookup table would be too large");
  return compiled;
}

// ───────────────────────────── the investors, compiled ─────────────────────────────

/** One investor's side of the score as lookup tables (points = weight × fraction, from score.ts's functions). */
type TInvestorTables = {
  reachKey: string;
  /** Per sector code: the sector points a listing in that sector earns; -Infinity when it shares no sector. */
  sectorPoints: Float64Array;
  /** Ordered ticket bounds (NaN when not stated); `exact` when a bound does not fit a double. */
  ticketLow: number;
  ticketHigh: number;
  exact: boolean;
  locationPoints: Float64Array;
  districtPoints: number;
  districts: Int32Array;
  instrumentPoints: Float64Array;
  stagePoints: Float64Array;
};

/** Lookup tables shared by investors who made the same choice, for one run. */
class InvestorCompiler {
  private readonly memo = new Map<string, unknown>();
  private readonly sectorIds: string[];
  private readonly provinces: (string | null)[];
  private readonly instrumentSets: string[][];
  private readonly stages: string[];

  constructor(
    private readonly listings: TCompiledListings,
    private readonly context: TMatchingContext,
  ) {
    const { codes } = listings;
    this.sectorIds = [...codes.sectors.keys()];
    this.provinces = [...codes.provinces.keys()];
    this.stages = [...codes.stages.keys()];
    const instruments = [...codes.instruments.keys()];
    this.instrumentSets = Array.from({ length: 1 << instruments.length }, (_, mask) => instruments.filter((_, bit) => (mask >> bit) & 1));
  }

  private remember<T>(key: string, build: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, build());
    return this.memo.get(key) as T;
  }

  compile(investor: TInvestor): TInvestorTables {
    const { weights, sectors } = this.context;
    const { codes } = this.listings;
    const sectorKey = [...investor.sectorIds].sort().join(",");
    const { reachKey, sectorPoints } = this.remember(`s:${sectorKey}`, () => {
      const reach = reachableSectorIds(investor.sectorIds, sectors)
        .map((id) => codes.sectors.get(id))
        .filter((code): code is number => code !== undefined)
        .sort((a, b) => a - b);
      const points = new Float64Array(this.sectorIds.length + 1).fill(Number.NEGATIVE_INFINITY);
      this.sectorIds.forEach((id, index) => {
        const sector = scoreSector(investor.sectorIds, [id], sectors);
        if (sector) points[index + 1] = weights.sector * sector.fraction;
      });
      return { reachKey: reach.join(","), sectorPoints: points };
    });
    const locationKey = JSON.stringify([investor.anywhereInPakistan, [...investor.provinces].sort(), [...investor.districts].sort()]);
    const location = this.remember(`l:${locationKey}`, () => ({
      points: Float64Array.from([0, ...this.provinces.map((province) => weights.location * scoreLocation(investor, { province, district: null }).fraction)]),
      // A listing in one of the investor's districts: what scoreLocation gives when the district matches (whatever the province).
      district: weights.location * scoreLocation({ ...investor, districts: ["x"] }, { province: null, district: "x" }).fraction,
      districts: Int32Array.from(investor.districts.flatMap((district) => codes.districts.get(normalizeDistrict(district) ?? "") ?? [])),
    }));
    const instrumentPoints = this.remember(`i:${[...investor.instruments].sort().join(",")}`, () =>
      Float64Array.from(this.instrumentSets.map((set) => weights.instrument * scoreInstrument(investor.instruments, set).fraction)),
    );
    const stagePoints = this.remember(`g:${[...investor.stages].sort().join(",")}`, () =>
      Float64Array.from([0, ...this.stages.map((stage) => weights.stage * scoreStage(investor.stages, stage).fraction)]),
    );
    let low = investor.ticketMinUsdCents;
    let high = investor.ticketMaxUsdCents;
    if (low !== null && high !== null && low > high) [low, high] = [high, low];
    return {
      reachKey,
      sectorPoints,
      ticketLow: low === null ? Number.NaN : Number(low),
      ticketHigh: high === null ? Number.NaN : Number(high),
      exact: (low !== null && !isSafe(low)) || (high !== null && !isSafe(high)),
      locationPoints: location.points,
      districtPoints: location.district,
      districts: location.districts,
      instrumentPoints,
      stagePoints,
    };
  }
}

// ───────────────────────────── finding: SQL through a GIN index ─────────────────────────────

/**
 * This session's copy of the listings' sector codes (temp table, GIN index).
 * Candidates are asked per reach set and kept for the run, sorted by position.
 */
export class CandidateFinder {
  private readonly found = new Map<string, Int32Array>();

  private constructor(private readonly client: pg.ClientBase) {}

  static async create(client: pg.ClientBase, listings: TCompiledListings): Promise<CandidateFinder> {
    const positions: number[] = [];
    const sectorCodes: string[] = [];
    for (let k = 0; k < listings.ids.length; k++) {
      positions.push(k);
      sectorCodes.push(`{${listings.sectorCodes.subarray(listings.sectorStart[k], listings.sectorStart[k + 1]).join(",")}}`);
    }
    await client.query("DROP TABLE IF EXISTS kizuna_recompute_sectors");
    await queryOn(client, Prisma.sql`CREATE TEMP TABLE kizuna_recompute_sectors AS SELECT x.k, x.sx::int[] AS sx FROM unnest(${positions}::int[], ${sectorCodes}::text[]) AS x(k, sx)`);
    await client.query("CREATE INDEX ON kizuna_recompute_sectors USING gin (sx)");
    await client.query("ANALYZE kizuna_recompute_sectors");
    return new CandidateFinder(client);
  }

  /** Fetches the candidates of every reach set in `keys` not asked yet (one statement). */
  async prefetch(keys: Iterable<string>): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => key !== "" && !this.found.has(key));
    if (missing.length === 0) return;
    const { rows } = await queryOn<{ n: number; ks: string | null }>(
      this.client,
      Prisma.sql`SELECT r.n, (SELECT string_agg(l.k::text, ',') FROM kizuna_recompute_sectors l WHERE l.sx && r.reach::int[]) AS ks
        FROM unnest(${missing.map((_, n) => n)}::int[], ${missing.map((key) => `{${key}}`)}::text[]) AS r(n, reach)`,
    );
    for (const row of rows) {
      const positions = row.ks === null ? new Int32Array(0) : Int32Array.from(row.ks.split(","), Number);
      this.found.set(missing[row.n]!, positions.sort());
    }
  }

  candidates(key: string): Int32Array {
    return this.found.get(key) ?? new Int32Array(0);
  }
}

// ───────────────────────────── scoring and ranking in code ─────────────────────────────

/** Each investor's review decisions, as listing ids: reviewed (kept apart from the N) and dismissed (never touched). */
export type TDecisions = { reviewed: ReadonlyMap<string, ReadonlySet<string>>; excluded: ReadonlyMap<string, readonly string[]> };

/** scoreTicket's fraction for a listing with a known amount, in doubles (the amounts fit one exactly). */
function computeTicketFraction(low: number, high: number, amount: number): number {
  if (low !== low && high !== high) return TICKET_FRACTION.neutral;
  if (amount !== amount) return TICKET_FRACTION.neutral;
  if (low === low && amount < low) return amount <= 0 ? 0 : Math.max(0, 1 - Math.log10(low / amount) / TICKET_DECADES_TO_ZERO);
  if (high === high && amount > high) return high <= 0 ? 0 : Math.max(0, 1 - Math.log10(amount / high) / TICKET_DECADES_TO_ZERO);
  return TICKET_FRACTION.inside;
}

/** The scorer of one run: investors in, each investor's kept pairs out (in listing-id order). */
export class RecomputeScorer {
  private readonly compiler: InvestorCompiler;
  private scores = new Uint8Array(1024);
  private positions = new Int32Array(1024);
  private readonly histogram = new Int32Array(101);
  /** Pairs scored so far (candidates inside the ticket window), for the benchmark's report. */
  scored = 0;

  constructor(
    readonly listings: TCompiledListings,
    private readonly context: TMatchingContext,
  ) {
    this.compiler = new InvestorCompiler(listings, context);
  }

  compile(investors: readonly TInvestor[]): TInvestorTables[] {
    return investors.map((investor) => this.compiler.compile(investor));
  }

  /** The pair's score, or -1 when it is not a match; `k` must be a candidate (a sector in reach, inside the ticket window). */
  private score(investor: TInvestor, tables: TInvestorTables, k: number): number {
    const listings = this.listings;
    if (tables.exact || listings.exact[k] === 1) {
      // Amounts beyond 2^53 cents: the reference implementation, exactly.
      const result = scoreMatch({ investor, listing: listings.source[k]!, sectors: this.context.sectors, weights: this.context.weights, now: this.context.now });
      return result ? result.score : -1;
    }
    let sector = Number.NEGATIVE_INFINITY;
    for (let s = listings.sectorStart[k]!, end = listings.sectorStart[k + 1]!; s < end; s++) {
      const points = tables.sectorPoints[listings.sectorCodes[s]!]!;
      if (points > sector) sector = points;
    }
    if (sector === Number.NEGATIVE_INFINITY) return -1;
    const district = listings.district[k]!;
    let location = tables.locationPoints[listings.province[k]!]!;
    if (district !== 0 && tables.districts.includes(district)) location = tables.districtPoints;
    let total = 0;
    total += sector;
    total += this.context.weights.ticket * computeTicketFraction(tables.ticketLow, tables.ticketHigh, listings.amount[k]!);
    total += location;
    total += tables.instrumentPoints[listings.instruments[k]!]!;
    total += tables.stagePoints[listings.stage[k]!]!;
    total += listings.incentive[k]!;
    total += listings.freshness[k]!;
    total += listings.completeness[k]!;
    return Math.min(100, Math.max(0, Math.round(Math.round(total * 1e6) / 1e6)));
  }

  private inWindow(investor: TInvestor, tables: TInvestorTables, k: number): boolean {
    const listings = this.listings;
    if (tables.exact || listings.exact[k] === 1) return isWithinTicketWindow(investor, listings.source[k]!.amountUsdCents);
    const windowLow = listings.windowLow[k]!;
    if (windowLow !== windowLow) return true;
    const low = tables.ticketLow === tables.ticketLow && tables.ticketLow > windowLow ? tables.ticketLow : windowLow;
    const windowHigh = listings.windowHigh[k]!;
    const high = tables.ticketHigh === tables.ticketHigh && tables.ticketHigh < windowHigh ? tables.ticketHigh : windowHigh;
    return low <= high;
  }

  private hasSectorInReach(tables: TInvestorTables, k: number): boolean {
    const listings = this.listings;
    for (let s = listings.sectorStart[k]!, end = listings.sectorStart[k + 1]!; s < end; s++) {
      if (tables.sectorPoints[listings.sectorCodes[s]!]! !== Number.NEGATIVE_INFINITY) return true;
    }
    return false;
  }

  /**
   * One investor's kept pairs: its best N candidates at or above the threshold
   * (score descending, then listing id) and its reviewed pairs at or above the
   * threshold, in listing-id order. Dismissed listings are never scored.
   */
  rank({ investor, tables, candidates, decisions }: { investor: TInvestor; tables: TInvestorTables; candidates: Int32Array; decisions: TDecisions }): TScoredPair[] {
    const { threshold, maxPerInvestor } = this.context;
    const listings = this.listings;
    const reviewed = decisions.reviewed.get(investor.id);
    const excluded = decisions.excluded.get(investor.id);
    // Listings that do not compete for the N (rare: only investors with decisions have any).
    const apart = reviewed || excluded ? new Set([...(excluded ?? []), ...(reviewed ?? [])].map((id) => listings.position.get(id) ?? -1)) : null;
    if (this.scores.length < candidates.length) {
      this.scores = new Uint8Array(candidates.length);
      this.positions = new Int32Array(candidates.length);
    }
    const { scores, positions } = this;
    const histogram = this.histogram.fill(0);
    let passed = 0;
    let scored = 0;
    for (let c = 0; c < candidates.length; c++) {
      const k = candidates[c]!;
      if (!this.inWindow(investor, tables, k) || apart?.has(k)) continue;
      const score = this.score(investor, tables, k);
      scored += 1;
      if (score < threshold) continue;
      scores[passed] = score;
      positions[passed] = k;
      histogram[score]! += 1;
      passed += 1;
    }
    this.scored += scored;
    // The cut-off: the lowest score kept, and how many of that score fit in the N.
    let cutoff = 0;
    let atCutoff = Number.MAX_SAFE_INTEGER;
    if (passed > maxPerInvestor) {
      let above = 0;
      for (cutoff = 100; cutoff > 0 && above + histogram[cutoff]! < maxPerInvestor; cutoff--) above += histogram[cutoff]!;
      atCutoff = maxPerInvestor - above;
    }
    const kept: TScoredPair[] = [];
    const reviewedKept: TScoredPair[] = [];
    for (let p = 0; p < passed; p++) {
      const score = scores[p]!;
      if (score < cutoff) continue;
      if (score === cutoff) {
        if (atCutoff === 0) continue;
        atCutoff -= 1;
      }
      kept.push({ investorProfileId: investor.id, listingId: listings.ids[positions[p]!]!, score });
    }
    for (const id of reviewed ?? []) {
      const k = listings.position.get(id);
      if (k === undefined || !this.hasSectorInReach(tables, k) || !this.inWindow(investor, tables, k)) continue;
      const score = this.score(investor, tables, k);
      if (score >= threshold) reviewedKept.push({ investorProfileId: investor.id, listingId: id, score });
    }
    if (reviewedKept.length === 0) return kept;
    return [...kept, ...reviewedKept].sort((a, b) => (a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : 0));
  }
}

// Every status but SUGGESTED (the Record makes the compiler ask for a status added later).
const DECIDED: Record<Exclude<MatchStatus, "SUGGESTED">, true> = { APPROVED: true, REJECTED: true, INTRODUCED: true, DISMISSED: true };
const DECIDED_STATUSES = Object.keys(DECIDED) as Exclude<MatchStatus, "SUGGESTED">[];

/** Each investor's review decisions: reviewed listings (kept apart from the N) and dismissed ones (never touched). */
export async function loadDecisions(profileIds: readonly string[]): Promise<TDecisions> {
  const decisions = await db().match.findMany({
    // Listed rather than `not: SUGGESTED`, so each investor's decisions are an index range, not a walk over its suggestions.
    where: { investorProfileId: { in: [...profileIds] }, status: { in: DECIDED_STATUSES } },
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

/** What one session of a run holds: the compiled listings, its candidate finder and a scorer. */
export type TRecomputeSession = { finder: CandidateFinder; scorer: RecomputeScorer };

export async function openRecomputeSession({ client, listings, context }: { client: pg.ClientBase; listings: TCompiledListings; context: TMatchingContext }): Promise<TRecomputeSession> {
  return { finder: await CandidateFinder.create(client, listings), scorer: new RecomputeScorer(listings, context) };
}

/**
 * Finds and scores a batch of investors: every kept pair, ordered by investor
 * id then listing id (the order the writer locks rows in).
 */
export async function rankInvestorBatch(input: {
  session: TRecomputeSession;
  investors: readonly TInvestor[];
  decisions: TDecisions;
  /** Called when the candidates are found, before the scoring (the phase timings). */
  onFound?: () => void;
}): Promise<TScoredPair[]> {
  const { session, investors, decisions, onFound } = input;
  const ordered = [...investors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tables = session.scorer.compile(ordered);
  await session.finder.prefetch(tables.map((table) => table.reachKey));
  onFound?.();
  const pairs: TScoredPair[] = [];
  ordered.forEach((investor, index) => {
    const table = tables[index]!;
    for (const pair of session.scorer.rank({ investor, tables: table, candidates: session.finder.candidates(table.reachKey), decisions })) pairs.push(pair);
  });
  return pairs;
}

/**
 * Rebuilds every investor's matches: SUGGESTED matches of unpublished listings
 * are deleted in one statement, then `concurrency` sessions find, score and
 * write the investors in batches.
 */
export async function recomputeAll(options: TRecomputeOptions = {}): Promise<TRecomputeResult> {
  const started = performance.now();
  const context = options.context ?? (await loadMatchingContext());
  // Rejected pairs whose sides changed materially compete again as suggestions.
  await reopenChangedRejections("all");
  let removed = await deleteUnpublishedSuggestions();
  const listings = compileListings([...(await loadPublishedListings()).values()], context);
  const profileIds = (await db().investorProfile.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((row) => row.id);
  const batchSize = Math.max(1, options.batchSize ?? RECOMPUTE_BATCH);
  const batches: string[][] = [];
  for (let start = 0; start < profileIds.length; start += batchSize) batches.push(profileIds.slice(start, start + batchSize));
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");

  let stored = 0;
  let investors = 0;
  const phases: TRecomputePhases = { load: 0, find: 0, score: 0, store: 0 };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? RECOMPUTE_CONCURRENCY, batches.length));
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = new pg.Client({ connectionString, application_name: "kizuna-matching-recompute" });
      await client.connect();
      try {
        const session = await openRecomputeSession({ client, listings, context });
        for (let ids = batches.shift(); ids !== undefined; ids = batches.shift()) {
          let mark = performance.now();
          const lap = (phase: keyof TRecomputePhases) => {
            const now = performance.now();
            phases[phase] += now - mark;
            mark = now;
          };
          // Investors deleted meanwhile are not in `loaded`; their rows went with them (cascade).
          const [loaded, decisions] = await Promise.all([loadInvestors(ids), loadDecisions(ids)]);
          lap("load");
          const kept = await rankInvestorBatch({ session, investors: loaded, decisions, onFound: () => lap("find") });
          lap("score");
          removed += await writeInvestorBatch(client, loaded.map((investor) => investor.id), kept, context);
          lap("store");
          stored += kept.length;
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
