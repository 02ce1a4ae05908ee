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
    if (process.env.KIZUNA_MATCHING_JOBS !== "off") {
      const { startMatchingWorker } = await import("./lib/matching/jobs");
      startMatchingWorker().then(
        () => console.info("[kizuna:matching] matching worker started"),
        (error: unknown) => console.error("[kizuna:matching] matching worker did not start; run npm run match:recompute later", error),
      );
    }
    if (process.env.KIZUNA_NOTIFICATION_JOBS !== "off") {
      const { startNotificationJobs } = await import("./lib/notifications/jobs");
      startNotificationJobs().then(
        () => console.info("[kizuna:notifications] digest and saved-search alert schedules started"),
        (error: unknown) =>
          console.error("[kizuna:notifications] notification jobs did not start; run npm run notifications:digest / saved-searches:run by hand", error),
      );
    }
    if (!process.env.SMTP_URL?.trim()) return;
    const { startMailWorker } = await import("./lib/mail/worker");
    // Not awaited: the site must serve even if the queue cannot start (database
    // briefly down). Emails wait in the outbox meanwhile, and the start is retried
    // with a growing delay; the timer is unref'd so it never holds the process open.
    const startWithRetry = (retryInMs: number): void => {
      startMailWorker().then(
        () => console.info("[kizuna:mail] mail worker started"),
        (error: unknown) => {
          console.error(`[kizuna:mail] mail worker did not start (retrying in ${retryInMs / 1000} s); emails stay PENDING in the outbox:`, error);
          setTimeout(() => startWithRetry(Math.min(retryInMs * 2, 300_000)), retryInMs).unref();
        },
      );
    };
    startWithRetry(15_000);
  }
}
