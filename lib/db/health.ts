// Liveness of the database and migrations, for GET /api/health. Uses a short
// connect timeout so an unreachable database answers 503 quickly.
import pg from "pg";
import { listPendingMigrationsWith } from "./migration-status";

export type THealth =
  | { status: "ok"; db: "embedded" | "postgres"; migrations: "up-to-date" | "pending" }
  | { status: "unavailable"; db: "embedded" | "postgres"; migrations: "unknown" };

export function databaseMode(): "embedded" | "postgres" {
  return process.env.KIZUNA_DB_MODE === "embedded" ? "embedded" : "postgres";
}

export async function checkHealth(): Promise<THealth> {
  const mode = databaseMode();
  const unavailable: THealth = { status: "unavailable", db: mode, migrations: "unknown" };
  const url = process.env.DATABASE_URL;
  if (!url) return unavailable;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000, query_timeout: 3_000 });
  try {
    await client.connect();
    const pending = await listPendingMigrationsWith(client);
    return { status: "ok", db: mode, migrations: pending.length === 0 ? "up-to-date" : "pending" };
  } catch {
    return unavailable;
  } finally {
    await client.end().catch(() => {});
  }
}
