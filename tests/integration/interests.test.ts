// Expressions of interest and the leads inbox (issue 5): one interest per
// investor and listing however many requests race for it, one audit entry and
// one notification to the agency; the agency works its own leads only, and each
// status change is audited, stamps the first contact once and tells the investor.
import { beforeAll, describe, expect, it } from "vitest";
import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { addInterestNoteSpec, changeInterestStatusSpec, expressInterestSpec } from "@/lib/interests/actions";
import { LEAD_RESPONSE_MS } from "@/lib/interests/constants";
import { getLead, getLeadStats, listLeads, responseState } from "@/lib/interests/leads";
import { listMyInterests } from "@/lib/interests/queries";
import { latestEmailTo } from "@/lib/mail/outbox";
import { TEST_META, actorFor, createAgency, createInvestorWithProfile, createListingInState, createPublishedListing, createSector, createUser, sessionTokenFor } from "../support/factories";
import { callRoute } from "../support/api";
import { describeNotification, type TNotificationPayload } from "@/lib/notifications/kinds";

type TInvestor = Awaited<ReturnType<typeof createInvestorWithProfile>>;
let agencyX: string;
let agencyY: string;
let staffX: { id: string; email: string };
let staffX2: { id: string; email: string };
let staffY: { id: string };
let investor: TInvestor;
let sectorId: string;

const ctx = async (userId: string | null) => ({ actor: await actorFor(userId), meta: TEST_META });

beforeAll(async () => {
  agencyX = (await createAgency("Interest agency X")).id;
  agencyY = (await createAgency("Interest agency Y")).id;
  staffX = await createUser({ role: "STAFF", organizationId: agencyX, label: "interest-staff-x" });
  staffX2 = await createUser({ role: "STAFF", organizationId: agencyX, label: "interest-staff-x2" });
  // Pending and suspended staff of the agency hear nothing.
  await createUser({ role: "STAFF", status: "PENDING", organizationId: agencyX, label: "interest-staff-pending" });
  await createUser({ role: "STAFF", status: "SUSPENDED", organizationId: agencyX, label: "interest-staff-suspended" });
  staffY = await createUser({ role: "STAFF", organizationId: agencyY, label: "interest-staff-y" });
  investor = await createInvestorWithProfile("interest-investor");
  sectorId = (await createSector("Interest sector")).id;
});

async function counts(listingId: string, profileId: string) {
  const interests = await db().interest.findMany({ where: { listingId, investorProfileId: profileId }, select: { id: true } });
  const ids = interests.map((row) => row.id);
  return {
    interests: interests.length,
    audits: await db().auditLog.count({ where: { action: "interest.expressed", targetId: { in: ids } } }),
    notifications: await db().notification.count({ where: { kind: "INTEREST_RECEIVED", payload: { path: ["listingId"], equals: listingId } } }),
  };
}

describe("expressInterest", () => {
  it("records the interest once, audits it and notifies the agency's active staff (not pending, suspended or other agencies)", async () => {
    const listing = await createPublishedListing(agencyX, "Interest once");
    const first = await invokeAction(expressInterestSpec, await ctx(investor.id), { listingId: listing.id, message: "  We would like to visit in March.  " });
    expect(first).toMatchObject({ ok: true, data: { listingId: listing.id, status: "NEW", message: "We would like to visit in March.", created: true } });
    const again = await invokeAction(expressInterestSpec, await ctx(investor.id), { listingId: listing.id, message: "A second message is ignored" });
    expect(again).toMatchObject({ ok: true, data: { created: false, message: "We would like to visit in March." } });
    if (!first.ok || !again.ok) throw new Error("unreachable");
    expect(again.data.id).toBe(first.data.id);

    expect(await counts(listing.id, investor.profileId)).toEqual({ interests: 1, audits: 1, notifications: 2 });
    const recipients = await db().notification.findMany({
      where: { kind: "INTEREST_RECEIVED", payload: { path: ["listingId"], equals: listing.id } },
      select: { id: true, userId: true, kind: true, payload: true },
    });
    expect(recipients.map((row) => row.userId).sort()).toEqual([staffX.id, staffX2.id].sort());
    expect(recipients[0]!.payload).toMatchObject({ interestId: first.data.id, listingTitle: listing.title, investorName: expect.stringContaining(investor.name) });
    // The email links to staff X's notification, which leads to the lead.
    const mine = recipients.find((row) => row.userId === staffX.id)!;
    const email = await latestEmailTo(staffX.email, { template: "notification" });
    expect(email?.text).toContain(listing.title);
    expect(email?.text).toContain(`/notifications/${mine.id}/open`);
    expect(describeNotification(mine.kind, mine.payload as TNotificationPayload).href).toBe(`/staff/leads/${first.data.id}`);
  });

  it("an empty message is stored as none", async () => {
    const listing = await createPublishedListing(agencyX, "Interest no message");
    const result = await invokeAction(expressInterestSpec, await ctx(investor.id), { listingId: listing.id, message: "" });
    expect(result).toMatchObject({ ok: true, data: { message: null, created: true } });
  });

  it("refuses a message over the limit with a field error, and records nothing", async () => {
    const listing = await createPublishedListing(agencyX, "Interest long");
    const result = await invokeAction(expressInterestSpec, await ctx(investor.id), { listingId: listing.id, message: "x".repeat(2001) });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { message: ["errors.field.tooLong"] } });
    expect((await counts(listing.id, investor.profileId)).interests).toBe(0);
  });

  it("50 concurrent calls of the action leave one interest, one audit entry and one notification per staff member", async () => {
    const listing = await createPublishedListing(agencyX, "Interest race action");
    const racer = await createInvestorWithProfile("interest-race-action");
    const context = await ctx(racer.id);
    const results = await Promise.all(Array.from({ length: 50 }, () => invokeAction(expressInterestSpec, context, { listingId: listing.id, message: "Race" })));
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const ids = new Set(results.map((result) => (result.ok ? result.data.id : "")));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.ok && result.data.created)).toHaveLength(1);
    // Two active staff members of agency X: one notification each, not fifty.
    expect(await counts(listing.id, racer.profileId)).toEqual({ interests: 1, audits: 1, notifications: 2 });
  });

  it("50 concurrent POSTs to the API leave one interest: one 201, the rest 200, no 5xx", async () => {
    const listing = await createPublishedListing(agencyX, "Interest race api");
    const racer = await createInvestorWithProfile("interest-race-api");
    const cookie = await sessionTokenFor(racer.id);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        callRoute(`api/v1/listings/[id]/interest`, `/api/v1/listings/${listing.id}/interest`, { method: "POST", cookie, body: { message: "Race" } }, { id: listing.id }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(49);
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as { id: string }[];
    expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
    expect(responses.find((response) => response.status === 201)?.headers.get("location")).toBe(`/api/v1/interests/${bodies[0]!.id}`);
    expect(await counts(listing.id, racer.profileId)).toEqual({ interests: 1, audits: 1, notifications: 2 });
  });

  it("accepts an empty API body, and refuses malformed JSON with a 422", async () => {
    const listing = await createPublishedListing(agencyX, "Interest api body");
    const cookie = await sessionTokenFor(investor.id);
    const malformed = await callRoute(`api/v1/listings/[id]/interest`, `/api/v1/listings/${listing.id}/interest`, { method: "POST", cookie, rawBody: "{" }, { id: listing.id });
    expect(malformed.status).toBe(422);
    const empty = await callRoute(`api/v1/listings/[id]/interest`, `/api/v1/listings/${listing.id}/interest`, { method: "POST", cookie }, { id: listing.id });
    expect(empty.status).toBe(201);
    expect(await empty.json()).toMatchObject({ listingId: listing.id, message: null, status: "NEW" });
  });

  it("is a 404 for a draft, submitted, closed or unknown listing, and records nothing", async () => {
    const before = await db().interest.count();
    for (const status of ["DRAFT", "SUBMITTED", "CLOSED"] as const) {
      const listing = await createListingInState(agencyX, status, { sectorId, label: `Interest ${status}` });
      const result = await invokeAction(expressInterestSpec, await ctx(investor.id), { listingId: listing.id });
      expect(result, status).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    const unknown = await invokeAction(expressInterestSpec, await ctx(investor.id), { listingId: "5a0c1d2e-3f40-4b5c-8d6e-7f8091a2b3c4" });
    expect(unknown).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db().interest.count()).toBe(before);
  });

  it("asks an investor without a profile to complete it first", async () => {
    const newcomer = await createUser({ role: "INVESTOR", label: "interest-no-profile" });
    const listing = await createPublishedListing(agencyX, "Interest no profile");
    const result = await invokeAction(expressInterestSpec, await ctx(newcomer.id), { listingId: listing.id });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT", message: "errors.interest.profileRequired" });
  });

  it("is for investors only", async () => {
    const listing = await createPublishedListing(agencyX, "Interest staff");
    const result = await invokeAction(expressInterestSpec, await ctx(staffX.id), { listingId: listing.id });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

async function leadOf(agency: string, label: string, who: TInvestor = investor) {
  const listing = await createPublishedListing(agency, label);
  const result = await invokeAction(expressInterestSpec, await ctx(who.id), { listingId: listing.id, message: `${label} message` });
  if (!result.ok) throw new Error(`could not express interest: ${result.message}`);
  return { listing, interestId: result.data.id };
}

describe("working a lead", () => {
  it("a status change is audited, stamps the first contact once, and notifies the investor", async () => {
    const { listing, interestId } = await leadOf(agencyX, "Lead status");
    const contacted = await invokeAction(changeInterestStatusSpec, await ctx(staffX.id), { interestId, status: "CONTACTED" });
    expect(contacted).toMatchObject({ ok: true, data: { status: "CONTACTED", changed: true } });
    const afterFirst = await db().interest.findUniqueOrThrow({ where: { id: interestId }, select: { firstContactAt: true, statusChangedAt: true } });
    expect(afterFirst.firstContactAt).not.toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 20));
    const meeting = await invokeAction(changeInterestStatusSpec, await ctx(staffX2.id), { interestId, status: "MEETING" });
    expect(meeting).toMatchObject({ ok: true, data: { status: "MEETING" } });
    const afterSecond = await db().interest.findUniqueOrThrow({ where: { id: interestId }, select: { firstContactAt: true, statusChangedAt: true } });
    expect(afterSecond.firstContactAt).toEqual(afterFirst.firstContactAt);
    expect(afterSecond.statusChangedAt.getTime()).toBeGreaterThan(afterFirst.statusChangedAt.getTime());

    // Back to NEW and forward again: the first contact stays the first.
    await invokeAction(changeInterestStatusSpec, await ctx(staffX.id), { interestId, status: "NEW" });
    await invokeAction(changeInterestStatusSpec, await ctx(staffX.id), { interestId, status: "CLOSED_WON" });
    expect((await db().interest.findUniqueOrThrow({ where: { id: interestId }, select: { firstContactAt: true } })).firstContactAt).toEqual(afterFirst.firstContactAt);

    const audits = await db().auditLog.findMany({ where: { action: "interest.statusChanged", targetId: interestId }, orderBy: { id: "asc" }, select: { actorId: true, data: true } });
    expect(audits.map((row) => row.data)).toEqual([
      expect.objectContaining({ from: "NEW", to: "CONTACTED", firstContact: true }),
      expect.objectContaining({ from: "CONTACTED", to: "MEETING", firstContact: false }),
      expect.objectContaining({ from: "MEETING", to: "NEW" }),
      expect.objectContaining({ from: "NEW", to: "CLOSED_WON" }),
    ]);
    expect(audits[1]!.actorId).toBe(staffX2.id);
    const notifications = await db().notification.findMany({
      where: { userId: investor.id, kind: "INTEREST_STATUS_CHANGED", payload: { path: ["interestId"], equals: interestId } },
      orderBy: { createdAt: "asc" },
      select: { id: true, payload: true },
    });
    expect(notifications.map((row) => (row.payload as { status: string }).status)).toEqual(["CONTACTED", "MEETING", "NEW", "CLOSED_WON"]);
    expect(notifications[0]!.payload).toMatchObject({ listingId: listing.id, listingTitle: listing.title });
    // The email links to the notification itself, which marks it read and leads to My interests.
    const email = await latestEmailTo(investor.email, { template: "notification" });
    expect(email?.text).toContain(`/notifications/${notifications[3]!.id}/open`);
  });

  it("setting the status it already has changes nothing and tells nobody", async () => {
    const { interestId } = await leadOf(agencyX, "Lead same status");
    const result = await invokeAction(changeInterestStatusSpec, await ctx(staffX.id), { interestId, status: "NEW" });
    expect(result).toMatchObject({ ok: true, data: { changed: false, firstContactAt: null } });
    expect(await db().auditLog.count({ where: { action: "interest.statusChanged", targetId: interestId } })).toBe(0);
    expect(await db().notification.count({ where: { kind: "INTEREST_STATUS_CHANGED", payload: { path: ["interestId"], equals: interestId } } })).toBe(0);
  });

  it("notes are added, audited and listed with their author", async () => {
    const { interestId } = await leadOf(agencyX, "Lead notes");
    const added = await invokeAction(addInterestNoteSpec, await ctx(staffX.id), { interestId, body: "  Called them; meeting on Tuesday.  " });
    expect(added.ok).toBe(true);
    const empty = await invokeAction(addInterestNoteSpec, await ctx(staffX.id), { interestId, body: "   " });
    expect(empty).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { body: ["errors.field.required"] } });
    expect(await db().auditLog.count({ where: { action: "interest.noteAdded", targetId: interestId } })).toBe(1);
    const lead = await getLead((await actorFor(staffX2.id)) as TActiveActor, interestId, { locale: "en" });
    expect(lead.notes).toEqual([expect.objectContaining({ body: "Called them; meeting on Tuesday.", authorName: "interest-staff-x Test" })]);
    expect(lead.canWork).toBe(true);
  });

  it("staff of another agency can neither see nor change the lead (404), and nothing changes", async () => {
    const { interestId } = await leadOf(agencyX, "Lead other agency");
    const actorY = (await actorFor(staffY.id)) as TActiveActor;
    const before = await db().interest.findUniqueOrThrow({ where: { id: interestId } });
    const status = await invokeAction(changeInterestStatusSpec, { actor: actorY, meta: TEST_META }, { interestId, status: "CONTACTED" });
    const note = await invokeAction(addInterestNoteSpec, { actor: actorY, meta: TEST_META }, { interestId, body: "Not ours" });
    expect(status).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(note).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db().interest.findUniqueOrThrow({ where: { id: interestId } })).toEqual(before);
    expect(await db().interestNote.count({ where: { interestId } })).toBe(0);
    await expect(getLead(actorY, interestId, { locale: "en" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const inbox = await listLeads(actorY, { locale: "en", limit: 100 });
    expect(inbox.items.map((item) => item.id)).not.toContain(interestId);
  });

  it("admins read every lead but cannot work it", async () => {
    const { interestId } = await leadOf(agencyX, "Lead admin");
    const admin = await createUser({ role: "ADMIN", totp: true, label: "interest-admin" });
    const actor = (await actorFor(admin.id)) as TActiveActor;
    const lead = await getLead(actor, interestId, { locale: "en" });
    expect(lead.canWork).toBe(false);
    const result = await invokeAction(changeInterestStatusSpec, { actor, meta: TEST_META }, { interestId, status: "CONTACTED" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("the leads inbox", () => {
  it("lists the agency's leads newest first, filtered by status and listing, one keyset page after another", async () => {
    const agency = (await createAgency("Inbox agency")).id;
    const staff = await createUser({ role: "STAFF", organizationId: agency, label: "inbox-staff" });
    const actor = (await actorFor(staff.id)) as TActiveActor;
    const leads = [];
    for (let index = 0; index < 5; index += 1) leads.push(await leadOf(agency, `Inbox ${index}`, await createInvestorWithProfile(`inbox-investor-${index}`)));
    await invokeAction(changeInterestStatusSpec, await ctx(staff.id), { interestId: leads[1]!.interestId, status: "CONTACTED" });

    const first = await listLeads(actor, { locale: "en", limit: 2 });
    const second = await listLeads(actor, { locale: "en", limit: 2, cursor: first.nextCursor! });
    const third = await listLeads(actor, { locale: "en", limit: 2, cursor: second.nextCursor! });
    const ids = [...first.items, ...second.items, ...third.items].map((item) => item.id);
    // Newest first (ties within a millisecond broken by id): the pages together are the full list, in its order.
    expect(ids).toEqual((await listLeads(actor, { locale: "en", limit: 100 })).items.map((item) => item.id));
    expect([...ids].sort()).toEqual(leads.map((lead) => lead.interestId).sort());
    expect(ids[0]).toBe(leads[4]!.interestId);
    expect(third.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ investorName: "inbox-investor-4 Test", status: "NEW", response: { kind: "waiting" } });

    const contacted = await listLeads(actor, { locale: "en", status: "CONTACTED" });
    expect(contacted.items.map((item) => item.id)).toEqual([leads[1]!.interestId]);
    expect(contacted.items[0]!.response.kind).toBe("answered");
    const byListing = await listLeads(actor, { locale: "en", listingId: leads[3]!.listing.id });
    expect(byListing.items.map((item) => item.id)).toEqual([leads[3]!.interestId]);
  });

  it("shows NEW leads older than the window as overdue, and the agency's median and share answered in time", async () => {
    const agency = (await createAgency("Stats agency")).id;
    const staff = await createUser({ role: "STAFF", organizationId: agency, label: "stats-staff" });
    const actor = (await actorFor(staff.id)) as TActiveActor;
    const hour = 60 * 60 * 1000;
    const now = new Date();
    const make = async (label: string, ageMs: number, answeredAfterMs: number | null) => {
      const { interestId } = await leadOf(agency, label, await createInvestorWithProfile(label));
      const createdAt = new Date(now.getTime() - ageMs);
      await db().interest.update({
        where: { id: interestId },
        data: { createdAt, ...(answeredAfterMs === null ? {} : { status: "CONTACTED", firstContactAt: new Date(createdAt.getTime() + answeredAfterMs) }) },
      });
      return interestId;
    };
    await make("stats-fast", 10 * 24 * hour, 2 * hour);
    await make("stats-slow", 10 * 24 * hour, 5 * 24 * hour);
    await make("stats-mid", 2 * 24 * hour, 10 * hour);
    const overdue = await make("stats-overdue", 4 * 24 * hour, null);
    await make("stats-young", 1 * hour, null);

    const stats = await getLeadStats(actor, now);
    expect(stats).toMatchObject({ total: 5, answered: 3, overdue: 1, windowDays: 3 });
    expect(stats.medianResponseMs).toBeCloseTo(10 * hour, -3);
    // Known outcomes: fast, slow, mid (answered) and overdue (window passed); fast and mid were in time.
    expect(stats.answeredWithinShare).toBeCloseTo(2 / 4);

    const page = await listLeads(actor, { locale: "en", now });
    expect(page.items.find((item) => item.id === overdue)?.response).toMatchObject({ kind: "overdue" });
    expect(page.items.filter((item) => item.response.kind === "overdue")).toHaveLength(1);
  });

  it("responseState: answered, waiting, overdue", () => {
    const createdAt = new Date("2026-01-01T00:00:00Z");
    expect(responseState({ createdAt, firstContactAt: new Date("2026-01-01T05:00:00Z") }, new Date("2026-02-01T00:00:00Z"))).toEqual({ kind: "answered", afterMs: 5 * 3600_000 });
    expect(responseState({ createdAt, firstContactAt: null }, new Date(createdAt.getTime() + LEAD_RESPONSE_MS))).toMatchObject({ kind: "waiting" });
    expect(responseState({ createdAt, firstContactAt: null }, new Date(createdAt.getTime() + LEAD_RESPONSE_MS + 1))).toMatchObject({ kind: "overdue" });
  });

  it("the investor lists their own interests only", async () => {
    const other = await createInvestorWithProfile("interest-other");
    const mine = await leadOf(agencyY, "Mine only");
    const theirs = await leadOf(agencyY, "Theirs only", other);
    const page = await listMyInterests((await actorFor(investor.id)) as TActiveActor, { locale: "en", limit: 100 });
    const ids = page.items.map((item) => item.id);
    expect(ids).toContain(mine.interestId);
    expect(ids).not.toContain(theirs.interestId);
  });
});
