// How matches are written, shared by the Prisma paths (one listing, one investor)
// and the recompute's own sessions (pg), so every writer applies the same rules:
// status and review fields are never in the SET list, DISMISSED rows are never
// touched, the pair is unique (ON CONFLICT), and a row whose score and
// weights version are unchanged is not rewritten (no dead tuple, no index churn;
// its scored_at then keeps the time that result was first computed).
import type pg from "pg";
import { Prisma } from "@/lib/db/client";
import type { TMatchingContext, TScoredPair } from "./engine";

/** What an upsert does with a pair already stored: refresh it unless dismissed or unchanged. */
export const UPSERT_CONFLICT = Prisma.sql`ON CONFLICT (investor_profile_id, listing_id) DO UPDATE
    SET score = EXCLUDED.score, weights_version = EXCLUDED.weights_version, scored_at = EXCLUDED.scored_at, updated_at = now()
    WHERE matches.status <> 'DISMISSED'
      AND (matches.score, matches.weights_version) IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.weights_version)`;

/**
 * The upsert of `pairs` (status and review fields never in the SET list), sent
 * as three arrays. Reasons are not stored: they are derived on read
 * (explain.ts), so a row is a pair, a score and the weights version that scored it.
 */
export function upsertMatchesSql(pairs: readonly TScoredPair[], context: Pick<TMatchingContext, "weightsVersion" | "now">): Prisma.Sql {
  // Sorted so concurrent writers lock rows in the same order.
  const sorted = [...pairs].sort((a, b) =>
    a.investorProfileId !== b.investorProfileId ? (a.investorProfileId < b.investorProfileId ? -1 : 1) : a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : 0,
  );
  return Prisma.sql`
  INSERT INTO matches (id, investor_profile_id, listing_id, score, status, weights_version, scored_at, created_at, updated_at)
  SELECT gen_random_uuid(), t.i, t.l, t.s, 'SUGGESTED', ${context.weightsVersion}::int, (${context.now.toISOString()}::timestamptz AT TIME ZONE 'UTC'), now(), now()
  FROM unnest(${sorted.map((pair) => pair.investorProfileId)}::uuid[], ${sorted.map((pair) => pair.listingId)}::uuid[], ${sorted.map((pair) => pair.score)}::int[]) AS t(i, l, s)
  ${UPSERT_CONFLICT}`;
}

/** Every SUGGESTED match of `profileIds` that is not among `kept` goes. */
function deleteUnkeptSql(profileIds: readonly string[], kept: readonly TScoredPair[]): Prisma.Sql {
  return Prisma.sql`
  DELETE FROM matches m
  WHERE m.investor_profile_id = ANY(${[...profileIds]}::uuid[]) AND m.status = 'SUGGESTED'
    AND NOT EXISTS (
      SELECT 1 FROM unnest(${kept.map((pair) => pair.investorProfileId)}::uuid[], ${kept.map((pair) => pair.listingId)}::uuid[]) AS k(profile_id, listing_id)
      WHERE k.profile_id = m.investor_profile_id AND k.listing_id = m.listing_id
    )`;
}

/** Transaction-level advisory locks on `keys`, taken in array order. */
export function advisoryLocksSql(keys: readonly string[]): Prisma.Sql {
  return Prisma.sql`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))::int AS n FROM unnest(${[...keys]}::text[]) AS t(k)`;
}

/** Runs a tagged statement on a plain pg session (the recompute's own connections). */
export function queryOn<R extends pg.QueryResultRow = pg.QueryResultRow>(client: pg.ClientBase, statement: Prisma.Sql): Promise<pg.QueryResult<R>> {
  return client.query<R>(statement.text, statement.values);
}

/** Tries of a write that meets a deadlock or a serialization failure. */
const WRITE_ATTEMPTS = 5;

/**
 * Runs `write` again while it fails with a deadlock or a serialization failure, up to WRITE_ATTEMPTS
 * times, after a pause: the transactions a deadlock aborted would collide again if all retried at
 * once, so the pause is random and doubles with each attempt (10–40 ms, then 20–80 ms, …).
 */
export async function retryWrite<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !isRetryableWriteError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, (10 + Math.random() * 30) * 2 ** (attempt - 1)));
    }
  }
}

function isRetryableWriteError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  return code === "40P01" || code === "40001" || /deadlock detected|40P01|could not serialize|40001/.test(message);
}

/** The advisory lock keys of investors' rematches, in the order they are taken. */
function investorLockKeys(profileIds: readonly string[]): string[] {
  return [...profileIds].sort().map((id) => `matching.investor:${id}`);
}

/**
 * Runs `work` on `client` in a transaction holding the advisory locks `keys`
 * (taken in array order); retried on deadlock or serialization failure.
 */
async function transactionLockedOn<T>(client: pg.ClientBase, keys: readonly string[], work: () => Promise<T>): Promise<T> {
  return retryWrite(async () => {
    try {
      await client.query("BEGIN");
      await queryOn(client, advisoryLocksSql(keys));
      const result = await work();
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Stores a batch of investors' complete results on `client`: `kept` upserted,
 * every other SUGGESTED match of those investors deleted (reviewed and dismissed
 * rows never are), under each investor's advisory lock (the one rematchInvestor
 * takes). Returns the rows deleted. The recompute writes with it (and so does
 * the benchmark's naive run, so the two compare like for like).
 */
export async function writeInvestorBatch(client: pg.ClientBase, profileIds: readonly string[], kept: readonly TScoredPair[], context: TMatchingContext): Promise<number> {
  if (profileIds.length === 0) return 0;
  return transactionLockedOn(client, investorLockKeys(profileIds), async () => {
    if (kept.length > 0) await queryOn(client, upsertMatchesSql(kept, context));
    return (await queryOn(client, deleteUnkeptSql(profileIds, kept))).rowCount ?? 0;
  });
}
