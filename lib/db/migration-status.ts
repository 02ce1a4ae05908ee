// Which committed migrations a database has not applied yet. Plain pg and the
// file system only (no schema engine), so the health route stays light.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";

export async function readMigrationDirectoryNames(
  migrationsDir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations"),
): Promise<string[]> {
  try {
    const entries = await readdir(migrationsDir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
    throw error;
  }
}

/** Names of migration directories not recorded as finished in `_prisma_migrations`. */
export async function listPendingMigrationsWith(client: pg.Client | pg.Pool, migrationsDir?: string): Promise<string[]> {
  const names = await readMigrationDirectoryNames(migrationsDir);
  const table = await client.query<{ exists: boolean }>("select to_regclass('_prisma_migrations') is not null as exists");
  if (!table.rows[0]?.exists) return names;
  const done = await client.query<{ migration_name: string }>(
    "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
  );
  const finished = new Set(done.rows.map((row) => row.migration_name));
  return names.filter((name) => !finished.has(name));
}
