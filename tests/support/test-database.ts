// A fresh, migrated PostgreSQL database per test run: created on the server named
// by TEST_DATABASE_URL when set (CI: the machine's PostgreSQL 15), otherwise on
// an ephemeral embedded PostgreSQL. Real PostgreSQL either way.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";

export type TTestDatabase = { url: string; drop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function createOnServer(serverUrl: string, name: string): Promise<TTestDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

export async function provisionTestDatabase(label: string): Promise<TTestDatabase> {
  const name = `kizuna_${label}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  let database: TTestDatabase;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    database = await createOnServer(serverUrl, name);
  } else {
    const baseDir = mkdtempSync(path.join(tmpdir(), "kizuna-test-"));
    const embedded = await startEmbeddedPostgres({ baseDir, database: name, port: 55000 + Math.floor(Math.random() * 5000), ephemeral: true });
    database = { url: embedded.url, drop: embedded.stop };
  }
  await applyMigrations(database.url);
  return database;
}
