// "My matches": an investor sees only their own approved/introduced matches,
// ranked, with reasons rendered in their language, and can dismiss them.
import { beforeAll, describe, expect, it } from "vitest";
import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import en from "@/lib/i18n/messages/en.json";
import { dismissMatchSpec } from "@/lib/matching/actions";
import { listMyMatches } from "@/lib/matching/queries";
import { renderReasons } from "@/lib/matching/render";
import { TEST_META, actorFor, createAgency, createInvestorWithProfile, createPublishedListing, createSector, createUser } from "../support/factories";

type TInvestor = Awaited<ReturnType<typeof createInvestorWithProfile>>;
let agencyId: string;
let investorA: TInvestor;
let investorB: TInvestor;
let actorA: TActiveActor;
let actorB: TActiveActor;
let parentSector: { id: string; nameEn: string };
let childSector: { id: string; nameEn: string };

async function matchFor(investor: TInvestor, status: "SUGGESTED" | "APPROVED" | "INTRODUCED" | "REJECTED" | "DISMISSED", score: number, listingSectorIds: string[] = []) {
  const listing = await createPublishedListing(agencyId, `My matches ${status} ${score}`);
  if (listingSectorIds.length > 0) await db().listing.update({ where: { id: listing.id }, data: { sectorIds: listingSectorIds } });
  const match = await db().match.create({
    data: { investorProfileId: investor.profileId, listingId: listing.id, score, status, weightsVersion: 1 },
    select: { id: true, listingId: true },
  });
  return match;
}

function translate(key: string, values: Record<string, string | number>): string {
  const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en);
  if (typeof template !== "string") throw new Error(`no message ${key}`);
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? ""));
}

beforeAll(async () => {
  agencyId = (await createAgency("My matches agency")).id;
  investorA = await createInvestorWithProfile("my-matches-a");
  investorB = await createInvestorWithProfile("my-matches-b");
  actorA = (await actorFor(investorA.id)) as TActiveActor;
  actorB = (await actorFor(investorB.id)) as TActiveActor;
  parentSector = await createSector("Food processing");
  childSector = await createSector("Dairy", parentSector.id);
});

describe("listMyMatches", () => {
  it("never lists SUGGESTED or REJECTED matches; lists APPROVED with reasons derived from both sides", async () => {
    const investor = await createInvestorWithProfile("my-matches-visibility");
    const actor = (await actorFor(investor.id)) as TActiveActor;
    // The investor chose the parent sector, the listing is in its child: the
    // strongest reason (sector, 30 × 0.7 points) names both, and comes first.
    await db().investorProfile.update({ where: { id: investor.profileId }, data: { sectorIds: [parentSector.id] } });
    const sectorReason = { code: "sector.parent", params: { listingSector: childSector.id, investorSector: parentSector.id } };
    const suggested = await matchFor(investor, "SUGGESTED", 95);
    const rejected = await matchFor(investor, "REJECTED", 90);
    const approved = await matchFor(investor, "APPROVED", 70, [childSector.id]);
    const page = await listMyMatches(actor, { sort: "score", limit: 20 });
    const ids = page.items.map((item) => item.id);
    expect(ids).toEqual([approved.id]);
    expect(ids).not.toContain(suggested.id);
    expect(ids).not.toContain(rejected.id);
    expect(page.items[0]!.reasons[0]).toEqual(sectorReason);
    expect(page.items[0]!.reasons.map((reason) => reason.code)).toContain("location.anywhere");
    expect(page.items[0]!.listing).toMatchObject({ id: approved.listingId, agencyName: expect.stringContaining("My matches agency") });
    // Even asking for a status cannot reveal a suggestion.
    expect((await listMyMatches(actor, { sort: "score", status: "APPROVED", limit: 20 })).items.map((item) => item.id)).toEqual([approved.id]);

    const byId = new Map([
      [childSector.id, childSector.nameEn],
      [parentSector.id, parentSector.nameEn],
    ]);
    const rendered = renderReasons(page.items[0]!.reasons, translate, { locale: "en", sectorName: (id) => byId.get(id) ?? "", enumLabel: (_kind, value) => value });
    expect(rendered[0]).toBe(`${childSector.nameEn} matches your interest in ${parentSector.nameEn}`);
  });

  it("orders by score (then listing id) and pages with a cursor", async () => {
    const investor = await createInvestorWithProfile("my-matches-order");
    const actor = (await actorFor(investor.id)) as TActiveActor;
    const low = await matchFor(investor, "APPROVED", 40);
    const high = await matchFor(investor, "INTRODUCED", 88);
    const midA = await matchFor(investor, "APPROVED", 60);
    const midB = await matchFor(investor, "APPROVED", 60);
    const mids = [midA, midB].sort((x, y) => (x.listingId < y.listingId ? -1 : 1)).map((m) => m.id);
    const expected = [high.id, ...mids, low.id];

    const all = await listMyMatches(actor, { sort: "score", limit: 20 });
    expect(all.items.map((item) => item.id)).toEqual(expected);
    expect(all.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMyMatches(actor, { sort: "score", limit: 1, cursor });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it("is for investors only", async () => {
    const staff = (await actorFor((await createUser({ role: "STAFF", organizationId: agencyId, label: "my-matches-staff" })).id)) as TActiveActor;
    await expect(listMyMatches(staff, { sort: "score", limit: 20 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("another investor's matches", () => {
  it("are never listed, and dismissing one by id is a 404 that changes nothing", async () => {
    const ofB = await matchFor(investorB, "APPROVED", 99);
    const ofA = await matchFor(investorA, "APPROVED", 50);
    for (const status of [undefined, "APPROVED", "INTRODUCED", "DISMISSED"] as const) {
      const ids = (await listMyMatches(actorA, { sort: "score", status, limit: 100 })).items.map((item) => item.id);
      expect(ids).not.toContain(ofB.id);
    }
    expect((await listMyMatches(actorA, { sort: "score", limit: 100 })).items.map((item) => item.id)).toContain(ofA.id);

    const before = await db().match.findUniqueOrThrow({ where: { id: ofB.id } });
    const result = await invokeAction(dismissMatchSpec, { actor: actorA, meta: TEST_META }, { matchId: ofB.id, reason: "Not mine" });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db().match.findUniqueOrThrow({ where: { id: ofB.id } })).toEqual(before);
    expect(await db().auditLog.count({ where: { action: "match.dismissed", targetId: ofB.id } })).toBe(0);
  });
});

describe("dismissMatch", () => {
  it("dismisses the investor's own match, records the reason and audits it", async () => {
    const match = await matchFor(investorB, "INTRODUCED", 77);
    const result = await invokeAction(dismissMatchSpec, { actor: actorB, meta: TEST_META }, { matchId: match.id, reason: "  Too far from our plants  " });
    expect(result).toMatchObject({ ok: true, data: { id: match.id, status: "DISMISSED" } });
    const row = await db().match.findUniqueOrThrow({ where: { id: match.id }, select: { status: true, dismissedAt: true, dismissReason: true } });
    expect(row.status).toBe("DISMISSED");
    expect(row.dismissedAt).toBeInstanceOf(Date);
    expect(row.dismissReason).toBe("Too far from our plants");
    const entry = await db().auditLog.findFirst({ where: { action: "match.dismissed", targetId: match.id }, select: { actorId: true, ip: true } });
    expect(entry).toEqual({ actorId: investorB.id, ip: TEST_META.ip });

    // Gone from the default list, there under DISMISSED; a second dismiss is a conflict.
    expect((await listMyMatches(actorB, { sort: "score", limit: 100 })).items.map((item) => item.id)).not.toContain(match.id);
    expect((await listMyMatches(actorB, { sort: "score", status: "DISMISSED", limit: 100 })).items.map((item) => item.id)).toContain(match.id);
    expect(await invokeAction(dismissMatchSpec, { actor: actorB, meta: TEST_META }, { matchId: match.id })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("refuses a reason over 500 characters and a suggestion nobody approved", async () => {
    const approved = await matchFor(investorB, "APPROVED", 30);
    expect(await invokeAction(dismissMatchSpec, { actor: actorB, meta: TEST_META }, { matchId: approved.id, reason: "x".repeat(501) })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    const suggested = await matchFor(investorB, "SUGGESTED", 30);
    expect(await invokeAction(dismissMatchSpec, { actor: actorB, meta: TEST_META }, { matchId: suggested.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db().match.findUniqueOrThrow({ where: { id: suggested.id } })).status).toBe("SUGGESTED");
  });
});
