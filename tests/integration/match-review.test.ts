// Admin match review against a real Postgres: approve, reject (kept, not
// re-suggested until a side changes materially), introduce (emails to both
// parties), bulk approve, two admins deciding the same match at once, and the
// matching weights settings (versioned, previewed without writing).
import { beforeAll, describe, expect, it } from "vitest";
import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { invokeAction } from "@/lib/http/action";
import { latestEmailTo } from "@/lib/mail/outbox";
import { loadMatchingContext, rematchInvestor, rematchListing } from "@/lib/matching/engine";
import { approveMatch, bulkApproveMatches, introduceMatch, rejectMatch } from "@/lib/matching/review";
import {
  approveMatchSpec,
  bulkApproveMatchesSpec,
  countBulkApprovalSpec,
  previewMatchingWeightsSpec,
  rejectMatchSpec,
  saveMatchingWeightsSpec,
} from "@/lib/matching/review-actions";
import { listReviewMatches } from "@/lib/matching/review-queries";
import { INITIAL_MATCHING_WEIGHTS } from "@/lib/matching/types";
import { callRoute } from "../support/api";
import { TEST_META, actorFor, createAgency, createInvestorWithProfile, createListingInState, createSector, createUser, sessionTokenFor } from "../support/factories";

let agencyId: string;
let admin: { id: string; name: string; actor: TActiveActor };
let otherAdmin: { id: string; name: string; actor: TActiveActor };

async function createAdmin(label: string) {
  const user = await createUser({ role: "ADMIN", totp: true, label });
  return { id: user.id, name: user.name, actor: (await actorFor(user.id)) as TActiveActor };
}

/** An investor and a published listing in a fresh sector, matched by the engine (SUGGESTED). */
async function suggestedPair(label: string, options: { agency?: string } = {}) {
  const sector = await createSector(`Review ${label}`);
  const investor = await createInvestorWithProfile(`review-${label}`);
  await db().investorProfile.update({ where: { id: investor.profileId }, data: { sectorIds: [sector.id], anywhereInPakistan: true } });
  const listing = await createListingInState(options.agency ?? agencyId, "PUBLISHED", { sectorId: sector.id, label: `Review ${label}` });
  await rematchListing(listing.id, { context: { ...(await loadMatchingContext()), threshold: 40, maxPerInvestor: 100 } });
  const match = await db().match.findUniqueOrThrow({
    where: { investorProfileId_listingId: { investorProfileId: investor.profileId, listingId: listing.id } },
    select: { id: true, status: true, score: true },
  });
  expect(match.status).toBe("SUGGESTED");
  return { investor, listing, sector, match };
}

async function statusOf(matchId: string) {
  return db().match.findUniqueOrThrow({
    where: { id: matchId },
    select: { status: true, reviewedById: true, reviewedAt: true, reviewNote: true, introducedById: true, introducedAt: true, rejectedFingerprint: true },
  });
}

async function auditActions(matchId: string) {
  return (await db().auditLog.findMany({ where: { targetType: "match", targetId: matchId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, data: true } })).map(
    (row) => row,
  );
}

beforeAll(async () => {
  agencyId = (await createAgency("Review agency")).id;
  admin = await createAdmin("review-admin");
  otherAdmin = await createAdmin("review-admin-2");
});

describe("approveMatch", () => {
  it("approves, records the reviewer, audits, notifies the investor in-app and by email", async () => {
    const { investor, listing, match } = await suggestedPair("approve");

    const result = await approveMatch(admin.actor, { matchId: match.id }, TEST_META);

    expect(result.status).toBe("APPROVED");
    const row = await statusOf(match.id);
    expect(row).toMatchObject({ status: "APPROVED", reviewedById: admin.id });
    expect(row.reviewedAt).not.toBeNull();
    expect((await auditActions(match.id)).map((entry) => [entry.action, entry.actorId])).toEqual([["match.approved", admin.id]]);
    const notification = await db().notification.findFirstOrThrow({ where: { userId: investor.id, kind: "MATCH_APPROVED" }, select: { payload: true } });
    expect(notification.payload).toMatchObject({ matchId: match.id, listingId: listing.id, listingTitle: listing.title, score: match.score });
    const email = await latestEmailTo(investor.email, { template: "notification" });
    expect(email?.text).toContain(`New match: ${listing.title}`);
  });

  it("refuses a second decision with who and when, through the action's result contract", async () => {
    const { match } = await suggestedPair("approve-twice");
    await approveMatch(admin.actor, { matchId: match.id }, TEST_META);

    const result = await invokeAction(rejectMatchSpec, { actor: otherAdmin.actor, meta: TEST_META }, { matchId: match.id, reason: "Too late" });

    expect(result).toMatchObject({ ok: false, code: "CONFLICT", message: "errors.match.alreadyReviewed", params: { status: "APPROVED", name: admin.name } });
    expect(await statusOf(match.id)).toMatchObject({ status: "APPROVED", reviewedById: admin.id, reviewNote: null });
  });
});

describe("two admins deciding the same match at once", () => {
  it.each([
    ["approve vs reject", "approve", "reject"],
    ["approve vs approve", "approve", "approve"],
    ["reject vs introduce", "reject", "introduce"],
  ] as const)("%s: exactly one decision, the other is told who made it", async (_label, first, second) => {
    const { match } = await suggestedPair(`race-${first}-${second}`);
    const act = (who: typeof admin, verb: "approve" | "reject" | "introduce") =>
      verb === "approve"
        ? approveMatch(who.actor, { matchId: match.id }, TEST_META)
        : verb === "reject"
          ? rejectMatch(who.actor, { matchId: match.id, reason: `Rejected by ${who.name}` }, TEST_META)
          : introduceMatch(who.actor, { matchId: match.id }, TEST_META);

    const outcomes = await Promise.allSettled([act(admin, first), act(otherAdmin, second)]);

    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = outcomes[0]!.status === "fulfilled" ? admin : otherAdmin;
    const error = lost[0]!.reason as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("CONFLICT");
    expect(error.details.params).toMatchObject({ name: winner.name });
    const row = await statusOf(match.id);
    expect(row.reviewedById).toBe(winner.id);
    const decisions = (await auditActions(match.id)).filter((entry) => ["match.approved", "match.rejected", "match.introduced"].includes(entry.action));
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.actorId).toBe(winner.id);
  });
});

describe("rejectMatch", () => {
  it("needs a reason", async () => {
    const { match } = await suggestedPair("reject-no-reason");
    const result = await invokeAction(rejectMatchSpec, { actor: admin.actor, meta: TEST_META }, { matchId: match.id, reason: "   " });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: ["errors.field.required"] } });
    expect((await statusOf(match.id)).status).toBe("SUGGESTED");
  });

  it("keeps the reason; rematches do not re-suggest the pair, not even after a change that is not material", async () => {
    const { investor, listing, match } = await suggestedPair("reject-kept");

    await rejectMatch(admin.actor, { matchId: match.id, reason: "Investor only does brownfield" }, TEST_META);

    expect(await statusOf(match.id)).toMatchObject({ status: "REJECTED", reviewedById: admin.id, reviewNote: "Investor only does brownfield" });
    expect((await auditActions(match.id)).at(-1)).toMatchObject({ action: "match.rejected", data: { reason: "Investor only does brownfield" } });
    // New title, fuller listing, new thesis: nothing the investor asked for changed.
    await db().listing.update({ where: { id: listing.id }, data: { title: `${listing.title} (renamed)`, completeness: 90 } });
    await db().investorProfile.update({ where: { id: investor.profileId }, data: { thesis: "Changed thesis" } });
    await rematchListing(listing.id);
    await rematchInvestor(investor.profileId);
    expect((await statusOf(match.id)).status).toBe("REJECTED");
  });

  it("re-suggests the pair after the investor changes materially (keeping the old reason for the next reviewer)", async () => {
    const { investor, match } = await suggestedPair("reject-investor-change");
    await rejectMatch(admin.actor, { matchId: match.id, reason: "Ticket too small" }, TEST_META);

    await db().investorProfile.update({ where: { id: investor.profileId }, data: { ticketMinUsdCents: 100_000_000n, ticketMaxUsdCents: 900_000_000n } });
    await rematchInvestor(investor.profileId);

    const row = await statusOf(match.id);
    expect(row).toMatchObject({ status: "SUGGESTED", reviewedById: null, reviewedAt: null, rejectedFingerprint: null, reviewNote: "Ticket too small" });
    expect((await auditActions(match.id)).at(-1)).toMatchObject({ action: "match.reopened", actorId: null });
  });

  it("re-suggests the pair after the listing changes materially", async () => {
    const { listing, match } = await suggestedPair("reject-listing-change");
    await rejectMatch(admin.actor, { matchId: match.id, reason: "Wrong stage" }, TEST_META);

    await db().listing.update({ where: { id: listing.id }, data: { stage: "OPERATING" } });
    await rematchListing(listing.id);

    expect((await statusOf(match.id)).status).toBe("SUGGESTED");
  });
});

describe("introduceMatch", () => {
  it("introduces an approved match: introducedBy/At, emails to the investor, the agency staff and the listing contact, notifications, audit", async () => {
    const agency = await createAgency("Introduction agency");
    const staff = await createUser({ role: "STAFF", organizationId: agency.id, label: "intro-staff" });
    await db().user.update({ where: { id: staff.id }, data: { locale: "ja" } });
    const { investor, listing, match } = await suggestedPair("introduce", { agency: agency.id });
    const contactEmail = `contact.${match.id.slice(0, 8)}@agency.example.pk`;
    await db().listing.update({ where: { id: listing.id }, data: { contactName: "Bilal Khan", contactEmail, contactPhone: "+92 42 1234 5678" } });
    await approveMatch(admin.actor, { matchId: match.id }, TEST_META);

    const result = await introduceMatch(otherAdmin.actor, { matchId: match.id, note: "Both asked for a site visit." }, TEST_META);

    expect(result.status).toBe("INTRODUCED");
    const row = await statusOf(match.id);
    expect(row).toMatchObject({ status: "INTRODUCED", reviewedById: admin.id, introducedById: otherAdmin.id });
    expect(row.introducedAt).not.toBeNull();
    const toInvestor = await latestEmailTo(investor.email, { template: "introduction" });
    expect(toInvestor?.text).toContain(contactEmail);
    expect(toInvestor?.text).toContain("+92 42 1234 5678");
    expect(toInvestor?.text).toContain("Both asked for a site visit.");
    const toStaff = await latestEmailTo(staff.email, { template: "introduction" });
    expect(toStaff?.locale).toBe("ja");
    expect(toStaff?.text).toContain(investor.email);
    expect((await latestEmailTo(contactEmail, { template: "introduction" }))?.text).toContain(investor.email);
    // The introduction replaces the generic notification email: one email each.
    expect(await db().emailOutbox.count({ where: { toAddress: staff.email.toLowerCase() } })).toBe(1);
    const notices = await db().notification.findMany({ where: { kind: "MATCH_INTRODUCED", userId: { in: [investor.id, staff.id] } }, select: { userId: true, payload: true } });
    expect(notices.map((notice) => [notice.userId, (notice.payload as { audience: string }).audience]).sort()).toEqual(
      [
        [investor.id, "INVESTOR"],
        [staff.id, "STAFF"],
      ].sort(),
    );
    expect((await auditActions(match.id)).map((entry) => entry.action)).toEqual(["match.approved", "match.introduced"]);
  });

  it("introduces straight from SUGGESTED (recording the reviewer) and refuses a second introduction", async () => {
    const { match } = await suggestedPair("introduce-direct");
    await introduceMatch(admin.actor, { matchId: match.id }, TEST_META);
    expect(await statusOf(match.id)).toMatchObject({ status: "INTRODUCED", reviewedById: admin.id, introducedById: admin.id });

    await expect(introduceMatch(otherAdmin.actor, { matchId: match.id }, TEST_META)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { params: { status: "INTRODUCED", name: admin.name } },
    });
  });

  it("does not introduce a rejected match", async () => {
    const { match } = await suggestedPair("introduce-rejected");
    await rejectMatch(admin.actor, { matchId: match.id, reason: "No" }, TEST_META);
    await expect(introduceMatch(otherAdmin.actor, { matchId: match.id }, TEST_META)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await statusOf(match.id)).status).toBe("REJECTED");
  });
});

describe("bulk approval", () => {
  it("approves the selected ids, skipping one another admin decided, each audited", async () => {
    const pairs = await Promise.all(["bulk-a", "bulk-b", "bulk-c"].map((label) => suggestedPair(label)));
    await rejectMatch(otherAdmin.actor, { matchId: pairs[2]!.match.id, reason: "Not now" }, TEST_META);

    const result = await invokeAction(bulkApproveMatchesSpec, { actor: admin.actor, meta: TEST_META }, { ids: pairs.map((pair) => pair.match.id) });

    expect(result).toMatchObject({ ok: true, data: { skipped: 1, capped: false } });
    expect(result.ok && [...result.data.approved].sort()).toEqual([pairs[0]!.match.id, pairs[1]!.match.id].sort());
    for (const pair of pairs.slice(0, 2)) {
      expect((await statusOf(pair.match.id)).status).toBe("APPROVED");
      expect((await auditActions(pair.match.id)).map((entry) => [entry.action, (entry.data as { bulk?: boolean }).bulk])).toEqual([["match.approved", true]]);
    }
    expect((await statusOf(pairs[2]!.match.id)).status).toBe("REJECTED");
  });

  it("approves all at or above a score under the filters (agency), and counts them first", async () => {
    const agency = await createAgency("Bulk agency");
    const pairs = await Promise.all(["score-a", "score-b"].map((label) => suggestedPair(label, { agency: agency.id })));
    const outside = await suggestedPair("score-other-agency");
    await db().match.update({ where: { id: pairs[1]!.match.id }, data: { score: 41 } });
    await db().match.update({ where: { id: pairs[0]!.match.id }, data: { score: 95 } });

    const count = await invokeAction(countBulkApprovalSpec, { actor: admin.actor, meta: TEST_META }, { minScore: "90", agencyId: agency.id });
    expect(count).toMatchObject({ ok: true, data: { count: 1 } });
    const result = await bulkApproveMatches(admin.actor, { minScore: 90, filters: { agencyId: agency.id } }, TEST_META);

    expect(result.approved).toEqual([pairs[0]!.match.id]);
    expect((await statusOf(pairs[1]!.match.id)).status).toBe("SUGGESTED");
    expect((await statusOf(outside.match.id)).status).toBe("SUGGESTED");
  });

  it("is refused to anyone but an admin, changing nothing", async () => {
    const { investor, match } = await suggestedPair("bulk-refused");
    const investorActor = await actorFor(investor.id);
    const result = await invokeAction(approveMatchSpec, { actor: investorActor, meta: TEST_META }, { matchId: match.id });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await statusOf(match.id)).status).toBe("SUGGESTED");
  });
});

describe("POST /api/v1/matches/{id}/review", () => {
  it("rejects with a reason, then answers 409 with who decided, and 422 without a reason", async () => {
    const { match } = await suggestedPair("api-review");
    const review = async (who: { id: string }, body: unknown) =>
      callRoute("api/v1/matches/[id]/review", `/api/v1/matches/${match.id}/review`, { method: "POST", cookie: await sessionTokenFor(who.id), body }, { id: match.id });

    expect((await review(admin, { decision: "reject" })).status).toBe(422);
    const first = await review(admin, { decision: "reject", reason: "Outside the investor's provinces" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ id: match.id, status: "REJECTED" });
    const second = await review(otherAdmin, { decision: "approve" });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: "CONFLICT", message: "errors.match.alreadyReviewed", params: { status: "REJECTED", name: admin.name } } });
    expect(await statusOf(match.id)).toMatchObject({ status: "REJECTED", reviewNote: "Outside the investor's provinces" });
  });
});

describe("the review queue", () => {
  it("lists SUGGESTED matches best first under the sector, agency, score and age filters, page by page", async () => {
    const agency = await createAgency("Queue agency");
    const pairs = await Promise.all(["queue-a", "queue-b", "queue-c"].map((label) => suggestedPair(label, { agency: agency.id })));
    await Promise.all(pairs.map((pair, index) => db().match.update({ where: { id: pair.match.id }, data: { score: 90 - index } })));
    const old = pairs[2]!;
    await db().match.update({ where: { id: old.match.id }, data: { createdAt: new Date(Date.now() - 40 * 24 * 3600 * 1000) } });
    const query = (filters: Record<string, unknown>, cursor?: string) =>
      listReviewMatches(admin.actor, { view: "queue", filters: { agencyId: agency.id, ...filters }, cursor, limit: 2, locale: "en" });

    const first = await query({});
    expect(first.items.map((item) => item.id)).toEqual([pairs[0]!.match.id, pairs[1]!.match.id]);
    expect(first.items[0]).toMatchObject({ investor: { email: pairs[0]!.investor.email }, listing: { title: pairs[0]!.listing.title } });
    const second = await query({}, first.nextCursor!);
    expect(second.items.map((item) => item.id)).toEqual([old.match.id]);
    expect(second.nextCursor).toBeNull();

    expect((await query({ minScore: 89 })).items.map((item) => item.id)).toEqual([pairs[0]!.match.id, pairs[1]!.match.id]);
    expect((await query({ age: "older" })).items.map((item) => item.id)).toEqual([old.match.id]);
    expect((await query({ age: "week" })).items).toHaveLength(2);
    const { slug } = await db().sector.findUniqueOrThrow({ where: { id: pairs[1]!.sector.id }, select: { slug: true } });
    expect((await query({ sector: slug })).items.map((item) => item.id)).toEqual([pairs[1]!.match.id]);

    await approveMatch(admin.actor, { matchId: pairs[0]!.match.id }, TEST_META);
    const reviewed = await listReviewMatches(admin.actor, { view: "reviewed", filters: { agencyId: agency.id }, locale: "en" });
    expect(reviewed.items).toMatchObject([{ id: pairs[0]!.match.id, status: "APPROVED", reviewedByName: admin.name }]);
    expect((await query({})).items.map((item) => item.id)).not.toContain(pairs[0]!.match.id);
  });

  it("is read by admins only", async () => {
    const staff = await createUser({ role: "STAFF", organizationId: agencyId, label: "queue-staff" });
    await expect(listReviewMatches((await actorFor(staff.id)) as TActiveActor, { view: "queue", filters: {}, locale: "en" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("matching weights settings", () => {
  const settings = (overrides: Record<string, unknown> = {}) => ({ ...INITIAL_MATCHING_WEIGHTS, threshold: 40, maxPerInvestor: 100, ...overrides });

  it("saves a new version (audited), leaving earlier versions untouched", async () => {
    // The test database is not seeded: a first version stands in for the seeded one.
    const first = await invokeAction(saveMatchingWeightsSpec, { actor: otherAdmin.actor, meta: TEST_META }, settings());
    if (!first.ok) throw new Error(first.message);
    const before = await db().matchingWeights.findUniqueOrThrow({ where: { version: first.data.version } });
    // The same values as version 1: other files scoring in parallel see no difference.
    const result = await invokeAction(saveMatchingWeightsSpec, { actor: admin.actor, meta: TEST_META }, settings({ sector: "30" }));

    expect(result).toMatchObject({ ok: true, data: { version: before.version + 1 } });
    const saved = await db().matchingWeights.findUniqueOrThrow({ where: { version: before.version + 1 } });
    expect(saved).toMatchObject({ weights: INITIAL_MATCHING_WEIGHTS, threshold: 40, maxPerInvestor: 100, createdById: admin.id });
    expect(await db().matchingWeights.findUniqueOrThrow({ where: { version: before.version } })).toEqual(before);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "matching.weights.saved", targetId: String(saved.version) } });
    expect(entry).toMatchObject({ actorId: admin.id, data: { previousVersion: before.version } });
  });

  it("refuses weights that do not add up to 100 and out-of-range settings, field by field, writing nothing", async () => {
    const versions = await db().matchingWeights.count();
    const result = await invokeAction(saveMatchingWeightsSpec, { actor: admin.actor, meta: TEST_META }, settings({ sector: 35, threshold: 101, maxPerInvestor: "x" }));
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { threshold: ["errors.field.range"], maxPerInvestor: ["errors.field.integer"] },
    });
    const sumOnly = await invokeAction(saveMatchingWeightsSpec, { actor: admin.actor, meta: TEST_META }, settings({ sector: 35 }));
    expect(sumOnly).toMatchObject({ ok: false, fieldErrors: { weights: ["errors.match.weightsSum"] } });
    expect(await db().matchingWeights.count()).toBe(versions);
  });

  it("previews a sample investor's top matches under proposed weights without writing anything", async () => {
    const sector = await createSector("Preview");
    const investor = await createInvestorWithProfile("preview");
    await db().investorProfile.update({ where: { id: investor.profileId }, data: { sectorIds: [sector.id], anywhereInPakistan: true } });
    const complete = await createListingInState(agencyId, "PUBLISHED", { sectorId: sector.id, label: "Preview complete" });
    const sparse = await createListingInState(agencyId, "PUBLISHED", { sectorId: sector.id, label: "Preview sparse" });
    await db().listing.update({ where: { id: complete.id }, data: { completeness: 100 } });
    const snapshot = async () => [await db().matchingWeights.count(), await db().match.count(), await db().auditLog.count()];
    const before = await snapshot();

    const proposed = settings({ sector: 10, ticket: 10, location: 10, instrument: 5, stage: 5, incentive: 5, freshness: 5, completeness: 50, threshold: 0 });
    const result = await invokeAction(previewMatchingWeightsSpec, { actor: admin.actor, meta: TEST_META }, { ...proposed, profileId: investor.profileId });

    expect(await snapshot()).toEqual(before);
    if (!result.ok) throw new Error(result.message);
    expect(result.data.candidates).toBe(2);
    const byId = new Map(result.data.rows.map((row) => [row.listingId, row]));
    expect(byId.get(complete.id)?.proposed?.rank).toBe(1);
    expect(byId.get(complete.id)!.proposed!.score - byId.get(sparse.id)!.proposed!.score).toBe(50);
    expect(byId.get(complete.id)!.current!.score - byId.get(sparse.id)!.current!.score).toBe(5);
    expect(byId.get(complete.id)?.title).toBe(complete.title);
  });
});
