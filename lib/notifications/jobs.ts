// Scheduled notification work through pg-boss (same "pgboss" schema as the mail
// and matching queues, this module's own instance): the daily digest
// (NOTIFICATION_DIGEST_CRON) and the saved-search alerts (SAVED_SEARCH_ALERTS_CRON,
// plus a run queued after each listing is published). pg-boss's clock sends each
// cron job once for all server instances, and one worker takes it.
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { defineBossPool } from "@/lib/jobs/boss";
import { runSavedSearchAlerts } from "@/lib/saved-searches/alerts";
import { sendNotificationDigests } from "./notify";

export const DIGEST_QUEUE = "notifications.digest";
export const SAVED_SEARCH_ALERTS_QUEUE = "saved-searches.alerts";

// A digest of thousands of users, or every saved search re-run, still takes minutes, not an hour.
const EXPIRE_SECONDS = 30 * 60;

export type TNotificationJobsOptions = {
  /** Defaults to DATABASE_URL. */
  connectionString?: string;
  /** Default NOTIFICATION_DIGEST_CRON. */
  digestCron?: string;
  /** Default SAVED_SEARCH_ALERTS_CRON. */
  alertsCron?: string;
  /** How often an idle worker polls (pg-boss minimum 0.5 s). */
  pollingIntervalSeconds?: number;
};

const pool = defineBossPool({
  name: "notifications",
  globalKey: "kizunaNotificationJobs",
  missingUrlMessage: "the notification jobs live in PostgreSQL.",
  // "stately": at most one queued and one running job per queue, so a burst of publishes collapses into one alert run.
  queues: [DIGEST_QUEUE, SAVED_SEARCH_ALERTS_QUEUE],
  workerMax: 2,
  // The worker runs pg-boss's cron clock.
  workerSchedules: true,
});

/** Registers (or updates) the two cron schedules; every instance may call it, pg-boss keeps one per queue. */
export async function scheduleNotificationJobs(boss: PgBoss, options: { digestCron?: string; alertsCron?: string } = {}): Promise<void> {
  const digestCron = options.digestCron ?? env().NOTIFICATION_DIGEST_CRON;
  const alertsCron = options.alertsCron ?? env().SAVED_SEARCH_ALERTS_CRON;
  await boss.schedule(DIGEST_QUEUE, digestCron, {}, { tz: "UTC", expireInSeconds: EXPIRE_SECONDS, retryLimit: 2, retryDelay: 60 });
  await boss.schedule(SAVED_SEARCH_ALERTS_QUEUE, alertsCron, {}, { tz: "UTC", expireInSeconds: EXPIRE_SECONDS, retryLimit: 2, retryDelay: 60 });
}

async function start(options: TNotificationJobsOptions): Promise<void> {
  const boss = await pool.getBoss("worker", options.connectionString);
  const workOptions = { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 };
  const digestWorker = await boss.work(DIGEST_QUEUE, workOptions, async () => {
    const result = await sendNotificationDigests();
    console.info(`[kizuna:notifications] digest: ${result.notifications} notification(s) to ${result.users} user(s)`);
  });
  const alertsWorker = await boss.work(SAVED_SEARCH_ALERTS_QUEUE, workOptions, async () => {
    const result = await runSavedSearchAlerts();
    if (result.notified || result.baselines) {
      console.info(`[kizuna:notifications] saved searches: ${result.searches} run, ${result.baselines} baseline(s), ${result.notified} alert(s) for ${result.newListings} new listing(s)`);
    }
  });
  pool.registerWorkers(digestWorker, alertsWorker);
  await scheduleNotificationJobs(boss, options);
}

/** Starts the notification worker and its schedules in this process (idempotent); a failed start can be retried. */
export function startNotificationJobs(options: TNotificationJobsOptions = {}): Promise<void> {
  return pool.startOnce(() => start(options));
}

/** Queues a saved-search alert run now (after a listing is published); null when one is already waiting. */
export function enqueueSavedSearchAlerts(): Promise<string | null> {
  return pool.send(SAVED_SEARCH_ALERTS_QUEUE, {}, { expireInSeconds: EXPIRE_SECONDS, retryLimit: 2, retryDelay: 60 });
}

/** Stops the worker and this module's pg-boss connections; a job in progress finishes first. */
export function stopNotificationJobs(): Promise<void> {
  return pool.stop();
}
