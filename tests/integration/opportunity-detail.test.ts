// The opportunity page's loader: who sees which listing, who sees the contact,
// incentives with their history, similar opportunities.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getOpportunity, listSimilarOpportunities } from "@/lib/listings/detail";
import { actorFor, createAgency, createSearchListing, createUser } from "../support/factories";

let fx: { published: string; draft: string; staffOwn: string; staffOther: string; investor: string; admin: string; suspendedInvestor: string; sectorId: string; similar: string };

beforeAll(async () => {
  const agency = await createAgency("Detail agency");
  const other = await createAgency("Other agency");
  const sector = await db().sector.create({ data: { slug: `detail-${randomUUID().slice(0, 8)}`, nameEn: "Detail sector", nameJa: "詳細分野" }, select: { id: true } });
  const published = await createSearchListing({ agencyId: agency.id, title: "Published <b>zone</b>", sectorIds: [sector.id], province: "SINDH" });
  const similar = await createSearchListing({ agencyId: other.id, title: "A similar zone", sectorIds: [sector.id], province: "BALOCHISTAN" });
  const draft = await createSearchListing({ agencyId: agency.id, title: "Draft zone", status: "DRAFT", sectorIds: [sector.id] });
  await db().listing.update({ where: { id: published.id }, data: { contactName: "Ayesha Khan", contactEmail: "ayesha@agency.example", contactPhone: "+92 42 000" } });
  const today = new Date(new Date().toISOString().slice(0, 10));
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000);
  await db().incentive.createMany({
    data: [
      { listingId: published.id, name: "Tax holiday (5 years)", validFrom: day(-400), validTo: day(3650) },
      { listingId: published.id, name: "Tax holiday (10 years)", validFrom: day(-4000), validTo: day(-400), supersededAt: day(-400) },
      { listingId: published.id, name: "Expired customs exemption", validTo: day(-1) },
      { listingId: published.id, name: "Future power tariff", validFrom: day(30) },
    ],
  });
  fx = {
    published: published.id,
    draft: draft.id,
    similar: similar.id,
    sectorId: sector.id,
    staffOwn: (await createUser({ role: "STAFF", organizationId: agency.id, label: "own-staff" })).id,
    staffOther: (await createUser({ role: "STAFF", organizationId: other.id, label: "other-staff" })).id,
    investor: (await createUser({ role: "INVESTOR", label: "detail-investor" })).id,
    suspendedInvestor: (await createUser({ role: "INVESTOR", status: "SUSPENDED", label: "suspended-investor" })).id,
    admin: (await createUser({ role: "ADMIN", totp: true, label: "detail-admin" })).id,
  };
});

describe("getOpportunity", () => {
  it("shows a published listing to everybody, text as it was written", async () => {
    const listing = await getOpportunity(fx.published, null, "en");
    expect(listing?.title).toBe("Published <b>zone</b>");
    expect(listing?.sectors.map((sector) => sector.name)).toEqual(["Detail sector"]);
    expect((await getOpportunity(fx.published, null, "ja"))?.sectors.map((sector) => sector.name)).toEqual(["詳細分野"]);
  });

  it("hides drafts except from the owning agency's staff and admins", async () => {
    expect(await getOpportunity(fx.draft, null, "en")).toBeNull();
    expect(await getOpportunity(fx.draft, await actorFor(fx.investor), "en")).toBeNull();
    expect(await getOpportunity(fx.draft, await actorFor(fx.staffOther), "en")).toBeNull();
    expect((await getOpportunity(fx.draft, await actorFor(fx.staffOwn), "en"))?.status).toBe("DRAFT");
    expect((await getOpportunity(fx.draft, await actorFor(fx.admin), "en"))?.status).toBe("DRAFT");
  });

  it("treats unknown and malformed ids as not found", async () => {
    expect(await getOpportunity(randomUUID(), null, "en")).toBeNull();
    expect(await getOpportunity("not-a-uuid", null, "en")).toBeNull();
    expect(await getOpportunity("' OR 1=1 --", null, "en")).toBeNull();
  });

  it("gives the contact only to signed-in, active investors", async () => {
    expect((await getOpportunity(fx.published, await actorFor(fx.investor), "en"))?.contact).toEqual({
      name: "Ayesha Khan",
      email: "ayesha@agency.example",
      phone: "+92 42 000",
    });
    for (const viewer of [null, fx.staffOwn, fx.staffOther, fx.admin]) {
      expect((await getOpportunity(fx.published, await actorFor(viewer), "en"))?.contact, `viewer ${viewer}`).toBeNull();
    }
    const suspended = await actorFor(fx.suspendedInvestor);
    expect(suspended?.status).toBe("SUSPENDED");
    expect((await getOpportunity(fx.published, suspended, "en"))?.contact).toBeNull();
  });

  it("keeps incentives that ended or were replaced, with their state", async () => {
    const listing = await getOpportunity(fx.published, null, "en");
    const states = Object.fromEntries(listing!.incentives.map((incentive) => [incentive.name, incentive.state]));
    expect(states).toEqual({
      "Tax holiday (5 years)": "current",
      "Tax holiday (10 years)": "ended",
      "Expired customs exemption": "ended",
      "Future power tariff": "upcoming",
    });
  });

  it("suggests published opportunities of the same sector, not itself or drafts", async () => {
    const listing = await getOpportunity(fx.published, null, "en");
    const similar = await listSimilarOpportunities(listing!, "en");
    const ids = similar.map((item) => item.id);
    expect(ids).toContain(fx.similar);
    expect(ids).not.toContain(fx.published);
    expect(ids).not.toContain(fx.draft);
  });
});
