// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the changes in
// prisma/schema.prisma (what `prisma migrate dev --create-only` does), offline.
// Usage: npm run db:migration:new -- <name>
import path from "node:path";
import { createMigration } from "../lib/db/migrate";
import { runCli, withDatabase } from "./lib/with-database";

runCli(async () => {
  const name = process.argv[2];
  if (!name) throw new Error("Usage: npm run db:migration:new -- <name>   (e.g. add_listing_status)");
  const directory = await withDatabase((databaseUrl) => createMigration({ databaseUrl, name }));
  if (directory === null) {
    console.log("Nothing to change: prisma/schema.prisma matches prisma/migrations");
    return;
  }
  const file = path.relative(process.cwd(), path.join(directory, "migration.sql"));
  console.log(`Created ${file} (review it, then apply it with npm run db:migrate)`);
});
