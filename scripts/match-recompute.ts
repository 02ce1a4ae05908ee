// npm run match:recompute — rebuilds every investor's matches with the latest
// weights version (same engine as the background jobs), then prints counts and time.
import { runCli, withDatabase } from "./lib/with-database";

runCli(() =>
  withDatabase(async () => {
    const { recomputeAll, loadMatchingContext } = await import("../lib/matching/engine");
    const { disconnectDb } = await import("../lib/db/client");
    try {
      const context = await loadMatchingContext();
      console.log(`• weights version ${context.weightsVersion}, threshold ${context.threshold}, at most ${context.maxPerInvestor} per investor`);
      const result = await recomputeAll({ context, onBatch: (done) => console.log(`  … ${done} investors`) });
      console.log(`• ${result.investors} investors rematched`);
      console.log(`• ${result.stored} matches stored, ${result.removed} removed`);
      console.log(`• done in ${(result.durationMs / 1000).toFixed(1)} s`);
      if (result.phases) {
        const phases = Object.entries(result.phases).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`);
        console.log(`  (summed over the parallel sessions: ${phases.join(", ")})`);
      }
    } finally {
      await disconnectDb();
    }
  }),
);
