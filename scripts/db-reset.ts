// Drops every table and all data in the `public` schema, then applies all
// migrations. It asks nothing, so it refuses to run in production without --force.
import { resetDatabase } from "../lib/db/migrate";
import { runCli, withDatabase } from "./lib/with-database";

runCli(async () => {
  if (process.env.APP_ENV === "production" && !process.argv.includes("--force")) {
    throw new Error("Refusing to reset: APP_ENV is production. Pass --force if you really mean to delete all data.");
  }
  const { applied } = await withDatabase(resetDatabase);
  const list = applied.length ? `: ${applied.join(", ")}` : "";
  console.log(`Reset the database and applied ${applied.length} migration(s)${list}`);
});
