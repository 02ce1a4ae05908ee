// Saved searches: filters are validated by the search schema before they are
// stored (422 with a field error per bad parameter), only the owner sees or
// changes a search, create and delete are audited, and alerts take a baseline
// first, then notify once per batch of listings never seen before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TActor } from "@/lib/auth/session";
import { db, disconnectDb } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { createSavedSearchSpec, deleteSavedSearchSpec, renameSavedSearchSpec, setSavedSearchAlertSpec } from "@/lib/saved-searches/actions";
import { runSavedSearchAlert, runSavedSearchAlerts } from "@/lib/saved-searches/alerts";
import { listMySavedSearches, runMySavedSearch } from "@/lib/saved-searches/queries";
import { SAVED_SEARCH_LIMITS } from "@/lib/saved-searches/schemas";
import { randomUUID } from "node:crypto";
import { TEST_META, actorFor, createAgency, createSearchListing, createSector, createUser } from "../support/factories";

afterAll(async () => {
  await disconnectDb();
});

let agencyId: string;
let sector: { id: string; slug: string };

beforeAll(async () => {
  agencyId = (await createAgency("Saved search agency")).id;
  const created = await createSector("Saved search leather");
  sector = { id: created.id, slug: (await db().sector.findUniqueOrThrow({ where: { id: created.id }, select: { slug: true } })).slug };
});

async function investor(label: string) {
  const user = await createUser({ role: "INVESTOR", label });
  return { ...user, actor: (await actorFor(user.id)) as TActiveActor };
}

const create = (actor: TActor | null, input: Record<string, unknown>) => invokeAction(createSavedSearchSpec, { actor, meta: TEST_META }, input);

describe("saving a search", () => {
  it("stores the canonical filters (no page, cursor or page size) and audits it", async () => {
    const me = await investor("save-ok");
    const result = await create(me.actor, { name: "Leather in Punjab", query: `?province=punjab&sector=${sector.slug}&q=tannery&limit=50&cursor=abc`, alert: "on" });

    expect(result).toMatchObject({ ok: true, data: { name: "Leather in Punjab", alert: true } });
    const id = result.ok ? result.data.id : "";
    const row = await db().savedSearch.findUniqueOrThrow({ where: { id } });
    expect(row.query).toEqual({ q: "tannery", sector: sector.slug, province: "PUNJAB" });
    expect(row).toMatchObject({ userId: me.id, alert: true });
    expect(await db().auditLog.count({ where: { action: "savedSearch.created", targetId: id, actorId: me.id } })).toBe(1);

    const [listed] = await listMySavedSearches(me.actor);
    expect(listed).toMatchObject({ id, name: "Leather in Punjab", href: `/opportunities?q=tannery&sector=${sector.slug}&province=PUNJAB` });
  });

  it("an unchecked alert box saves the search without alerts", async () => {
    const me = await investor("save-noalert");
    const result = await create(me.actor, { name: "Quiet", query: "province=SINDH" });
    expect(result).toMatchObject({ ok: true, data: { alert: false } });
  });

  it.each([
    ["an unknown value", "province=MARS", "query.province", "errors.field.invalidChoice"],
    ["an unknown parameter", "colour=red", "query.colour", "errors.search.unknownParam"],
    ["an unknown sector", "sector=no-such-sector-anywhere", "query.sector", "errors.search.unknownSector"],
    ["a repeated single value", "sort=newest&sort=size", "query.sort", "errors.search.repeated"],
  ])("refuses %s with a 422 field error and stores nothing", async (_label, query, field, message) => {
    const me = await investor("save-bad");
    const result = await create(me.actor, { name: "Junk", query, alert: "on" });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", message: "errors.savedSearch.invalidQuery" });
    expect(!result.ok && result.fieldErrors?.[field]).toContain(message);
    expect(await db().savedSearch.count({ where: { userId: me.id } })).toBe(0);
  });

  it("requires a name, refuses a name already used (any case) and too long a name", async () => {
    const me = await investor("save-names");
    expect(await create(me.actor, { name: "  ", query: "" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: ["errors.field.required"] } });
    expect(await create(me.actor, { name: "x".repeat(SAVED_SEARCH_LIMITS.nameMax + 1), query: "" })).toMatchObject({ ok: false, fieldErrors: { name: ["errors.field.tooLong"] } });
    expect((await create(me.actor, { name: "Dairy", query: "q=dairy" })).ok).toBe(true);
    expect(await create(me.actor, { name: "dairy", query: "q=milk" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: ["errors.savedSearch.nameTaken"] } });
  });

  it(`keeps at most ${SAVED_SEARCH_LIMITS.perUser} per user, with a clear error`, async () => {
    const me = await investor("save-cap");
    await db().savedSearch.createMany({ data: Array.from({ length: SAVED_SEARCH_LIMITS.perUser }, (_, i) => ({ userId: me.id, name: `Search ${i}`, query: {} })) });
    const result = await create(me.actor, { name: "One too many", query: "q=steel" });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT", message: "errors.savedSearch.limit", params: { max: SAVED_SEARCH_LIMITS.perUser } });
    expect(await db().savedSearch.count({ where: { userId: me.id } })).toBe(SAVED_SEARCH_LIMITS.perUser);
  });

  it("is for investors only", async () => {
    const staff = await createUser({ role: "STAFF", organizationId: agencyId, label: "save-staff" });
    expect(await create(await actorFor(staff.id), { name: "Staff", query: "" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await create(null, { name: "Anon", query: "" })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});

describe("managing saved searches", () => {
  it("only the owner renames, switches alerts, runs or deletes; others get 404 and change nothing", async () => {
    const owner = await investor("manage-owner");
    const other = await investor("manage-other");
    const saved = await create(owner.actor, { name: "Mine", query: "province=PUNJAB", alert: "on" });
    const id = saved.ok ? saved.data.id : "";
    const before = await db().savedSearch.findUniqueOrThrow({ where: { id } });

    const ctx = { actor: other.actor, meta: TEST_META };
    expect(await invokeAction(renameSavedSearchSpec, ctx, { id, name: "Theirs" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await invokeAction(setSavedSearchAlertSpec, ctx, { id, alert: "false" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await invokeAction(deleteSavedSearchSpec, ctx, { id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await expect(runMySavedSearch(other.actor, id, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listMySavedSearches(other.actor)).toEqual([]);
    expect(await db().savedSearch.findUniqueOrThrow({ where: { id } })).toEqual(before);

    const mine = { actor: owner.actor, meta: TEST_META };
    expect(await invokeAction(renameSavedSearchSpec, mine, { id, name: "Punjab" })).toEqual({ ok: true, data: { id, name: "Punjab" } });
    expect(await invokeAction(setSavedSearchAlertSpec, mine, { id, alert: "false" })).toEqual({ ok: true, data: { id, alert: false } });
    expect(await invokeAction(deleteSavedSearchSpec, mine, { id })).toEqual({ ok: true, data: { id } });
    expect(await db().savedSearch.count({ where: { id } })).toBe(0);
    expect(await db().auditLog.count({ where: { action: "savedSearch.deleted", targetId: id, actorId: owner.id } })).toBe(1);
  });

  it("run now counts today's published matches without touching what alerts have seen", async () => {
    const me = await investor("run-now");
    const word = `Runnowword${Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 8)}`;
    await createSearchListing({ agencyId, title: `${word} park one` });
    await createSearchListing({ agencyId, title: `${word} park two` });
    await createSearchListing({ agencyId, title: `${word} draft`, status: "DRAFT" });
    const saved = await create(me.actor, { name: "Run", query: `q=${word}`, alert: "on" });
    const id = saved.ok ? saved.data.id : "";
    const seen = { baselineAt: true, seenListingIds: true, lastRunAt: true } as const;
    const before = await db().savedSearch.findUniqueOrThrow({ where: { id }, select: seen });
    await createSearchListing({ agencyId, title: `${word} park three` });

    expect(await runMySavedSearch(me.actor, id, "en")).toEqual({ id, total: 3, totalRelation: "eq", href: `/opportunities?q=${word}` });
    expect(await db().savedSearch.findUniqueOrThrow({ where: { id }, select: seen })).toEqual(before);
    expect(before.seenListingIds).toHaveLength(2);
  });
});

describe("alerts", () => {
  it("the first run (when saved) is a baseline; a newly published match notifies once with count 1; the next run notifies nothing", async () => {
    const me = await investor("alerts");
    const old = await createSearchListing({ agencyId, title: "Old leather zone", sectorIds: [sector.id] });
    const saved = await create(me.actor, { name: "Leather", query: `sector=${sector.slug}`, alert: "on" });
    const id = saved.ok ? saved.data.id : "";

    const baseline = await db().savedSearch.findUniqueOrThrow({ where: { id } });
    expect(baseline.baselineAt).not.toBeNull();
    expect(baseline.seenListingIds).toContain(old.id);
    expect(await db().notification.count({ where: { userId: me.id } })).toBe(0);

    const fresh = await createSearchListing({ agencyId, title: "New leather park", sectorIds: [sector.id] });
    await createSearchListing({ agencyId, title: "Unpublished leather plot", sectorIds: [sector.id], status: "SUBMITTED" });
    await createSearchListing({ agencyId, title: "Textile park elsewhere" });

    expect(await runSavedSearchAlert(id)).toEqual({ outcome: "notified", newListings: 1 });
    const notifications = await db().notification.findMany({ where: { userId: me.id }, select: { kind: true, payload: true } });
    expect(notifications).toEqual([{ kind: "SAVED_SEARCH_MATCHES", payload: { savedSearchId: id, searchName: "Leather", count: 1 } }]);
    expect((await db().savedSearch.findUniqueOrThrow({ where: { id } })).seenListingIds[0]).toBe(fresh.id);

    expect(await runSavedSearchAlert(id)).toEqual({ outcome: "unchanged", newListings: 0 });
    await runSavedSearchAlerts();
    expect(await db().notification.count({ where: { userId: me.id } })).toBe(1);
  });

  it("a search stored without a baseline takes it on its first scheduled run and notifies nobody", async () => {
    const me = await investor("alerts-first-run");
    await createSearchListing({ agencyId, title: "Leather yard already there", sectorIds: [sector.id] });
    const row = await db().savedSearch.create({ data: { userId: me.id, name: "Direct", query: { sector: sector.slug }, alert: true }, select: { id: true } });

    const all = await runSavedSearchAlerts();

    expect(all.baselines).toBeGreaterThanOrEqual(1);
    expect((await db().savedSearch.findUniqueOrThrow({ where: { id: row.id } })).baselineAt).not.toBeNull();
    expect(await db().notification.count({ where: { userId: me.id } })).toBe(0);
    expect(await runSavedSearchAlert(row.id)).toEqual({ outcome: "unchanged", newListings: 0 });
  });

  it("searches without alerts, or of suspended users, are not run", async () => {
    const quiet = await investor("alerts-off");
    const saved = await create(quiet.actor, { name: "Off", query: "q=anything", alert: "off" });
    const id = saved.ok ? saved.data.id : "";
    expect(await runSavedSearchAlert(id)).toEqual({ outcome: "skipped", newListings: 0 });

    const suspended = await investor("alerts-suspended");
    const on = await create(suspended.actor, { name: "On", query: "q=anything", alert: "on" });
    await db().user.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
    expect(await runSavedSearchAlert(on.ok ? on.data.id : "")).toEqual({ outcome: "skipped", newListings: 0 });
  });

  it("turning alerts back on starts a new baseline, so what was published meanwhile does not arrive in a burst", async () => {
    const me = await investor("alerts-reset");
    const word = `Resetword${Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 8)}`;
    const saved = await create(me.actor, { name: "Reset", query: `q=${word}`, alert: "on" });
    const id = saved.ok ? saved.data.id : "";
    const ctx = { actor: me.actor, meta: TEST_META };
    await invokeAction(setSavedSearchAlertSpec, ctx, { id, alert: "false" });
    const meanwhile = await createSearchListing({ agencyId, title: `${word} while off` });
    await invokeAction(setSavedSearchAlertSpec, ctx, { id, alert: "on" });

    expect((await db().savedSearch.findUniqueOrThrow({ where: { id } })).seenListingIds).toEqual([meanwhile.id]);
    expect(await runSavedSearchAlert(id)).toEqual({ outcome: "unchanged", newListings: 0 });
    expect(await db().notification.count({ where: { userId: me.id } })).toBe(0);
    const later = await createSearchListing({ agencyId, title: `${word} after` });
    expect(await runSavedSearchAlert(id)).toEqual({ outcome: "notified", newListings: 1 });
    expect((await db().savedSearch.findUniqueOrThrow({ where: { id } })).seenListingIds).toEqual([later.id, meanwhile.id]);
  });

  it(`tracks at most ${SAVED_SEARCH_LIMITS.trackedIds} listings per search, the newest, and still notifies about a new one`, async () => {
    const me = await investor("alerts-cap");
    const word = `Capword${Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 8)}`;
    const start = Date.now() - 86_400_000;
    await db().listing.createMany({
      data: Array.from({ length: SAVED_SEARCH_LIMITS.trackedIds + 5 }, (_, i) => ({
        slug: `test-${randomUUID()}`,
        kind: "SEZ" as const,
        status: "PUBLISHED" as const,
        agencyId,
        title: `${word} plot ${i}`,
        summary: "Many listings for the tracking cap.",
        province: "PUNJAB" as const,
        stage: "READY" as const,
        publishedAt: new Date(start + i * 1000),
      })),
    });
    const saved = await create(me.actor, { name: "Many", query: `q=${word}`, alert: "on" });
    const id = saved.ok ? saved.data.id : "";
    expect((await db().savedSearch.findUniqueOrThrow({ where: { id } })).seenListingIds).toHaveLength(SAVED_SEARCH_LIMITS.trackedIds);

    const fresh = await createSearchListing({ agencyId, title: `${word} newest plot` });
    expect(await runSavedSearchAlert(id)).toEqual({ outcome: "notified", newListings: 1 });
    const seen = (await db().savedSearch.findUniqueOrThrow({ where: { id } })).seenListingIds;
    expect(seen).toHaveLength(SAVED_SEARCH_LIMITS.trackedIds);
    expect(seen[0]).toBe(fresh.id);
    // Other files share this database and count broad searches exactly: take the crowd away again.
    await db().listing.deleteMany({ where: { title: { startsWith: word } } });
  });

  it("a stored query that no longer parses is reported as invalid, not run", async () => {
    const me = await investor("alerts-stale");
    const row = await db().savedSearch.create({ data: { userId: me.id, name: "Stale", query: { province: "ATLANTIS" }, alert: true }, select: { id: true } });
    expect(await runSavedSearchAlert(row.id)).toEqual({ outcome: "invalid", newListings: 0 });
    const [listed] = await listMySavedSearches(me.actor);
    expect(listed).toMatchObject({ id: row.id, params: null, href: "/opportunities" });
  });
});
