// The plain data the matching score reads and writes. No Prisma types here: the
// scorer runs in the background job, the recompute script and the naive
// benchmark alike, and must stay free of I/O.

/** The weighted criteria, in the order reasons are listed when their points tie. */
export const MATCH_CRITERIA = ["sector", "ticket", "location", "instrument", "stage", "incentive", "freshness", "completeness"] as const;
export type TMatchCriterion = (typeof MATCH_CRITERIA)[number];

/** Points per criterion; non-negative, summing to 100. Versioned in `matching_weights`. */
export type TMatchingWeights = Record<TMatchCriterion, number>;

/** Version 1, as seeded (prisma/seed.ts `INITIAL_MATCHING_WEIGHTS`). */
export const INITIAL_MATCHING_WEIGHTS: Readonly<TMatchingWeights> = Object.freeze({
  sector: 30,
  ticket: 20,
  location: 15,
  instrument: 10,
  stage: 10,
  incentive: 5,
  freshness: 5,
  completeness: 5,
});

/** Project stages from idea to running plant; neighbours in this list are "adjacent" (same order as the `Stage` enum). */
export const STAGE_ORDER = ["CONCEPT", "FEASIBILITY", "READY", "UNDER_CONSTRUCTION", "OPERATING"] as const;

export type TMatchInvestor = {
  sectorIds: readonly string[];
  ticketMinUsdCents: bigint | null;
  ticketMaxUsdCents: bigint | null;
  anywhereInPakistan: boolean;
  provinces: readonly string[];
  districts: readonly string[];
  instruments: readonly string[];
  stages: readonly string[];
  /** Listings this investor dismissed: never matched again. */
  dismissedListingIds?: ReadonlySet<string>;
};

export type TMatchIncentive = {
  name: string;
  nameJa?: string | null;
  /** A calendar date (`@db.Date`, midnight UTC); null: in force since always. */
  validFrom: Date | null;
  /** A calendar date, valid through the end of that UTC day; null: no end date. */
  validTo: Date | null;
};

export type TMatchListing = {
  id: string;
  status: string;
  sectorIds: readonly string[];
  /** null: nationwide, or not tied to one province. */
  province: string | null;
  district: string | null;
  amountUsdCents: bigint | null;
  instruments: readonly string[];
  stage: string;
  /** The incentives in force on the listing (superseded records left out by the caller). */
  incentives: readonly TMatchIncentive[];
  publishedAt: Date | null;
  updatedAt: Date;
  /** 0–100, from lib/listings/completeness.ts. */
  completeness: number;
};

/** One node of the sector tree; `TSectorNode` from lib/listings/sector-taxonomy.ts fits. */
export type TMatchSector = {
  parentId: string | null;
  nameEn: string;
  nameJa: string;
  /** Set when an admin merged this sector into another: it then scores as that one. */
  mergedIntoId?: string | null;
};

export type TMatchSectors = ReadonlyMap<string, TMatchSector>;

/** Reason params are JSON-safe (bigints as decimal strings, dates as YYYY-MM-DD): they travel as they are in API responses (derived on read, explain.ts). */
type TSectorPair = { listingSector: string; investorSector: string };
type TTicketRange = { minUsdCents: string | null; maxUsdCents: string | null };

export type TReasonParams = {
  /** The listing's sector is one the investor chose. */
  "sector.exact": TSectorPair;
  /** The investor chose a broader sector that contains the listing's ("Dairy matches your interest in Food processing"). */
  "sector.parent": TSectorPair;
  /** The listing's sector is broader than the one the investor chose (a Food processing zone for a Dairy investor). */
  "sector.child": TSectorPair;
  /** Both sectors sit under the same broader sector (`commonSector`). */
  "sector.sibling": TSectorPair & { commonSector: string };
  "ticket.inside": TTicketRange & { amountUsdCents: string };
  "ticket.above": TTicketRange & { amountUsdCents: string; maxUsdCents: string };
  "ticket.below": TTicketRange & { amountUsdCents: string; minUsdCents: string };
  "ticket.unknownAmount": TTicketRange;
  "ticket.noRange": { amountUsdCents: string | null };
  "location.anywhere": { province: string | null };
  "location.district": { province: string | null; district: string };
  "location.province": { province: string };
  "location.nationwide": Record<string, never>;
  "location.unspecified": { province: string | null };
  /** The instruments both sides share, in the listing's order. */
  "instrument.match": { instruments: string[] };
  "instrument.unspecified": Record<string, never>;
  "stage.match": { stage: string };
  "stage.adjacent": { stage: string; investorStage: string };
  "stage.unspecified": { stage: string };
  "incentive.valid": { name: string; nameJa: string | null; validTo: string };
  "incentive.validNoEnd": { name: string; nameJa: string | null };
  "freshness.recent": { days: number };
  completeness: { percent: number };
};

export type TReasonCode = keyof TReasonParams;
export type TReason = { [C in TReasonCode]: { code: C; params: TReasonParams[C] } }[TReasonCode];

export type TCriterionScore = {
  /** 0..1: how well this criterion is met. */
  fraction: number;
  /** fraction × weight, unrounded. */
  points: number;
};

export type TMatchScore = {
  /** Integer 0–100: the rounded sum of the criteria's points. */
  score: number;
  criteria: Record<TMatchCriterion, TCriterionScore>;
  /** One per criterion with points > 0, by points descending (ties in MATCH_CRITERIA order). */
  reasons: TReason[];
};
