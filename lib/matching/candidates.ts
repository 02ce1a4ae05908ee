// Candidate generation in SQL: the pairs worth scoring, found through the indexes
// (GIN on sector_ids, GiST on investor_profiles.ticket_range), never by scanning
// every investor × listing pair. scoreMatch still has the last word.
//
// Sectors: the rule is "ancestor-widened sets overlap" (expandSectorIds on both
// sides). Nothing expanded is stored; instead the *other* side's stored raw ids
// are compared with the set of every sector whose own widened set overlaps this
// side's widened set (`reachableSectorIds`: this side's sectors, their ancestors,
// all descendants of those, and merged-away aliases). That set is computed in
// code from the in-memory taxonomy with the same `expandSectorIds`, so SQL and
// scoreMatch cannot disagree, and a taxonomy edit needs no backfill.
//
// Ticket: the ticket fraction reaches 0 at ten times outside the investor's range
// ("another league"), so pairs further apart are not candidates; when either side
// is unknown (no amount; an empty range is stored as the unbounded int8range) the
// pair stays a candidate.
import { db } from "@/lib/db/client";
import { expandSectorIds } from "./score";
import type { TMatchSectors } from "./types";

/** Every sector id whose ancestor-widened set overlaps that of `sectorIds`. */
export function reachableSectorIds(sectorIds: readonly string[], sectors: TMatchSectors): string[] {
  const widened = new Set(expandSectorIds(sectorIds, sectors));
  if (widened.size === 0) return [];
  const reachable = new Set<string>(sectorIds);
  for (const id of sectors.keys()) {
    if (expandSectorIds([id], sectors).some((ancestor) => widened.has(ancestor))) reachable.add(id);
  }
  return [...reachable];
}

/**
 * Investor profiles that may match a listing with these sectors and amount:
 * sector overlap (GIN), ticket window (GiST) and not dismissed.
 */
export async function candidateInvestorIds(input: {
  listingId: string;
  reachableSectorIds: readonly string[];
  amountUsdCents: bigint | null;
}): Promise<string[]> {
  if (input.reachableSectorIds.length === 0) return [];
  const amount = input.amountUsdCents !== null && input.amountUsdCents > 0n ? input.amountUsdCents : null;
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT p.id::text AS id
    FROM investor_profiles p
    WHERE p.sector_ids && ${[...input.reachableSectorIds]}::uuid[]
      AND (${amount}::bigint IS NULL OR p.ticket_range IS NULL
           OR p.ticket_range && int8range(${amount}::bigint / 10, ${amount}::bigint * 10, '()'))
      AND NOT EXISTS (
        SELECT 1 FROM matches m
        WHERE m.investor_profile_id = p.id AND m.listing_id = ${input.listingId}::uuid AND m.status = 'DISMISSED'
      )
    ORDER BY p.id`;
  return rows.map((row) => row.id);
}

/**
 * PUBLISHED listings that may match an investor: the symmetric query (sector
 * overlap on the listing's GIN index, the same ticket window, not dismissed).
 */
export async function candidateListingIds(input: {
  profileId: string;
  reachableSectorIds: readonly string[];
}): Promise<string[]> {
  if (input.reachableSectorIds.length === 0) return [];
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT l.id::text AS id
    FROM listings l
    JOIN investor_profiles p ON p.id = ${input.profileId}::uuid
    WHERE l.status = 'PUBLISHED'
      AND l.sector_ids && ${[...input.reachableSectorIds]}::uuid[]
      AND (l.amount_usd_cents IS NULL OR l.amount_usd_cents <= 0 OR p.ticket_range IS NULL
           OR p.ticket_range && int8range(l.amount_usd_cents / 10, l.amount_usd_cents * 10, '()'))
      AND NOT EXISTS (
        SELECT 1 FROM matches m
        WHERE m.investor_profile_id = p.id AND m.listing_id = l.id AND m.status = 'DISMISSED'
      )
    ORDER BY l.id`;
  return rows.map((row) => row.id);
}

/**
 * The ticket window above as a predicate, for code that scores pairs itself (the
 * benchmark's naive baseline, tests): true when the amount is unknown, the
 * investor states no range, or the range [min, max] shares an integer with the
 * open window (amount / 10, amount × 10) — exactly what the SQL's
 * `ticket_range && int8range(amount / 10, amount * 10, '()')` accepts.
 */
export function isWithinTicketWindow(investor: { ticketMinUsdCents: bigint | null; ticketMaxUsdCents: bigint | null }, amountUsdCents: bigint | null): boolean {
  if (amountUsdCents === null || amountUsdCents <= 0n) return true;
  const windowLow = amountUsdCents / 10n + 1n;
  const windowHigh = amountUsdCents * 10n - 1n;
  const low = investor.ticketMinUsdCents !== null && investor.ticketMinUsdCents > windowLow ? investor.ticketMinUsdCents : windowLow;
  const high = investor.ticketMaxUsdCents !== null && investor.ticketMaxUsdCents < windowHigh ? investor.ticketMaxUsdCents : windowHigh;
  return low <= high;
}
