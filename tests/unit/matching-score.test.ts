import { describe, expect, it } from "vitest";
import type { TSectorTaxonomy } from "@/lib/listings/sector-taxonomy";
import { STAGES } from "@/lib/listings/schemas";
import { REASON_CODES, REASON_CRITERION, reasonMessageValues, renderReasonKey, type TReasonRenderContext } from "@/lib/matching/reasons";
import { compareMatches, expandSectorIds, parseMatchingWeights, scoreMatch, type TScoreMatchInput } from "@/lib/matching/score";
import {
  INITIAL_MATCHING_WEIGHTS,
  MATCH_CRITERIA,
  STAGE_ORDER,
  type TMatchCriterion,
  type TMatchInvestor,
  type TMatchListing,
  type TMatchScore,
  type TMatchSector,
  type TMatchSectors,
  type TReason,
  type TReasonCode,
  type TReasonParams,
} from "@/lib/matching/types";

// ───────────────────────────── fixtures ─────────────────────────────

const FOOD = "sector-food";
const DAIRY = "sector-dairy";
const MEAT = "sector-meat";
const MINING = "sector-mining";
const COPPER = "sector-copper";
const TEXTILES = "sector-textiles";
const OLD_DAIRY = "sector-old-dairy"; // merged into DAIRY

const node = (parentId: string | null, name: string, mergedIntoId: string | null = null): TMatchSector => ({
  parentId,
  nameEn: name,
  nameJa: `${name}（ja）`,
  mergedIntoId,
});

const SECTORS = new Map<string, TMatchSector>([
  [FOOD, node(null, "Food processing")],
  [DAIRY, node(FOOD, "Dairy")],
  [MEAT, node(FOOD, "Meat")],
  [MINING, node(null, "Mining")],
  [COPPER, node(MINING, "Copper")],
  [TEXTILES, node(null, "Textiles")],
  [OLD_DAIRY, node(FOOD, "Milk (old)", DAIRY)],
]);

const DAY = 86_400_000;
const NOW = new Date("2026-03-01T12:00:00Z");
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY);
const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const USD_5M = 500_000_000n;
const USD_12M = 1_200_000_000n;
const USD_20M = 2_000_000_000n;

function baseInvestor(): TMatchInvestor {
  return {
    sectorIds: [DAIRY],
    ticketMinUsdCents: USD_5M,
    ticketMaxUsdCents: USD_20M,
    anywhereInPakistan: false,
    provinces: ["PUNJAB"],
    districts: [],
    instruments: ["EQUITY"],
    stages: ["READY"],
  };
}

function baseListing(): TMatchListing {
  return {
    id: "listing-a",
    status: "PUBLISHED",
    sectorIds: [DAIRY],
    province: "PUNJAB",
    district: "Faisalabad",
    amountUsdCents: USD_12M,
    instruments: ["EQUITY", "DEBT"],
    stage: "READY",
    incentives: [{ name: "10-year tax holiday", nameJa: "10年間の法人税免除", validFrom: date("2020-01-01"), validTo: date("2040-06-30") }],
    publishedAt: daysAgo(10),
    updatedAt: daysAgo(10),
    completeness: 80,
  };
}

type TOverrides = { investor?: Partial<TMatchInvestor>; listing?: Partial<TMatchListing> };

function score(overrides: TOverrides = {}, weights = INITIAL_MATCHING_WEIGHTS): TMatchScore | null {
  return scoreMatch({
    investor: { ...baseInvestor(), ...overrides.investor },
    listing: { ...baseListing(), ...overrides.listing },
    sectors: SECTORS,
    weights: { ...weights },
    now: NOW,
  });
}

function mustScore(overrides: TOverrides = {}): TMatchScore {
  const result = score(overrides);
  if (!result) throw new Error("expected a match");
  return result;
}

const reasonFor = (result: TMatchScore, criterion: TMatchCriterion): TReason | undefined =>
  result.reasons.find((reason) => REASON_CRITERION[reason.code] === criterion);

// ───────────────────────────── the baseline ─────────────────────────────

describe("scoreMatch: the baseline pair", () => {
  it("scores 96 with every criterion explained, by points descending", () => {
    const result = mustScore();
    // 30 + 20 + 15×0.8 + 10 + 10 + 5 + 5 + 5×0.8
    expect(result.score).toBe(96);
    expect(result.criteria).toEqual({
      sector: { fraction: 1, points: 30 },
      ticket: { fraction: 1, points: 20 },
      location: { fraction: 0.8, points: 12 },
      instrument: { fraction: 1, points: 10 },
      stage: { fraction: 1, points: 10 },
      incentive: { fraction: 1, points: 5 },
      freshness: { fraction: 1, points: 5 },
      completeness: { fraction: 0.8, points: 4 },
    });
    expect(result.reasons).toEqual([
      { code: "sector.exact", params: { listingSector: DAIRY, investorSector: DAIRY } },
      { code: "ticket.inside", params: { amountUsdCents: "1200000000", minUsdCents: "500000000", maxUsdCents: "2000000000" } },
      { code: "location.province", params: { province: "PUNJAB" } },
      { code: "instrument.match", params: { instruments: ["EQUITY"] } },
      { code: "stage.match", params: { stage: "READY" } },
      { code: "incentive.valid", params: { name: "10-year tax holiday", nameJa: "10年間の法人税免除", validTo: "2040-06-30" } },
      { code: "freshness.recent", params: { days: 10 } },
      { code: "completeness", params: { percent: 80 } },
    ]);
  });

  it("is JSON-safe (bigints as strings), so reasons travel as they are in API responses", () => {
    const result = mustScore();
    expect(JSON.parse(JSON.stringify(result.reasons))).toEqual(result.reasons);
  });
});

// ───────────────────────────── hard filters ─────────────────────────────

describe("scoreMatch: hard filters", () => {
  it.each<[string, TOverrides]>([
    ["a draft listing", { listing: { status: "DRAFT" } }],
    ["a submitted listing", { listing: { status: "SUBMITTED" } }],
    ["a closed listing", { listing: { status: "CLOSED" } }],
    ["a listing the investor dismissed", { investor: { dismissedListingIds: new Set(["listing-a"]) } }],
    ["no sector in common", { investor: { sectorIds: [MINING, COPPER] } }],
    ["unrelated root sectors", { investor: { sectorIds: [TEXTILES] }, listing: { sectorIds: [FOOD] } }],
    ["cousins across roots", { investor: { sectorIds: [COPPER] }, listing: { sectorIds: [MEAT] } }],
    ["a listing sector unknown to the taxonomy", { listing: { sectorIds: ["sector-unknown"] } }],
    ["a listing without sectors", { listing: { sectorIds: [] } }],
    ["an investor without sectors", { investor: { sectorIds: [] } }],
  ])("%s → null", (_name, overrides) => {
    expect(score(overrides)).toBeNull();
  });

  it("keeps listings the investor did not dismiss", () => {
    expect(score({ investor: { dismissedListingIds: new Set(["listing-b"]) } })).not.toBeNull();
  });

  it("matches the same unknown sector id exactly (a sector added after the taxonomy was read)", () => {
    expect(reasonFor(mustScore({ investor: { sectorIds: ["sector-new"] }, listing: { sectorIds: ["sector-new"] } }), "sector")?.code).toBe(
      "sector.exact",
    );
  });

  it("agrees with expandSectorIds, the rule SQL candidate generation uses", () => {
    expect(expandSectorIds([DAIRY], SECTORS).sort()).toEqual([DAIRY, FOOD].sort());
    expect(expandSectorIds([OLD_DAIRY, COPPER], SECTORS).sort()).toEqual([DAIRY, FOOD, COPPER, MINING].sort());
    expect(expandSectorIds([TEXTILES], SECTORS)).toEqual([TEXTILES]);
  });
});

// ───────────────────────────── each criterion alone ─────────────────────────────

type TCase = { name: string; overrides: TOverrides; fraction: number; code: TReasonCode | null; score: number; params?: object };

const cases: Record<TMatchCriterion, TCase[]> = {
  // Others: 66 points.
  sector: [
    { name: "same sector", overrides: {}, fraction: 1, code: "sector.exact", score: 96 },
    {
      name: "investor chose the parent (Food processing ⊃ Dairy)",
      overrides: { investor: { sectorIds: [FOOD] } },
      fraction: 0.7,
      code: "sector.parent",
      score: 87,
      params: { listingSector: DAIRY, investorSector: FOOD },
    },
    {
      name: "listing in the parent of the investor's sector (partial)",
      overrides: { listing: { sectorIds: [FOOD] } },
      fraction: 0.5,
      code: "sector.child",
      score: 81,
      params: { listingSector: FOOD, investorSector: DAIRY },
    },
    {
      name: "siblings under Food processing",
      overrides: { listing: { sectorIds: [MEAT] } },
      fraction: 0.4,
      code: "sector.sibling",
      score: 78,
      params: { listingSector: MEAT, investorSector: DAIRY, commonSector: FOOD },
    },
    {
      name: "a merged sector scores as the one it was merged into",
      overrides: { listing: { sectorIds: [OLD_DAIRY] } },
      fraction: 1,
      code: "sector.exact",
      score: 96,
      params: { listingSector: DAIRY, investorSector: DAIRY },
    },
    {
      name: "the closest of several pairs wins",
      overrides: { investor: { sectorIds: [COPPER, FOOD, DAIRY] }, listing: { sectorIds: [MINING, DAIRY] } },
      fraction: 1,
      code: "sector.exact",
      score: 96,
      params: { listingSector: DAIRY, investorSector: DAIRY },
    },
    {
      name: "equally close pairs: the listing's first sector wins",
      overrides: { investor: { sectorIds: [MEAT, DAIRY] }, listing: { sectorIds: [DAIRY, MEAT] } },
      fraction: 1,
      code: "sector.exact",
      score: 96,
      params: { listingSector: DAIRY, investorSector: DAIRY },
    },
    {
      name: "a second listing sector in a parent relation beats a sibling",
      overrides: { investor: { sectorIds: [MINING, DAIRY] }, listing: { sectorIds: [MEAT, COPPER] } },
      fraction: 0.7,
      code: "sector.parent",
      score: 87,
      params: { listingSector: COPPER, investorSector: MINING },
    },
  ],
  // Others: 76 points.
  ticket: [
    { name: "inside the range", overrides: {}, fraction: 1, code: "ticket.inside", score: 96 },
    { name: "amount == min", overrides: { listing: { amountUsdCents: USD_5M } }, fraction: 1, code: "ticket.inside", score: 96 },
    { name: "amount == max", overrides: { listing: { amountUsdCents: USD_20M } }, fraction: 1, code: "ticket.inside", score: 96 },
    {
      name: "one cent above max",
      overrides: { listing: { amountUsdCents: USD_20M + 1n } },
      fraction: 1 - Math.log10(2_000_000_001 / 2_000_000_000),
      code: "ticket.above",
      score: 96,
      params: { amountUsdCents: "2000000001", minUsdCents: "500000000", maxUsdCents: "2000000000" },
    },
    {
      name: "one cent below min",
      overrides: { listing: { amountUsdCents: USD_5M - 1n } },
      fraction: 1 - Math.log10(500_000_000 / 499_999_999),
      code: "ticket.below",
      score: 96,
      params: { amountUsdCents: "499999999", minUsdCents: "500000000", maxUsdCents: "2000000000" },
    },
    { name: "twice the max", overrides: { listing: { amountUsdCents: 2n * USD_20M } }, fraction: 1 - Math.log10(2), code: "ticket.above", score: 90 },
    { name: "half the min", overrides: { listing: { amountUsdCents: USD_5M / 2n } }, fraction: 1 - Math.log10(2), code: "ticket.below", score: 90 },
    { name: "ten times the max", overrides: { listing: { amountUsdCents: 10n * USD_20M } }, fraction: 0, code: null, score: 76 },
    { name: "a tenth of the min", overrides: { listing: { amountUsdCents: USD_5M / 10n } }, fraction: 0, code: null, score: 76 },
    { name: "a zero amount below the min", overrides: { listing: { amountUsdCents: 0n } }, fraction: 0, code: null, score: 76 },
    {
      name: "unknown amount is neutral",
      overrides: { listing: { amountUsdCents: null } },
      fraction: 0.5,
      code: "ticket.unknownAmount",
      score: 86,
      params: { minUsdCents: "500000000", maxUsdCents: "2000000000" },
    },
    {
      name: "investor without a range is neutral",
      overrides: { investor: { ticketMinUsdCents: null, ticketMaxUsdCents: null } },
      fraction: 0.5,
      code: "ticket.noRange",
      score: 86,
      params: { amountUsdCents: "1200000000" },
    },
    {
      name: "a minimum only is a half-open range",
      overrides: { investor: { ticketMaxUsdCents: null }, listing: { amountUsdCents: 100n * USD_20M } },
      fraction: 1,
      code: "ticket.inside",
      score: 96,
      params: { amountUsdCents: "200000000000", minUsdCents: "500000000", maxUsdCents: null },
    },
    {
      name: "a maximum only, amount above it",
      overrides: { investor: { ticketMinUsdCents: null, ticketMaxUsdCents: 1_000_000_000n } },
      fraction: 1 - Math.log10(1.2),
      code: "ticket.above",
      score: 94,
    },
    {
      name: "a reversed range is read as [min, max]",
      overrides: { investor: { ticketMinUsdCents: USD_20M, ticketMaxUsdCents: USD_5M } },
      fraction: 1,
      code: "ticket.inside",
      score: 96,
      params: { amountUsdCents: "1200000000", minUsdCents: "500000000", maxUsdCents: "2000000000" },
    },
  ],
  // Others: 84 points.
  location: [
    { name: "anywhere in Pakistan", overrides: { investor: { anywhereInPakistan: true, provinces: [] } }, fraction: 1, code: "location.anywhere", score: 99 },
    {
      name: "district match (case and spaces ignored)",
      overrides: { investor: { provinces: [], districts: [" faisalabad"] } },
      fraction: 1,
      code: "location.district",
      score: 99,
      params: { province: "PUNJAB", district: "Faisalabad" },
    },
    { name: "province match", overrides: {}, fraction: 0.8, code: "location.province", score: 96 },
    {
      name: "province match, other district",
      overrides: { investor: { districts: ["Lahore"] } },
      fraction: 0.8,
      code: "location.province",
      score: 96,
    },
    {
      name: "nationwide listing",
      overrides: { investor: { provinces: ["SINDH"] }, listing: { province: null, district: null } },
      fraction: 0.7,
      code: "location.nationwide",
      score: 95,
    },
    { name: "another province", overrides: { investor: { provinces: ["SINDH"] } }, fraction: 0, code: null, score: 84 },
    {
      name: "districts chosen elsewhere, no province",
      overrides: { investor: { provinces: [], districts: ["Lahore"] } },
      fraction: 0,
      code: null,
      score: 84,
    },
    {
      name: "no province or district chosen is neutral",
      overrides: { investor: { provinces: [], districts: [] } },
      fraction: 0.5,
      code: "location.unspecified",
      score: 92,
    },
  ],
  // Others: 86 points.
  instrument: [
    { name: "overlap", overrides: {}, fraction: 1, code: "instrument.match", score: 96 },
    {
      name: "several in common, in the listing's order",
      overrides: { investor: { instruments: ["DEBT", "EQUITY", "PPP"] } },
      fraction: 1,
      code: "instrument.match",
      score: 96,
      params: { instruments: ["EQUITY", "DEBT"] },
    },
    { name: "no overlap", overrides: { investor: { instruments: ["PPP"] } }, fraction: 0, code: null, score: 86 },
    { name: "investor chose none", overrides: { investor: { instruments: [] } }, fraction: 0.5, code: "instrument.unspecified", score: 91 },
    { name: "listing states none", overrides: { listing: { instruments: [] } }, fraction: 0.5, code: "instrument.unspecified", score: 91 },
  ],
  // Others: 86 points.
  stage: [
    { name: "the investor's stage", overrides: {}, fraction: 1, code: "stage.match", score: 96 },
    {
      name: "adjacent (feasibility → ready)",
      overrides: { investor: { stages: ["FEASIBILITY"] } },
      fraction: 0.5,
      code: "stage.adjacent",
      score: 91,
      params: { stage: "READY", investorStage: "FEASIBILITY" },
    },
    {
      name: "adjacent at the end of the order",
      overrides: { investor: { stages: ["UNDER_CONSTRUCTION"] }, listing: { stage: "OPERATING" } },
      fraction: 0.5,
      code: "stage.adjacent",
      score: 91,
    },
    { name: "two steps away", overrides: { investor: { stages: ["CONCEPT"] } }, fraction: 0, code: null, score: 86 },
    {
      name: "an unknown investor stage is adjacent to nothing",
      overrides: { investor: { stages: ["SOMEDAY"] }, listing: { stage: "CONCEPT" } },
      fraction: 0,
      code: null,
      score: 86,
    },
    { name: "no stage chosen is neutral", overrides: { investor: { stages: [] } }, fraction: 0.5, code: "stage.unspecified", score: 91 },
  ],
  // Others: 91 points.
  incentive: [
    { name: "valid for 14 more years", overrides: {}, fraction: 1, code: "incentive.valid", score: 96 },
    {
      name: "valid with no end date",
      overrides: { listing: { incentives: [{ name: "Duty-free machinery import", validFrom: null, validTo: null }] } },
      fraction: 1,
      code: "incentive.validNoEnd",
      score: 96,
      params: { name: "Duty-free machinery import", nameJa: null },
    },
    {
      name: "about 2.5 years left scales to half",
      overrides: { listing: { incentives: [{ name: "Tax holiday", validFrom: null, validTo: date("2028-09-01") }] } },
      fraction: 915.5 / (5 * 365.25),
      code: "incentive.valid",
      score: 94,
      params: { name: "Tax holiday", nameJa: null, validTo: "2028-09-01" },
    },
    {
      name: "valid through the end of today",
      overrides: { listing: { incentives: [{ name: "Tax holiday", validFrom: null, validTo: date("2026-03-01") }] } },
      fraction: 0.5 / (5 * 365.25),
      code: "incentive.valid",
      score: 91,
    },
    {
      name: "expired yesterday",
      overrides: { listing: { incentives: [{ name: "Tax holiday", validFrom: null, validTo: date("2026-02-28") }] } },
      fraction: 0,
      code: null,
      score: 91,
    },
    {
      name: "not valid yet",
      overrides: { listing: { incentives: [{ name: "Tax holiday", validFrom: date("2027-01-01"), validTo: null }] } },
      fraction: 0,
      code: null,
      score: 91,
    },
    {
      name: "the best valid one among expired ones",
      overrides: {
        listing: {
          incentives: [
            { name: "Old holiday", validFrom: null, validTo: date("2020-01-01") },
            { name: "Short holiday", validFrom: null, validTo: date("2027-03-01") },
            { name: "Long holiday", validFrom: date("2025-01-01"), validTo: date("2035-12-31") },
          ],
        },
      },
      fraction: 1,
      code: "incentive.valid",
      score: 96,
      params: { name: "Long holiday", nameJa: null, validTo: "2035-12-31" },
    },
    { name: "no incentives", overrides: { listing: { incentives: [] } }, fraction: 0, code: null, score: 91 },
  ],
  // Others: 91 points.
  freshness: [
    { name: "published 10 days ago", overrides: {}, fraction: 1, code: "freshness.recent", score: 96 },
    {
      name: "exactly 30 days",
      overrides: { listing: { publishedAt: daysAgo(30), updatedAt: daysAgo(30) } },
      fraction: 1,
      code: "freshness.recent",
      score: 96,
      params: { days: 30 },
    },
    {
      name: "half way (197.5 days)",
      overrides: { listing: { publishedAt: daysAgo(197.5), updatedAt: daysAgo(197.5) } },
      fraction: 0.5,
      code: "freshness.recent",
      score: 94,
      params: { days: 197 },
    },
    { name: "365 days", overrides: { listing: { publishedAt: daysAgo(365), updatedAt: daysAgo(365) } }, fraction: 0, code: null, score: 91 },
    {
      name: "published long ago, updated last week: the later counts",
      overrides: { listing: { publishedAt: daysAgo(900), updatedAt: daysAgo(7) } },
      fraction: 1,
      code: "freshness.recent",
      score: 96,
      params: { days: 7 },
    },
    {
      name: "a date in the future (clock skew) counts as today",
      overrides: { listing: { publishedAt: null, updatedAt: new Date(NOW.getTime() + DAY) } },
      fraction: 1,
      code: "freshness.recent",
      score: 96,
      params: { days: 0 },
    },
  ],
  // Others: 92 points.
  completeness: [
    { name: "80%", overrides: {}, fraction: 0.8, code: "completeness", score: 96 },
    { name: "100%", overrides: { listing: { completeness: 100 } }, fraction: 1, code: "completeness", score: 97, params: { percent: 100 } },
    { name: "50% rounds half up", overrides: { listing: { completeness: 50 } }, fraction: 0.5, code: "completeness", score: 95 },
    { name: "0%", overrides: { listing: { completeness: 0 } }, fraction: 0, code: null, score: 92 },
    { name: "out of range is clamped", overrides: { listing: { completeness: 140 } }, fraction: 1, code: "completeness", score: 97 },
  ],
};

describe.each(MATCH_CRITERIA.map((criterion) => [criterion, cases[criterion]] as const))("scoreMatch: %s alone", (criterion, rows) => {
  it.each(rows)("$name", ({ overrides, fraction, code, score: expectedScore, params }) => {
    const baseline = mustScore();
    const result = mustScore(overrides);
    expect(result.criteria[criterion].fraction).toBeCloseTo(fraction, 12);
    expect(result.criteria[criterion].points).toBeCloseTo(fraction * INITIAL_MATCHING_WEIGHTS[criterion], 10);
    expect(result.score).toBe(expectedScore);
    // Only the varied criterion moved.
    for (const other of MATCH_CRITERIA) if (other !== criterion) expect(result.criteria[other]).toEqual(baseline.criteria[other]);
    const reason = reasonFor(result, criterion);
    expect(reason?.code ?? null).toBe(code);
    if (params) expect(reason?.params).toEqual(params);
  });
});

describe("scoreMatch: outside-the-range fractions", () => {
  it("one cent outside is just below 1, never equal", () => {
    expect(mustScore({ listing: { amountUsdCents: USD_20M + 1n } }).criteria.ticket.fraction).toBeLessThan(1);
    expect(mustScore({ listing: { amountUsdCents: USD_5M - 1n } }).criteria.ticket.fraction).toBeLessThan(1);
  });

  it("falls as the amount moves away", () => {
    const fractions = [2n, 3n, 5n, 9n].map((factor) => mustScore({ listing: { amountUsdCents: factor * USD_20M } }).criteria.ticket.fraction);
    expect([...fractions].sort((a, b) => b - a)).toEqual(fractions);
    expect(new Set(fractions).size).toBe(fractions.length);
  });
});

// ───────────────────────────── ties and weights ─────────────────────────────

describe("ties", () => {
  it("identical listings score identically; callers order them by listing id", () => {
    const ids = ["listing-c", "listing-a", "listing-b"];
    const scored = ids.map((id) => ({ listingId: id, score: mustScore({ listing: { id } }).score }));
    expect(new Set(scored.map((entry) => entry.score)).size).toBe(1);
    expect([...scored].sort(compareMatches).map((entry) => entry.listingId)).toEqual(["listing-a", "listing-b", "listing-c"]);
  });

  it("different criteria adding up to the same points tie", () => {
    // −5 on stage (adjacent) vs −5 on instrument (investor chose none).
    const a = mustScore({ listing: { id: "listing-x" }, investor: { stages: ["FEASIBILITY"] } });
    const b = mustScore({ listing: { id: "listing-y" }, investor: { instruments: [] } });
    expect(a.score).toBe(b.score);
  });

  it("compareMatches puts higher scores first, whatever the ids", () => {
    const sorted = [
      { listingId: "a", score: 50 },
      { listingId: "b", score: 90 },
      { listingId: "c", score: 50 },
    ].sort(compareMatches);
    expect(sorted.map((entry) => entry.listingId)).toEqual(["b", "a", "c"]);
  });

  it("reasons with equal points keep the criteria order", () => {
    const codes = mustScore().reasons.map((reason) => reason.code);
    expect(codes.indexOf("instrument.match")).toBeLessThan(codes.indexOf("stage.match"));
    expect(codes.indexOf("incentive.valid")).toBeLessThan(codes.indexOf("freshness.recent"));
  });
});

describe("weights", () => {
  it("version 1 is valid", () => {
    expect(parseMatchingWeights({ ...INITIAL_MATCHING_WEIGHTS })).toEqual(INITIAL_MATCHING_WEIGHTS);
  });

  it.each<[string, unknown]>([
    ["not an object", null],
    ["a missing criterion", { ...INITIAL_MATCHING_WEIGHTS, completeness: undefined }],
    ["a negative weight", { ...INITIAL_MATCHING_WEIGHTS, sector: -30, ticket: 80 }],
    ["a non-finite weight", { ...INITIAL_MATCHING_WEIGHTS, sector: Number.NaN }],
    ["a string weight", { ...INITIAL_MATCHING_WEIGHTS, sector: "30" }],
    ["a sum of 99", { ...INITIAL_MATCHING_WEIGHTS, sector: 29 }],
  ])("refuses %s", (_name, weights) => {
    expect(() => parseMatchingWeights(weights)).toThrow(RangeError);
  });

  it("scoreMatch refuses invalid weights rather than scoring above 100", () => {
    expect(() => score({}, { ...INITIAL_MATCHING_WEIGHTS, sector: 60 })).toThrow(RangeError);
  });

  it("a criterion weighted 0 gives no points and no reason", () => {
    const result = score({}, { ...INITIAL_MATCHING_WEIGHTS, completeness: 0, sector: 35 });
    expect(result?.criteria.completeness).toEqual({ fraction: 0.8, points: 0 });
    expect(result?.reasons.some((reason) => reason.code === "completeness")).toBe(false);
    expect(result?.score).toBe(35 + 20 + 12 + 10 + 10 + 5 + 5);
  });

  it("all the weight on one criterion gives its fraction × 100", () => {
    const onlySector = { sector: 100, ticket: 0, location: 0, instrument: 0, stage: 0, incentive: 0, freshness: 0, completeness: 0 };
    const result = score({ investor: { sectorIds: [FOOD] } }, onlySector);
    expect(result?.score).toBe(70);
    expect(result?.reasons.map((reason) => reason.code)).toEqual(["sector.parent"]);
  });
});

// ───────────────────────────── generated inputs ─────────────────────────────

/** mulberry32: a small seeded PRNG, so a failing case can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PROVINCES = ["PUNJAB", "SINDH", "KHYBER_PAKHTUNKHWA", "BALOCHISTAN", "ISLAMABAD"];
const DISTRICTS = ["Faisalabad", "Lahore", "Karachi", "Peshawar"];
const INSTRUMENTS = ["EQUITY", "DEBT", "JOINT_VENTURE", "PPP", "PLOT_PURCHASE", "PLOT_LEASE"];
const SECTOR_POOL = [...SECTORS.keys(), "sector-unknown"];

function generator(seed: number) {
  const random = prng(seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const some = <T>(items: readonly T[], max: number): T[] => {
    const count = Math.floor(random() * (max + 1));
    return [...new Set(Array.from({ length: count }, () => pick(items)))];
  };
  // Log-uniform from USD 10k to USD 1bn, in cents.
  const amount = (): bigint => BigInt(Math.round(10 ** (6 + random() * 5)));
  const dayOffset = (maxDays: number): Date => new Date(NOW.getTime() + Math.round((random() * 2 - 1) * maxDays) * DAY);

  const investor = (): TMatchInvestor => {
    const min = chance(0.6) ? amount() : null;
    const max = chance(0.6) ? (min ?? 0n) + amount() : null;
    return {
      sectorIds: some(SECTOR_POOL, 3),
      ticketMinUsdCents: min,
      ticketMaxUsdCents: max,
      anywhereInPakistan: chance(0.25),
      provinces: some(PROVINCES, 2),
      districts: some(DISTRICTS, 2),
      instruments: some(INSTRUMENTS, 3),
      stages: some(STAGE_ORDER, 3),
      dismissedListingIds: chance(0.1) ? new Set(["listing-g"]) : undefined,
    };
  };

  const listing = (): TMatchListing => {
    const updatedAt = new Date(NOW.getTime() - Math.floor(random() * 500) * DAY);
    return {
      id: "listing-g",
      status: chance(0.9) ? "PUBLISHED" : pick(["DRAFT", "SUBMITTED", "CLOSED"]),
      sectorIds: [pick(SECTOR_POOL), ...(chance(0.4) ? [pick(SECTOR_POOL)] : [])],
      province: chance(0.2) ? null : pick(PROVINCES),
      district: chance(0.3) ? null : pick(DISTRICTS),
      amountUsdCents: chance(0.2) ? null : amount(),
      instruments: some(INSTRUMENTS, 3),
      stage: pick(STAGE_ORDER),
      incentives: Array.from({ length: Math.floor(random() * 3) }, (_, index) => ({
        name: `Incentive ${index}`,
        validFrom: chance(0.5) ? null : dayOffset(3650),
        validTo: chance(0.2) ? null : dayOffset(3650),
      })),
      publishedAt: chance(0.2) ? null : new Date(updatedAt.getTime() - Math.floor(random() * 100) * DAY),
      updatedAt,
      completeness: Math.floor(random() * 101),
    };
  };

  return { random, chance, pick, investor, listing };
}

const PAIRS = 400;

function generatedPairs(seed: number) {
  const gen = generator(seed);
  return Array.from({ length: PAIRS }, () => ({ investor: gen.investor(), listing: gen.listing(), gen }));
}

const run = (investor: TMatchInvestor, listing: TMatchListing, weights = INITIAL_MATCHING_WEIGHTS) =>
  scoreMatch({ investor, listing, sectors: SECTORS, weights: { ...weights }, now: NOW } satisfies TScoreMatchInput);

function expectNotLower(before: TMatchScore | null, after: TMatchScore | null, label: string): void {
  if (before === null) return;
  expect(after, label).not.toBeNull();
  expect(after!.score, label).toBeGreaterThanOrEqual(before.score);
}

describe("scoreMatch over generated inputs", () => {
  const pairs = generatedPairs(20260301);

  it("produces both matches and non-matches (the generator is not degenerate)", () => {
    const results = pairs.map(({ investor, listing }) => run(investor, listing));
    expect(results.filter((result) => result === null).length).toBeGreaterThan(PAIRS / 10);
    expect(results.filter((result) => result !== null).length).toBeGreaterThan(PAIRS / 4);
    const scores = new Set(results.flatMap((result) => (result ? [result.score] : [])));
    expect(scores.size).toBeGreaterThan(20);
  });

  it("keeps the score an integer in 0..100, the rounded sum of fraction × weight", () => {
    for (const { investor, listing } of pairs) {
      const result = run(investor, listing);
      if (!result) continue;
      expect(Number.isInteger(result.score)).toBe(true);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
      let total = 0;
      for (const criterion of MATCH_CRITERIA) {
        const { fraction, points } = result.criteria[criterion];
        expect(fraction).toBeGreaterThanOrEqual(0);
        expect(fraction).toBeLessThanOrEqual(1);
        expect(points).toBeCloseTo(fraction * INITIAL_MATCHING_WEIGHTS[criterion], 10);
        total += points;
      }
      expect(Math.abs(result.score - total)).toBeLessThanOrEqual(0.5 + 1e-6);
    }
  });

  it("gives exactly one reason per criterion with points > 0, none otherwise, by points descending", () => {
    for (const { investor, listing } of pairs) {
      const result = run(investor, listing);
      if (!result) continue;
      const explained = result.reasons.map((reason) => REASON_CRITERION[reason.code]);
      const positive = MATCH_CRITERIA.filter((criterion) => result.criteria[criterion].points > 0);
      expect([...explained].sort()).toEqual([...positive].sort());
      const points = explained.map((criterion) => result.criteria[criterion].points);
      expect(points).toEqual([...points].sort((a, b) => b - a));
      expect(JSON.parse(JSON.stringify(result.reasons))).toEqual(result.reasons);
    }
  });

  it("is deterministic, and the score does not depend on the order of input arrays", () => {
    const reversed = <T>(items: readonly T[]): T[] => [...items].reverse();
    for (const { investor, listing } of pairs) {
      const result = run(investor, listing);
      expect(run(investor, listing)).toEqual(result);
      const shuffled = run(
        { ...investor, sectorIds: reversed(investor.sectorIds), instruments: reversed(investor.instruments), stages: reversed(investor.stages) },
        { ...listing, sectorIds: reversed(listing.sectorIds), instruments: reversed(listing.instruments), incentives: reversed(listing.incentives) },
      );
      expect(shuffled?.score).toEqual(result?.score);
      for (const criterion of MATCH_CRITERIA) expect(shuffled?.criteria[criterion].fraction).toEqual(result?.criteria[criterion].fraction);
    }
  });

  it("applies the hard filters exactly as expandSectorIds + overlap, the SQL candidate rule", () => {
    for (const { investor, listing } of pairs) {
      const listingSide = new Set(expandSectorIds(listing.sectorIds, SECTORS));
      const shareSector = expandSectorIds(investor.sectorIds, SECTORS).some((id) => listingSide.has(id));
      const eligible = listing.status === "PUBLISHED" && !investor.dismissedListingIds?.has(listing.id) && shareSector;
      expect(run(investor, listing) !== null).toBe(eligible);
    }
  });

  it("never lowers the score when overlap grows", () => {
    for (const [index, { investor, listing, gen }] of pairs.entries()) {
      const before = run(investor, listing);
      const label = (what: string) => `pair ${index}: ${what}`;

      // Any sector added (the sector fraction is a maximum over pairs).
      expectNotLower(before, run({ ...investor, sectorIds: [...investor.sectorIds, gen.pick(SECTOR_POOL)] }, listing), label("add a sector"));
      // One of the listing's sectors (or its parent) added: becomes a match when only the sector filter failed.
      const listingSector = gen.pick(listing.sectorIds);
      const overlapping = gen.chance(0.5) ? listingSector : (SECTORS.get(listingSector)?.parentId ?? listingSector);
      const withSector = run({ ...investor, sectorIds: [...investor.sectorIds, overlapping] }, listing);
      expectNotLower(before, withSector, label("add an overlapping sector"));
      if (listing.status === "PUBLISHED" && !investor.dismissedListingIds?.has(listing.id)) expect(withSector, label("overlap")).not.toBeNull();

      if (listing.instruments.length > 0) {
        const added = run({ ...investor, instruments: [...investor.instruments, gen.pick(listing.instruments)] }, listing);
        expectNotLower(before, added, label("add an overlapping instrument"));
        if (added) expect(added.criteria.instrument.fraction).toBe(1);
      }

      const withStage = run({ ...investor, stages: [...investor.stages, listing.stage] }, listing);
      expectNotLower(before, withStage, label("add the listing's stage"));
      if (withStage) expect(withStage.criteria.stage.fraction).toBe(1);

      const { ticketMinUsdCents: min, ticketMaxUsdCents: max } = investor;
      const amount = listing.amountUsdCents;
      if (amount !== null && (min !== null || max !== null)) {
        const widened = run(
          {
            ...investor,
            ticketMinUsdCents: min === null ? null : min < amount ? min : amount,
            ticketMaxUsdCents: max === null ? null : max > amount ? max : amount,
          },
          listing,
        );
        expectNotLower(before, widened, label("widen the range to include the amount"));
        if (widened) expect(widened.criteria.ticket.fraction).toBe(1);
      }
      if (min !== null && max !== null) {
        const lower = (min * BigInt(Math.floor(gen.random() * 100))) / 100n;
        const higher = max + (max * BigInt(Math.floor(gen.random() * 300))) / 100n;
        expectNotLower(before, run({ ...investor, ticketMinUsdCents: lower, ticketMaxUsdCents: higher }, listing), label("widen the range"));
      }

      if (listing.province !== null) {
        expectNotLower(before, run({ ...investor, provinces: [...investor.provinces, listing.province] }, listing), label("add the province"));
      }
      if (listing.district !== null) {
        expectNotLower(before, run({ ...investor, districts: [...investor.districts, listing.district] }, listing), label("add the district"));
      }
      expectNotLower(before, run({ ...investor, anywhereInPakistan: true }, listing), label("anywhere in Pakistan"));

      expectNotLower(before, run(investor, { ...listing, completeness: Math.min(100, listing.completeness + 10) }), label("more complete"));
      expectNotLower(before, run(investor, { ...listing, updatedAt: new Date(Math.min(NOW.getTime(), listing.updatedAt.getTime() + 20 * DAY)) }), label("fresher"));
      expectNotLower(
        before,
        run(investor, { ...listing, incentives: [...listing.incentives, { name: "New", validFrom: null, validTo: date("2027-06-30") }] }),
        label("add a valid incentive"),
      );
    }
  });

  it("holds for other weight versions too", () => {
    const gen = generator(7);
    const weightSets = Array.from({ length: 20 }, () => {
      const raw = MATCH_CRITERIA.map(() => Math.floor(gen.random() * 20));
      const remainder = 100 - raw.reduce((sum, value) => sum + value, 0);
      const shares = raw.map((value, index) => (index === 0 ? value + Math.max(0, remainder) : value));
      const scale = 100 / shares.reduce((sum, value) => sum + value, 0);
      const weights = Object.fromEntries(MATCH_CRITERIA.map((criterion, index) => [criterion, (shares[index] ?? 0) * scale]));
      return parseMatchingWeights(weights);
    });
    for (const weights of weightSets) {
      for (let i = 0; i < 20; i++) {
        const investor = gen.investor();
        const listing = gen.listing();
        const before = run(investor, listing, weights);
        if (!before) continue;
        expect(Number.isInteger(before.score) && before.score >= 0 && before.score <= 100).toBe(true);
        const after = run({ ...investor, stages: [...investor.stages, listing.stage], instruments: [...investor.instruments, ...listing.instruments] }, listing, weights);
        expectNotLower(before, after, "more overlap");
      }
    }
  });
});

// ───────────────────────────── rendering ─────────────────────────────

describe("reason codes and rendering", () => {
  it("lists every code once, each with a catalog key under matching.reasons", () => {
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
    expect(REASON_CODES.length).toBe(23);
    expect(renderReasonKey({ code: "sector.parent" })).toBe("matching.reasons.sector.parent");
    expect(renderReasonKey({ code: "completeness" })).toBe("matching.reasons.completeness");
    // A key cannot be both a message and a group of messages in the catalogs.
    const keys = REASON_CODES.map((code) => renderReasonKey({ code }));
    for (const key of keys) expect(keys.some((other) => other.startsWith(`${key}.`))).toBe(false);
  });

  it("takes the cached sector taxonomy as it is", () => {
    const byId: TSectorTaxonomy["byId"] = new Map([[DAIRY, { id: DAIRY, slug: "dairy", nameEn: "Dairy", nameJa: "酪農", parentId: null, mergedIntoId: null, sortOrder: 0 }]]);
    const sectors: TMatchSectors = byId; // compile-time check: no mapping needed
    expect(expandSectorIds([DAIRY], sectors)).toEqual([DAIRY]);
  });

  it("keeps STAGE_ORDER in step with the listing schema's stages", () => {
    expect([...STAGE_ORDER]).toEqual([...STAGES]);
  });

  const SAMPLES: { [C in TReasonCode]: TReasonParams[C] } = {
    "sector.exact": { listingSector: DAIRY, investorSector: DAIRY },
    "sector.parent": { listingSector: DAIRY, investorSector: FOOD },
    "sector.child": { listingSector: FOOD, investorSector: DAIRY },
    "sector.sibling": { listingSector: MEAT, investorSector: DAIRY, commonSector: FOOD },
    "ticket.inside": { amountUsdCents: "1200000000", minUsdCents: "500000000", maxUsdCents: "2000000000" },
    "ticket.above": { amountUsdCents: "4000000000", minUsdCents: null, maxUsdCents: "2000000000" },
    "ticket.below": { amountUsdCents: "100000000", minUsdCents: "500000000", maxUsdCents: null },
    "ticket.unknownAmount": { minUsdCents: "500000000", maxUsdCents: "2000000000" },
    "ticket.noRange": { amountUsdCents: null },
    "location.anywhere": { province: "SINDH" },
    "location.district": { province: "PUNJAB", district: "Faisalabad" },
    "location.province": { province: "PUNJAB" },
    "location.nationwide": {},
    "location.unspecified": { province: "PUNJAB" },
    "instrument.match": { instruments: ["EQUITY", "DEBT"] },
    "instrument.unspecified": {},
    "stage.match": { stage: "READY" },
    "stage.adjacent": { stage: "READY", investorStage: "FEASIBILITY" },
    "stage.unspecified": { stage: "READY" },
    "incentive.valid": { name: "10-year tax holiday", nameJa: "10年間の法人税免除", validTo: "2030-06-30" },
    "incentive.validNoEnd": { name: "Duty-free import", nameJa: null },
    "freshness.recent": { days: 3 },
    completeness: { percent: 80 },
  };
  const sampleReasons = Object.entries(SAMPLES).map(([code, params]) => ({ code, params }) as TReason);

  const context = (locale: "en" | "ja"): TReasonRenderContext => ({
    locale,
    sectorName: (id) => (locale === "ja" ? SECTORS.get(id)?.nameJa : SECTORS.get(id)?.nameEn) ?? id,
    enumLabel: (kind, value) => `${kind}:${value}`,
  });

  it("has a sample for every code, and renders each to defined values", () => {
    expect(sampleReasons.map((reason) => reason.code).sort()).toEqual([...REASON_CODES].sort());
    for (const locale of ["en", "ja"] as const) {
      for (const reason of sampleReasons) {
        for (const value of Object.values(reasonMessageValues(reason, context(locale)))) {
          expect(["string", "number"]).toContain(typeof value);
        }
      }
    }
  });

  it("formats names, money, dates and lists for the reader", () => {
    const render = (code: TReasonCode, locale: "en" | "ja") =>
      reasonMessageValues(sampleReasons.find((reason) => reason.code === code)!, context(locale));
    expect(render("sector.parent", "en")).toEqual({ listingSector: "Dairy", investorSector: "Food processing" });
    expect(render("sector.parent", "ja")).toEqual({ listingSector: "Dairy（ja）", investorSector: "Food processing（ja）" });
    expect(render("ticket.inside", "en")).toMatchObject({ amount: expect.stringContaining("12"), rangeKind: "between" });
    expect(render("ticket.above", "en")).toMatchObject({ rangeKind: "atMost", min: "" });
    expect(render("ticket.below", "en")).toMatchObject({ rangeKind: "atLeast", max: "" });
    expect(render("instrument.match", "en")).toEqual({ instruments: "instrument:EQUITY and instrument:DEBT", count: 2 });
    expect(render("incentive.valid", "en")).toEqual({ name: "10-year tax holiday", validTo: "Jun 30, 2030" });
    expect(render("incentive.valid", "ja")).toEqual({ name: "10年間の法人税免除", validTo: "2030/06/30" });
    expect(render("incentive.validNoEnd", "ja")).toEqual({ name: "Duty-free import" });
    expect(render("location.province", "en")).toEqual({ province: "province:PUNJAB" });
  });
});
