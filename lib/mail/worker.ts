// The mail worker: takes "email.deliver" jobs from pg-boss and hands each to
// deliverOutboxEmail, and once a minute sweeps the outbox for PENDING rows that
// have no job (written while SMTP or the queue was down, before the worker
// started, or by a caller that did not enqueue after its transaction).
// Started once per server instance by instrumentation.ts when SMTP_URL is set.
import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createSmtpTransport, deliverOutboxEmail, type TMailTransport } from "./delivery";
import {
  DELIVER_QUEUE,
  enqueueDeliveryJobs,
  getWorkerBoss,
  outboxIdsWithLiveJobs,
  registerLocalWorker,
  stopMailBosses,
  SWEEP_QUEUE,
  type TDeliverJobData,
} from "./queue";

export type TMailWorkerOptions = {
  /** Defaults to SMTP_URL. */
  smtpUrl?: string;
  /** Replaces the SMTP transport (tests). */
  transport?: TMailTransport;
  /** Defaults to DATABASE_URL. */
  connectionString?: string;
  /** Deliveries in flight at once in this process; each holds a database connection while it sends. */
  concurrency?: number;
  /** How often an idle worker polls for jobs (pg-boss minimum 0.5 s). */
  pollingIntervalSeconds?: number;
};

/** Rows younger than this are left to the job their writer queued. */
const SWEEP_MIN_AGE_MS = 60_000;
const SWEEP_BATCH = 500;

type TWorkerState = { started: Promise<void> };
const globalForWorker = globalThis as unknown as { kizunaMailWorker?: TWorkerState };

function isDeliverJobData(data: unknown): data is TDeliverJobData {
  return typeof data === "object" && data !== null && "outboxId" in data && typeof data.outboxId === "string";
}

async function handleDeliverJob(jobs: PgBoss.JobWithMetadata<unknown>[], transport: TMailTransport): Promise<void> {
  // batchSize is 1; a loop would make one failing email fail (and retry) its neighbours.
  const [job] = jobs;
  if (!job) return;
  if (!isDeliverJobData(job.data)) {
    console.error(`[kizuna:mail] job ${job.id} has no outboxId; dropped`);
    return;
  }
  const result = await deliverOutboxEmail(job.data.outboxId, transport, {
    finalAttempt: job.retryCount >= job.retryLimit,
  });
  if (result.outcome === "retry") {
    // Throwing marks the job failed, and pg-boss schedules the retry with backoff.
    throw new Error(`Delivery of outbox email ${job.data.outboxId} failed (attempt ${result.attempts}): ${result.error}`);
  }
  if (result.outcome === "failed") {
    console.error(`[kizuna:mail] outbox email ${job.data.outboxId} FAILED after ${result.attempts} attempts: ${result.error}`);
  }
}

/**
 * Queues delivery of PENDING rows older than `minAgeMs` that have no live job.
 * Rows waiting for a pg-boss retry keep their job (and its backoff); FAILED rows
 * are left alone. Returns how many jobs were created.
 */
export async function sweepPendingEmails(options: { minAgeMs?: number } = {}): Promise<number> {
  const cutoff = new Date(Date.now() - (options.minAgeMs ?? SWEEP_MIN_AGE_MS));
  const rows = await db().emailOutbox.findMany({
    where: { status: "PENDING", createdAt: { lt: cutoff } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: SWEEP_BATCH,
  });
  if (rows.length === 0) return 0;
  const boss = await getWorkerBoss();
  const live = await outboxIdsWithLiveJobs(boss, rows.map((row) => row.id));
  const orphans = rows.map((row) => row.id).filter((id) => !live.has(id));
  return enqueueDeliveryJobs(orphans);
}

async function start(options: TMailWorkerOptions): Promise<void> {
  const smtpUrl = options.smtpUrl ?? env().SMTP_URL;
  const transport = options.transport ?? (smtpUrl ? createSmtpTransport(smtpUrl) : undefined);
  if (!transport) throw new Error("startMailWorker: SMTP_URL is not set and no transport was given.");

  const boss = await getWorkerBoss({ connectionString: options.connectionString });
  const workOptions = { includeMetadata: true as const, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  // pg-boss 10 runs one job at a time per work() call: several calls give concurrency.
  for (let i = 0; i < Math.max(1, options.concurrency ?? 2); i += 1) {
    const workerId = await boss.work<unknown>(DELIVER_QUEUE, workOptions, (jobs) => handleDeliverJob(jobs, transport));
    registerLocalWorker(workerId);
  }
  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    const queued = await sweepPendingEmails();
    if (queued > 0) console.info(`[kizuna:mail] sweep queued ${queued} pending email(s)`);
  });
  // pg-boss's clock sends the sweep once a minute for all instances together.
  await boss.schedule(SWEEP_QUEUE, "* * * * *");
}

/**
 * Starts the mail worker in this process (idempotent: a second call returns the
 * first start). Rejects if the queue cannot start; a later call tries again.
 */
export function startMailWorker(options: TMailWorkerOptions = {}): Promise<void> {
  const existing = globalForWorker.kizunaMailWorker;
  if (existing) return existing.started;
  const started = start(options);
  const state: TWorkerState = { started };
  globalForWorker.kizunaMailWorker = state;
  started.catch(async () => {
    if (globalForWorker.kizunaMailWorker === state) globalForWorker.kizunaMailWorker = undefined;
    // Do not leave a half-started pg-boss (pool, timers) behind.
    await stopMailBosses().catch(() => undefined);
  });
  return started;
}

/** Stops the worker and every pg-boss connection of this process; emails being sent finish first. */
export async function stopMailWorker(): Promise<void> {
  const state = globalForWorker.kizunaMailWorker;
  globalForWorker.kizunaMailWorker = undefined;
  await state?.started.catch(() => undefined);
  await stopMailBosses();
}
