// investor_suggestion_counts against a real Postgres: the statement-level
// triggers on matches keep each investor's SUGGESTED count exact whatever writes
// the rows (engine upserts and deletes, review status changes, dismissals,
// cascades, TRUNCATE), and the listing rematch uses it to find full investors.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadMatchingContext, recomputeAll, rematchListing, type TMatchingContext } from "@/lib/matching/engine";
import { createAgency, createInvestorWithProfile, createListingInState, createSector } from "../support/factories";

/**
 * Every investor whose stored count or worst suggestion differs from its SUGGESTED rows (a missing
 * count row counts as 0 with no worst; the worst is the last in compareMatches order).
 */
async function countMismatches(): Promise<{ id: string }[]> {
  return db().$queryRaw`
    SELECT coalesce(c.investor_profile_id, a.investor_profile_id)::text AS id
    FROM investor_suggestion_counts c
    FULL JOIN (
      SELECT m.investor_profile_id, count(*) AS n,
        (array_agg(m.score ORDER BY m.score ASC, m.listing_id DESC))[1] AS worst_score,
        (array_agg(m.listing_id ORDER BY m.score ASC, m.listing_id DESC))[1] AS worst_listing_id
      FROM matches m WHERE m.status = 'SUGGESTED' GROUP BY 1
    ) a ON a.investor_profile_id = c.investor_profile_id
    WHERE coalesce(c.suggestions, 0) <> coalesce(a.n, 0)
       OR c.worst_score IS DISTINCT FROM a.worst_score AND coalesce(c.suggestions, 0) + coalesce(a.n, 0) > 0
       OR c.worst_listing_id IS DISTINCT FROM a.worst_listing_id AND coalesce(c.suggestions, 0) + coalesce(a.n, 0) > 0`;
}

async function storedCount(profileId: string): Promise<number> {
  return (await db().investorSuggestionCount.findUnique({ where: { investorProfileId: profileId } }))?.suggestions ?? 0;
}

async function contextWith(overrides: Partial<Pick<TMatchingContext, "threshold" | "maxPerInvestor">> = {}): Promise<TMatchingContext> {
  return { ...(await loadMatchingContext()), threshold: 0, maxPerInvestor: 100, ...overrides };
}

async function setUp(investors: number, listings: number) {
  const sector = await createSector("Counted sector");
  const agency = await createAgency("Counting agency");
  const profileIds: string[] = [];
  for (let i = 0; i < investors; i++) {
    const investor = await createInvestorWithProfile(`counted-${i}`);
    await db().investorProfile.update({ where: { id: investor.profileId }, data: { sectorIds: [sector.id], anywhereInPakistan: true } });
    profileIds.push(investor.profileId);
  }
  const listingIds: string[] = [];
  for (let i = 0; i < listings; i++) {
    const listing = await createListingInState(agency.id, "PUBLISHED", { sectorId: sector.id, label: `Counted zone ${i}` });
    // Completeness 0, 40, 70, 100: 0, 2, 3.5 and 5 points, distinct scores once rounded.
    await db().listing.update({ where: { id: listing.id }, data: { completeness: [0, 40, 70, 100][i % 4]! } });
    listingIds.push(listing.id);
  }
  return { profileIds, listingIds };
}

describe("investor_suggestion_counts", () => {
  it("stays exact through engine writes, reviews, dismissals, cascades and TRUNCATE", async () => {
    const { profileIds, listingIds } = await setUp(3, 4);
    for (const listingId of listingIds) await rematchListing(listingId, { context: await contextWith() });
    expect(await storedCount(profileIds[0]!)).toBe(4);
    expect(await countMismatches()).toEqual([]);

    await recomputeAll({ context: await contextWith({ maxPerInvestor: 2 }) });
    expect(await storedCount(profileIds[1]!)).toBe(2);
    expect(await countMismatches()).toEqual([]);

    const [first, second] = await db().match.findMany({ where: { investorProfileId: profileIds[0]! }, orderBy: { score: "desc" } });
    await db().match.update({ where: { id: first!.id }, data: { status: "APPROVED" } });
    await db().match.update({ where: { id: second!.id }, data: { status: "DISMISSED", dismissedAt: new Date() } });
    expect(await storedCount(profileIds[0]!)).toBe(0);
    expect(await countMismatches()).toEqual([]);

    // An upsert that refreshes a row (ON CONFLICT DO UPDATE) changes no count but may change the worst.
    await recomputeAll({ context: await contextWith({ maxPerInvestor: 2 }) });
    expect(await countMismatches()).toEqual([]);
    await db().match.updateMany({ where: { investorProfileId: profileIds[1]!, status: "SUGGESTED" }, data: { score: 1 } });
    expect(await countMismatches()).toEqual([]);
    // A reopened suggestion counts again.
    await db().match.update({ where: { id: first!.id }, data: { status: "SUGGESTED" } });
    expect(await countMismatches()).toEqual([]);

    await db().listing.delete({ where: { id: listingIds[3]! } });
    const user = await db().investorProfile.findUniqueOrThrow({ where: { id: profileIds[2]! }, select: { userId: true } });
    await db().user.delete({ where: { id: user.userId } });
    expect(await countMismatches()).toEqual([]);

    await db().$executeRaw`TRUNCATE matches`;
    expect(await db().investorSuggestionCount.count()).toBe(0);
    await recomputeAll({ context: await contextWith() });
    expect(await countMismatches()).toEqual([]);
  });

  it("lets a listing into a full investor's best N only when it beats the worst, which then goes", async () => {
    const { profileIds, listingIds } = await setUp(1, 4);
    const [profileId] = profileIds as [string];
    const context = await contextWith({ maxPerInvestor: 2 });
    // The two middle listings fill the investor's two places.
    await rematchListing(listingIds[1]!, { context });
    await rematchListing(listingIds[2]!, { context });
    expect(await storedCount(profileId)).toBe(2);
    // Completeness 0: worse than both, stays out (the count is read, the worst compared).
    await rematchListing(listingIds[0]!, { context });
    // Completeness 100: better than both, goes in; the worst of the two (completeness 40) goes.
    await rematchListing(listingIds[3]!, { context });
    const stored = await db().match.findMany({ where: { investorProfileId: profileId }, select: { listingId: true } });
    expect(stored.map((row) => row.listingId).sort()).toEqual([listingIds[2]!, listingIds[3]!].sort());
    expect(await storedCount(profileId)).toBe(2);
  });

  it("keeps every investor within N when listings are published at once", async () => {
    const { profileIds, listingIds } = await setUp(3, 8);
    const context = await contextWith({ maxPerInvestor: 2 });
    // Fill everyone's two places first, with the two worst listings, then publish the rest together.
    await rematchListing(listingIds[0]!, { context });
    await rematchListing(listingIds[4]!, { context });
    await Promise.all(listingIds.filter((_, index) => index !== 0 && index !== 4).map((listingId) => rematchListing(listingId, { context })));
    for (const profileId of profileIds) {
      expect(await db().match.count({ where: { investorProfileId: profileId, status: "SUGGESTED" } })).toBe(2);
    }
    expect(await countMismatches()).toEqual([]);
  });
});
