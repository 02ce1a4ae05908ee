// Scheduled notification work through pg-boss (same "pgboss" schema as the mail
// and matching queues, this module's own instance): the daily digest
// (NOTIFICATION_DIGEST_CRON) and the saved-search alerts (SAVED_SEARCH_ALERTS_CRON,
// plus a run queued after each listing is published). pg-boss's clock sends each
// cron job once for all server instances, and one worker takes it.
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { PGBOSS_SCHEMA } from "@/lib/mail/queue";
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

type TState = { worker?: Promise<PgBoss>; client?: Promise<PgBoss>; started?: Promise<void>; workerIds: string[] };
const globalForJobs = globalThis as unknown as { kizunaNotificationJobs?: TState };

function state(): TState {
  globalForJobs.kizunaNotificationJobs ??= { workerIds: [] };
  return globalForJobs.kizunaNotificationJobs;
}

async function createBoss(role: "worker" | "client", connectionString: string | undefined): Promise<PgBoss> {
  const url = connectionString ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the notification jobs live in PostgreSQL.");
  const boss = new PgBoss({
    connectionString: url,
    schema: PGBOSS_SCHEMA,
    application_name: `kizuna-notifications-${role}`,
    max: 2,
    supervise: role === "worker",
    // The worker runs pg-boss's cron clock; a process that only enqueues must not keep timers alive.
    schedule: role === "worker",
  });
  boss.on("error", (error) => console.error(`[kizuna:notifications] pg-boss (${role}) error:`, error));
  await boss.start();
  // "stately": at most one queued and one running job per queue, so a burst of publishes collapses into one alert run.
  await boss.createQueue(DIGEST_QUEUE, { name: DIGEST_QUEUE, policy: "stately" });
  await boss.createQueue(SAVED_SEARCH_ALERTS_QUEUE, { name: SAVED_SEARCH_ALERTS_QUEUE, policy: "stately" });
  return boss;
}

function getBoss(role: "worker" | "client", connectionString?: string): Promise<PgBoss> {
  const current = state();
  const existing = current[role];
  if (existing) return existing;
  const started = createBoss(role, connectionString);
  current[role] = started;
  started.catch(() => {
    if (current[role] === started) current[role] = undefined;
  });
  return started;
}

/** Registers (or updates) the two cron schedules; every instance may call it, pg-boss keeps one per queue. */
export async function scheduleNotificationJobs(boss: PgBoss, options: { digestCron?: string; alertsCron?: string } = {}): Promise<void> {
  const digestCron = options.digestCron ?? env().NOTIFICATION_DIGEST_CRON;
  const alertsCron = options.alertsCron ?? env().SAVED_SEARCH_ALERTS_CRON;
  await boss.schedule(DIGEST_QUEUE, digestCron, {}, { tz: "UTC", expireInSeconds: EXPIRE_SECONDS, retryLimit: 2, retryDelay: 60 });
  await boss.schedule(SAVED_SEARCH_ALERTS_QUEUE, alertsCron, {}, { tz: "UTC", expireInSeconds: EXPIRE_SECONDS, retryLimit: 2, retryDelay: 60 });
}

async function start(options: TNotificationJobsOptions): Promise<void> {
  const boss = await getBoss("worker", options.connectionString);
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
  state().workerIds.push(digestWorker, alertsWorker);
  await scheduleNotificationJobs(boss, options);
}

/** Starts the notification worker and its schedules in this process (idempotent); a failed start can be retried. */
export function startNotificationJobs(options: TNotificationJobsOptions = {}): Promise<void> {
  const current = state();
  if (current.started) return current.started;
  const started = start(options);
  current.started = started;
  started.catch(async () => {
    if (current.started === started) current.started = undefined;
    await stopNotificationJobs().catch(() => undefined);
  });
  return started;
}

/** Queues a saved-search alert run now (after a listing is published); null when one is already waiting. */
export async function enqueueSavedSearchAlerts(): Promise<string | null> {
  const current = state();
  const boss = await (current.worker ?? getBoss("client"));
  const jobId = await boss.send(SAVED_SEARCH_ALERTS_QUEUE, {}, { expireInSeconds: EXPIRE_SECONDS, retryLimit: 2, retryDelay: 60 });
  for (const workerId of current.workerIds) boss.notifyWorker(workerId);
  return jobId;
}

/** Stops the worker and this module's pg-boss connections; a job in progress finishes first. */
export async function stopNotificationJobs(): Promise<void> {
  const current = state();
  const started = current.started;
  current.started = undefined;
  await started?.catch(() => undefined);
  const bosses = [current.worker, current.client];
  current.worker = undefined;
  current.client = undefined;
  current.workerIds = [];
  for (const pending of bosses) {
    const boss = await pending?.catch(() => undefined);
    await boss?.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
