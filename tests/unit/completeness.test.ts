import { describe, expect, it } from "vitest";
import { COMPLETENESS_HINTS, scoreCompleteness, SUMMARY_GOOD_LENGTH, type TCompletenessInput } from "@/lib/listings/completeness";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import { LISTING_KINDS, type TListingKind } from "@/lib/listings/schemas";

const LONG_SUMMARY = "x".repeat(SUMMARY_GOOD_LENGTH);

/** Each step adds one fact an investor looks for. */
const COMMON_STEPS: ((l: TCompletenessInput) => TCompletenessInput)[] = [
  (l) => ({ ...l, summary: LONG_SUMMARY }),
  (l) => ({ ...l, titleJa: "経済特区" }),
  (l) => ({ ...l, summaryJa: "概要" }),
  (l) => ({ ...l, description: "Full description" }),
  (l) => ({ ...l, sectorIds: ["a"] }),
  (l) => ({ ...l, district: "Faisalabad" }),
  (l) => ({ ...l, hasAmount: true }),
  (l) => ({ ...l, instruments: ["EQUITY"] }),
  (l) => ({ ...l, stage: "READY" }),
  (l) => ({ ...l, incentives: [{ validFrom: "2020-07-01", validTo: null }] }),
  (l) => ({ ...l, contactName: "Desk officer" }),
  (l) => ({ ...l, contactEmail: "desk@agency.example" }),
  (l) => ({ ...l, tags: ["jbic"] }),
];

const FACTS: Record<TListingKind, Record<string, unknown>> = {
  SEZ: { areaAcres: "3217", developer: "FIEDMC", plotsAvailable: 40, powerMw: 50, gas: "available", waterMgd: 2, motorwayKm: 1, portKm: 1100, airportKm: 30, plotSizes: "1-10 acres", pricePerAcrePkr: "9000000" },
  INDUSTRIAL_ESTATE: { areaAcres: "1700", developer: "PIEDMC", plotsAvailable: 3, powerMw: 10, motorwayKm: 5, pricePerAcrePkr: "1" },
  PLOT: { areaAcres: "5", pricePerAcrePkr: "1000000", tenure: "lease", developer: "PIEDMC" },
  NATIONAL_PROJECT: { sponsor: "BMRL", totalCost: { amount: "5500000000", currency: "USD" }, financingSought: { amount: "1", currency: "USD" }, timelineStart: "2025-01-01", milestones: "2028 first production" },
  PROVINCIAL_PROJECT: { sponsor: "PBIT", totalCost: { amount: "1", currency: "PKR" }, financingSought: { amount: "1", currency: "PKR" }, timelineEnd: "2030-01-01", milestones: "x" },
};

function factSteps(kind: TListingKind) {
  return Object.entries(FACTS[kind]).map(([key, value]) => (l: TCompletenessInput) => ({ ...l, facts: { ...l.facts, [key]: value } }));
}

/** A deterministic shuffle, so every run checks the same orders. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe("scoreCompleteness", () => {
  it.each(LISTING_KINDS)("scores an empty %s 0 with every hint, and a complete one 100 with none", (kind) => {
    const empty = scoreCompleteness({ kind });
    expect(empty.score).toBe(0);
    expect(empty.missing.length).toBeGreaterThan(10);
    const complete = [...COMMON_STEPS, ...factSteps(kind)].reduce((listing, step) => step(listing), { kind } as TCompletenessInput);
    expect(scoreCompleteness(complete)).toEqual({ score: 100, missing: [] });
  });

  it.each(LISTING_KINDS.flatMap((kind) => [1, 2, 3, 4, 5].map((seed) => [kind, seed] as const)))(
    "never lowers the score when a fact is added (%s, order %i)",
    (kind, seed) => {
      let listing: TCompletenessInput = { kind };
      let previous = scoreCompleteness(listing);
      for (const step of shuffled([...COMMON_STEPS, ...factSteps(kind)], seed)) {
        listing = step(listing);
        const next = scoreCompleteness(listing);
        expect(next.score).toBeGreaterThanOrEqual(previous.score);
        expect(next.score).toBeLessThanOrEqual(100);
        // A hint, once resolved, does not come back.
        expect(next.missing.every((hint) => previous.missing.includes(hint))).toBe(true);
        previous = next;
      }
    },
  );

  it.each([
    ["a short summary earns nothing", { summary: "x".repeat(SUMMARY_GOOD_LENGTH - 1) }, "listingEditor.hints.summaryLength"],
    ["incentives without dates earn nothing", { incentives: [{ validFrom: null, validTo: null }] }, "listingEditor.hints.incentives"],
    ["a contact name alone earns nothing", { contactName: "Desk" }, "listingEditor.hints.contact"],
    ["blank text earns nothing", { titleJa: "   " }, "listingEditor.hints.titleJa"],
  ] as const)("%s", (_label, partial, hint) => {
    const result = scoreCompleteness({ kind: "SEZ", ...partial });
    expect(result.score).toBe(0);
    expect(result.missing).toContain(hint);
  });

  it("counts a money fact only when it has an amount", () => {
    expect(scoreCompleteness({ kind: "NATIONAL_PROJECT", facts: { totalCost: { amount: "", currency: "" } } }).missing).toContain("listingEditor.hints.totalCost");
    expect(scoreCompleteness({ kind: "NATIONAL_PROJECT", facts: { totalCost: { amount: "1", currency: "USD" } } }).score).toBe(3);
  });

  it.each(COMPLETENESS_HINTS)("hint %s is translated in English and Japanese", (key) => {
    const lookup = (catalog: unknown) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
    expect(typeof lookup(en)).toBe("string");
    expect(typeof lookup(ja)).toBe("string");
  });
});
