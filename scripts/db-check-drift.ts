// Fails (exit 1) when prisma/schema.prisma and prisma/migrations disagree, and
// prints the SQL a new migration would contain. For CI and pre-commit checks.
import { checkDrift } from "../lib/db/migrate";
import { runCli, withDatabase } from "./lib/with-database";

runCli(async () => {
  const { drift, script } = await withDatabase(checkDrift);
  if (!drift) {
    console.log("No drift: prisma/migrations produce exactly prisma/schema.prisma");
    return;
  }
  console.log(script);
  throw new Error(
    "Drift: prisma/schema.prisma differs from prisma/migrations; the SQL above is what is missing. " +
      "Create the migration with: npm run db:migration:new -- <name>",
  );
});
