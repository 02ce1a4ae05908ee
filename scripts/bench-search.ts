// npm run bench:search [-- --sizes 10k,100k,1m --requests 200 --build --keep]
//
// The search benchmark (issue 4): a scratch database (embedded PostgreSQL under
// /tmp, or a new database on DATABASE_URL's server), migrations, the public
// seed, then synthetic listings generated set-based in SQL at each size. At
// each size it starts nothing new: one production server (`next start` of the
// built app) serves throughout, and one client measures, interleaved so drift
// hits all three alike:
//   api    — GET /api/v1/listings?… end to end over HTTP;
//   direct — searchListings() in this process: the same SQL, same parameters;
//   floor  — GET /api/v1/ping, an empty route on the same server.
// It prints a table and writes docs/PERFORMANCE.md (figures, the command, and
// EXPLAIN (ANALYZE, BUFFERS) of the main statements at the largest size).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { generateListings } from "./lib/bench-data";
import { parseSize, query, scratchDatabase, stats, type TStats } from "./lib/bench-common";

type TQuery = { name: string; label: string; query: string; filtered: boolean };
type TSizeResult = {
  size: number;
  generatedSeconds: number;
  tableMb: number;
  queries: { name: string; label: string; query: string; totals: string; api: TStats; direct: TStats }[];
  floor: TStats;
};

// ───────────────────────────── arguments ─────────────────────────────

function parseArgs(argv: string[]) {
  const options = { sizes: [10_000, 100_000, 1_000_000], requests: 200, warmup: 20, build: false, keep: false, port: 3390 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--sizes") options.sizes = value().split(",").map(parseSize).sort((a, b) => a - b);
    else if (arg === "--requests") options.requests = Number(value());
    else if (arg === "--warmup") options.warmup = Number(value());
    else if (arg === "--port") options.port = Number(value());
    else if (arg === "--build") options.build = true;
    else if (arg === "--keep") options.keep = true;
    else throw new Error(`Unknown option ${arg}. Usage: npm run bench:search -- [--sizes 10k,100k,1m] [--requests 200] [--build] [--keep]`);
  }
  return options;
}

// ───────────────────────────── the mix ─────────────────────────────

/** The fixed mix of the issue. The deep page's cursor is found at each size (50 pages in). */
const MIX: TQuery[] = [
  { name: "two-words", label: "two-word keyword", query: "q=dairy+faisalabad", filtered: true },
  { name: "keyword-facets", label: "keyword + facets", query: "q=textile&province=PUNJAB&kind=SEZ", filtered: true },
  { name: "common-word", label: "very common word", query: "q=industrial", filtered: false },
  { name: "deep-page", label: "deep page (after 50 pages)", query: "province=SINDH&sort=newest", filtered: true },
  { name: "facets-only", label: "facets only", query: "sector=food-processing&province=PUNJAB", filtered: true },
];
const DEEP_PAGES = 50;

// ───────────────────────────── database ─────────────────────────────

/** Settings a production server for this data would have; the embedded default (128 MB buffers) would measure the disk. */
const SERVER_SETTINGS: Record<string, string> = {
  shared_buffers: "2GB",
  effective_cache_size: "8GB",
  work_mem: "16MB",
  maintenance_work_mem: "512MB",
  random_page_cost: "1.1",
  // Latency over throughput: a worker's start-up costs more than these queries save.
  max_parallel_workers_per_gather: "0",
  jit: "off",
};


// ───────────────────────────── server ─────────────────────────────

const nextBin = path.resolve("node_modules/next/dist/bin/next");

function buildIfNeeded(force: boolean): void {
  if (!force && existsSync(".next/BUILD_ID")) return;
  console.log("• building the app (next build)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, APP_ENV: "production" } });
  if (result.status !== 0) throw new Error("next build failed");
}

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const secret = randomBytes(32).toString("base64url");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      APP_ENV: "production",
      AUTH_SECRET: secret,
      NEXTAUTH_SECRET: secret,
      APP_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
  }
  child.kill("SIGTERM");
  throw new Error("the production server did not become healthy");
}

// ───────────────────────────── measuring ─────────────────────────────

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function fetchOk(url: string): Promise<string> {
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok) throw new Error(`${url} → ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

async function measureSize(options: {
  size: number;
  base: string;
  requests: number;
  warmup: number;
  search: typeof import("../lib/listings/search");
  schema: typeof import("../lib/listings/search-schema");
}): Promise<Omit<TSizeResult, "size" | "generatedSeconds" | "tableMb">> {
  const { search, schema, base } = options;
  const viewer = { locale: "en" as const };
  const parse = (text: string) => {
    const parsed = schema.parseSearchQuery(new URLSearchParams(text));
    if (!parsed.ok) throw new Error(`${text}: ${JSON.stringify(parsed.fieldErrors)}`);
    return parsed.params;
  };

  // The deep page: follow nextCursor 50 pages into the deep-page query.
  const queries = MIX.map((entry) => ({ ...entry }));
  const deep = queries.find((entry) => entry.name === "deep-page")!;
  let cursor: string | null = null;
  for (let page = 0; page < DEEP_PAGES; page++) {
    const result: Awaited<ReturnType<typeof search.searchListings>> = await search.searchListings({ ...parse(deep.query), cursor: cursor ?? undefined }, viewer);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  if (cursor) deep.query = `${deep.query}&cursor=${cursor}`;

  const samples = new Map<string, number[]>();
  const add = (key: string, ms: number) => samples.set(key, [...(samples.get(key) ?? []), ms]);
  const totals = new Map<string, string>();
  for (let round = 0; round < options.warmup + options.requests; round++) {
    const measured = round >= options.warmup;
    for (const entry of queries) {
      const params = parse(entry.query);
      const api = await timed(() => fetchOk(`${base}/api/v1/listings?${entry.query}`));
      let result: Awaited<ReturnType<typeof search.searchListings>> | null = null;
      const direct = await timed(async () => {
        result = await search.searchListings(params, viewer);
      });
      const floor = await timed(() => fetchOk(`${base}/api/v1/ping`));
      if (!measured) continue;
      add(`${entry.name}:api`, api);
      add(`${entry.name}:direct`, direct);
      add("floor", floor);
      if (result && !totals.has(entry.name)) {
        const { total, totalRelation } = result as { total: number; totalRelation: string };
        totals.set(entry.name, `${totalRelation === "eq" ? "" : totalRelation === "gte" ? "≥" : "≈"}${total.toLocaleString("en")}`);
      }
    }
  }
  return {
    queries: queries.map((entry) => ({
      name: entry.name,
      label: entry.label,
      query: entry.query.replace(/cursor=[^&]+/, "cursor=…"),
      totals: totals.get(entry.name) ?? "",
      api: stats(samples.get(`${entry.name}:api`) ?? []),
      direct: stats(samples.get(`${entry.name}:direct`) ?? []),
    })),
    floor: stats(samples.get("floor") ?? []),
  };
}

async function explainPlans(options: { url: string; search: typeof import("../lib/listings/search"); schema: typeof import("../lib/listings/search-schema"); deepQuery: string }) {
  const plans: { label: string; query: string; plan: string }[] = [];
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    for (const entry of MIX) {
      const text = entry.name === "deep-page" ? options.deepQuery : entry.query;
      const parsed = options.schema.parseSearchQuery(new URLSearchParams(text));
      if (!parsed.ok) continue;
      const statement = await options.search.searchStatementFor(parsed.params);
      const rows = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.text}`, statement.values as unknown[]);
      plans.push({ label: entry.label, query: text.replace(/cursor=[^&]+/, "cursor=…"), plan: rows.rows.map((row) => row["QUERY PLAN"]).join("\n") });
    }
  } finally {
    await client.end();
  }
  return plans;
}

// ───────────────────────────── report ─────────────────────────────

const ms = (value: number) => value.toFixed(1);
const sizeLabel = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);

function tableFor(result: TSizeResult): string {
  const lines = [
    `| query | matches | api p50 | api p95 | direct p50 | direct p95 | api − (direct + floor) at p50 |`,
    `|---|---:|---:|---:|---:|---:|---:|`,
    ...result.queries.map(
      (entry) =>
        `| ${entry.label} | ${entry.totals} | ${ms(entry.api.p50)} | ${ms(entry.api.p95)} | ${ms(entry.direct.p50)} | ${ms(entry.direct.p95)} | ${ms(entry.api.p50 - entry.direct.p50 - result.floor.p50)} |`,
    ),
    `| floor: GET /api/v1/ping | | ${ms(result.floor.p50)} | ${ms(result.floor.p95)} | | | |`,
  ];
  return lines.join("\n");
}

function verdicts(results: TSizeResult[]): string[] {
  const lines: string[] = [];
  const at = (size: number) => results.find((result) => result.size === size);
  const r100k = at(100_000);
  const r1m = at(1_000_000);
  if (r100k) {
    const worstP95 = Math.max(...r100k.queries.map((entry) => entry.api.p95));
    const worstGap = Math.max(...r100k.queries.map((entry) => entry.api.p50 - entry.direct.p50 - r100k.floor.p50));
    lines.push(`- 100k, API p95 < 25 ms: worst ${ms(worstP95)} ms → ${worstP95 < 25 ? "met" : "MISSED"}.`);
    lines.push(`- 100k, API p50 within 3 ms of direct + floor: worst gap ${ms(worstGap)} ms → ${worstGap <= 3 ? "met" : "MISSED"}.`);
  }
  if (r1m) {
    const worstP95 = Math.max(...r1m.queries.map((entry) => entry.api.p95));
    lines.push(`- 1M, nothing above 100 ms p95: worst ${ms(worstP95)} ms → ${worstP95 < 100 ? "met" : "MISSED"}.`);
  }
  if (r100k && r1m) {
    for (const entry of r1m.queries.filter((query) => MIX.find((mix) => mix.name === query.name)?.filtered)) {
      const before = r100k.queries.find((query) => query.name === entry.name)!;
      const ratio = entry.api.p95 / before.api.p95;
      lines.push(`- 100k → 1M, ${entry.label}: API p95 ${ms(before.api.p95)} → ${ms(entry.api.p95)} ms (×${ratio.toFixed(2)}) → ${ratio <= 1.5 ? "met" : "MISSED"} (≤ 1.5×).`);
    }
  }
  return lines;
}

const BEGIN = "<!-- bench:search results (generated: edit outside these markers) -->";
const END = "<!-- /bench:search results -->";

/** Replaces the generated part of docs/PERFORMANCE.md; the text outside the markers is kept. */
function writeReport(input: {
  command: string;
  started: Date;
  database: string;
  postgres: string;
  settings: Record<string, string>;
  results: TSizeResult[];
  plans: { label: string; query: string; plan: string }[];
  requests: number;
  tuning: Record<string, number>;
}): string {
  const file = path.resolve("docs/PERFORMANCE.md");
  mkdirSync(path.dirname(file), { recursive: true });
  const generated = [
    BEGIN,
    "",
    "## Latest run",
    "",
    `- Command: \`${input.command}\``,
    `- Run: ${input.started.toISOString()}, ${os.cpus().length} CPU cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at the end ${os.loadavg().map((value) => value.toFixed(2)).join(" / ")}`,
    `- Database: ${input.database}; ${input.postgres}`,
    `- Server settings: ${Object.entries(input.settings).map(([name, value]) => `${name}=${value}`).join(", ")}`,
    `- Search tuning (SEARCH_TUNING in lib/listings/search.ts): ${Object.entries(input.tuning).map(([name, value]) => `${name}=${value}`).join(", ")}`,
    `- Each figure: ${input.requests} requests per query after a warm-up; one client, sequential; api, direct and floor interleaved. Milliseconds.`,
    "- api = `GET /api/v1/listings?…` over HTTP against `next start` (production build); direct = `searchListings()` in the",
    "  benchmark's process (the same SQL and parameters); floor = `GET /api/v1/ping` (an empty JSON route) on the same server.",
    "",
    ...input.results.flatMap((result) => [
      `### ${sizeLabel(result.size)} listings (${result.size.toLocaleString("en")}; generated in ${result.generatedSeconds.toFixed(1)} s; table and indexes ${result.tableMb} MB)`,
      "",
      tableFor(result),
      "",
    ]),
    "### Against the targets",
    "",
    ...verdicts(input.results),
    "",
    `### Plans at ${sizeLabel(input.results[input.results.length - 1]?.size ?? 0)} (EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) of the statement searchListings runs first)`,
    "",
    ...input.plans.flatMap((entry) => [`#### ${entry.label}: \`${entry.query}\``, "", "```", entry.plan, "```", ""]),
    END,
  ].join("\n");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : `# Search performance\n\n${BEGIN}\n${END}\n`;
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
  const command = `npm run bench:search${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  console.log(`• scratch database…`);
  const scratch = await scratchDatabase({ keep: options.keep, label: "bench", settings: SERVER_SETTINGS, portBase: 56500 });
  let server: ChildProcess | undefined;
  try {
    process.env.DATABASE_URL = scratch.url;
    await applyMigrations(scratch.url);
    const { seed } = await import("../prisma/seed");
    const { db, disconnectDb } = await import("../lib/db/client");
    await seed(db(), { demoAccounts: false });
    const search = await import("../lib/listings/search");
    const schema = await import("../lib/listings/search-schema");
    const postgres = (await query<{ version: string }>(scratch.url, "SELECT version()"))[0]!.version.split(" on ")[0]!;
    const settings = Object.fromEntries(
      (await query<{ name: string; setting: string }>(scratch.url, "SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1) ORDER BY name", [Object.keys(SERVER_SETTINGS)])).map(
        (row) => [row.name, row.setting],
      ),
    );

    buildIfNeeded(options.build);
    server = await startServer(scratch.url, options.port);
    const base = `http://127.0.0.1:${options.port}`;
    console.log(`• production server on ${base}; database: ${scratch.describe}`);

    const results: TSizeResult[] = [];
    let current = 0;
    for (const size of options.sizes) {
      console.log(`• ${sizeLabel(size)}: generating ${(size - current).toLocaleString("en")} listings…`);
      const generated = await generateListings({ databaseUrl: scratch.url, count: size - current, log: (line) => process.stdout.write(`\r${line}          `) });
      process.stdout.write("\n");
      current = size;
      const tableMb = Math.round(Number((await query<{ bytes: string }>(scratch.url, "SELECT pg_total_relation_size('listings')::text AS bytes"))[0]!.bytes) / 2 ** 20);
      console.log(`  done in ${generated.seconds.toFixed(1)} s (listings: ${tableMb} MB); measuring…`);
      const measured = await measureSize({ size, base, requests: options.requests, warmup: options.warmup, search, schema });
      const result = { size, generatedSeconds: generated.seconds, tableMb, ...measured };
      results.push(result);
      console.log(`\n${sizeLabel(size)} listings\n${tableFor(result)}\n`);
    }
    // EXPLAIN at the largest size, with the deep page's real cursor.
    const deep = MIX.find((entry) => entry.name === "deep-page")!;
    let cursor: string | undefined;
    for (let page = 0; page < DEEP_PAGES; page++) {
      const parsed = schema.parseSearchQuery(new URLSearchParams(deep.query));
      if (!parsed.ok) break;
      const next: string | null = (await search.searchListings({ ...parsed.params, cursor }, { locale: "en" })).nextCursor;
      if (!next) break;
      cursor = next;
    }
    const plans = await explainPlans({ url: scratch.url, search, schema, deepQuery: cursor ? `${deep.query}&cursor=${cursor}` : deep.query });
    await disconnectDb();
    for (const line of verdicts(results)) console.log(line);
    const file = writeReport({
      command,
      started,
      database: scratch.describe.replace(/ under \/tmp\/\S+/, " under /tmp"),
      postgres,
      settings,
      results,
      plans,
      requests: options.requests,
      tuning: { ...search.SEARCH_TUNING },
    });
    console.log(`• wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (server.exitCode === null) server.kill("SIGKILL");
    }
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
