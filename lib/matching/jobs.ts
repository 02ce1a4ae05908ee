// Background re-matching through pg-boss (jobs live in PostgreSQL, schema
// "pgboss", shared with the mail queue but with this module's own instance so
// stopping one worker never stops the other). A listing publish/edit enqueues
// "matching.listing", a profile save "matching.investor"; both queues use the
// "stately" policy keyed by id, so a burst of saves collapses into at most one
// waiting job per id (plus the one running, which a later change must not skip).
import PgBoss from "pg-boss";
import { PGBOSS_SCHEMA } from "@/lib/mail/queue";
import { recomputeAll, rematchInvestor, rematchListing } from "./engine";

export const LISTING_REMATCH_QUEUE = "matching.listing";
export const INVESTOR_REMATCH_QUEUE = "matching.investor";
/** Everything, after an admin saves new weights (one waiting job at most). */
export const RECOMPUTE_QUEUE = "matching.recompute";

const RETRY_LIMIT = 3;
const RETRY_DELAY_SECONDS = 5;
// A rematch against 100k investors takes well under a minute; longer means stuck.
const EXPIRE_SECONDS = 300;
// A full recompute of 100k investors runs for minutes.
const RECOMPUTE_EXPIRE_SECONDS = 3_600;

type TListingJobData = { listingId: string };
type TInvestorJobData = { profileId: string };

export type TMatchingWorkerOptions = {
  /** Defaults to DATABASE_URL. */
  connectionString?: string;
  /** How often an idle worker polls (pg-boss minimum 0.5 s). */
  pollingIntervalSeconds?: number;
};

type TMatchingBossState = {
  worker?: Promise<PgBoss>;
  client?: Promise<PgBoss>;
  workerIds: string[];
};

const globalForMatching = globalThis as unknown as { kizunaMatchingBoss?: TMatchingBossState };

function state(): TMatchingBossState {
  globalForMatching.kizunaMatchingBoss ??= { workerIds: [] };
  return globalForMatching.kizunaMatchingBoss;
}

async function createBoss(role: "worker" | "client", connectionString: string | undefined): Promise<PgBoss> {
  const url = connectionString ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the matching queue lives in PostgreSQL.");
  const boss = new PgBoss({
    connectionString: url,
    schema: PGBOSS_SCHEMA,
    application_name: `kizuna-matching-${role}`,
    max: role === "worker" ? 4 : 2,
    supervise: role === "worker",
    schedule: false,
  });
  boss.on("error", (error) => console.error(`[kizuna:matching] pg-boss (${role}) error:`, error));
  await boss.start();
  // pg-boss 10: queues must exist before sending; creating an existing one is a no-op.
  await boss.createQueue(LISTING_REMATCH_QUEUE, { name: LISTING_REMATCH_QUEUE, policy: "stately" });
  await boss.createQueue(INVESTOR_REMATCH_QUEUE, { name: INVESTOR_REMATCH_QUEUE, policy: "stately" });
  await boss.createQueue(RECOMPUTE_QUEUE, { name: RECOMPUTE_QUEUE, policy: "stately" });
  return boss;
}

function getBoss(role: "worker" | "client", connectionString?: string): Promise<PgBoss> {
  const current = state();
  const existing = current[role];
  if (existing) return existing;
  const started = createBoss(role, connectionString);
  current[role] = started;
  // A failed start (database down) is not cached: the next call retries.
  started.catch(() => {
    if (current[role] === started) current[role] = undefined;
  });
  return started;
}

async function enqueue(queue: string, key: string, data: object, expireInSeconds = EXPIRE_SECONDS): Promise<string | null> {
  const current = state();
  const boss = await (current.worker ?? getBoss("client"));
  const jobId = await boss.send(queue, data, {
    singletonKey: key,
    retryLimit: RETRY_LIMIT,
    retryDelay: RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds,
  });
  // A worker in this process would otherwise wait for its next poll.
  for (const workerId of current.workerIds) boss.notifyWorker(workerId);
  return jobId;
}

/** Queues a rematch of a listing; returns the job id, or null when one is already waiting. */
export function enqueueListingRematch(listingId: string): Promise<string | null> {
  const data: TListingJobData = { listingId };
  return enqueue(LISTING_REMATCH_QUEUE, listingId, data);
}

/** Queues a rematch of an investor profile; returns the job id, or null when one is already waiting. */
export function enqueueInvestorRematch(profileId: string): Promise<string | null> {
  const data: TInvestorJobData = { profileId };
  return enqueue(INVESTOR_REMATCH_QUEUE, profileId, data);
}

/** Queues a recompute of every investor with the latest weights; null when one is already waiting. */
export function enqueueRecomputeAll(): Promise<string | null> {
  return enqueue(RECOMPUTE_QUEUE, "all", {}, RECOMPUTE_EXPIRE_SECONDS);
}

function stringField(data: unknown, field: string): string | null {
  if (typeof data !== "object" || data === null) return null;
  const value = (data as Record<string, unknown>)[field];
  return typeof value === "string" ? value : null;
}

async function start(options: TMatchingWorkerOptions): Promise<void> {
  const boss = await getBoss("worker", options.connectionString);
  const workOptions = { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 };
  const listingWorker = await boss.work<unknown>(LISTING_REMATCH_QUEUE, workOptions, async ([job]) => {
    const listingId = stringField(job?.data, "listingId");
    if (!listingId) return console.error(`[kizuna:matching] job ${job?.id} has no listingId; dropped`);
    await rematchListing(listingId);
  });
  const investorWorker = await boss.work<unknown>(INVESTOR_REMATCH_QUEUE, workOptions, async ([job]) => {
    const profileId = stringField(job?.data, "profileId");
    if (!profileId) return console.error(`[kizuna:matching] job ${job?.id} has no profileId; dropped`);
    await rematchInvestor(profileId);
  });
  const recomputeWorker = await boss.work<unknown>(RECOMPUTE_QUEUE, workOptions, async () => {
    await recomputeAll();
  });
  state().workerIds.push(listingWorker, investorWorker, recomputeWorker);
}

type TWorkerState = { started: Promise<void> };
const globalForWorker = globalThis as unknown as { kizunaMatchingWorker?: TWorkerState };

/** Starts the matching worker in this process (idempotent); a failed start can be retried. */
export function startMatchingWorker(options: TMatchingWorkerOptions = {}): Promise<void> {
  const existing = globalForWorker.kizunaMatchingWorker;
  if (existing) return existing.started;
  const started = start(options);
  const workerState: TWorkerState = { started };
  globalForWorker.kizunaMatchingWorker = workerState;
  started.catch(async () => {
    if (globalForWorker.kizunaMatchingWorker === workerState) globalForWorker.kizunaMatchingWorker = undefined;
    await stopMatchingWorker().catch(() => undefined);
  });
  return started;
}

/** Stops the worker and this module's pg-boss connections; a rematch in progress finishes first. */
export async function stopMatchingWorker(): Promise<void> {
  const workerState = globalForWorker.kizunaMatchingWorker;
  globalForWorker.kizunaMatchingWorker = undefined;
  await workerState?.started.catch(() => undefined);
  const current = state();
  const bosses = [current.worker, current.client];
  current.worker = undefined;
  current.client = undefined;
  current.workerIds = [];
  for (const pending of bosses) {
    const boss = await pending?.catch(() => undefined);
    await boss?.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
