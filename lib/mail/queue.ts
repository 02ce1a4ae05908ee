// The pg-boss queue that carries "deliver outbox email <id>" jobs, on the mail
// module's own pool of lib/jobs/boss.ts (like matching and notifications).
import type PgBoss from "pg-boss";
import { defineBossPool, PGBOSS_SCHEMA } from "@/lib/jobs/boss";

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

const pool = defineBossPool({
  name: "mail",
  globalKey: "kizunaMailBoss",
  missingUrlMessage: "the mail queue lives in PostgreSQL.",
  // "short": at most one queued (not yet started) job per outbox id, so a duplicate enqueue (caller + sweep) is
  // dropped by PostgreSQL; "singleton": one sweep at a time across instances.
  queues: [
    { name: DELIVER_QUEUE, policy: "short" },
    { name: SWEEP_QUEUE, policy: "singleton" },
  ],
  workerMax: 4,
  // The worker runs pg-boss's clock, which sends the sweep once a minute.
  workerSchedules: true,
});

export type TBossOptions = { connectionString?: string };

/** The pg-boss instance of this process's mail worker, started on first call. */
export function getWorkerBoss(options: TBossOptions = {}): Promise<PgBoss> {
  return pool.getBoss("worker", options.connectionString);
}

export const isWorkerBossRunning = pool.isWorkerRunning;
export const registerLocalWorker = (workerId: string): void => pool.registerWorkers(workerId);

/**
 * Enqueues a delivery job per outbox id. Returns how many jobs were created (a
 * duplicate of a job still waiting is dropped by the queue policy). Throws on
 * database errors: callers decide whether that matters.
 */
export async function enqueueDeliveryJobs(outboxIds: readonly string[]): Promise<number> {
  if (outboxIds.length === 0) return 0;
  let created = 0;
  for (const outboxId of outboxIds) {
    const data: TDeliverJobData = { outboxId };
    // Sent with this process's worker boss when it runs one (else a light client), waking local workers, so
    // an email written by a request here leaves at once.
    const jobId = await pool.send(DELIVER_QUEUE, data, {
      singletonKey: outboxId,
      retryLimit: DELIVERY_RETRY_LIMIT,
      retryDelay: DELIVERY_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: DELIVERY_EXPIRE_SECONDS,
    });
    if (jobId) created += 1;
  }
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

/** Stops every pg-boss instance of this process (worker and client) and waits for them; an email being sent finishes first. */
export const stopMailBosses = pool.stop;
