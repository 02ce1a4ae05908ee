// The admin dashboard's figures, computed from rows made here by the factories.
// Files run one at a time on one database, so counts are compared as deltas
// (or restricted to the sectors and agencies created here).
import { beforeAll, describe, expect, it } from "vitest";
import {
  countListingsByProvince,
  countListingsBySector,
  countMatchFunnel,
  countNewInvestorsPerWeek,
  measureAgencyResponseTimes,
  type TFunnel,
} from "@/lib/admin/dashboard";
import { db } from "@/lib/db/client";
import { createAgency, createInvestorWithProfile, createSearchListing, createSector } from "../support/factories";

const HOUR = 3_600_000;
let funnelBefore: TFunnel;
let provincesBefore: Map<string | null, number>;

const provinceMap = (rows: { province: string | null; count: number }[]) => new Map(rows.map((row) => [row.province, row.count]));

beforeAll(async () => {
  funnelBefore = await countMatchFunnel();
  provincesBefore = provinceMap(await countListingsByProvince());
});

describe("listings by sector and province", () => {
  it("counts published listings per top-level sector, children and merged sectors rolled up, each listing once", async () => {
    const agency = await createAgency("Dashboard agency");
    const parent = await createSector("Dashboard parent");
    const childA = await createSector("Dashboard child A", parent.id);
    const childB = await createSector("Dashboard child B", parent.id);
    const other = await createSector("Dashboard other");
    const merged = await createSector("Dashboard merged");
    await db().sector.update({ where: { id: merged.id }, data: { mergedIntoId: other.id } });

    // Two children of one parent on one listing: counted once for the parent.
    await createSearchListing({ agencyId: agency.id, title: "Dash one", sectorIds: [childA.id, childB.id], province: "SINDH" });
    await createSearchListing({ agencyId: agency.id, title: "Dash two", sectorIds: [parent.id], province: "SINDH" });
    await createSearchListing({ agencyId: agency.id, title: "Dash three", sectorIds: [other.id, merged.id], province: null });
    await createSearchListing({ agencyId: agency.id, title: "Dash four", sectorIds: [merged.id], province: "BALOCHISTAN" });
    // Not published: never counted.
    await createSearchListing({ agencyId: agency.id, title: "Dash draft", sectorIds: [parent.id], province: "SINDH", status: "DRAFT" });
    await createSearchListing({ agencyId: agency.id, title: "Dash closed", sectorIds: [other.id], province: "SINDH", status: "CLOSED" });

    const bySector = await countListingsBySector("ja");
    const mine = bySector.filter((row) => [parent.id, childA.id, childB.id, other.id, merged.id].includes(row.id));
    expect(mine.map((row) => [row.id, row.count])).toEqual(
      expect.arrayContaining([
        [parent.id, 2],
        [other.id, 2],
      ]),
    );
    expect(mine).toHaveLength(2);
    expect(mine.find((row) => row.id === parent.id)?.name).toContain("（テスト）");

    const byProvince = provinceMap(await countListingsByProvince());
    expect((byProvince.get("SINDH") ?? 0) - (provincesBefore.get("SINDH") ?? 0)).toBe(2);
    expect((byProvince.get("BALOCHISTAN") ?? 0) - (provincesBefore.get("BALOCHISTAN") ?? 0)).toBe(1);
    expect((byProvince.get(null) ?? 0) - (provincesBefore.get(null) ?? 0)).toBe(1);
  });
});

describe("match funnel and agency response time", () => {
  it("counts each stage reached and the closed interests, and the median first-contact delay per agency", async () => {
    const agency = await createAgency("Response agency");
    const quiet = await createAgency("Quiet agency");
    const listings = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => createSearchListing({ agencyId: agency.id, title: `Funnel ${n}`, province: "PUNJAB" })),
    );
    const quietListing = await createSearchListing({ agencyId: quiet.id, title: "Funnel quiet", province: "PUNJAB" });
    const investor = await createInvestorWithProfile("funnel");
    const statuses = ["SUGGESTED", "REJECTED", "APPROVED", "INTRODUCED", "DISMISSED"] as const;
    await db().match.createMany({
      data: listings.map((listing, index) => ({
        investorProfileId: investor.profileId,
        listingId: listing.id,
        score: 60,
        status: statuses[index]!,
        weightsVersion: 1,
        introducedAt: statuses[index] === "INTRODUCED" ? new Date() : null,
      })),
    });
    const created = new Date(Date.now() - 100 * HOUR);
    // Response delays 2 h, 4 h and 30 h → median 4 h; one unanswered interest is left out.
    const delays = [2, 4, 30, null];
    const interestStatuses = ["CONTACTED", "CLOSED_WON", "CLOSED_LOST", "NEW"] as const;
    await db().interest.createMany({
      data: delays.map((delay, index) => ({
        investorProfileId: investor.profileId,
        listingId: listings[index]!.id,
        status: interestStatuses[index]!,
        createdAt: created,
        firstContactAt: delay === null ? null : new Date(created.getTime() + delay * HOUR),
      })),
    });
    await db().interest.create({ data: { investorProfileId: investor.profileId, listingId: quietListing.id, createdAt: created } });

    const funnel = await countMatchFunnel();
    const delta = Object.fromEntries(funnel.stages.map((stage, index) => [stage.stage, stage.count - funnelBefore.stages[index]!.count]));
    expect(delta).toEqual({ suggested: 5, approved: 3, introduced: 1, interest: 5, closed: 2 });
    expect(funnel.closedWon - funnelBefore.closedWon).toBe(1);
    expect(funnel.closedLost - funnelBefore.closedLost).toBe(1);

    const times = await measureAgencyResponseTimes("en");
    const row = times.agencies.find((candidate) => candidate.agencyId === agency.id);
    expect(row).toMatchObject({ agencyName: agency.name, medianHours: 4, interests: 3 });
    expect(times.agencies.some((candidate) => candidate.agencyId === quiet.id)).toBe(false);
    expect(times.overallMedianHours).not.toBeNull();
  });
});

describe("new investors per week", () => {
  it("counts investor accounts by UTC week, empty weeks included, other roles left out", async () => {
    // A Wednesday far in the future, so no other test's users fall in these weeks.
    const now = new Date("2031-03-12T12:00:00Z");
    const at = (iso: string) => new Date(iso);
    const make = async (role: "INVESTOR" | "STAFF", createdAt: Date) => {
      const investor = await createInvestorWithProfile(`weekly-${role.toLowerCase()}`);
      await db().user.update({ where: { id: investor.id }, data: { createdAt, role } });
    };
    await make("INVESTOR", at("2031-03-10T00:00:00Z")); // Monday of the current week
    await make("INVESTOR", at("2031-03-12T11:00:00Z"));
    await make("INVESTOR", at("2031-03-12T13:00:00Z")); // after "now": not counted
    await make("STAFF", at("2031-03-11T09:00:00Z"));
    await make("INVESTOR", at("2031-03-01T09:00:00Z")); // two weeks back (week of 24 Feb)

    const weeks = await countNewInvestorsPerWeek({ weeks: 4, now });
    expect(weeks).toEqual([
      { weekStart: "2031-02-17", count: 0 },
      { weekStart: "2031-02-24", count: 1 },
      { weekStart: "2031-03-03", count: 0 },
      { weekStart: "2031-03-10", count: 2 },
    ]);
  });
});
