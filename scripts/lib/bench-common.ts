// What the benchmarks share: sizes on the command line, percentiles, a scratch
// database (a new database on DATABASE_URL's server, or an embedded PostgreSQL
// under /tmp with the settings a server for that data would have), and one-off
// queries on it.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type TEmbeddedHandle } from "../../lib/db/embedded";

/** "10k", "1m", "2000" → a count. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a size like 10k, 100k or 1m`);
  const unit = match[2]!.toLowerCase();
  return Math.round(Number(match[1]) * (unit === "k" ? 1_000 : unit === "m" ? 1_000_000 : 1));
}

export type TStats = { p50: number; p95: number; max: number; mean: number; n: number };

/** Nearest-rank percentiles of `samples` (zeros when there are none). */
export function stats(samples: number[]): TStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, mean: sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length), n: sorted.length };
}

export async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export type TScratch = { url: string; describe: string; drop: () => Promise<void>; dataDir?: string };

/**
 * A database to fill and measure: with DATABASE_URL, a new database on that
 * server (its own settings; the role needs CREATEDB), dropped at the end unless
 * `keep`; otherwise an embedded PostgreSQL under /tmp given `settings` (ALTER
 * SYSTEM, then a restart), deleted at the end unless `keep`.
 */
export async function scratchDatabase(options: { keep: boolean; label: string; settings: Record<string, string>; portBase: number }): Promise<TScratch> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `kizuna_${options.label}_${Date.now()}`;
    await query(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      describe: `database ${name} on DATABASE_URL's server (its own settings)`,
      drop: async () => {
        if (!options.keep) await query(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const baseDir = path.join(os.tmpdir(), `kizuna-${options.label.replace(/_/g, "-")}-${Date.now()}-${randomBytes(3).toString("hex")}`);
  let handle: TEmbeddedHandle = await startEmbeddedPostgres({ baseDir, port: options.portBase + Math.floor(Math.random() * 400) });
  for (const [name, value] of Object.entries(options.settings)) await query(handle.url, `ALTER SYSTEM SET ${name} = '${value}'`);
  await handle.stop();
  handle = await startEmbeddedPostgres({ baseDir });
  return {
    url: handle.url,
    describe: "embedded PostgreSQL under /tmp",
    dataDir: path.join(baseDir, "pg"),
    drop: async () => {
      await handle.stop();
      if (!options.keep) rmSync(baseDir, { recursive: true, force: true });
    },
  };
}
