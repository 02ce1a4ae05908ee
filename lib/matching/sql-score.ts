// scoreMatch's number, mirrored in SQL, so a listing rematch can rank its
// candidate investors in the database and send back only the pairs that enter
// an investor's best N instead of every candidate.
//
// Only plain arithmetic is mirrored here. Whatever needs the sector tree, the
// stage order or dates is prepared in code with score.ts's own functions, per
// run: the listing-only points here (listingPoints, which the recompute's
// compiled scorer uses too); the listing's sector and stage tests in engine.ts.
// SQL sums the points in MATCH_CRITERIA order and rounds the way scoreMatch
// does (to 1e-6, then half up). Both sides use IEEE doubles in the same order
// of operations, so the scores are equal: tests/integration/matching-sql-score
// checks generated pairs, odd weights included. Reasons are derived on read
// with scoreMatch (explain.ts).
import { Prisma } from "@/lib/db/client";
import { scoreCompleteness, scoreFreshness, scoreIncentive } from "./score";
import type { TMatchListing, TMatchingWeights } from "./types";

/** A number as a float8 parameter (sent in JS's shortest round-tripping form, which PostgreSQL parses exactly). */
function float8(value: number): Prisma.Sql {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  return Prisma.sql`(${value}::float8)`;
}

/** The listing-only criteria's points (they depend on the listing and `now` alone). */
export type TListingPoints = { incentive: number; freshness: number; completeness: number };

export function listingPoints(listing: TMatchListing, weights: TMatchingWeights, now: Date): TListingPoints {
  const time = now.getTime();
  return {
    incentive: weights.incentive * scoreIncentive(listing.incentives, time).fraction,
    freshness: weights.freshness * scoreFreshness(listing, time).fraction,
    completeness: weights.completeness * scoreCompleteness(listing.completeness).fraction,
  };
}

/** The SQL expressions of one pair's inputs: investor side `i`, listing side `l`. */
export type TPairSql = {
  sector: Prisma.Sql;
  /** Investor's ticket bounds, already put in order. */
  ticketLow: Prisma.Sql;
  ticketHigh: Prisma.Sql;
  amount: Prisma.Sql;
  anywhere: Prisma.Sql;
  /** Normalised investor districts (text[]) and the listing's normalised district (text or NULL). */
  districts: Prisma.Sql;
  district: Prisma.Sql;
  provinces: Prisma.Sql;
  province: Prisma.Sql;
  investorInstruments: Prisma.Sql;
  listingInstruments: Prisma.Sql;
  stage: Prisma.Sql;
  listingPoints: [Prisma.Sql, Prisma.Sql, Prisma.Sql];
};

/** Fraction (0..1) of the ticket criterion; mirrors scoreTicket. */
function ticketSql(pair: Pick<TPairSql, "ticketLow" | "ticketHigh" | "amount">): Prisma.Sql {
  const { ticketLow: low, ticketHigh: high, amount } = pair;
  return Prisma.sql`(CASE
    WHEN ${low} IS NULL AND ${high} IS NULL THEN 0.5::float8
    WHEN ${amount} IS NULL OR ${amount} < 0 THEN 0.5::float8
    WHEN ${low} IS NOT NULL AND ${amount} < ${low} THEN
      CASE WHEN ${amount} <= 0 THEN 0::float8 ELSE greatest(0::float8, 1::float8 - log10(${low}::float8 / ${amount}::float8)) END
    WHEN ${high} IS NOT NULL AND ${amount} > ${high} THEN
      CASE WHEN ${high} <= 0 THEN 0::float8 ELSE greatest(0::float8, 1::float8 - log10(${amount}::float8 / ${high}::float8)) END
    ELSE 1::float8 END)`;
}

/** Mirrors scoreLocation. */
function locationSql(pair: TPairSql): Prisma.Sql {
  return Prisma.sql`(CASE
    WHEN ${pair.anywhere} THEN 1::float8
    WHEN ${pair.district} IS NOT NULL AND ${pair.district} = ANY(${pair.districts}) THEN 1::float8
    WHEN ${pair.province} IS NOT NULL AND ${pair.province} = ANY(${pair.provinces}) THEN 0.8::float8
    WHEN ${pair.province} IS NULL THEN 0.7::float8
    WHEN coalesce(cardinality(${pair.provinces}), 0) = 0 AND coalesce(cardinality(${pair.districts}), 0) = 0 THEN 0.5::float8
    ELSE 0::float8 END)`;
}

/** Mirrors scoreInstrument. */
function instrumentSql(pair: TPairSql): Prisma.Sql {
  return Prisma.sql`(CASE
    WHEN coalesce(cardinality(${pair.investorInstruments}), 0) = 0 OR coalesce(cardinality(${pair.listingInstruments}), 0) = 0 THEN 0.5::float8
    WHEN ${pair.investorInstruments} && ${pair.listingInstruments} THEN 1::float8
    ELSE 0::float8 END)`;
}

/**
 * The integer score of one pair (NULL when no sector is shared), summed in
 * MATCH_CRITERIA order and rounded like scoreMatch: Math.round(Math.round(total × 1e6) / 1e6).
 */
export function pairScoreSql(pair: TPairSql, weights: TMatchingWeights): Prisma.Sql {
  return roundedScoreSql([
    Prisma.sql`${float8(weights.sector)} * ${pair.sector}`,
    Prisma.sql`${float8(weights.ticket)} * ${ticketSql(pair)}`,
    Prisma.sql`${float8(weights.location)} * ${locationSql(pair)}`,
    Prisma.sql`${float8(weights.instrument)} * ${instrumentSql(pair)}`,
    Prisma.sql`${float8(weights.stage)} * ${pair.stage}`,
    ...pair.listingPoints,
  ]);
}

/** The eight criteria's points (MATCH_CRITERIA order) summed left to right and rounded like scoreMatch. */
function roundedScoreSql(points: readonly Prisma.Sql[]): Prisma.Sql {
  const total = points.reduce((sum, term) => Prisma.sql`(${sum} + ${term})`);
  return Prisma.sql`least(100, greatest(0, floor(floor(${total} * 1000000::float8 + 0.5::float8) / 1000000::float8 + 0.5::float8)))::int`;
}
