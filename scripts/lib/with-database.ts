// For CLI scripts: use DATABASE_URL when set, otherwise the embedded PostgreSQL
// under DATA_DIR (.data by default), stopped again when the work is done.
import { startEmbeddedPostgres } from "../../lib/db/embedded";

export async function withDatabase<T>(work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const configured = process.env.DATABASE_URL;
  if (configured) return work(configured);
  const embedded = await startEmbeddedPostgres({ baseDir: process.env.DATA_DIR ?? ".data" });
  process.env.DATABASE_URL = embedded.url;
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Runs a CLI's main function and exits explicitly (the migration engine leaves timers). */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? `✖ ${error.message}` : error);
      process.exit(1);
    },
  );
}
