// Next.js calls register() once when a server instance starts. Every instance
// runs the matching worker (lib/matching/jobs.ts: rematches queued when listings
// are published or profiles saved) and the notification jobs (lib/notifications/
// jobs.ts: the daily digest and saved-search alerts, on cron). When SMTP_URL is set, it also runs the mail
// worker (lib/mail/worker.ts); pg-boss coordinates the instances through
// PostgreSQL, so each job runs once. Without SMTP_URL emails stay in the outbox.

export async function register(): Promise<void> {
  // The import must sit inside this literal `=== "nodejs"` branch: the bundler
  // folds the condition and leaves pg-boss and nodemailer out of the edge bundle.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // `next build` may load instrumentation while prerendering: no worker there.
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    // Started one after the other: each creates its pg-boss queues, and queue
    // creation on a fresh database deadlocks when it runs concurrently. Not
    // awaited: the site must serve even if the queue cannot start (database
    // briefly down); emails wait in the outbox and jobs in their queues meanwhile.
    const startJobsInOrder = async (): Promise<void> => {
      if (process.env.KIZUNA_MATCHING_JOBS !== "off") {
        const { startMatchingWorker } = await import("./lib/matching/jobs");
        await startWithRetry("matching", startMatchingWorker, "run npm run match:recompute later");
      }
      if (process.env.KIZUNA_NOTIFICATION_JOBS !== "off") {
        const { startNotificationJobs } = await import("./lib/notifications/jobs");
        await startWithRetry("notifications", startNotificationJobs, "run npm run notifications:digest / saved-searches:run by hand");
      }
      if (!process.env.SMTP_URL?.trim()) return;
      const { startMailWorker } = await import("./lib/mail/worker");
      await startWithRetry("mail", startMailWorker, "emails stay PENDING in the outbox");
    };
    void startJobsInOrder();
  }
}

/** Starts a worker; on failure logs and retries with a growing delay (unref'd timer, never holds the process open). */
async function startWithRetry(label: string, start: () => Promise<void>, advice: string, retryInMs = 15_000): Promise<void> {
  try {
    await start();
    console.info(`[kizuna:${label}] started`);
  } catch (error) {
    console.error(`[kizuna:${label}] did not start (retrying in ${retryInMs / 1000} s); ${advice}:`, error);
    setTimeout(() => void startWithRetry(label, start, advice, Math.min(retryInMs * 2, 300_000)), retryInMs).unref();
  }
}
