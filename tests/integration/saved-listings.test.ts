// Saved listings: an investor saves a published listing at the version they see,
// the saved list says when it changed since, opening it marks it seen, and
// saving twice or removing what is not saved changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { markSeen } from "@/lib/listings/versions";
import { saveListingSpec, unsaveListingSpec } from "@/lib/saved-listings/actions";
import { isListingSaved, listSavedListings } from "@/lib/saved-listings/queries";
import { TEST_META, actorFor, createAgency, createInvestorWithProfile, createListingInState, createPublishedListing, createSector, createUser } from "../support/factories";

let agencyId: string;
let sectorId: string;

beforeAll(async () => {
  agencyId = (await createAgency("Saved agency")).id;
  sectorId = (await createSector("Saved sector")).id;
});

async function investorContext(label: string) {
  const investor = await createInvestorWithProfile(label);
  const actor = (await actorFor(investor.id)) as TActiveActor;
  return { investor, actor, ctx: { actor, meta: TEST_META } };
}

describe("saving a listing", () => {
  it("remembers the listing's current version, once, with one audit entry", async () => {
    const { investor, actor, ctx } = await investorContext("saved-version");
    const listing = await createPublishedListing(agencyId, "Saved at v3");
    await db().listing.update({ where: { id: listing.id }, data: { version: 3 } });

    expect(await invokeAction(saveListingSpec, ctx, { listingId: listing.id })).toMatchObject({ ok: true, data: { saved: true, seenVersion: 3 } });
    expect(await invokeAction(saveListingSpec, ctx, { listingId: listing.id })).toMatchObject({ ok: true, data: { saved: true, seenVersion: 3 } });
    expect(await db().savedListing.count({ where: { userId: investor.id, listingId: listing.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "listing.saved", targetId: listing.id, actorId: investor.id } })).toBe(1);
    expect(await isListingSaved(actor, listing.id)).toBe(true);

    const page = await listSavedListings(actor, { locale: "en" });
    expect(page.items).toEqual([expect.objectContaining({ listingId: listing.id, status: "PUBLISHED", updatedSinceSeen: false })]);
  });

  it("says 'updated since you saved it' after a new version, until the investor opens the listing", async () => {
    const { investor, actor, ctx } = await investorContext("saved-updated");
    const listing = await createPublishedListing(agencyId, "Saved then edited");
    await invokeAction(saveListingSpec, ctx, { listingId: listing.id });
    await db().listing.update({ where: { id: listing.id }, data: { version: 2 } });

    expect((await listSavedListings(actor, { locale: "en" })).items[0]).toMatchObject({ listingId: listing.id, updatedSinceSeen: true });
    await markSeen(investor.id, listing.id);
    expect((await listSavedListings(actor, { locale: "en" })).items[0]).toMatchObject({ listingId: listing.id, updatedSinceSeen: false });
  });

  it("keeps a listing closed since it was saved, shown as closed, and never shows drafts", async () => {
    const { actor, ctx } = await investorContext("saved-closed");
    const listing = await createPublishedListing(agencyId, "Saved then closed");
    await invokeAction(saveListingSpec, ctx, { listingId: listing.id });
    await db().listing.update({ where: { id: listing.id }, data: { status: "CLOSED", version: 2 } });
    const items = (await listSavedListings(actor, { locale: "en" })).items;
    expect(items).toEqual([expect.objectContaining({ listingId: listing.id, status: "CLOSED", updatedSinceSeen: false })]);
  });

  it("is a 404 for listings investors cannot see, and saves nothing", async () => {
    const { investor, ctx } = await investorContext("saved-hidden");
    for (const status of ["DRAFT", "SUBMITTED", "CLOSED"] as const) {
      const listing = await createListingInState(agencyId, status, { sectorId, label: `Saved ${status}` });
      expect(await invokeAction(saveListingSpec, ctx, { listingId: listing.id }), status).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await db().savedListing.count({ where: { userId: investor.id } })).toBe(0);
  });

  it("is for investors only", async () => {
    const staff = await createUser({ role: "STAFF", organizationId: agencyId, label: "saved-staff" });
    const listing = await createPublishedListing(agencyId, "Saved by staff");
    const result = await invokeAction(saveListingSpec, { actor: await actorFor(staff.id), meta: TEST_META }, { listingId: listing.id });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("removing a saved listing", () => {
  it("removes only the investor's own row; removing twice is harmless", async () => {
    const a = await investorContext("unsave-a");
    const b = await investorContext("unsave-b");
    const listing = await createPublishedListing(agencyId, "Saved by two");
    await invokeAction(saveListingSpec, a.ctx, { listingId: listing.id });
    await invokeAction(saveListingSpec, b.ctx, { listingId: listing.id });

    expect(await invokeAction(unsaveListingSpec, a.ctx, { listingId: listing.id })).toMatchObject({ ok: true, data: { saved: false } });
    expect(await invokeAction(unsaveListingSpec, a.ctx, { listingId: listing.id })).toMatchObject({ ok: true, data: { saved: false } });
    expect(await db().savedListing.findMany({ where: { listingId: listing.id }, select: { userId: true } })).toEqual([{ userId: b.investor.id }]);
    expect(await db().auditLog.count({ where: { action: "listing.unsaved", targetId: listing.id } })).toBe(1);
  });
});

describe("the saved list", () => {
  it("pages newest save first with a keyset cursor", async () => {
    const { actor, ctx } = await investorContext("saved-pages");
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const listing = await createPublishedListing(agencyId, `Saved page ${index}`);
      await invokeAction(saveListingSpec, ctx, { listingId: listing.id });
      ids.push(listing.id);
    }
    const first = await listSavedListings(actor, { locale: "en", limit: 2 });
    const second = await listSavedListings(actor, { locale: "en", limit: 2, cursor: first.nextCursor! });
    const third = await listSavedListings(actor, { locale: "en", limit: 2, cursor: second.nextCursor! });
    const paged = [...first.items, ...second.items, ...third.items].map((item) => item.listingId);
    // Newest first; two saves in the same millisecond are ordered by listing id, so compare with one full page.
    expect(paged).toEqual((await listSavedListings(actor, { locale: "en", limit: 100 })).items.map((item) => item.listingId));
    expect([...paged].sort()).toEqual([...ids].sort());
    expect(paged[0]).toBe(ids[4]);
    expect(third.nextCursor).toBeNull();
  });
});
