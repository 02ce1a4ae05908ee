// Applies pending migrations (what `prisma migrate deploy` does), offline.
import { applyMigrations } from "../lib/db/migrate";
import { runCli, withDatabase } from "./lib/with-database";

runCli(async () => {
  const { applied } = await withDatabase(applyMigrations);
  if (applied.length === 0) {
    console.log("No pending migrations");
    return;
  }
  const noun = applied.length === 1 ? "migration" : "migrations";
  console.log(`Applied ${applied.length} ${noun}: ${applied.join(", ")}`);
});
