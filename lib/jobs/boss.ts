// One module's pg-boss connections (a "worker" that runs jobs, a light "client"
// that only enqueues) with an idempotent, retryable start and a graceful stop.
// Each module (mail, matching, notifications) gets its own pool, on its own
// globalThis key, so stopping one module's worker never stops another's and
// Next.js loading the module twice (instrumentation bundle, server bundle, dev
// reloads) still finds the same one. pg-boss keeps every module's jobs in one
// schema, so every app instance shares the queues and a job goes to one worker.
import PgBoss from "pg-boss";

export const PGBOSS_SCHEMA = "pgboss";

export type TBossRole = "worker" | "client";

export type TBossPoolOptions = {
  /** "matching" → application_name kizuna-matching-worker, log prefix [kizuna:matching]. */
  name: string;
  /** The globalThis property holding this pool's state. */
  globalKey: string;
  /** Ends "DATABASE_URL is not set: …" when there is no database to connect to. */
  missingUrlMessage: string;
  /**
   * Created on every start (pg-boss 10 sends only to existing queues); a name alone is "stately": one
   * waiting and one running job per key.
   */
  queues: readonly (string | { name: string; policy: PgBoss.QueuePolicy })[];
  /** Pool size of the worker's connection (the client's is 2). */
  workerMax: number;
  /** Whether the worker runs pg-boss's cron clock (a process that only enqueues never does). */
  workerSchedules: boolean;
};

type TPoolState = {
  worker?: Promise<PgBoss>;
  client?: Promise<PgBoss>;
  started?: Promise<void>;
  /** ids of this process's workers, to wake them when a job is enqueued here. */
  workerIds: string[];
};

export type TBossPool = ReturnType<typeof defineBossPool>;

const DEADLOCK = "40P01";

/**
 * pg-boss creates a queue's partition and foreign key in DDL; two processes (or
 * two pools of one process) creating queues at the same moment on a fresh
 * database can deadlock, and PostgreSQL then aborts one of them. The loser just
 * tries again after a short, random pause.
 */
async function createQueueRetryingDeadlocks(boss: PgBoss, queue: TBossPoolOptions["queues"][number]): Promise<void> {
  const { name, policy } = typeof queue === "string" ? { name: queue, policy: "stately" as const } : queue;
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, { name, policy });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

export function defineBossPool(options: TBossPoolOptions) {
  const holder = globalThis as unknown as Record<string, TPoolState | undefined>;
  const state = (): TPoolState => (holder[options.globalKey] ??= { workerIds: [] });

  async function createBoss(role: TBossRole, connectionString: string | undefined): Promise<PgBoss> {
    const url = connectionString ?? process.env.DATABASE_URL;
    if (!url) throw new Error(`DATABASE_URL is not set: ${options.missingUrlMessage}`);
    const boss = new PgBoss({
      connectionString: url,
      schema: PGBOSS_SCHEMA,
      application_name: `kizuna-${options.name}-${role}`,
      max: role === "worker" ? options.workerMax : 2,
      supervise: role === "worker",
      schedule: role === "worker" && options.workerSchedules,
    });
    // An EventEmitter without an "error" listener would turn background failures into a crash.
    boss.on("error", (error) => console.error(`[kizuna:${options.name}] pg-boss (${role}) error:`, error));
    await boss.start();
    // Creating an existing queue is a no-op, so every instance may do it on start.
    for (const queue of options.queues) await createQueueRetryingDeadlocks(boss, queue);
    return boss;
  }

  function getBoss(role: TBossRole, connectionString?: string): Promise<PgBoss> {
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

  /** Sends a job with the worker's boss when this process runs one, else a light client, and wakes local workers. */
  async function send(queue: string, data: object, sendOptions: PgBoss.SendOptions): Promise<string | null> {
    const current = state();
    const boss = await (current.worker ?? getBoss("client"));
    const jobId = await boss.send(queue, data, sendOptions);
    // A worker in this process would otherwise wait for its next poll.
    for (const workerId of current.workerIds) boss.notifyWorker(workerId);
    return jobId;
  }

  /** Whether this process started its worker boss (it then runs the queue's maintenance). */
  function isWorkerRunning(): boolean {
    return state().worker !== undefined;
  }

  /** Remembers worker ids (from boss.work) so send() can wake them. */
  function registerWorkers(...workerIds: string[]): void {
    state().workerIds.push(...workerIds);
  }

  /** Stops the workers and both connections; a job in progress finishes first. */
  async function stop(): Promise<void> {
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

  /** Runs `start` once per process (later calls share its promise); a failed start stops everything and may be retried. */
  function startOnce(start: () => Promise<void>): Promise<void> {
    const current = state();
    if (current.started) return current.started;
    const started = start();
    current.started = started;
    started.catch(async () => {
      if (current.started === started) current.started = undefined;
      await stop().catch(() => undefined);
    });
    return started;
  }

  return { getBoss, send, isWorkerRunning, registerWorkers, startOnce, stop };
}
