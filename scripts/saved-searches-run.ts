// npm run saved-searches:run — re-runs every alerting saved search now (the same
// function the hourly job runs): new searches take their baseline, the others
// notify their owner about listings not seen before.
import { runCli, withDatabase } from "./lib/with-database";

runCli(() =>
  withDatabase(async () => {
    const { runSavedSearchAlerts } = await import("../lib/saved-searches/alerts");
    const { disconnectDb } = await import("../lib/db/client");
    try {
      const result = await runSavedSearchAlerts();
      console.log(`• ${result.searches} saved search(es) run: ${result.baselines} baseline(s), ${result.notified} alert(s) for ${result.newListings} new listing(s)`);
      if (result.invalid) console.log(`• ${result.invalid} saved search(es) could not run (their filters no longer exist); their owners must save them again`);
    } finally {
      await disconnectDb();
    }
  }),
);
