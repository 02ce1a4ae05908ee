// npm run db:seed — idempotent seed of public facts; demo accounts outside production.
import { runCli, withDatabase } from "./lib/with-database";

runCli(() =>
  withDatabase(async () => {
    const { seed } = await import("../prisma/seed");
    const { db, disconnectDb } = await import("../lib/db/client");
    const demoAccounts = process.env.APP_ENV !== "production";
    const result = await seed(db(), { demoAccounts, log: (message) => console.log(`• ${message}`) });
    for (const account of result.demoAccounts) {
      console.log(`  demo ${account.role.padEnd(9)} ${account.email.padEnd(32)} ${account.password}`);
    }
    await disconnectDb();
  }),
);
