// Search over published listings, against real PostgreSQL. The database is
// shared with other test files, so every listing here lives in a district
// named after a unique token and every search filters on that district.
import { randomInt } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SEARCH_TUNING, searchListings, type TSearchResult } from "@/lib/listings/search";
import { parseSearchQuery, type TSearchParams } from "@/lib/listings/search-schema";
import { convertWithRates, getLatestRates } from "@/lib/money/rates";
import { createAgency, createSearchListing } from "../support/factories";

/** A word the English stemmer leaves alone and no other test uses: consonants only. */
function uniqueWord(): string {
  const letters = "bcdfghjklmnpqrtvwxz";
  return "zq" + Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join("");
}

const token = uniqueWord();
const rankWord = uniqueWord();
const district = `Testville ${token}`;
const viewer = { locale: "en" as const };

function params(query: Record<string, string | string[]>): TSearchParams {
  const parsed = parseSearchQuery({ district, ...query });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.params;
}

async function search(query: Record<string, string | string[]>): Promise<TSearchResult> {
  return searchListings(params(query), viewer);
}

const ids = (result: TSearchResult) => result.items.map((item) => item.id);

let fx: {
  foodSlug: string;
  dairySlug: string;
  bakerySlug: string;
  titleHit: string;
  bodyHit: string;
  dairyIds: string[];
  draftId: string;
  published: string[];
};

beforeAll(async () => {
  const agency = await createAgency("Search agency");
  const food = await db().sector.create({ data: { slug: `food-${token}`, nameEn: `Foodstuffs ${token}`, nameJa: "食品加工" }, select: { id: true, slug: true } });
  const dairy = await db().sector.create({ data: { slug: `dairy-${token}`, nameEn: "Dairy", nameJa: "酪農", parentId: food.id }, select: { id: true, slug: true } });
  const bakery = await db().sector.create({ data: { slug: `bakery-${token}`, nameEn: "Baking", nameJa: "製パン", parentId: food.id }, select: { id: true, slug: true } });
  const base = { agencyId: agency.id, district };
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n));

  const titleHit = await createSearchListing({
    ...base,
    title: `Creamery ${rankWord} park`,
    sectorIds: [dairy.id],
    kind: "SEZ",
    province: "PUNJAB",
    stage: "READY",
    instruments: ["EQUITY"],
    amountUsdCents: 500_000_000n,
    publishedAt: day(1),
  });
  // The same word only in the description, many times: still below the title hit.
  const bodyHit = await createSearchListing({
    ...base,
    title: "Logistics hub",
    description: `${rankWord} `.repeat(12),
    sectorIds: [bakery.id],
    kind: "PLOT",
    province: "SINDH",
    stage: "CONCEPT",
    instruments: ["DEBT", "PPP"],
    amountUsdCents: 5_000_000_000n,
    publishedAt: day(2),
  });
  const dairyPlant = await createSearchListing({
    ...base,
    title: "Milk powder plant",
    summary: "A processing plant for milk powder.",
    sectorIds: [dairy.id, bakery.id],
    kind: "INDUSTRIAL_ESTATE",
    province: "PUNJAB",
    stage: "OPERATING",
    instruments: ["JOINT_VENTURE", "EQUITY"],
    amountUsdCents: null,
    publishedAt: day(3),
  });
  const others = [];
  for (let i = 0; i < 17; i++) {
    others.push(
      await createSearchListing({
        ...base,
        title: `Estate number ${i}`,
        summary: `General estate ${i} <script>alert(1)</script> with roads and power.`,
        sectorIds: i % 3 === 0 ? [bakery.id] : [],
        kind: i % 2 === 0 ? "SEZ" : "NATIONAL_PROJECT",
        province: i % 4 === 0 ? null : "KHYBER_PAKHTUNKHWA",
        stage: i % 2 === 0 ? "FEASIBILITY" : "READY",
        instruments: i % 2 === 0 ? ["PLOT_LEASE"] : ["EQUITY", "PLOT_PURCHASE"],
        amountUsdCents: i % 5 === 0 ? null : BigInt(10 ** (6 + (i % 6))) * 100n,
        // Several listings share a date: the id breaks the tie in the keyset.
        publishedAt: day(10 + Math.floor(i / 3)),
      }),
    );
  }
  // Written without list fields, as Prisma does when they are left out: the columns hold NULL.
  const bare = await db().listing.create({
    data: { slug: `test-bare-${token}`, kind: "PLOT", status: "PUBLISHED", publishedAt: day(30), agencyId: agency.id, title: "Bare plot", summary: "No sectors, no instruments.", district, stage: "CONCEPT" },
    select: { id: true },
  });
  others.push(bare);
  // A title a spreadsheet would run as a formula.
  others.push(await createSearchListing({ ...base, title: "=HYPERLINK(\"http://evil.example\",\"Click\")", sectorIds: [], kind: "PLOT", publishedAt: day(31) }));
  const draft = await createSearchListing({ ...base, title: `Draft ${rankWord} dairy`, status: "DRAFT", sectorIds: [dairy.id] });
  fx = {
    foodSlug: food.slug,
    dairySlug: dairy.slug,
    bakerySlug: bakery.slug,
    titleHit: titleHit.id,
    bodyHit: bodyHit.id,
    dairyIds: [titleHit.id, dairyPlant.id],
    draftId: draft.id,
    published: [titleHit.id, bodyHit.id, dairyPlant.id, ...others.map((listing) => listing.id)],
  };
  // Table statistics as autovacuum would have them: the counting sample is sized from them.
  await db().$executeRaw`ANALYZE listings`;
});

const tuning = { ...SEARCH_TUNING };
afterEach(() => {
  Object.assign(SEARCH_TUNING, tuning);
});

describe("searchListings", () => {
  it("finds only published listings", async () => {
    const result = await search({ limit: "100" });
    expect(new Set(ids(result))).toEqual(new Set(fx.published));
    expect(result.total).toBe(fx.published.length);
    expect(result.totalRelation).toBe("eq");
    expect(ids(await search({ q: rankWord }))).not.toContain(fx.draftId);
  });

  it("ranks a title hit above a body hit", async () => {
    const result = await search({ q: rankWord });
    expect(ids(result)).toEqual([fx.titleHit, fx.bodyHit]);
    expect(result.items[0]!.score).toBeGreaterThan(result.items[1]!.score!);
  });

  it("gives facet counts equal to the totals of filtering by each value", async () => {
    const result = await search({});
    const checks: [string, string, number][] = [
      ...result.facets.province.map((f) => ["province", f.value, f.count] as [string, string, number]),
      ...result.facets.kind.map((f) => ["kind", f.value, f.count] as [string, string, number]),
      ...result.facets.stage.map((f) => ["stage", f.value, f.count] as [string, string, number]),
      ...result.facets.instrument.map((f) => ["instrument", f.value, f.count] as [string, string, number]),
      ...result.facets.size.map((f) => ["size", f.value, f.count] as [string, string, number]),
    ];
    const food = result.facets.sector.find((f) => f.slug === fx.foodSlug);
    expect(food, "the parent sector is listed with its children").toBeDefined();
    checks.push(["sector", food!.slug, food!.count], ...food!.children.map((c) => ["sector", c.slug, c.count] as [string, string, number]));
    // A listing in two children of one parent counts once for the parent.
    expect(food!.count).toBe(1 + 1 + 1 + 6);
    expect(checks.filter(([, , count]) => count > 0).length).toBeGreaterThan(15);
    for (const [key, value, count] of checks) {
      const filtered = await search({ [key]: value, limit: "100" });
      expect(filtered.total, `${key}=${value}`).toBe(count);
      expect(filtered.items.length, `${key}=${value}`).toBe(count);
    }
  });

  it("narrows facet counts as filters are added, and combines values of one filter with OR", async () => {
    const both = await search({ province: ["PUNJAB", "SINDH"], limit: "100" });
    const punjab = await search({ province: "PUNJAB", limit: "100" });
    const sindh = await search({ province: "SINDH", limit: "100" });
    expect(new Set(ids(both))).toEqual(new Set([...ids(punjab), ...ids(sindh)]));
    expect(both.total).toBe(punjab.total + sindh.total);
    const punjabSez = await search({ province: "PUNJAB", kind: "SEZ" });
    expect(ids(punjabSez)).toEqual([fx.titleHit]);
    expect(punjabSez.facets.kind.find((f) => f.value === "SEZ")!.count).toBe(1);
  });

  it("finds the same listings by the Japanese and the English sector name", async () => {
    const english = await search({ q: "dairy" });
    const japanese = await search({ q: "酪農" });
    expect(new Set(ids(english))).toEqual(new Set(fx.dairyIds));
    expect(new Set(ids(japanese))).toEqual(new Set(fx.dairyIds));
  });

  it("tolerates a typo", async () => {
    const result = await search({ q: "dariy" });
    expect(result.correctedQuery).toBe("dairy");
    expect(new Set(ids(result))).toEqual(new Set(fx.dairyIds));
  });

  it("filters by a parent sector through its children", async () => {
    const parent = await search({ sector: fx.foodSlug, limit: "100" });
    const dairy = await search({ sector: fx.dairySlug, limit: "100" });
    const bakery = await search({ sector: fx.bakerySlug, limit: "100" });
    expect(new Set(ids(dairy))).toEqual(new Set(fx.dairyIds));
    expect(new Set(ids(parent))).toEqual(new Set([...ids(dairy), ...ids(bakery)]));
    expect(parent.total).toBe(9);
  });

  describe.each(["newest", "size", "relevance"] as const)("keyset pagination (%s)", (sort) => {
    async function pageThrough(query: Record<string, string>): Promise<string[]> {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 50; page++) {
        const result = await searchListings({ ...params({ ...query, sort, limit: "4" }), cursor }, viewer);
        seen.push(...ids(result));
        if (!result.nextCursor) return seen;
        cursor = result.nextCursor;
      }
      throw new Error("pagination did not end");
    }

    it("returns every row exactly once, in order", async () => {
      const query: Record<string, string> = sort === "relevance" ? { q: "estate or plant or park or hub" } : {};
      const seen = await pageThrough(query);
      expect(seen.length).toBe(new Set(seen).size);
      const all = await search({ ...query, sort, limit: "100" });
      expect(all.items.length).toBeGreaterThan(12);
      expect(seen).toEqual(ids(all));
    });

    it("still does when only a few candidates are ranked and counts are estimated", async () => {
      Object.assign(SEARCH_TUNING, { relevanceCandidates: 3, exactCountCap: 2, sampleRows: 1 });
      const query: Record<string, string> = sort === "relevance" ? { q: "estate" } : {};
      expect((await search({ ...query, sort, limit: "4" })).totalRelation).not.toBe("eq");
      const seen = await pageThrough(query);
      expect(seen.length).toBe(new Set(seen).size);
      Object.assign(SEARCH_TUNING, tuning);
      const all = await search({ ...query, sort, limit: "100" });
      expect(new Set(seen)).toEqual(new Set(ids(all)));
    });
  });

  it("reports estimated counts as such", async () => {
    Object.assign(SEARCH_TUNING, { exactCountCap: 2, sampleRows: 1 });
    const result = await search({});
    expect(result.totalRelation).not.toBe("eq");
    expect(result.approximate).toBe(true);
  });

  it("refuses unknown filter values, parameters and cursors", async () => {
    const bad = parseSearchQuery({ province: "MARS", kind: "CASTLE", size: "huge", sort: "random", limit: "1000", colour: "red" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors).sort()).toEqual(["colour", "kind", "limit", "province", "size", "sort"]);
    await expect(search({ sector: "no-such-sector" })).rejects.toMatchObject({ code: "VALIDATION", details: { fieldErrors: { sector: ["errors.search.unknownSector"] } } });
    await expect(searchListings({ ...params({}), cursor: "bm90LWEtY3Vyc29y" }, viewer)).rejects.toBeInstanceOf(AppError);
    const newest = await search({ sort: "newest", limit: "2" });
    // A cursor belongs to its sort order.
    await expect(searchListings({ ...params({ sort: "size" }), cursor: newest.nextCursor! }, viewer)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("exports every result as CSV, formulas neutralised", async () => {
    const { GET } = await import("@/app/(public)/opportunities/export/route");
    const response = await GET(new Request(`http://localhost:3000/opportunities/export?district=${encodeURIComponent(district)}&currency=JPY`), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const { parse } = await import("csv-parse/sync");
    const rows = parse((await response.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(fx.published));
    // In JPY at the latest rate when the table has one (other files seed it), else in USD.
    const jpy = convertWithRates(500_000_000n, "USD", "JPY", await getLatestRates());
    expect(rows.find((row) => row.id === fx.titleHit)).toMatchObject(
      jpy === null ? { investment: "5000000", currency: "USD", investment_usd: "5000000" } : { investment: jpy.toString(), currency: "JPY", investment_usd: "5000000" },
    );
    expect(rows.some((row) => row.title!.startsWith("'=HYPERLINK"))).toBe(true);
    const bad = await GET(new Request("http://localhost:3000/opportunities/export?sector=no-such-sector"), { params: Promise.resolve({}) });
    expect(bad.status).toBe(422);
  });

  it("keeps HTML in text as text", async () => {
    const result = await search({ q: "general estate", limit: "1" });
    expect(result.items[0]!.summary).toContain("<script>alert(1)</script>");
  });
});

// The newest matches are looked for month by month (recency lexemes, see the
// search_recency_buckets migration): the two newest months, then as many older
// months as their rate says are needed, then everything older. Whichever stage
// finds them, they must be the newest matches, and all of them when few.
describe("searching recent months first", () => {
  const word = uniqueWord();
  const months = `Monthsville ${token}`;
  const monthsAgo = (n: number) => new Date(Date.now() - n * 30.5 * 86_400_000 - 3_600_000);
  // One match in the newest months, none for the next year, then five older ones:
  // the rate of the newest months points at a window that holds none of them.
  const ages = [0, 12, 13, 14, 15, 16];
  let byAge: string[] = [];

  beforeAll(async () => {
    const agency = await createAgency("Months agency");
    byAge = [];
    for (const age of ages) {
      const listing = await createSearchListing({ agencyId: agency.id, district: months, title: `${word} estate ${age}`, publishedAt: monthsAgo(age) });
      byAge.push(listing.id);
    }
    await db().$executeRaw`ANALYZE listings`;
  });

  const searchMonths = (query: Record<string, string>) => {
    const parsed = parseSearchQuery({ district: months, q: word, ...query });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    return searchListings(parsed.params, viewer);
  };

  it("counts every match exactly when they are few, across all months", async () => {
    Object.assign(SEARCH_TUNING, { sampleRows: 1, sparsePerMonth: 1_000_000 });
    const result = await searchMonths({ sort: "newest", limit: "10" });
    expect(result.totalRelation).toBe("eq");
    expect(result.total).toBe(ages.length);
    expect(ids(result)).toEqual(byAge);
  });

  it("takes the newest matches when there are more than it counts", async () => {
    Object.assign(SEARCH_TUNING, { sampleRows: 1, exactCountCap: 3, relevanceCandidates: 3, sparsePerMonth: 1_000_000 });
    const first = await searchMonths({ sort: "newest", limit: "3" });
    expect(first.totalRelation).not.toBe("eq");
    expect(ids(first)).toEqual(byAge.slice(0, 3));
    const ranked = await searchMonths({ limit: "3" });
    expect(new Set(ids(ranked))).toEqual(new Set(byAge.slice(0, 3)));
    // Paging on from there still returns every match once, newest first after the candidates.
    const seen = [...ids(ranked)];
    let cursor = ranked.nextCursor;
    while (cursor) {
      const next = await searchMonths({ limit: "2", cursor });
      seen.push(...ids(next));
      cursor = next.nextCursor;
    }
    expect(seen).toEqual([...ids(ranked), ...byAge.slice(3)]);
  });
});
