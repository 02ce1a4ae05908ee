// The pg-boss queue that carries "deliver outbox email <id>" jobs. pg-boss keeps
// its jobs in PostgreSQL (schema "pgboss", created by pg-boss itself on start),
// so every app instance shares one queue and a job is handed to one worker.
// The pg-boss instances live on globalThis because Next.js may load this module
// more than once (instrumentation bundle, server bundle, dev reloads).
import PgBoss from "pg-boss";

export const PGBOSS_SCHEMA = "pgboss";
export const DELIVER_QUEUE = "email.deliver";
export const SWEEP_QUEUE = "email.sweep";

/** pg-boss retries a failed delivery 5 times: 6 attempts in all. */
export const DELIVERY_RETRY_LIMIT = 5;
export const MAX_DELIVERY_ATTEMPTS = DELIVERY_RETRY_LIMIT + 1;

// With backoff, pg-boss waits retryDelay·2^n·(1..2) seconds before retry n+1:
// about 30 s, 1, 2, 4 then 8 minutes (15–30 minutes in all), long enough to ride
// out a mail server restart without hammering it.
const DELIVERY_RETRY_DELAY_SECONDS = 30;
// Longer than the SMTP timeouts plus the delivery transaction's timeout (see
// delivery.ts), so pg-boss never declares a delivery dead while it still runs.
const DELIVERY_EXPIRE_SECONDS = 180;

export type TDeliverJobData = { outboxId: string };

type TMailBossRole = "worker" | "client";

type TMailBossState = {
  /** Started with maintenance and cron: the process runs the mail worker. */
  worker?: Promise<PgBoss>;
  /** Started without maintenance or cron: this process only enqueues. */
  client?: Promise<PgBoss>;
  /** ids of this process's delivery workers, to wake them when a job is enqueued here. */
  workerIds: string[];
};

const globalForMail = globalThis as unknown as { kizunaMailBoss?: TMailBossState };

function state(): TMailBossState {
  globalForMail.kizunaMailBoss ??= { workerIds: [] };
  return globalForMail.kizunaMailBoss;
}

export type TBossOptions = { connectionString?: string };

async function createBoss(role: TMailBossRole, options: TBossOptions): Promise<PgBoss> {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the mail queue lives in PostgreSQL.");
  const boss = new PgBoss({
    connectionString,
    schema: PGBOSS_SCHEMA,
    application_name: `kizuna-mail-${role}`,
    max: role === "worker" ? 4 : 2,
    // Only worker processes run maintenance (expiring stuck jobs, archiving) and
    // the cron clock; a process that only enqueues must not keep timers alive.
    supervise: role === "worker",
    schedule: role === "worker",
  });
  // pg-boss emits "error" for background failures (lost connection, maintenance);
  // an EventEmitter without a listener would turn them into a crash.
  boss.on("error", (error) => console.error(`[kizuna:mail] pg-boss (${role}) error:`, error));
  await boss.start();
  // Queues must exist before jobs can be sent to them (pg-boss 10). Creating an
  // existing queue is a no-op, so every instance may do it on start.
  // "short": at most one queued (not yet started) job per outbox id, so a
  // duplicate enqueue (caller + sweep) is dropped by PostgreSQL.
  await boss.createQueue(DELIVER_QUEUE, { name: DELIVER_QUEUE, policy: "short" });
  await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "singleton" });
  return boss;
}

function getBoss(role: TMailBossRole, options: TBossOptions = {}): Promise<PgBoss> {
  const current = state();
  const existing = current[role];
  if (existing) return existing;
  const started = createBoss(role, options);
  current[role] = started;
  // A failed start (database down) must not be cached: the next call retries.
  started.catch(() => {
    if (current[role] === started) current[role] = undefined;
  });
  return started;
}

/** The pg-boss instance of this process's mail worker, started on first call. */
export function getWorkerBoss(options: TBossOptions = {}): Promise<PgBoss> {
  return getBoss("worker", options);
}

export function isWorkerBossRunning(): boolean {
  return state().worker !== undefined;
}

export function registerLocalWorker(workerId: string): void {
  state().workerIds.push(workerId);
}

/** The boss to send with: the worker's when this process runs one, else a light client. */
function getSendingBoss(): Promise<PgBoss> {
  return state().worker ?? getBoss("client");
}

/**
 * Enqueues a delivery job per outbox id. Returns how many jobs were created (a
 * duplicate of a job still waiting is dropped by the queue policy). Throws on
 * database errors: callers decide whether that matters.
 */
export async function enqueueDeliveryJobs(outboxIds: readonly string[]): Promise<number> {
  if (outboxIds.length === 0) return 0;
  const boss = await getSendingBoss();
  let created = 0;
  for (const outboxId of outboxIds) {
    const data: TDeliverJobData = { outboxId };
    const jobId = await boss.send(DELIVER_QUEUE, data, {
      singletonKey: outboxId,
      retryLimit: DELIVERY_RETRY_LIMIT,
      retryDelay: DELIVERY_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: DELIVERY_EXPIRE_SECONDS,
    });
    if (jobId) created += 1;
  }
  // A worker in this process polls every couple of seconds; wake it so an email
  // written by a request here leaves at once.
  for (const workerId of state().workerIds) boss.notifyWorker(workerId);
  return created;
}

/** Outbox ids among `outboxIds` that have a delivery job queued, waiting to retry, or running. */
export async function outboxIdsWithLiveJobs(boss: PgBoss, outboxIds: readonly string[]): Promise<Set<string>> {
  if (outboxIds.length === 0) return new Set();
  // pg-boss's job table, read through its own connection: "state < 'completed'"
  // is how pg-boss itself tests for created, retry and active jobs.
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT singleton_key FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND singleton_key = ANY($2::text[]) AND state < 'completed'`,
      [DELIVER_QUEUE, [...outboxIds]],
    );
  return new Set(rows.map((row: { singleton_key: string }) => row.singleton_key));
}

/** Stops every pg-boss instance of this process (worker and client) and waits for them. */
export async function stopMailBosses(): Promise<void> {
  const current = state();
  const bosses = [current.worker, current.client];
  current.worker = undefined;
  current.client = undefined;
  current.workerIds = [];
  for (const pending of bosses) {
    if (!pending) continue;
    const boss = await pending.catch(() => undefined);
    // graceful: an email being sent finishes (and is marked SENT) before the pool closes.
    await boss?.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
