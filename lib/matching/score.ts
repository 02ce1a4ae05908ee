/**
 * How well one published listing fits one investor: a pure function (plain data
 * in, plain data out, no I/O), so the background job, `match:recompute` and the
 * naive benchmark all score a pair the same way. lib/matching/README.md has the
 * same rules with examples.
 *
 * Hard filters — the pair is not a match (`null`) when:
 * - the listing is not PUBLISHED;
 * - the investor dismissed the listing (a dismissal is never undone by a rescore);
 * - no sector is shared once each side's sectors are widened with their ancestors.
 *   So "Food processing" (investor) matches a "Dairy" listing (its child), "Dairy"
 *   matches a "Food processing" listing (only partially, see below), "Dairy" matches
 *   a "Meat" listing (both under Food processing), and "Dairy" never matches
 *   "Mining". SQL candidate generation must use the same rule: `expandSectorIds`
 *   on both sides, then an array overlap. A merged sector scores as the one it was
 *   merged into.
 *
 * Weighted criteria — each gives a fraction 0..1 of its weight (version 1: sector
 * 30, ticket 20, location 15, instrument 10, stage 10, incentive 5, freshness 5,
 * completeness 5); the score is the rounded sum, an integer 0–100.
 * - sector: the closest (investor sector, listing sector) pair. Same sector 1.0.
 *   The investor chose the broader parent 0.7: the listing is inside the stated
 *   interest, but the investor did not single this niche out. The listing's sector
 *   is the broader one 0.5: a "Food processing" zone may or may not suit a dairy
 *   plant, so it is a partial match, below parent yet above siblings. Siblings
 *   (or cousins in a deeper tree) 0.4: adjacent know-how, a weaker signal.
 * - ticket: the listing's amount against the investor's [min, max] (bounds
 *   included; one bound alone is a half-open range). Inside 1.0. Outside, the
 *   fraction falls linearly with the distance to the nearest bound on a log scale,
 *   reaching 0 at ten times away: twice the maximum still gives 0.70, because
 *   ticket sizes are stated loosely and co-investment is common, while a project
 *   ten times the ticket is another league. Unknown amount, or no range stated:
 *   0.5, neutral, so silence neither wins nor loses against a known fit.
 * - location: anywhere in Pakistan 1.0; the listing's district among the
 *   investor's districts 1.0; its province among the investor's provinces 0.8;
 *   a nationwide listing (no province) 0.7, since it is not tied to a place the
 *   investor ruled out; no province or district chosen at all 0.5 (neutral); else 0.
 * - instrument: any instrument in common 1.0, none 0; 0.5 (neutral) when either
 *   side lists none.
 * - stage: the listing's stage among the investor's 1.0; next to one of them in
 *   STAGE_ORDER 0.5 (a feasibility-stage project becomes "ready" soon); no stage
 *   chosen 0.5 (neutral); else 0.
 * - incentive: the best incentive valid now (validFrom ≤ now ≤ end of validTo's
 *   day): years remaining / 5, capped at 1.0; no end date 1.0; only expired,
 *   future or no incentives 0. Five years roughly covers building a plant and
 *   still enjoying a good part of a typical 10-year tax holiday; one that lapses
 *   next month is worth little to an investor starting now.
 * - freshness: days since the later of publishedAt and updatedAt: 1.0 up to 30
 *   days, then linear down to 0 at 365 days; stale listings are often stale deals.
 * - completeness: listing.completeness / 100; a fuller listing answers more of the
 *   investor's first questions.
 *
 * Each fraction only grows with overlap (a sector, instrument or stage added in
 * common, a ticket range widened towards the amount), so the score is monotonic.
 * The neutral 0.5s are the exception by design: "not stated" is worth more than a
 * stated mismatch, and an empty range is "not stated", not "any size".
 * Reasons are structured ({ code, params }) and rendered by the UI in the reader's
 * language (lib/matching/reasons.ts); one per criterion with points > 0, by points
 * descending. Ties between listings are not broken here: callers sort with
 * `compareMatches` (score descending, then listing id).
 */
import type {
  TCriterionScore,
  TMatchCriterion,
  TMatchIncentive,
  TMatchInvestor,
  TMatchListing,
  TMatchScore,
  TMatchSectors,
  TMatchingWeights,
  TReason,
} from "./types";
import { MATCH_CRITERIA, STAGE_ORDER } from "./types";

export const SECTOR_CLOSENESS = { exact: 1, parent: 0.7, child: 0.5, sibling: 0.4 } as const;
export const TICKET_FRACTION = { inside: 1, neutral: 0.5 } as const;
/** Orders of magnitude outside the range at which the ticket fraction reaches 0. */
export const TICKET_DECADES_TO_ZERO = 1;
export const LOCATION_FRACTION = { anywhere: 1, district: 1, province: 0.8, nationwide: 0.7, unspecified: 0.5 } as const;
export const INSTRUMENT_FRACTION = { match: 1, unspecified: 0.5 } as const;
export const STAGE_FRACTION = { match: 1, adjacent: 0.5, unspecified: 0.5 } as const;
/** Years of validity left at which an incentive earns its full weight. */
export const INCENTIVE_FULL_YEARS = 5;
export const FRESHNESS_DAYS = { full: 30, zero: 365 } as const;

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;
const WEIGHT_SUM = 100;

export type TScoreMatchInput = {
  investor: TMatchInvestor;
  listing: TMatchListing;
  sectors: TMatchSectors;
  weights: TMatchingWeights;
  now: Date;
};

/** One criterion's fraction and its reason; exported for the SQL mirror's preparation (sql-score.ts). */
export type TCriterionResult = { fraction: number; reason: TReason | null };
const NO_FIT: TCriterionResult = { fraction: 0, reason: null };

/** Weights as stored (JSON) → checked weights; throws a RangeError saying what is wrong. */
export function parseMatchingWeights(value: unknown): TMatchingWeights {
  if (typeof value !== "object" || value === null) throw new RangeError("Matching weights must be an object");
  const record = value as Record<string, unknown>;
  let sum = 0;
  for (const criterion of MATCH_CRITERIA) {
    const weight = record[criterion];
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Matching weight "${criterion}" must be a non-negative number`);
    }
    sum += weight;
  }
  if (Math.abs(sum - WEIGHT_SUM) > 1e-9) throw new RangeError(`Matching weights must sum to ${WEIGHT_SUM}, not ${sum}`);
  return Object.fromEntries(MATCH_CRITERIA.map((criterion) => [criterion, record[criterion]])) as TMatchingWeights;
}

/** Scores one pair: `null` when a hard filter excludes it. See the top of this file. */
export function scoreMatch(input: TScoreMatchInput): TMatchScore | null {
  const { investor, listing, sectors, weights } = input;
  parseMatchingWeights(weights);
  const now = input.now.getTime();
  if (Number.isNaN(now)) throw new RangeError("scoreMatch needs a valid `now`");

  if (listing.status !== "PUBLISHED") return null;
  if (investor.dismissedListingIds?.has(listing.id)) return null;
  const sector = scoreSector(investor.sectorIds, listing.sectorIds, sectors);
  if (!sector) return null;

  const results: Record<TMatchCriterion, TCriterionResult> = {
    sector,
    ticket: scoreTicket(investor, listing),
    location: scoreLocation(investor, listing),
    instrument: scoreInstrument(investor.instruments, listing.instruments),
    stage: scoreStage(investor.stages, listing.stage),
    incentive: scoreIncentive(listing.incentives, now),
    freshness: scoreFreshness(listing, now),
    completeness: scoreCompleteness(listing.completeness),
  };

  let total = 0;
  const criteria = {} as Record<TMatchCriterion, TCriterionScore>;
  const ranked: { points: number; order: number; reason: TReason }[] = [];
  MATCH_CRITERIA.forEach((criterion, order) => {
    const { fraction, reason } = results[criterion];
    const points = weights[criterion] * fraction;
    criteria[criterion] = { fraction, points };
    total += points;
    if (points > 0 && reason) ranked.push({ points, order, reason });
  });
  ranked.sort((a, b) => b.points - a.points || a.order - b.order);

  return {
    // Rounded to 1e-6 first so float noise (0.7 × 15 = 10.499999999999998) cannot
    // tip a .5 the wrong way; both roundings are non-decreasing, so monotonicity holds.
    score: Math.min(WEIGHT_SUM, Math.max(0, Math.round(Math.round(total * 1e6) / 1e6))),
    criteria,
    reasons: ranked.map((entry) => entry.reason),
  };
}

/** Best first: score descending, then listing id ascending (code-point order, locale-independent). */
export function compareMatches(a: { score: number; listingId: string }, b: { score: number; listingId: string }): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.listingId < b.listingId ? -1 : a.listingId > b.listingId ? 1 : 0;
}

// ───────────────────────────── sectors ─────────────────────────────

/** The sector a (possibly merged) sector id stands for today. */
export function canonicalSectorId(id: string, sectors: TMatchSectors): string {
  let current = id;
  const seen = new Set<string>();
  for (let next = sectors.get(current)?.mergedIntoId; next && !seen.has(next); next = sectors.get(current)?.mergedIntoId) {
    seen.add(current);
    current = next;
  }
  return current;
}

/** Canonical ancestors of a canonical sector id, nearest first (cycle-safe). */
function ancestorsOf(id: string, sectors: TMatchSectors): string[] {
  const ancestors: string[] = [];
  const seen = new Set([id]);
  let parent = sectors.get(id)?.parentId ?? null;
  while (parent !== null) {
    const canonical = canonicalSectorId(parent, sectors);
    if (seen.has(canonical)) break;
    seen.add(canonical);
    ancestors.push(canonical);
    parent = sectors.get(canonical)?.parentId ?? null;
  }
  return ancestors;
}

/**
 * Sector ids with all their ancestors, canonical: the sets two sides must share
 * for the sector hard filter. Candidate generation in SQL should overlap these.
 */
export function expandSectorIds(ids: readonly string[], sectors: TMatchSectors): string[] {
  const expanded = new Set<string>();
  for (const id of ids) {
    const canonical = canonicalSectorId(id, sectors);
    expanded.add(canonical);
    for (const ancestor of ancestorsOf(canonical, sectors)) expanded.add(ancestor);
  }
  return [...expanded];
}

export function scoreSector(investorIds: readonly string[], listingIds: readonly string[], sectors: TMatchSectors): TCriterionResult | null {
  const investor = investorIds.map((id) => {
    const canonical = canonicalSectorId(id, sectors);
    return { id: canonical, ancestors: new Set(ancestorsOf(canonical, sectors)) };
  });
  let best: TCriterionResult | null = null;
  for (const rawListingId of listingIds) {
    const listingSector = canonicalSectorId(rawListingId, sectors);
    const listingAncestors = ancestorsOf(listingSector, sectors);
    for (const { id: investorSector, ancestors: investorAncestors } of investor) {
      const pair = { listingSector, investorSector };
      let candidate: TCriterionResult | null = null;
      if (listingSector === investorSector) {
        candidate = { fraction: SECTOR_CLOSENESS.exact, reason: { code: "sector.exact", params: pair } };
      } else if (listingAncestors.includes(investorSector)) {
        candidate = { fraction: SECTOR_CLOSENESS.parent, reason: { code: "sector.parent", params: pair } };
      } else if (investorAncestors.has(listingSector)) {
        candidate = { fraction: SECTOR_CLOSENESS.child, reason: { code: "sector.child", params: pair } };
      } else {
        const commonSector = listingAncestors.find((ancestor) => investorAncestors.has(ancestor));
        if (commonSector !== undefined) {
          candidate = { fraction: SECTOR_CLOSENESS.sibling, reason: { code: "sector.sibling", params: { ...pair, commonSector } } };
        }
      }
      if (candidate && (!best || candidate.fraction > best.fraction)) best = candidate;
    }
  }
  return best;
}

// ───────────────────────────── ticket ─────────────────────────────

/** 1 at the bound, falling linearly per order of magnitude away from it. */
function ticketDecay(amount: bigint, bound: bigint): number {
  const low = amount < bound ? amount : bound;
  const high = amount < bound ? bound : amount;
  if (low <= 0n) return 0;
  const decades = Math.log10(Number(high) / Number(low));
  return Math.max(0, 1 - decades / TICKET_DECADES_TO_ZERO);
}

function scoreTicket(investor: TMatchInvestor, listing: TMatchListing): TCriterionResult {
  let min = investor.ticketMinUsdCents;
  let max = investor.ticketMaxUsdCents;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  const range = { minUsdCents: min?.toString() ?? null, maxUsdCents: max?.toString() ?? null };
  const amount = listing.amountUsdCents !== null && listing.amountUsdCents >= 0n ? listing.amountUsdCents : null;

  if (min === null && max === null) {
    return { fraction: TICKET_FRACTION.neutral, reason: { code: "ticket.noRange", params: { amountUsdCents: amount?.toString() ?? null } } };
  }
  if (amount === null) return { fraction: TICKET_FRACTION.neutral, reason: { code: "ticket.unknownAmount", params: range } };
  const amountUsdCents = amount.toString();
  if (min !== null && amount < min) {
    const fraction = ticketDecay(amount, min);
    return fraction > 0 ? { fraction, reason: { code: "ticket.below", params: { ...range, amountUsdCents, minUsdCents: min.toString() } } } : NO_FIT;
  }
  if (max !== null && amount > max) {
    const fraction = ticketDecay(amount, max);
    return fraction > 0 ? { fraction, reason: { code: "ticket.above", params: { ...range, amountUsdCents, maxUsdCents: max.toString() } } } : NO_FIT;
  }
  return { fraction: TICKET_FRACTION.inside, reason: { code: "ticket.inside", params: { ...range, amountUsdCents } } };
}

// ───────────────────────────── location ─────────────────────────────

const normalizeDistrict = (district: string): string => district.trim().toLowerCase();

export function scoreLocation(investor: TMatchInvestor, listing: Pick<TMatchListing, "province" | "district">): TCriterionResult {
  const { province, district } = listing;
  if (investor.anywhereInPakistan) return { fraction: LOCATION_FRACTION.anywhere, reason: { code: "location.anywhere", params: { province } } };
  if (district !== null && district.trim() !== "") {
    const wanted = normalizeDistrict(district);
    if (investor.districts.some((candidate) => normalizeDistrict(candidate) === wanted)) {
      return { fraction: LOCATION_FRACTION.district, reason: { code: "location.district", params: { province, district } } };
    }
  }
  if (province !== null && investor.provinces.includes(province)) {
    return { fraction: LOCATION_FRACTION.province, reason: { code: "location.province", params: { province } } };
  }
  if (province === null) return { fraction: LOCATION_FRACTION.nationwide, reason: { code: "location.nationwide", params: {} } };
  if (investor.provinces.length === 0 && investor.districts.length === 0) {
    return { fraction: LOCATION_FRACTION.unspecified, reason: { code: "location.unspecified", params: { province } } };
  }
  return NO_FIT;
}

// ───────────────────────────── instrument, stage ─────────────────────────────

export function scoreInstrument(investorInstruments: readonly string[], listingInstruments: readonly string[]): TCriterionResult {
  if (investorInstruments.length === 0 || listingInstruments.length === 0) {
    return { fraction: INSTRUMENT_FRACTION.unspecified, reason: { code: "instrument.unspecified", params: {} } };
  }
  const wanted = new Set(investorInstruments);
  const shared = [...new Set(listingInstruments.filter((instrument) => wanted.has(instrument)))];
  if (shared.length === 0) return NO_FIT;
  return { fraction: INSTRUMENT_FRACTION.match, reason: { code: "instrument.match", params: { instruments: shared } } };
}

export function scoreStage(investorStages: readonly string[], stage: string): TCriterionResult {
  if (investorStages.length === 0) return { fraction: STAGE_FRACTION.unspecified, reason: { code: "stage.unspecified", params: { stage } } };
  if (investorStages.includes(stage)) return { fraction: STAGE_FRACTION.match, reason: { code: "stage.match", params: { stage } } };
  const order: readonly string[] = STAGE_ORDER;
  const position = order.indexOf(stage);
  if (position < 0) return NO_FIT;
  const investorStage = investorStages.find((candidate) => {
    const other = order.indexOf(candidate);
    return other >= 0 && Math.abs(other - position) === 1;
  });
  if (investorStage === undefined) return NO_FIT;
  return { fraction: STAGE_FRACTION.adjacent, reason: { code: "stage.adjacent", params: { stage, investorStage } } };
}

// ───────────────────────────── incentive, freshness, completeness ─────────────────────────────

/** validTo is a calendar date: the incentive holds through the end of that UTC day. */
function endOfValidity(validTo: Date): number {
  const time = validTo.getTime();
  return time - (((time % DAY_MS) + DAY_MS) % DAY_MS) + DAY_MS;
}

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

export function scoreIncentive(incentives: readonly TMatchIncentive[], now: number): TCriterionResult {
  let best: { fraction: number; incentive: TMatchIncentive } | null = null;
  for (const incentive of incentives) {
    if (incentive.validFrom !== null && !(incentive.validFrom.getTime() <= now)) continue;
    let fraction = 1;
    if (incentive.validTo !== null) {
      const end = endOfValidity(incentive.validTo);
      if (!(now < end)) continue;
      fraction = Math.min(1, (end - now) / (INCENTIVE_FULL_YEARS * YEAR_MS));
    }
    if (!best || fraction > best.fraction) best = { fraction, incentive };
  }
  if (!best || best.fraction <= 0) return NO_FIT;
  const { name, nameJa = null, validTo } = best.incentive;
  const reason: TReason =
    validTo === null
      ? { code: "incentive.validNoEnd", params: { name, nameJa } }
      : { code: "incentive.valid", params: { name, nameJa, validTo: isoDate(validTo) } };
  return { fraction: best.fraction, reason };
}

export function scoreFreshness(listing: TMatchListing, now: number): TCriterionResult {
  const since = Math.max(listing.publishedAt?.getTime() ?? -Infinity, listing.updatedAt.getTime());
  if (!Number.isFinite(since)) return NO_FIT;
  const days = Math.max(0, now - since) / DAY_MS;
  const fraction =
    days <= FRESHNESS_DAYS.full ? 1 : days >= FRESHNESS_DAYS.zero ? 0 : (FRESHNESS_DAYS.zero - days) / (FRESHNESS_DAYS.zero - FRESHNESS_DAYS.full);
  if (fraction <= 0) return NO_FIT;
  return { fraction, reason: { code: "freshness.recent", params: { days: Math.floor(days) } } };
}

export function scoreCompleteness(completeness: number): TCriterionResult {
  const fraction = Number.isFinite(completeness) ? Math.min(1, Math.max(0, completeness / 100)) : 0;
  if (fraction <= 0) return NO_FIT;
  return { fraction, reason: { code: "completeness", params: { percent: Math.round(fraction * 100) } } };
}
