// The incremental matching engine against a real Postgres: SQL candidates,
// storage rules (threshold, top N, review decisions kept), concurrency, and the
// pg-boss jobs. Every test builds its own sectors so other files' data never match.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadMatchingContext, recomputeAll, rematchInvestor, rematchListing, type TMatchingContext } from "@/lib/matching/engine";
import { enqueueInvestorRematch, startMatchingWorker, stopMatchingWorker } from "@/lib/matching/jobs";
import { createAgency, createInvestorWithProfile, createListingInState, createSector } from "../support/factories";

type TTree = { food: string; dairy: string; meat: string; mining: string };

async function createTree(): Promise<TTree> {
  const food = await createSector("Food processing");
  const dairy = await createSector("Dairy", food.id);
  const meat = await createSector("Meat", food.id);
  const mining = await createSector("Mining");
  return { food: food.id, dairy: dairy.id, meat: meat.id, mining: mining.id };
}

async function createInvestor(label: string, sectorIds: string[]) {
  const investor = await createInvestorWithProfile(label);
  await db().investorProfile.update({ where: { id: investor.profileId }, data: { sectorIds, anywhereInPakistan: true } });
  return investor.profileId;
}

async function publishListing(agencyId: string, sectorId: string, completeness = 0) {
  const listing = await createListingInState(agencyId, "PUBLISHED", { sectorId, label: "Matching zone" });
  if (completeness !== 0) await db().listing.update({ where: { id: listing.id }, data: { completeness } });
  return listing.id;
}

async function matchesOf(where: { listingId?: string; investorProfileId?: string }) {
  return db().match.findMany({ where, select: { investorProfileId: true, listingId: true, score: true, status: true }, orderBy: { score: "desc" } });
}

/** The database's context with the storage rules a test wants (weights stay the latest version's). */
async function contextWith(overrides: Partial<Pick<TMatchingContext, "threshold" | "maxPerInvestor">> = {}): Promise<TMatchingContext> {
  return { ...(await loadMatchingContext()), threshold: 40, maxPerInvestor: 100, ...overrides };
}

let agencyId: string;

beforeAll(async () => {
  agencyId = (await createAgency("Matching agency")).id;
});

afterAll(async () => {
  await stopMatchingWorker();
});

describe("rematchListing", () => {
  it("reaches investors in the listing's sector and its parent, not those in an unrelated sector", async () => {
    const tree = await createTree();
    const dairyInvestor = await createInvestor("dairy", [tree.dairy]);
    const foodInvestor = await createInvestor("food", [tree.food]);
    const meatInvestor = await createInvestor("meat", [tree.meat]);
    const miningInvestor = await createInvestor("mining", [tree.mining]);
    const listingId = await publishListing(agencyId, tree.dairy);

    const result = await rematchListing(listingId, { context: await contextWith() });

    // Only the three investors under Food processing are candidates: mining is never scored.
    expect(result.candidates).toBe(3);
    const rows = await matchesOf({ listingId });
    expect(rows.map((row) => row.investorProfileId).sort()).toEqual([dairyInvestor, foodInvestor, meatInvestor].sort());
    expect(rows.every((row) => row.status === "SUGGESTED")).toBe(true);
    expect(rows.find((row) => row.investorProfileId === miningInvestor)).toBeUndefined();
    // Exact sector beats parent (0.7) beats sibling (0.4).
    const score = (id: string) => rows.find((row) => row.investorProfileId === id)!.score;
    expect(score(dairyInvestor)).toBeGreaterThan(score(foodInvestor));
    expect(score(foodInvestor)).toBeGreaterThan(score(meatInvestor));
  });

  it("drops SUGGESTED matches when the listing is unpublished", async () => {
    const tree = await createTree();
    const investor = await createInvestor("dairy", [tree.dairy]);
    const listingId = await publishListing(agencyId, tree.dairy);
    await rematchListing(listingId, { context: await contextWith() });
    expect(await matchesOf({ investorProfileId: investor })).toHaveLength(1);

    await db().listing.update({ where: { id: listingId }, data: { status: "CLOSED", closedAt: new Date() } });
    await rematchListing(listingId, { context: await contextWith() });
    expect(await matchesOf({ investorProfileId: investor })).toHaveLength(0);
  });

  it("leaves exactly one row per pair when ten rematches of one listing run at once", async () => {
    const tree = await createTree();
    const investors = await Promise.all(["a", "b", "c"].map((label) => createInvestor(`dairy-${label}`, [tree.dairy])));
    const listingId = await publishListing(agencyId, tree.dairy);
    const context = await contextWith();

    await Promise.all(Array.from({ length: 10 }, () => rematchListing(listingId, { context })));

    const rows = await matchesOf({ listingId });
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.investorProfileId))).toEqual(new Set(investors));
  });
  it("skips investors whose ticket range is ten times away or more from the amount (GiST window)", async () => {
    const tree = await createTree();
    const small = await createInvestor("small-ticket", [tree.dairy]);
    const near = await createInvestor("near-ticket", [tree.dairy]);
    const open = await createInvestor("no-ticket", [tree.dairy]);
    // USD 1–2 m and USD 20–40 m against a USD 30 m listing: 15× and inside.
    await db().investorProfile.update({ where: { id: small }, data: { ticketMinUsdCents: 100_000_000n, ticketMaxUsdCents: 200_000_000n } });
    await db().investorProfile.update({ where: { id: near }, data: { ticketMinUsdCents: 2_000_000_000n, ticketMaxUsdCents: 4_000_000_000n } });
    const listingId = await publishListing(agencyId, tree.dairy);
    await db().listing.update({ where: { id: listingId }, data: { amountMinor: 3_000_000_000n, amountUsdCents: 3_000_000_000n } });

    const result = await rematchListing(listingId, { context: await contextWith() });

    expect(result.candidates).toBe(2);
    expect((await matchesOf({ listingId })).map((row) => row.investorProfileId).sort()).toEqual([near, open].sort());
  });
});

describe("rematchInvestor", () => {
  it("moves an investor's matches from mining to dairy when the profile changes", async () => {
    const tree = await createTree();
    const profileId = await createInvestor("switcher", [tree.mining]);
    const miningListing = await publishListing(agencyId, tree.mining);
    const dairyListing = await publishListing(agencyId, tree.dairy);

    await rematchInvestor(profileId, { context: await contextWith() });
    expect((await matchesOf({ investorProfileId: profileId })).map((row) => row.listingId)).toEqual([miningListing]);

    await db().investorProfile.update({ where: { id: profileId }, data: { sectorIds: [tree.dairy] } });
    await rematchInvestor(profileId, { context: await contextWith() });
    expect((await matchesOf({ investorProfileId: profileId })).map((row) => row.listingId)).toEqual([dairyListing]);
  });

  it("keeps a review decision (and a dismissal) through a rescore", async () => {
    const tree = await createTree();
    const profileId = await createInvestor("reviewed", [tree.dairy]);
    const approvedListing = await publishListing(agencyId, tree.dairy);
    const dismissedListing = await publishListing(agencyId, tree.dairy);
    await rematchInvestor(profileId, { context: await contextWith() });
    await db().match.update({
      where: { investorProfileId_listingId: { investorProfileId: profileId, listingId: approvedListing } },
      data: { status: "APPROVED", reviewedAt: new Date() },
    });
    await db().match.update({
      where: { investorProfileId_listingId: { investorProfileId: profileId, listingId: dismissedListing } },
      data: { status: "DISMISSED", dismissedAt: new Date(), dismissReason: "Not for us" },
    });
    const before = await matchesOf({ investorProfileId: profileId });

    // A better listing profile (more complete) rescores the approved match; the status stays.
    await db().listing.update({ where: { id: approvedListing }, data: { completeness: 100 } });
    await rematchListing(approvedListing, { context: await contextWith() });
    await rematchListing(dismissedListing, { context: await contextWith() });
    await rematchInvestor(profileId, { context: await contextWith() });
    let rows = await matchesOf({ investorProfileId: profileId });
    const approved = rows.find((row) => row.listingId === approvedListing)!;
    expect(approved.status).toBe("APPROVED");
    expect(approved.score).toBeGreaterThan(before.find((row) => row.listingId === approvedListing)!.score);
    expect(rows.find((row) => row.listingId === dismissedListing)?.status).toBe("DISMISSED");

    // Even when nothing qualifies any more, decisions are not deleted.
    await rematchInvestor(profileId, { context: await contextWith({ threshold: 101 }) });
    rows = await matchesOf({ investorProfileId: profileId });
    expect(rows.map((row) => [row.listingId, row.status]).sort()).toEqual(
      [
        [approvedListing, "APPROVED"],
        [dismissedListing, "DISMISSED"],
      ].sort(),
    );
  });

  it("stores only matches at or above the threshold, and at most N suggestions per investor", async () => {
    const tree = await createTree();
    const profileId = await createInvestor("ranked", [tree.dairy]);
    // Same listing but for completeness (weight 5): scores s, s+3 (2.5 rounds up), s+5.
    const low = await publishListing(agencyId, tree.dairy, 0);
    const mid = await publishListing(agencyId, tree.dairy, 50);
    const high = await publishListing(agencyId, tree.dairy, 100);

    await rematchInvestor(profileId, { context: await contextWith() });
    const all = await matchesOf({ investorProfileId: profileId });
    expect(all.map((row) => row.listingId)).toEqual([high, mid, low]);
    const [highScore, midScore, lowScore] = all.map((row) => row.score) as [number, number, number];
    expect(highScore).toBeGreaterThan(midScore);
    expect(midScore).toBeGreaterThan(lowScore);

    await rematchInvestor(profileId, { context: await contextWith({ threshold: midScore }) });
    expect((await matchesOf({ investorProfileId: profileId })).map((row) => row.listingId)).toEqual([high, mid]);

    await rematchInvestor(profileId, { context: await contextWith({ maxPerInvestor: 1 }) });
    expect((await matchesOf({ investorProfileId: profileId })).map((row) => row.listingId)).toEqual([high]);

    // A listing rematch only adds the pair when it is within the investor's best N.
    await rematchListing(low, { context: await contextWith({ maxPerInvestor: 2 }) });
    await rematchListing(mid, { context: await contextWith({ maxPerInvestor: 2 }) });
    await rematchListing(low, { context: await contextWith({ maxPerInvestor: 2 }) });
    expect((await matchesOf({ investorProfileId: profileId })).map((row) => row.listingId)).toEqual([high, mid]);
  });
});

describe("recomputeAll", () => {
  it("rebuilds matches for every investor", async () => {
    const tree = await createTree();
    const profileId = await createInvestor("recompute", [tree.meat]);
    const listingId = await publishListing(agencyId, tree.dairy);
    const result = await recomputeAll({ context: await contextWith() });
    expect(result.investors).toBeGreaterThan(0);
    expect((await matchesOf({ investorProfileId: profileId })).map((row) => row.listingId)).toEqual([listingId]);
  });
});

describe("matching jobs", () => {
  it("moves the matches within one job run after a profile change", async () => {
    const tree = await createTree();
    const profileId = await createInvestor("queued", [tree.mining]);
    const miningListing = await publishListing(agencyId, tree.mining);
    const dairyListing = await publishListing(agencyId, tree.dairy);
    await startMatchingWorker({ pollingIntervalSeconds: 0.5 });

    expect(await enqueueInvestorRematch(profileId)).not.toBeNull();
    await expect.poll(async () => (await matchesOf({ investorProfileId: profileId })).map((row) => row.listingId), { timeout: 20_000, interval: 200 }).toEqual([miningListing]);

    await db().investorProfile.update({ where: { id: profileId }, data: { sectorIds: [tree.dairy] } });
    await enqueueInvestorRematch(profileId);
    await expect.poll(async () => (await matchesOf({ investorProfileId: profileId })).map((row) => row.listingId), { timeout: 20_000, interval: 200 }).toEqual([dairyListing]);
  });
});
