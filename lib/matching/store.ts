// How matches are written, shared by the Prisma paths (one listing, one investor)
// and the recompute's own sessions (pg), so every writer applies the same rules:
// status and review fields are never in the SET list, DISMISSED rows are never
// touched, the pair is unique (ON CONFLICT), and a row whose score, reasons and
// weights version are unchanged is not rewritten (no dead tuple, no index churn;
// its scored_at then keeps the time that result was first computed).
import type pg from "pg";
import type { TMatchingContext, TScoredPair } from "./engine";

/**
 * $1 the pairs as one JSON array of { i: investor id, l: listing id, s: score, r: reasons },
 * $2 weights version, $3 scored at (ISO). One JSON document rather than four
 * arrays: it is built by one JSON.stringify and parsed once by the server, which
 * matters at 50,000 rows of reasons a statement.
 */
export const UPSERT_MATCHES_SQL = `
  INSERT INTO matches (id, investor_profile_id, listing_id, score, reasons, status, weights_version, scored_at, created_at, updated_at)
  SELECT gen_random_uuid(), t.i, t.l, t.s, t.r, 'SUGGESTED', $2::int, ($3::timestamptz AT TIME ZONE 'UTC'), now(), now()
  FROM json_to_recordset($1::json) AS t(i uuid, l uuid, s int, r jsonb)
  ON CONFLICT (investor_profile_id, listing_id) DO UPDATE
    SET score = EXCLUDED.score, reasons = EXCLUDED.reasons, weights_version = EXCLUDED.weights_version,
        scored_at = EXCLUDED.scored_at, updated_at = now()
    WHERE matches.status <> 'DISMISSED'
      AND (matches.score, matches.reasons, matches.weights_version) IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.reasons, EXCLUDED.weights_version)`;

/** The parameters of UPSERT_MATCHES_SQL, pairs sorted so concurrent writers lock rows in the same order. */
export function upsertMatchesArgs(pairs: readonly TScoredPair[], context: Pick<TMatchingContext, "weightsVersion" | "now">): unknown[] {
  const sorted = [...pairs].sort((a, b) =>
    a.investorProfileId !== b.investorProfileId ? (a.investorProfileId < b.investorProfileId ? -1 : 1) : a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : 0,
  );
  const rows = sorted.map((pair) => ({ i: pair.investorProfileId, l: pair.listingId, s: pair.score, r: pair.reasons }));
  return [JSON.stringify(rows), context.weightsVersion, context.now.toISOString()];
}

/** $1 the investors written, $2/$3 the pairs kept: every other SUGGESTED match of those investors goes. */
const DELETE_UNKEPT_SQL = `
  DELETE FROM matches m
  WHERE m.investor_profile_id = ANY($1::uuid[]) AND m.status = 'SUGGESTED'
    AND NOT EXISTS (
      SELECT 1 FROM unnest($2::uuid[], $3::uuid[]) AS k(profile_id, listing_id)
      WHERE k.profile_id = m.investor_profile_id AND k.listing_id = m.listing_id
    )`;

/** Transaction-level advisory locks on $1 (text[]), taken in array order. */
export const ADVISORY_LOCKS_SQL = `SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))::int AS n FROM unnest($1::text[]) AS t(k)`;

const WRITE_ATTEMPTS = 3;

export function isRetryableWriteError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  return code === "40P01" || code === "40001" || /deadlock detected|40P01|could not serialize|40001/.test(message);
}

/**
 * Stores a batch of investors' complete results on `client`: `kept` upserted,
 * every other SUGGESTED match of those investors deleted (reviewed and dismissed
 * rows never are), under each investor's advisory lock (the one rematchInvestor
 * takes), in id order; retried on deadlock. Returns the rows deleted.
 */
export async function writeInvestorBatch(client: pg.ClientBase, profileIds: readonly string[], kept: readonly TScoredPair[], context: TMatchingContext): Promise<number> {
  if (profileIds.length === 0) return 0;
  const keys = [...profileIds].sort().map((id) => `matching.investor:${id}`);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.query("BEGIN");
      await client.query(ADVISORY_LOCKS_SQL, [keys]);
      if (kept.length > 0) await client.query(UPSERT_MATCHES_SQL, upsertMatchesArgs(kept, context));
      const deleted = await client.query(DELETE_UNKEPT_SQL, [
        [...profileIds],
        kept.map((pair) => pair.investorProfileId),
        kept.map((pair) => pair.listingId),
      ]);
      await client.query("COMMIT");
      return deleted.rowCount ?? 0;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (attempt >= WRITE_ATTEMPTS || !isRetryableWriteError(error)) throw error;
    }
  }
}
