// The wiring between the workflow and the matching engine: publishing a listing
// through the real mutation queues a rematch (pg-boss), and the worker stores
// matches for the right investors within seconds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishListingSpec } from "@/lib/listings/actions";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { startMatchingWorker, stopMatchingWorker } from "@/lib/matching/jobs";
import { TEST_META, actorFor, createAgency, createInvestorWithProfile, createListingInState, createSector, createUser } from "../support/factories";

let previous: string | undefined;

beforeAll(async () => {
  previous = process.env.KIZUNA_MATCHING_JOBS;
  process.env.KIZUNA_MATCHING_JOBS = "on";
  await startMatchingWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopMatchingWorker();
  process.env.KIZUNA_MATCHING_JOBS = previous;
});

async function matchedListings(profileId: string): Promise<string[]> {
  const rows = await db().match.findMany({ where: { investorProfileId: profileId }, select: { listingId: true }, orderBy: { listingId: "asc" } });
  return rows.map((row) => row.listingId);
}

describe("matching stays current", () => {
  it("a listing published in dairy reaches the dairy investor, not the mining one, within seconds", async () => {
    const food = await createSector("Food processing");
    const dairy = await createSector("Dairy", food.id);
    const mining = await createSector("Mining");
    const agency = await createAgency("Wiring agency");
    const dairyInvestor = await createInvestorWithProfile("wiring-dairy");
    const miningInvestor = await createInvestorWithProfile("wiring-mining");
    await db().investorProfile.update({ where: { id: dairyInvestor.profileId }, data: { sectorIds: [dairy.id], anywhereInPakistan: true } });
    await db().investorProfile.update({ where: { id: miningInvestor.profileId }, data: { sectorIds: [mining.id], anywhereInPakistan: true } });
    const listing = await createListingInState(agency.id, "SUBMITTED", { sectorId: dairy.id, label: "Wiring dairy park" });
    const admin = await createUser({ role: "ADMIN", totp: true, label: "wiring-admin" });

    const published = await invokeAction(publishListingSpec, { actor: await actorFor(admin.id), meta: TEST_META }, { id: listing.id });
    expect(published.ok, JSON.stringify(published)).toBe(true);

    await expect.poll(() => matchedListings(dairyInvestor.profileId), { timeout: 20_000, interval: 200 }).toEqual([listing.id]);
    expect(await matchedListings(miningInvestor.profileId)).toEqual([]);
  });
});
