// The two mirrors of scoreMatch against scoreMatch itself, over generated
// investors and listings in a real Postgres: the listing rematch's SQL score
// (lib/matching/sql-score.ts) and the recompute's compiled scorer
// (lib/matching/recompute.ts, candidates found in SQL, scored in code). Every
// pair either ranks must carry exactly scoreMatch's score, and every pair
// scoreMatch accepts (inside the ticket window) must be found; the recompute's
// best-N cut must equal sorting scoreMatch's results with compareMatches. Edge cases are drawn on
// purpose: no range, one bound, amounts unknown or zero, district spelling,
// nationwide listings, merged sectors, empty instrument and stage lists,
// incentives expired, open-ended or lapsing, odd weights.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isWithinTicketWindow } from "@/lib/matching/candidates";
import { loadInvestors, loadMatchingContext, loadPublishedListings, rankListingCandidates, type TMatchingContext } from "@/lib/matching/engine";
import { compileListings, openRecomputeSession, rankInvestorBatch } from "@/lib/matching/recompute";
import { compareMatches, scoreMatch } from "@/lib/matching/score";
import type { TMatchInvestor, TMatchListing } from "@/lib/matching/types";
import { createAgency, createInvestorWithProfile, createListingInState, createSector } from "../support/factories";

const PAIRS_SIDE = 36;
const PROVINCES = ["PUNJAB", "SINDH", "KHYBER_PAKHTUNKHWA", "BALOCHISTAN", "ISLAMABAD"] as const;
const INSTRUMENTS = ["EQUITY", "DEBT", "JOINT_VENTURE", "PPP", "PLOT_PURCHASE", "PLOT_LEASE"] as const;
const STAGES = ["CONCEPT", "FEASIBILITY", "READY", "UNDER_CONSTRUCTION", "OPERATING"] as const;
const DISTRICTS = ["Lahore", " lahore ", "LAHORE", "Karachi", "Sukkur", ""];
const DAY = 86_400_000;

/** mulberry32: a small seeded generator, so a failure can be reproduced. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const some = <T>(values: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(values)))];
  const amount = (): bigint => BigInt(Math.floor(10 ** (6 + 6 * next())));
  return { next, pick, some, amount };
}

const random = generator(20261128);
const investorIds: string[] = [];
const listingIds: string[] = [];

beforeAll(async () => {
  const agencyId = (await createAgency("SQL score agency")).id;
  const food = await createSector("Food");
  const dairy = await createSector("Dairy", food.id);
  const meat = await createSector("Meat", food.id);
  const oldDairy = await createSector("Old dairy", food.id);
  await db().sector.update({ where: { id: oldDairy.id }, data: { mergedIntoId: dairy.id } });
  const mining = await createSector("Mining");
  const copper = await createSector("Copper", mining.id);
  const textiles = await createSector("Textiles");
  const sectors = [food.id, dairy.id, meat.id, oldDairy.id, mining.id, copper.id, textiles.id];

  for (let i = 0; i < PAIRS_SIDE; i++) {
    const investor = await createInvestorWithProfile(`sql-score-${i}`);
    const shape = random.next();
    let min: bigint | null = shape < 0.15 ? null : random.amount();
    let max: bigint | null = shape < 0.25 ? null : random.amount();
    if (shape >= 0.15 && shape < 0.25) min = random.amount();
    if (shape >= 0.25 && shape < 0.35) min = null;
    if (min !== null && max !== null && min > max) [min, max] = [max, min];
    const sectorIds = random.some(sectors, 3);
    await db().investorProfile.update({
      where: { id: investor.profileId },
      data: {
        sectorIds: sectorIds.length > 0 ? sectorIds : [random.pick(sectors)],
        ticketMinUsdCents: min,
        ticketMaxUsdCents: max,
        anywhereInPakistan: random.next() < 0.25,
        provinces: random.some(PROVINCES, 2),
        districts: random.some(DISTRICTS, 2),
        instruments: random.some(INSTRUMENTS, 3),
        stages: random.some(STAGES, 2),
      },
    });
    investorIds.push(investor.profileId);
  }

  const now = Date.now();
  for (let i = 0; i < PAIRS_SIDE; i++) {
    const listing = await createListingInState(agencyId, "PUBLISHED", { sectorId: random.pick(sectors), label: `SQL score ${i}` });
    const amountShape = random.next();
    const amount = amountShape < 0.12 ? null : amountShape < 0.17 ? 0n : random.amount();
    const publishedAt = new Date(now - Math.floor(random.next() * 500 * DAY));
    await db().listing.update({
      where: { id: listing.id },
      data: {
        sectorIds: random.next() < 0.3 ? [...new Set([random.pick(sectors), random.pick(sectors)])] : [random.pick(sectors)],
        province: random.next() < 0.2 ? null : random.pick(PROVINCES),
        district: random.next() < 0.3 ? null : random.pick(DISTRICTS),
        amountMinor: amount,
        amountUsdCents: amount,
        instruments: random.some(INSTRUMENTS, 2),
        stage: random.pick(STAGES),
        completeness: Math.floor(random.next() * 101),
        publishedAt,
        // Milliseconds matter: freshness reads them.
        updatedAt: new Date(publishedAt.getTime() + Math.floor(random.next() * 100 * DAY) + 123),
      },
    });
    const incentives = Math.floor(random.next() * 3);
    for (let k = 0; k < incentives; k++) {
      const shape = random.next();
      await db().incentive.create({
        data: {
          listingId: listing.id,
          name: `Incentive ${k}`,
          nameJa: random.next() < 0.5 ? `インセンティブ${k}` : null,
          validFrom: random.next() < 0.2 ? null : new Date(Math.floor((now - random.next() * 3000 * DAY) / DAY) * DAY),
          validTo: shape < 0.3 ? null : new Date(Math.floor((now + (random.next() * 4000 - 800) * DAY) / DAY) * DAY),
          supersededAt: random.next() < 0.1 ? new Date() : null,
        },
      });
    }
    listingIds.push(listing.id);
  }
});

let client: pg.Client | undefined;
afterAll(async () => {
  await client?.end();
});

async function session(): Promise<pg.Client> {
  if (!client) {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  }
  return client;
}

const ODD_WEIGHTS = { sector: 27.5, ticket: 22.25, location: 13.1, instrument: 9.9, stage: 11.05, incentive: 6.2, freshness: 4.7, completeness: 5.3 };

async function contexts(): Promise<TMatchingContext[]> {
  const base = { ...(await loadMatchingContext()), threshold: 0, maxPerInvestor: 1_000_000 };
  return [base, { ...base, weights: ODD_WEIGHTS }];
}

async function fixtures(): Promise<{ investors: (TMatchInvestor & { id: string })[]; listings: TMatchListing[] }> {
  const published = await loadPublishedListings();
  return { investors: await loadInvestors(investorIds), listings: listingIds.map((id) => published.get(id)!) };
}

/** Pairs scoreMatch accepts that candidate generation must find: a score, inside the ticket window. */
function expectedScores(investors: (TMatchInvestor & { id: string })[], listings: TMatchListing[], context: TMatchingContext): Map<string, number> {
  const expected = new Map<string, number>();
  for (const investor of investors) {
    for (const listing of listings) {
      const result = scoreMatch({ investor, listing, sectors: context.sectors, weights: context.weights, now: context.now });
      if (result && isWithinTicketWindow(investor, listing.amountUsdCents)) expected.set(`${investor.id}:${listing.id}`, result.score);
    }
  }
  return expected;
}

describe("the SQL score", () => {
  it("equals scoreMatch for every pair the recompute ranks, and finds every pair scoreMatch accepts", async () => {
    const { investors, listings } = await fixtures();
    const none = { reviewed: new Map(), excluded: new Map() };
    for (const context of await contexts()) {
      const recompute = await openRecomputeSession({ client: await session(), listings: compileListings(listings, context), context });
      const rows = await rankInvestorBatch({ session: recompute, investors, decisions: none });
      const expected = expectedScores(investors, listings, context);
      const actual = new Map(rows.map((row) => [`${row.investorProfileId}:${row.listingId}`, row.score]));
      expect(expected.size).toBeGreaterThan(PAIRS_SIDE * 4);
      expect(actual).toEqual(expected);
    }
  });

  it("keeps the best N of each investor as compareMatches orders them, ties at the cut included", async () => {
    const { investors, listings } = await fixtures();
    const base = (await contexts())[0]!;
    let tiesAtTheCut = 0;
    for (const [threshold, maxPerInvestor] of [[40, 3], [20, 7], [0, 1]] as const) {
      const context = { ...base, threshold, maxPerInvestor };
      const recompute = await openRecomputeSession({ client: await session(), listings: compileListings(listings, context), context });
      const rows = await rankInvestorBatch({ session: recompute, investors, decisions: { reviewed: new Map(), excluded: new Map() } });
      const expected = investors.flatMap((investor) => {
        const ranked = listings
          .flatMap((listing) => {
            const result = scoreMatch({ investor, listing, sectors: context.sectors, weights: context.weights, now: context.now });
            const ok = result && result.score >= threshold && isWithinTicketWindow(investor, listing.amountUsdCents);
            return ok ? [{ investorProfileId: investor.id, listingId: listing.id, score: result.score }] : [];
          })
          .sort(compareMatches);
        if (ranked.length > maxPerInvestor && ranked[maxPerInvestor - 1]!.score === ranked[maxPerInvestor]!.score) tiesAtTheCut += 1;
        return ranked.slice(0, maxPerInvestor);
      });
      const key = (row: { investorProfileId: string; listingId: string; score: number }) => `${row.investorProfileId}:${row.listingId}:${row.score}`;
      expect(rows.map(key).sort()).toEqual(expected.map(key).sort());
      expect(expected.length).toBeGreaterThan(investors.length / 2);
    }
    // Some investor had more pairs of its Nth score than fit, so the listing id order decided.
    expect(tiesAtTheCut).toBeGreaterThan(0);
  });

  it("equals scoreMatch for every candidate of a listing rematch", async () => {
    const { investors, listings } = await fixtures();
    const ours = new Set(investorIds);
    for (const context of await contexts()) {
      const expected = expectedScores(investors, listings, context);
      const actual = new Map<string, number>();
      for (const listing of listings) {
        const ranked = await rankListingCandidates(listing, context);
        for (const row of ranked.rows) if (row.id && ours.has(row.id)) actual.set(`${row.id}:${listing.id}`, row.score!);
      }
      expect(actual).toEqual(expected);
    }
  });
});
