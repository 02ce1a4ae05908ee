// The embedded PostgreSQL a newcomer gets: data persists across restarts, it
// listens on loopback only, and a stale lock left by a crash is recovered.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("persists data across restarts, keeps its password, and recovers from a stale lock", async () => {
    const baseDir = mkdtempSync(path.join(tmpdir(), "kizuna-embedded-"));
    const first = await startEmbeddedPostgres({ baseDir, port: 56000 + Math.floor(Math.random() * 1000) });
    expect(first.created).toBe(true);
    await query(first.url, "create table memo (note text); insert into memo values ('kept')");
    expect(await query(first.url, "show listen_addresses")).toEqual([{ listen_addresses: "127.0.0.1" }]);
    await first.stop();

    const config = JSON.parse(readFileSync(path.join(baseDir, "embedded-postgres.json"), "utf8")) as { password: string };
    expect(config.password.length).toBeGreaterThanOrEqual(24);

    // A crash leaves postmaster.pid behind, naming a process that no longer exists.
    writeFileSync(path.join(baseDir, "pg", "postmaster.pid"), "999999\n/nonexistent\n");
    const second = await startEmbeddedPostgres({ baseDir });
    try {
      expect(second.created).toBe(false);
      expect(second.url).toContain(encodeURIComponent(config.password));
      expect(await query(second.url, "select note from memo")).toEqual([{ note: "kept" }]);
    } finally {
      await second.stop();
    }
  });
});
