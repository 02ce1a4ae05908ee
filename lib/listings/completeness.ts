// How complete a listing is, 0–100, by the facts an investor looks for first,
// with a hint (catalog key) for each one missing. Pure: used by the mutations on
// every save and by the editor's live meter. Every check only ever passes when a
// fact is added, so adding a fact never lowers the score.
import type { TListingKind } from "./schemas";

export type TCompletenessInput = {
  kind: TListingKind;
  titleJa?: string | null;
  summary?: string | null;
  summaryJa?: string | null;
  description?: string | null;
  sectorIds?: readonly string[] | null;
  province?: string | null;
  district?: string | null;
  /** True when an investment amount is given. */
  hasAmount?: boolean;
  instruments?: readonly string[] | null;
  stage?: string | null;
  incentives?: readonly { validFrom?: string | Date | null; validTo?: string | Date | null }[] | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  tags?: readonly string[] | null;
  /** Kind-specific facts, with areaAcres, developer and plotsAvailable merged in. */
  facts?: Record<string, unknown> | null;
};

export type TCompleteness = { score: number; missing: string[] };

/** Summaries shorter than this tell an investor too little to act on. */
export const SUMMARY_GOOD_LENGTH = 150;

const HINT = "listingEditor.hints";

const filled = (value: unknown): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.values(value).some(filled);
  return true;
};

type TCheck = { hint: string; weight: number; passed: (input: TCompletenessInput, facts: Record<string, unknown>) => boolean };

const COMMON: TCheck[] = [
  { hint: "summaryLength", weight: 10, passed: (l) => (l.summary?.trim().length ?? 0) >= SUMMARY_GOOD_LENGTH },
  { hint: "titleJa", weight: 5, passed: (l) => filled(l.titleJa) },
  { hint: "summaryJa", weight: 10, passed: (l) => filled(l.summaryJa) },
  { hint: "description", weight: 5, passed: (l) => filled(l.description) },
  { hint: "sectors", weight: 10, passed: (l) => filled(l.sectorIds) },
  { hint: "location", weight: 5, passed: (l) => filled(l.district) },
  { hint: "amount", weight: 10, passed: (l) => Boolean(l.hasAmount) },
  { hint: "instruments", weight: 5, passed: (l) => filled(l.instruments) },
  { hint: "stage", weight: 5, passed: (l) => filled(l.stage) },
  {
    hint: "incentives",
    weight: 10,
    passed: (l) => (l.incentives ?? []).some((incentive) => filled(incentive.validFrom) || filled(incentive.validTo)),
  },
  { hint: "contact", weight: 10, passed: (l) => filled(l.contactName) && (filled(l.contactEmail) || filled(l.contactPhone)) },
];

/** 15 points of kind-specific facts: what an investor prices a deal with. */
const ZONE: TCheck[] = [
  { hint: "areaAcres", weight: 3, passed: (_l, f) => filled(f.areaAcres) },
  { hint: "developer", weight: 2, passed: (_l, f) => filled(f.developer) },
  { hint: "plotsAvailable", weight: 2, passed: (_l, f) => filled(f.plotsAvailable) },
  { hint: "utilities", weight: 3, passed: (_l, f) => filled(f.powerMw) || filled(f.gas) || filled(f.waterMgd) },
  { hint: "distances", weight: 3, passed: (_l, f) => filled(f.motorwayKm) || filled(f.portKm) || filled(f.airportKm) },
  { hint: "pricePerAcre", weight: 2, passed: (_l, f) => filled(f.pricePerAcrePkr) },
];

const PLOT: TCheck[] = [
  { hint: "areaAcres", weight: 5, passed: (_l, f) => filled(f.areaAcres) },
  { hint: "pricePerAcre", weight: 5, passed: (_l, f) => filled(f.pricePerAcrePkr) },
  { hint: "tenure", weight: 3, passed: (_l, f) => filled(f.tenure) },
  { hint: "developer", weight: 2, passed: (_l, f) => filled(f.developer) },
];

const PROJECT: TCheck[] = [
  { hint: "sponsor", weight: 3, passed: (_l, f) => filled(f.sponsor) },
  { hint: "totalCost", weight: 3, passed: (_l, f) => filled(f.totalCost) },
  { hint: "financingSought", weight: 3, passed: (_l, f) => filled(f.financingSought) },
  { hint: "timeline", weight: 3, passed: (_l, f) => filled(f.timelineStart) || filled(f.timelineEnd) },
  { hint: "milestones", weight: 3, passed: (_l, f) => filled(f.milestones) },
];

const KIND_CHECKS: Record<TListingKind, TCheck[]> = {
  SEZ: ZONE,
  INDUSTRIAL_ESTATE: ZONE,
  PLOT,
  NATIONAL_PROJECT: PROJECT,
  PROVINCIAL_PROJECT: PROJECT,
};

export function scoreCompleteness(listing: TCompletenessInput): TCompleteness {
  const facts = listing.facts ?? {};
  let score = 0;
  const missing: string[] = [];
  for (const check of [...COMMON, ...KIND_CHECKS[listing.kind]]) {
    if (check.passed(listing, facts)) score += check.weight;
    else missing.push(`${HINT}.${check.hint}`);
  }
  return { score, missing };
}

/** Every hint key the scorer can return (for the catalog test). */
export const COMPLETENESS_HINTS = [...new Set([...COMMON, ...ZONE, ...PLOT, ...PROJECT].map((check) => `${HINT}.${check.hint}`))];
