// "Unless either side changes materially": a rejected pair stays rejected until
// what the investor asks for or what the listing offers changes. The rejection
// stores an md5 of both sides' stated fields (this SQL, over `listings l` and
// `investor_profiles p`); a rematch of either side reopens (REJECTED →
// SUGGESTED) every rejected pair whose fingerprint differs now.
//
// Material: sectors, ticket range / amount, location, instruments, stage — the
// fields the hard filter and the stated criteria read. Not material: freshness,
// completeness, incentives, texts, contact details. Arrays are sorted (and
// districts lower-cased) so a re-ordered list is no change.
import { db, Prisma } from "@/lib/db/client";
import { audit } from "@/lib/audit/log";

const sortedUuids = (column: Prisma.Sql) => Prisma.sql`coalesce((SELECT string_agg(x::text, ',' ORDER BY x::text) FROM unnest(${column}) x), '')`;
const sortedLower = (column: Prisma.Sql) => Prisma.sql`coalesce((SELECT string_agg(lower(x::text), ',' ORDER BY lower(x::text)) FROM unnest(${column}) x), '')`;
const text = (column: Prisma.Sql) => Prisma.sql`coalesce(${column}::text, '∅')`;

/** The fingerprint of a pair; needs `l` (listings) and `p` (investor_profiles) in scope. */
export const MATERIAL_FINGERPRINT_SQL = Prisma.sql`md5(concat_ws('|',
  ${sortedUuids(Prisma.sql`l.sector_ids`)}, ${text(Prisma.sql`l.province`)}, ${text(Prisma.sql`lower(l.district)`)},
  ${text(Prisma.sql`l.amount_usd_cents`)}, ${sortedLower(Prisma.sql`l.instruments`)}, ${text(Prisma.sql`l.stage`)},
  ${sortedUuids(Prisma.sql`p.sector_ids`)}, ${text(Prisma.sql`p.ticket_min_usd_cents`)}, ${text(Prisma.sql`p.ticket_max_usd_cents`)},
  ${text(Prisma.sql`p.anywhere_in_pakistan`)}, ${sortedLower(Prisma.sql`p.provinces`)}, ${sortedLower(Prisma.sql`p.districts`)},
  ${sortedLower(Prisma.sql`p.instruments`)}, ${sortedLower(Prisma.sql`p.stages`)}))`;

/** The current fingerprint of one match's pair (null when the match is gone). */
export async function currentMaterialFingerprint(tx: Prisma.TransactionClient, matchId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ fingerprint: string }[]>`
    SELECT ${MATERIAL_FINGERPRINT_SQL} AS fingerprint
    FROM matches m JOIN listings l ON l.id = m.listing_id JOIN investor_profiles p ON p.id = m.investor_profile_id
    WHERE m.id = ${matchId}::uuid`;
  return rows[0]?.fingerprint ?? null;
}

export type TReopenScope = { listingId: string } | { profileId: string } | "all";

/**
 * Reopens the rejected pairs of a listing, an investor or everyone whose sides
 * changed materially since the rejection. The review note (the reason) is kept
 * so the next reviewer sees it; who/when are cleared. Audited per match with no
 * actor (the system did it). Returns the reopened match ids.
 */
export async function reopenChangedRejections(scope: TReopenScope): Promise<string[]> {
  const where =
    scope === "all"
      ? Prisma.empty
      : "listingId" in scope
        ? Prisma.sql`AND m.listing_id = ${scope.listingId}::uuid`
        : Prisma.sql`AND m.investor_profile_id = ${scope.profileId}::uuid`;
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; rejected_by: string | null; rejected_at: Date | null }[]>`
      WITH changed AS (
        SELECT m.id, m.reviewed_by_id, m.reviewed_at FROM matches m
        JOIN listings l ON l.id = m.listing_id JOIN investor_profiles p ON p.id = m.investor_profile_id
        WHERE m.status = 'REJECTED' AND m.rejected_fingerprint IS NOT NULL ${where}
          AND m.rejected_fingerprint <> ${MATERIAL_FINGERPRINT_SQL}
        FOR UPDATE OF m
      )
      UPDATE matches SET status = 'SUGGESTED', reviewed_by_id = NULL, reviewed_at = NULL, rejected_fingerprint = NULL, updated_at = now()
      FROM changed WHERE matches.id = changed.id AND matches.status = 'REJECTED'
      RETURNING matches.id, changed.reviewed_by_id AS rejected_by, changed.reviewed_at AS rejected_at`;
    for (const row of rows) {
      await audit(
        {
          action: "match.reopened",
          targetType: "match",
          targetId: row.id,
          data: { reason: "material-change", rejectedById: row.rejected_by, rejectedAt: row.rejected_at?.toISOString() ?? null },
        },
        tx,
      );
    }
    return rows.map((row) => row.id);
  });
}
