// Postgres-backed sliding-window limiter: one row per failed attempt, so the
// limit holds across several app instances. Sign-in: 5 failures in 15 minutes
// per account and per IP.
import { db } from "@/lib/db/client";

export const SIGN_IN_LIMIT = { max: 5, windowMs: 15 * 60 * 1000 };

export type TLimitState = { limited: boolean; retryAfterMs: number };

export async function checkLimit(bucket: string, key: string, limit = SIGN_IN_LIMIT): Promise<TLimitState> {
  const since = new Date(Date.now() - limit.windowMs);
  const events = await db().rateLimitEvent.findMany({
    where: { bucket, key, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: limit.max,
    select: { createdAt: true },
  });
  if (events.length < limit.max) return { limited: false, retryAfterMs: 0 };
  // The window frees up when the oldest of the last `max` failures ages out.
  const oldest = events[events.length - 1]!.createdAt.getTime();
  return { limited: true, retryAfterMs: Math.max(0, oldest + limit.windowMs - Date.now()) };
}

export async function recordFailure(bucket: string, key: string): Promise<void> {
  await db().rateLimitEvent.create({ data: { bucket, key } });
}

export async function clearFailures(bucket: string, key: string): Promise<void> {
  await db().rateLimitEvent.deleteMany({ where: { bucket, key } });
}

/** Old events are useless; prune opportunistically. */
export async function pruneRateLimitEvents(olderThanMs = 24 * 60 * 60 * 1000): Promise<void> {
  await db().rateLimitEvent.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - olderThanMs) } } });
}
