// The admin's view of one person: account facts, an investor's profile and
// activity, a staff member's agency listings, and the audit entries by or about them.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getPersonDetail } from "@/lib/admin/people";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { createAgency, createInvestorWithProfile, createListingInState, createPublishedListing, createSector, createUser } from "../support/factories";

describe("getPersonDetail", () => {
  it("shows an investor's profile, matches with status, interests, saved listings and audit entries, newest first, without secrets", async () => {
    const agency = await createAgency("People agency");
    const investor = await createInvestorWithProfile("people-investor");
    const [first, second] = [await createPublishedListing(agency.id, "People one"), await createPublishedListing(agency.id, "People two")];
    await db().match.create({ data: { investorProfileId: investor.profileId, listingId: first.id, score: 71, status: "APPROVED", weightsVersion: 1, createdAt: new Date(Date.now() - 60_000) } });
    await db().match.create({ data: { investorProfileId: investor.profileId, listingId: second.id, score: 52, status: "SUGGESTED", weightsVersion: 1 } });
    await db().interest.create({ data: { investorProfileId: investor.profileId, listingId: first.id, status: "CONTACTED", firstContactAt: new Date() } });
    await db().savedListing.create({ data: { userId: investor.id, listingId: second.id } });
    await audit({ actorId: investor.id, action: "investorProfile.saved", targetType: "investorProfile", targetId: investor.profileId });
    const admin = await createUser({ role: "ADMIN", totp: true, label: "people-admin" });
    await audit({ actorId: admin.id, action: "user.suspended", targetType: "user", targetId: investor.id });
    await audit({ actorId: admin.id, action: "user.suspended", targetType: "user", targetId: randomUUID() });

    const person = await getPersonDetail(investor.id, "en");
    expect(person).toMatchObject({ id: investor.id, email: investor.email, role: "INVESTOR", staff: null });
    expect(JSON.stringify(person)).not.toMatch(/passwordHash|totpSecret|sessionVersion/);
    expect(person!.investor!.profile).toMatchObject({ id: investor.profileId, thesis: "people-investor thesis" });
    expect(person!.investor!.matches.map((m) => [m.listing.id, m.status, m.score])).toEqual([
      [second.id, "SUGGESTED", 52],
      [first.id, "APPROVED", 71],
    ]);
    expect(person!.investor!.matchCount).toBe(2);
    expect(person!.investor!.interests.map((i) => [i.listing.title, i.status])).toEqual([[first.title, "CONTACTED"]]);
    expect(person!.investor!.saved.map((s) => s.listing.id)).toEqual([second.id]);
    expect(person!.audit.map((entry) => entry.action)).toEqual(["user.suspended", "investorProfile.saved"]);
    expect(person!.audit[0]!.actorEmail).toBe(admin.email);
  });

  it("shows a staff member's agency listings, marking the ones they created", async () => {
    const agency = await createAgency("People staff agency");
    const staff = await createUser({ role: "STAFF", organizationId: agency.id, label: "people-staff" });
    const sector = await createSector("People sector");
    const mine = await createListingInState(agency.id, "DRAFT", { sectorId: sector.id, createdById: staff.id });
    const theirs = await createListingInState(agency.id, "PUBLISHED", { sectorId: sector.id });
    await createListingInState((await createAgency("Elsewhere")).id, "PUBLISHED", { sectorId: sector.id });

    const person = await getPersonDetail(staff.id, "ja");
    expect(person).toMatchObject({ role: "STAFF", investor: null, organizationName: agency.name });
    expect(person!.staff!.listingCount).toBe(2);
    expect(Object.fromEntries(person!.staff!.listings.map((l) => [l.id, l.createdByThem]))).toEqual({ [mine.id]: true, [theirs.id]: false });
  });

  it("returns null for an unknown id", async () => {
    expect(await getPersonDetail(randomUUID(), "en")).toBeNull();
  });
});
