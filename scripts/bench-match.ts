// npm run bench:match [-- --sizes 10k,100k --listings 20k --sample 2k --publishes 100 --quick --keep]
//
// The matching benchmark (issue 5): a scratch database (embedded PostgreSQL
// under /tmp with production-like settings, or a new database on DATABASE_URL's
// server), migrations, the public seed (the real sector tree and weights
// version 1), then synthetic investors and listings generated set-based in SQL.
// In one run it measures:
//   (c) on a sample (2k investors × 2k listings): the recompute done naively —
//       every pair scored with scoreMatch in this process, the best N kept, the
//       same batch writer — against recomputeAll on the same data, from the same
//       empty table; the two must store identical rows. The ratio the target is
//       judged on is finding and scoring (loading included), since both runs
//       write the same rows through the same writer; end to end is printed too;
//   (b) at each size (10k and 100k investors × 20k listings): recomputeAll from
//       an empty matches table ("first"), then again over its own results ("again");
//   (a) at each size: a new published listing, then rematchListing (what the
//       pg-boss job runs on publish) until its matches are queryable (the first
//       page of them read back), repeated for a p95;
//   (d) how (a) and (b) grow between the sizes.
// It prints a table and rewrites the marked matching section of docs/PERFORMANCE.md.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { generateListings } from "./lib/bench-data";
import { generateInvestors, prepareListingsForMatching } from "./lib/bench-match-data";
import { parseSize, query, scratchDatabase, stats, type TStats } from "./lib/bench-common";

type TPublishResult = { stats: TStats; candidates: TStats; stored: TStats };
type TRecomputeRun = { seconds: number; stored: number; removed: number; phases: string; cpu: string };
type TSizeResult = { investors: number; listings: number; first: TRecomputeRun; again: TRecomputeRun | null; matchesMb: number; publish: TPublishResult };
type TSampleResult = {
  investors: number;
  listings: number;
  pairs: number;
  naive: { seconds: number; scoreSeconds: number; writeSeconds: number; matched: number; stored: number };
  engine: { seconds: number; writeSeconds: number; stored: number; rankSeconds: number; rankRuns: number[]; scored: number };
  cpu: { naive: string; engine: string };
  identical: boolean;
};

// ───────────────────────────── arguments ─────────────────────────────

const USAGE = "Usage: npm run bench:match -- [--sizes 10k,100k] [--listings 20k] [--sample 2k] [--publishes 100] [--again-max 10k] [--quick] [--keep] [--no-write]";

function parseArgs(argv: string[]) {
  const options = { sizes: [10_000, 100_000], listings: 20_000, sample: 2_000, publishes: 100, warmup: 5, againMax: 10_000, keep: false, quick: false, write: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value. ${USAGE}`);
      return next;
    };
    if (arg === "--sizes") options.sizes = value().split(",").map(parseSize).sort((a, b) => a - b);
    else if (arg === "--listings") options.listings = parseSize(value());
    else if (arg === "--sample") options.sample = parseSize(value());
    else if (arg === "--publishes") options.publishes = Number(value());
    else if (arg === "--again-max") options.againMax = parseSize(value());
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--no-write") options.write = false;
    else if (arg === "--quick") Object.assign(options, { quick: true, sizes: [2_000, 5_000], listings: 3_000, sample: 500, publishes: 20, warmup: 2, againMax: 5_000 });
    else throw new Error(`Unknown option ${arg}. ${USAGE}`);
  }
  if (options.sample > Math.min(options.listings, options.sizes[0] ?? 0)) throw new Error("--sample must not exceed --listings or the smallest size");
  return options;
}

// ───────────────────────────── database ─────────────────────────────

/**
 * Settings a production server for this data would have. The embedded default
 * (128 MB buffers, 1 GB of WAL between checkpoints) would measure the disk and
 * the checkpointer rather than the matching.
 */
const SERVER_SETTINGS: Record<string, string> = {
  shared_buffers: "4GB",
  effective_cache_size: "12GB",
  work_mem: "32MB",
  maintenance_work_mem: "512MB",
  random_page_cost: "1.1",
  max_wal_size: "16GB",
  checkpoint_timeout: "30min",
  jit: "off",
};


/** A fingerprint of every stored match (pair, score, status, weights version), to compare two runs. */
async function matchesFingerprint(url: string): Promise<{ rows: number; digest: string }> {
  const [row] = await query<{ rows: number; digest: string | null }>(
    url,
    `SELECT count(*)::int AS rows, md5(string_agg(investor_profile_id::text || listing_id::text || score || status || weights_version, '|'
       ORDER BY investor_profile_id, listing_id)) AS digest FROM matches`,
  );
  return { rows: row?.rows ?? 0, digest: row?.digest ?? "" };
}

// ───────────────────────────── CPU accounting ─────────────────────────────

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function procTimes(pid: number): { own: number; children: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17, ppid 4.
    return { own: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]), ppid: Number(fields[1]) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by this process and by the embedded server (the
 * postmaster, its live backends, and the backends already gone, which the
 * kernel adds to the postmaster's children time). The machine is shared, so
 * wall-clock figures carry other sessions' load; CPU time does not.
 */
function cpuSeconds(dataDir: string | undefined): { node: number; postgres: number | null } {
  const usage = process.cpuUsage();
  const node = (usage.user + usage.system) / 1e6;
  if (!dataDir) return { node, postgres: null };
  let postmaster = 0;
  try {
    postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return { node, postgres: null };
  }
  const root = procTimes(postmaster);
  if (!root) return { node, postgres: null };
  let ticks = root.own + root.children;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const times = procTimes(Number(entry));
    if (times?.ppid === postmaster) ticks += times.own;
  }
  return { node, postgres: ticks / TICKS_PER_SECOND };
}

function cpuSince(before: { node: number; postgres: number | null }, dataDir: string | undefined): string {
  const after = cpuSeconds(dataDir);
  const node = after.node - before.node;
  if (after.postgres === null || before.postgres === null) return `Node ${node.toFixed(1)} s`;
  return `${(node + after.postgres - before.postgres).toFixed(1)} s (Postgres ${(after.postgres - before.postgres).toFixed(1)}, Node ${node.toFixed(1)})`;
}

// ───────────────────────────── measuring ─────────────────────────────

type TModules = {
  engine: typeof import("../lib/matching/engine");
  score: typeof import("../lib/matching/score");
  store: typeof import("../lib/matching/store");
  candidates: typeof import("../lib/matching/candidates");
  recompute: typeof import("../lib/matching/recompute");
  client: typeof import("../lib/db/client");
};

/**
 * The engine's finding and scoring alone, for the like-for-like comparison with
 * the naive run's loading and scoring: recomputeAll's own steps on one session
 * (the listings loaded and compiled, each batch's investors and decisions
 * loaded, their candidates found in SQL and scored in code), with the kept
 * pairs counted instead of written.
 */
async function engineRankOnly(modules: TModules, context: import("../lib/matching/engine").TMatchingContext): Promise<{ seconds: number; ranked: number; scored: number }> {
  const { engine, recompute } = modules;
  const started = performance.now();
  const listings = recompute.compileListings([...(await engine.loadPublishedListings()).values()], context);
  const ids = (await modules.client.db().investorProfile.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((row) => row.id);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  let ranked = 0;
  let scored = 0;
  try {
    const session = await recompute.openRecomputeSession({ client, listings, context });
    for (let start = 0; start < ids.length; start += 500) {
      const batch = ids.slice(start, start + 500);
      const [investors, decisions] = await Promise.all([engine.loadInvestors(batch), recompute.loadDecisions(batch)]);
      ranked += (await recompute.rankInvestorBatch({ session, investors, decisions })).length;
    }
    scored = session.scorer.scored;
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - started) / 1000, ranked, scored };
}

/**
 * The naive recompute: every investor × every published listing scored with
 * scoreMatch in this process, pairs at or above the threshold (and within the
 * engine's ticket window) kept, the best N per investor stored with the engine's
 * batch writer (500 investors a batch), on one session.
 */
async function naiveRecompute(modules: TModules, context: import("../lib/matching/engine").TMatchingContext) {
  const { engine, score } = modules;
  const started = performance.now();
  const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await writer.connect();
  const listings = [...(await engine.loadPublishedListings()).values()];
  const ids = (await modules.client.db().investorProfile.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((row) => row.id);
  const investors = await engine.loadInvestors(ids);
  let matched = 0;
  let stored = 0;
  let writeMs = 0;
  for (let start = 0; start < investors.length; start += 500) {
    const batch = investors.slice(start, start + 500);
    const kept: import("../lib/matching/engine").TScoredPair[] = [];
    for (const investor of batch) {
      const pairs: import("../lib/matching/engine").TScoredPair[] = [];
      for (const listing of listings) {
        const result = score.scoreMatch({ investor, listing, sectors: context.sectors, weights: context.weights, now: context.now });
        // The engine's rule: a listing ten times away from the ticket range or more is not a candidate.
        if (!result || !modules.candidates.isWithinTicketWindow(investor, listing.amountUsdCents)) continue;
        if (result.score >= context.threshold) pairs.push({ investorProfileId: investor.id, listingId: listing.id, score: result.score });
      }
      matched += pairs.length;
      kept.push(...pairs.sort(score.compareMatches).slice(0, context.maxPerInvestor));
    }
    const writeStarted = performance.now();
    await modules.store.writeInvestorBatch(
      writer,
      batch.map((investor) => investor.id),
      kept,
      context,
    );
    writeMs += performance.now() - writeStarted;
    stored += kept.length;
  }
  await writer.end();
  const seconds = (performance.now() - started) / 1000;
  return { seconds, scoreSeconds: seconds - writeMs / 1000, writeSeconds: writeMs / 1000, matched, stored, pairs: investors.length * listings.length };
}

async function measureSample(url: string, modules: TModules, sample: { investors: number; listings: number }, dataDir?: string): Promise<TSampleResult> {
  const context = await modules.engine.loadMatchingContext();
  await query(url, "TRUNCATE matches");
  const naiveCpu = cpuSeconds(dataDir);
  const naive = await naiveRecompute(modules, context);
  const naiveCpuUsed = cpuSince(naiveCpu, dataDir);
  const naiveFingerprint = await matchesFingerprint(url);
  await query(url, "TRUNCATE matches");
  await query(url, "VACUUM ANALYZE matches");
  const engineCpu = cpuSeconds(dataDir);
  const started = performance.now();
  // One session, like the naive run, so the phases do not overlap and the two compare like for like.
  const engineRun = await modules.engine.recomputeAll({ context, concurrency: 1 });
  const seconds = (performance.now() - started) / 1000;
  const engineCpuUsed = cpuSince(engineCpu, dataDir);
  const engineFingerprint = await matchesFingerprint(url);
  // The recompute's writes leave autovacuum work behind: done first, so it does not land in the timing.
  await query(url, "VACUUM ANALYZE matches");
  // The median of three runs (each about a third of a second, so a stray background task weighs on one run).
  const rankRuns: { seconds: number; ranked: number; scored: number }[] = [];
  for (let run = 0; run < 3; run++) rankRuns.push(await engineRankOnly(modules, context));
  const rankOnly = rankRuns.sort((a, b) => a.seconds - b.seconds)[1]!;
  if (rankRuns.some((run) => run.ranked !== engineRun.stored)) throw new Error(`the ranking alone found ${rankOnly.ranked} pairs, the recompute stored ${engineRun.stored}`);
  return {
    ...sample,
    pairs: naive.pairs,
    naive,
    engine: { seconds, writeSeconds: (engineRun.phases?.store ?? 0) / 1000, stored: engineRun.stored, rankSeconds: rankOnly.seconds, rankRuns: rankRuns.map((run) => run.seconds), scored: rankOnly.scored },
    identical: naiveFingerprint.digest === engineFingerprint.digest && naiveFingerprint.rows === engineFingerprint.rows,
    cpu: { naive: naiveCpuUsed, engine: engineCpuUsed },
  };
}

async function measureRecompute(url: string, modules: TModules, truncate: boolean, dataDir?: string): Promise<TRecomputeRun> {
  if (truncate) {
    await query(url, "TRUNCATE matches");
    await query(url, "VACUUM ANALYZE matches");
  }
  const context = await modules.engine.loadMatchingContext();
  const cpuBefore = cpuSeconds(dataDir);
  const started = performance.now();
  const result = await modules.engine.recomputeAll({ context });
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSince(cpuBefore, dataDir);
  // Autovacuum would get there on its own; the publishes below should not depend on when.
  await query(url, "VACUUM ANALYZE matches");
  const phases = Object.entries(result.phases ?? {}).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(", ");
  return { seconds, stored: result.stored, removed: result.removed, phases, cpu };
}

/**
 * Publishes `count` new listings one at a time, each a copy of a random bench
 * listing (its sectors, place, amount, instruments, stage, incentives) published
 * now, and times rematchListing — what the job runs on publish, context loading
 * included — plus reading back the first page of the listing's matches.
 */
async function measurePublishes(url: string, modules: TModules, options: { count: number; warmup: number; round: number; listings: number }): Promise<TPublishResult> {
  const samples: number[] = [];
  const candidates: number[] = [];
  const stored: number[] = [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < options.warmup + options.count; i++) {
      const source = 1 + Math.floor(Math.random() * options.listings);
      const slug = `bench-publish-${options.round}-${i}`;
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO listings (id, slug, kind, status, agency_id, title, summary, description, sector_ids, province, district, amount_minor, currency,
           amount_usd_cents, instruments, stage, published_at, submitted_at, completeness, created_at, updated_at)
         SELECT gen_random_uuid(), $1, kind, 'PUBLISHED', agency_id, title || ' (new)', summary, description, sector_ids, province, district, amount_minor,
           currency, amount_usd_cents, instruments, stage, now(), now(), completeness, now(), now()
         FROM listings WHERE slug = $2
         RETURNING id`,
        [slug, `bench-${source}`],
      );
      const id = inserted.rows[0]?.id;
      if (!id) throw new Error(`bench-${source} not found`);
      await client.query(
        `INSERT INTO incentives (id, listing_id, name, name_ja, legal_basis, valid_from, valid_to, created_at)
         SELECT gen_random_uuid(), $1, i.name, i.name_ja, i.legal_basis, i.valid_from, i.valid_to, now()
         FROM incentives i JOIN listings l ON l.id = i.listing_id WHERE l.slug = $2`,
        [id, `bench-${source}`],
      );
      const started = performance.now();
      const result = await modules.engine.rematchListing(id);
      const firstPage = await modules.client.db().match.findMany({
        where: { listingId: id, status: { not: "DISMISSED" } },
        orderBy: [{ score: "desc" }, { investorProfileId: "asc" }],
        take: 20,
        select: { investorProfileId: true, score: true, weightsVersion: true },
      });
      const ms = performance.now() - started;
      if (result.stored > 0 && firstPage.length === 0) throw new Error(`listing ${id}: ${result.stored} matches stored but none queryable`);
      if (i < options.warmup) continue;
      samples.push(ms);
      candidates.push(result.candidates);
      stored.push(result.stored);
    }
  } finally {
    await client.end();
  }
  return { stats: stats(samples), candidates: stats(candidates), stored: stats(stored) };
}

// ───────────────────────────── report ─────────────────────────────

const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : size >= 1000 ? `${size / 1000}k` : String(size));
const n = (value: number) => Math.round(value).toLocaleString("en");

function sampleLines(sample: TSampleResult): string[] {
  const ratio = sample.naive.seconds / sample.engine.seconds;
  const computeRatio = sample.naive.scoreSeconds / Math.max(0.001, sample.engine.rankSeconds);
  return [
    `| run | time | pairs scored in code | stored |`,
    `|---|---:|---:|---:|`,
    `| naive: every pair with scoreMatch | ${sample.naive.seconds.toFixed(2)} s (scoring ${sample.naive.scoreSeconds.toFixed(2)} s, writing ${sample.naive.writeSeconds.toFixed(2)} s) | ${n(sample.pairs)} | ${n(sample.naive.stored)} |`,
    `| engine: recomputeAll (candidates found in SQL, scored in code, the same writer) | ${sample.engine.seconds.toFixed(2)} s (writing ${sample.engine.writeSeconds.toFixed(2)} s; finding and scoring alone, without writing: ${sample.engine.rankSeconds.toFixed(2)} s, the median of ${sample.engine.rankRuns.map((run) => run.toFixed(2)).join(", ")} s) | ${n(sample.engine.scored)} (the candidates) | ${n(sample.engine.stored)} |`,
    "",
    `CPU used — naive: ${sample.cpu.naive}; engine: ${sample.cpu.engine}.`,
    "",
    `Speed-up on finding and scoring (loading included; the writes, the same rows through the same writer on both sides, excluded): **×${computeRatio.toFixed(1)}**; end to end: ×${ratio.toFixed(1)}. ${n(sample.naive.matched)} pairs reach the threshold; stored rows ${sample.identical ? "identical (same pairs, scores, weights version)" : "DIFFER between the two runs"}.`,
  ];
}

function sizeTable(results: TSizeResult[]): string[] {
  return [
    `| investors × listings | recompute, first (empty table) | recompute, again (over its results) | stored | matches table | publish p50 | publish p95 | publish max | candidates per listing (p50) | stored per listing (p50) |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    ...results.map(
      (result) =>
        `| ${label(result.investors)} × ${label(result.listings)} | ${result.first.seconds.toFixed(1)} s | ${result.again ? `${result.again.seconds.toFixed(1)} s` : "—"} | ${n(result.first.stored)} | ${n(result.matchesMb)} MB | ${result.publish.stats.p50.toFixed(0)} ms | ${result.publish.stats.p95.toFixed(0)} ms | ${result.publish.stats.max.toFixed(0)} ms | ${n(result.publish.candidates.p50)} | ${n(result.publish.stored.p50)} |`,
    ),
  ];
}

function verdicts(results: TSizeResult[], sample: TSampleResult): string[] {
  const lines: string[] = [];
  const at = (investors: number) => results.find((result) => result.investors === investors);
  const big = at(100_000);
  const small = at(10_000);
  if (big) lines.push(`- (a) publish against 100k investors, p95 < 500 ms: ${big.publish.stats.p95.toFixed(0)} ms → ${big.publish.stats.p95 < 500 ? "met" : "MISSED"}.`);
  if (small) {
    const again = small.again ? `, again ${small.again.seconds.toFixed(1)} s` : "";
    const worst = Math.max(small.first.seconds, small.again?.seconds ?? 0);
    lines.push(`- (b) recompute 10k × ${label(small.listings)}, N = 100, < 60 s: first ${small.first.seconds.toFixed(1)} s${again} → ${worst < 60 ? "met" : small.again && small.again.seconds < 60 ? "met over existing results only, MISSED from an empty table" : "MISSED"}.`);
  }
  const ratio = sample.naive.seconds / sample.engine.seconds;
  const computeRatio = sample.naive.scoreSeconds / Math.max(0.001, sample.engine.rankSeconds);
  const met = computeRatio >= 20 && sample.identical;
  lines.push(
    `- (c) speed-up over the naive recompute on ${label(sample.investors)} × ${label(sample.listings)}, ≥ 20×, on finding and scoring (both runs write the same rows with the same writer): ×${computeRatio.toFixed(1)} → ${met ? "met" : "MISSED"}; end to end ×${ratio.toFixed(1)}, the writes taking ${sample.naive.writeSeconds.toFixed(1)} s (naive) and ${sample.engine.writeSeconds.toFixed(1)} s (engine); results ${sample.identical ? "identical" : "DIFFER"}.`,
  );
  for (let i = 1; i < results.length; i++) {
    const before = results[i - 1]!;
    const after = results[i]!;
    const growth = after.investors / before.investors;
    lines.push(
      `- (d) ${label(before.investors)} → ${label(after.investors)} investors (×${growth.toFixed(0)}): publish p95 ${before.publish.stats.p95.toFixed(0)} → ${after.publish.stats.p95.toFixed(0)} ms (×${(after.publish.stats.p95 / before.publish.stats.p95).toFixed(1)}); recompute (first) ${before.first.seconds.toFixed(1)} → ${after.first.seconds.toFixed(1)} s (×${(after.first.seconds / before.first.seconds).toFixed(1)}).`,
    );
  }
  return lines;
}

const BEGIN = "<!-- bench:match results (generated: edit outside these markers) -->";
const END = "<!-- /bench:match results -->";

function writeReport(input: {
  command: string;
  started: Date;
  database: string;
  postgres: string;
  settings: Record<string, string>;
  context: { weightsVersion: number; threshold: number; maxPerInvestor: number };
  sample: TSampleResult;
  results: TSizeResult[];
  publishes: number;
  quick: boolean;
}): string {
  const file = path.resolve("docs/PERFORMANCE.md");
  const generated = [
    BEGIN,
    "",
    `### Latest run${input.quick ? " (--quick: a smoke run, not the issue's sizes)" : ""}`,
    "",
    `- Command: \`${input.command}\``,
    `- Run: ${input.started.toISOString()}, ${os.cpus().length} CPU cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at the end ${os.loadavg().map((value) => value.toFixed(2)).join(" / ")}`,
    `- Database: ${input.database}; ${input.postgres}`,
    `- Server settings: ${Object.entries(input.settings).map(([name, value]) => `${name}=${value}`).join(", ")}`,
    `- Matching: weights version ${input.context.weightsVersion}, threshold ${input.context.threshold}, at most ${input.context.maxPerInvestor} suggestions per investor.`,
    "- Recompute phases (load: investors and decisions; find: candidates in SQL; score: in code; store: writing — summed over its two sessions, which overlap) and CPU time used (Postgres + this process): " +
      input.results.map((result) => `${label(result.investors)} first: ${result.first.phases}, CPU ${result.first.cpu}${result.again ? `; again: ${result.again.phases}, CPU ${result.again.cpu}` : ""}`).join(" | "),
    `- Publish figures: ${input.publishes} new listings per size after a warm-up, one at a time; each time = \`rematchListing(id)\` (context loading included) + reading back its first 20 matches.`,
    "",
    `#### (c) Naive versus engine on ${label(input.sample.investors)} investors × ${label(input.sample.listings)} listings`,
    "",
    ...sampleLines(input.sample),
    "",
    "#### (a), (b), (d) At each size",
    "",
    ...sizeTable(input.results),
    "",
    "#### Against the targets",
    "",
    ...verdicts(input.results, input.sample),
    "",
    END,
  ].join("\n");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : `# Performance\n\n${BEGIN}\n${END}\n`;
  const from = existing.indexOf(BEGIN);
  const to = existing.indexOf(END);
  const text = from >= 0 && to > from ? `${existing.slice(0, from)}${generated}${existing.slice(to + END.length)}` : `${existing.trimEnd()}\n\n${generated}\n`;
  writeFileSync(file, text);
  return file;
}

// ───────────────────────────── main ─────────────────────────────

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = new Date();
  const command = `npm run bench:match${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const log = (line: string) => process.stdout.write(`\r${line}          `);
  console.log("• scratch database…");
  const scratch = await scratchDatabase({ keep: options.keep, label: "bench_match", settings: SERVER_SETTINGS, portBase: 56100 });
  try {
    process.env.DATABASE_URL = scratch.url;
    process.env.DB_POOL_MAX ??= "6";
    await applyMigrations(scratch.url);
    const { seed } = await import("../prisma/seed");
    const client = await import("../lib/db/client");
    await seed(client.db(), { demoAccounts: false });
    // The seed's own listings are left out of the measurements: only bench rows are published.
    await query(scratch.url, "UPDATE listings SET status = 'CLOSED', closed_at = now() WHERE status = 'PUBLISHED'");
    const modules: TModules = { engine: await import("../lib/matching/engine"), score: await import("../lib/matching/score"), store: await import("../lib/matching/store"), candidates: await import("../lib/matching/candidates"), recompute: await import("../lib/matching/recompute"), client };
    const postgres = (await query<{ version: string }>(scratch.url, "SELECT version()"))[0]!.version.split(" on ")[0]!;
    const settings = Object.fromEntries(
      (await query<{ name: string; setting: string }>(scratch.url, "SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1) ORDER BY name", [Object.keys(SERVER_SETTINGS)])).map((row) => [row.name, row.setting]),
    );

    // (c) the sample first, while the database holds only it.
    console.log(`• sample: ${label(options.sample)} listings and ${label(options.sample)} investors…`);
    await generateListings({ databaseUrl: scratch.url, count: options.sample, log });
    await prepareListingsForMatching({ databaseUrl: scratch.url, from: 1, to: options.sample });
    await generateInvestors({ databaseUrl: scratch.url, count: options.sample, log });
    process.stdout.write("\n");
    const sample = await measureSample(scratch.url, modules, { investors: options.sample, listings: options.sample }, scratch.dataDir);
    console.log(`\n(c) ${label(options.sample)} × ${label(options.sample)}\n${sampleLines(sample).join("\n")}\n`);

    console.log(`• listings: ${label(options.listings)}…`);
    await generateListings({ databaseUrl: scratch.url, count: options.listings - options.sample, log });
    await prepareListingsForMatching({ databaseUrl: scratch.url, from: options.sample + 1, to: options.listings });
    process.stdout.write("\n");

    const results: TSizeResult[] = [];
    let investors = options.sample;
    for (const [round, size] of options.sizes.entries()) {
      console.log(`• ${label(size)} investors: generating ${(size - investors).toLocaleString("en")}…`);
      await generateInvestors({ databaseUrl: scratch.url, count: size - investors, log });
      process.stdout.write("\n");
      investors = size;
      console.log("  recompute from an empty table…");
      const first = await measureRecompute(scratch.url, modules, true, scratch.dataDir);
      console.log(`  ${first.seconds.toFixed(1)} s, ${first.stored.toLocaleString("en")} stored (${first.phases}); CPU ${first.cpu}`);
      const again = size <= options.againMax ? await measureRecompute(scratch.url, modules, false, scratch.dataDir) : null;
      if (again) console.log(`  again over its results: ${again.seconds.toFixed(1)} s (${again.phases}); CPU ${again.cpu}`);
      console.log(`  publishing ${options.publishes} listings…`);
      const matchesMb = Number((await query<{ bytes: string }>(scratch.url, "SELECT pg_total_relation_size('matches')::text AS bytes"))[0]!.bytes) / 2 ** 20;
      const publish = await measurePublishes(scratch.url, modules, { count: options.publishes, warmup: options.warmup, round, listings: options.listings });
      results.push({ investors: size, listings: options.listings, first, again, matchesMb, publish });
      console.log(`\n${sizeTable(results).join("\n")}\n`);
    }
    const context = await modules.engine.loadMatchingContext();
    await client.disconnectDb();
    const lines = verdicts(results, sample);
    for (const line of lines) console.log(line);
    if (!options.write) return;
    const file = writeReport({
      command,
      started,
      database: scratch.describe,
      postgres,
      settings,
      context,
      sample,
      results,
      publishes: options.publishes,
      quick: options.quick,
    });
    console.log(`• wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await scratch.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? `✖ ${error.stack ?? error.message}` : error);
    process.exit(1);
  },
);
