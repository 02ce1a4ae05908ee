// Reasons derived on read (lib/matching/explain.ts): scoreMatch's reasons for a
// stored pair, with the weights version recorded on the match, for a listing
// closed since, and in a constant number of queries whatever the page size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getSectorTaxonomy } from "@/lib/listings/sector-taxonomy";
import { loadInvestors, loadListings } from "@/lib/matching/engine";
import { explainMatches, matchReasonKey, type TExplainPair } from "@/lib/matching/explain";
import { scoreMatch } from "@/lib/matching/score";
import { INITIAL_MATCHING_WEIGHTS, type TMatchingWeights } from "@/lib/matching/types";
import { createAgency, createInvestorWithProfile, createListingInState, createSector } from "../support/factories";

/** Location and freshness first: reorders the reasons of the pairs below. */
const PLACE_FIRST: TMatchingWeights = { sector: 10, ticket: 5, location: 40, instrument: 5, stage: 5, incentive: 5, freshness: 25, completeness: 5 };

let agencyId: string;
let food: string;
let dairy: string;
let mining: string;
let versionDefault: number;
let versionPlaceFirst: number;
const createdVersions: number[] = [];
const now = new Date();

async function createVersion(weights: TMatchingWeights): Promise<number> {
  const row = await db().matchingWeights.create({ data: { weights }, select: { version: true } });
  createdVersions.push(row.version);
  return row.version;
}

async function createInvestor(label: string, sectorIds: string[]): Promise<string> {
  const investor = await createInvestorWithProfile(label);
  await db().investorProfile.update({ where: { id: investor.profileId }, data: { sectorIds, anywhereInPakistan: true } });
  return investor.profileId;
}

async function createListing(sectorId: string, status: "PUBLISHED" | "CLOSED" = "PUBLISHED"): Promise<string> {
  return (await createListingInState(agencyId, status, { sectorId, label: "Explained zone" })).id;
}

/** What scoreMatch says about the pair, loaded independently of explain.ts's batching. */
async function scoreDirectly(pair: { investorProfileId: string; listingId: string }, weights: TMatchingWeights) {
  const [investor] = await loadInvestors([pair.investorProfileId]);
  const [listing] = await loadListings([pair.listingId]);
  const sectors = (await getSectorTaxonomy({ fresh: true })).byId;
  return scoreMatch({ investor: investor!, listing: { ...listing!, status: "PUBLISHED" }, sectors, weights, now });
}

/** Runs `work` with db() counting the Prisma operations it issues. */
async function countQueries(work: () => Promise<unknown>): Promise<number> {
  const holder = globalThis as unknown as { kizunaPrisma?: ReturnType<typeof db> };
  const base = db();
  let count = 0;
  const counting = base.$extends({
    query: {
      $allModels: {
        async $allOperations({ args, query }) {
          count += 1;
          return query(args);
        },
      },
    },
  });
  holder.kizunaPrisma = counting as unknown as ReturnType<typeof db>;
  try {
    await work();
  } finally {
    holder.kizunaPrisma = base;
  }
  return count;
}

beforeAll(async () => {
  agencyId = (await createAgency("Explain agency")).id;
  food = (await createSector("Food processing")).id;
  dairy = (await createSector("Dairy", food)).id;
  mining = (await createSector("Mining")).id;
  versionDefault = await createVersion({ ...INITIAL_MATCHING_WEIGHTS });
  versionPlaceFirst = await createVersion(PLACE_FIRST);
});

afterAll(async () => {
  await db().matchingWeights.deleteMany({ where: { version: { in: createdVersions } } });
});

describe("explainMatches", () => {
  it("gives scoreMatch's reasons for a stored pair, keyed by investor and listing", async () => {
    const investorProfileId = await createInvestor("explain-real", [food]);
    const listingId = await createListing(dairy);
    const pair = { investorProfileId, listingId, weightsVersion: versionDefault };
    const explained = await explainMatches([pair], now);
    const expected = await scoreDirectly(pair, INITIAL_MATCHING_WEIGHTS);
    expect(expected).not.toBeNull();
    expect(matchReasonKey(pair)).toBe(`${investorProfileId}:${listingId}`);
    expect(explained.get(matchReasonKey(pair))).toEqual(expected!.reasons);
    expect(explained.get(matchReasonKey(pair))![0]).toEqual({ code: "sector.parent", params: { listingSector: dairy, investorSector: food } });
  });

  it("uses the weights version recorded on the match", async () => {
    const investorProfileId = await createInvestor("explain-versions", [food]);
    const listingId = await createListing(dairy);
    const byDefault = { investorProfileId, listingId, weightsVersion: versionDefault };
    const placeFirst = { investorProfileId, listingId, weightsVersion: versionPlaceFirst };
    const [first, second] = [await explainMatches([byDefault], now), await explainMatches([placeFirst], now)];
    const defaultCodes = first.get(matchReasonKey(byDefault))!.map((reason) => reason.code);
    const placeFirstCodes = second.get(matchReasonKey(placeFirst))!.map((reason) => reason.code);
    // Sector 30 × 0.7 = 21 points leads with version 1's weights; location 40 × 1 with the other.
    expect(defaultCodes[0]).toBe("sector.parent");
    expect(placeFirstCodes.slice(0, 2)).toEqual(["location.anywhere", "freshness.recent"]);
    expect(second.get(matchReasonKey(placeFirst))).toEqual((await scoreDirectly(placeFirst, PLACE_FIRST))!.reasons);
  });

  it("explains a listing closed since the match, and gives no reasons once no sector is shared", async () => {
    const investorProfileId = await createInvestor("explain-closed", [food]);
    const closed = { investorProfileId, listingId: await createListing(food, "CLOSED"), weightsVersion: versionDefault };
    const unrelated = { investorProfileId, listingId: await createListing(mining), weightsVersion: versionDefault };
    const explained = await explainMatches([closed, unrelated], now);
    expect(explained.get(matchReasonKey(closed))![0]).toEqual({ code: "sector.exact", params: { listingSector: food, investorSector: food } });
    expect(explained.get(matchReasonKey(closed))).toEqual((await scoreDirectly(closed, INITIAL_MATCHING_WEIGHTS))!.reasons);
    expect(explained.get(matchReasonKey(unrelated))).toEqual([]);
  });

  it("falls back to the latest weights for a version that no longer exists", async () => {
    const investorProfileId = await createInvestor("explain-gone", [food]);
    const listingId = await createListing(dairy);
    const gone = await createVersion({ ...INITIAL_MATCHING_WEIGHTS });
    const latest = await createVersion(PLACE_FIRST);
    await db().matchingWeights.delete({ where: { version: gone } });
    const pair = { investorProfileId, listingId, weightsVersion: gone };
    const explained = await explainMatches([pair], now);
    expect(latest).toBeGreaterThan(gone);
    expect(explained.get(matchReasonKey(pair))).toEqual((await scoreDirectly(pair, PLACE_FIRST))!.reasons);
    expect(explained.get(matchReasonKey(pair))![0]!.code).toBe("location.anywhere");
  });

  it("runs the same number of queries for 1 pair as for 30, and explains every pair", async () => {
    const investors = await Promise.all(["a", "b", "c"].map((label) => createInvestor(`explain-page-${label}`, [food])));
    const listings: string[] = [];
    for (let index = 0; index < 10; index += 1) listings.push(await createListing(index % 2 === 0 ? food : dairy));
    const pairs: TExplainPair[] = investors.flatMap((investorProfileId, row) =>
      listings.map((listingId, column) => ({ investorProfileId, listingId, weightsVersion: (row + column) % 2 === 0 ? versionDefault : versionPlaceFirst })),
    );
    expect(pairs).toHaveLength(30);
    // Warm the sector tree's cache so both runs start from the same state.
    await explainMatches(pairs, now);
    let page = new Map<string, unknown[]>();
    const one = await countQueries(() => explainMatches(pairs.slice(0, 1), now));
    const thirty = await countQueries(async () => {
      page = await explainMatches(pairs, now);
    });
    expect(one).toBeGreaterThan(0);
    expect(thirty).toBe(one);
    expect(thirty).toBeLessThanOrEqual(4);
    expect(page.size).toBe(30);
    for (const pair of pairs) expect(page.get(matchReasonKey(pair))!.length).toBeGreaterThan(0);
  });
});
