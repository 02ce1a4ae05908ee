// Background re-matching through pg-boss (jobs live in PostgreSQL, schema
// "pgboss", shared with the mail queue but with this module's own instance so
// stopping one worker never stops the other). A listing publish/edit enqueues
// "matching.listing", a profile save "matching.investor"; both queues use the
// "stately" policy keyed by id, so a burst of saves collapses into at most one
// waiting job per id (plus the one running, which a later change must not skip).
import { defineBossPool } from "@/lib/jobs/boss";
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

const pool = defineBossPool({
  name: "matching",
  globalKey: "kizunaMatchingBoss",
  missingUrlMessage: "the matching queue lives in PostgreSQL.",
  queues: [LISTING_REMATCH_QUEUE, INVESTOR_REMATCH_QUEUE, RECOMPUTE_QUEUE],
  workerMax: 4,
  workerSchedules: false,
});

function enqueue(queue: string, key: string, data: object, expireInSeconds = EXPIRE_SECONDS): Promise<string | null> {
  return pool.send(queue, data, {
    singletonKey: key,
    retryLimit: RETRY_LIMIT,
    retryDelay: RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds,
  });
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
  const boss = await pool.getBoss("worker", options.connectionString);
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
  pool.registerWorkers(listingWorker, investorWorker, recomputeWorker);
}

/** Starts the matching worker in this process (idempotent); a failed start can be retried. */
export function startMatchingWorker(options: TMatchingWorkerOptions = {}): Promise<void> {
  return pool.startOnce(() => start(options));
}

/** Stops the worker and this module's pg-boss connections; a rematch in progress finishes first. */
export function stopMatchingWorker(): Promise<void> {
  return pool.stop();
}
