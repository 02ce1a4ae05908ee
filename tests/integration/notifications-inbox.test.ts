// The in-app inbox: the bell counts only the user's own unread notifications;
// the list is newest first and keyset-paged; opening one marks it read and
// returns its link; nobody can open or mark another user's notifications.
import { afterAll, describe, expect, it } from "vitest";
import type { TActiveActor } from "@/lib/auth/guards";
import { db, disconnectDb } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { markAllNotificationsReadSpec, openNotificationSpec } from "@/lib/notifications/actions";
import { countUnreadNotifications, listMyNotifications } from "@/lib/notifications/queries";
import { callRoute } from "../support/api";
import { actorFor, createUser, sessionTokenFor, TEST_META } from "../support/factories";

afterAll(async () => {
  await disconnectDb();
});

const listingId = "7f1c1d2e-2222-4c3b-9a55-0123456789ab";

async function activeActor(userId: string): Promise<TActiveActor> {
  return (await actorFor(userId)) as TActiveActor;
}

/** `count` notifications, one second apart, the last one newest. */
async function seed(userId: string, count: number, base = Date.now() - 3_600_000) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const row = await db().notification.create({
      data: { userId, kind: "LISTING_UPDATED", payload: { listingId, listingTitle: `Zone ${i}` }, createdAt: new Date(base + i * 1000) },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

describe("unread count", () => {
  it("counts only the user's own unread notifications", async () => {
    const me = await createUser({ role: "INVESTOR", label: "bell-me" });
    const other = await createUser({ role: "INVESTOR", label: "bell-other" });
    const mine = await seed(me.id, 3);
    await seed(other.id, 5);
    await db().notification.update({ where: { id: mine[0]! }, data: { readAt: new Date() } });

    expect(await countUnreadNotifications({ id: me.id })).toBe(2);
    expect(await countUnreadNotifications({ id: other.id })).toBe(5);
  });
});

describe("listMyNotifications", () => {
  it("pages newest first without gaps or repeats, and only the user's own", async () => {
    const me = await createUser({ role: "STAFF", label: "inbox-pages" });
    const other = await createUser({ role: "INVESTOR", label: "inbox-other" });
    const ids = await seed(me.id, 5);
    // Two rows with the same timestamp: the id breaks the tie.
    const tieAt = new Date(Date.now() - 7_200_000);
    const ties = await Promise.all(
      [0, 1].map(async () => (await db().notification.create({ data: { userId: me.id, kind: "LISTING_SENT_BACK", payload: { listingId, listingTitle: "Tie" }, createdAt: tieAt }, select: { id: true } })).id),
    );
    await seed(other.id, 2);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listMyNotifications({ id: me.id }, { cursor, limit: 2 });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);

    expect(seen).toEqual([...[...ids].reverse(), ...[...ties].sort().reverse()]);
    expect(pages).toBe(4);
    const first = await listMyNotifications({ id: me.id }, { limit: 1 });
    expect(first.items[0]).toMatchObject({ kind: "LISTING_UPDATED", readAt: null, payload: { listingTitle: "Zone 4" } });
  });

  it("ignores a cursor that does not decode (starts at the newest)", async () => {
    const me = await createUser({ role: "INVESTOR", label: "inbox-badcursor" });
    const ids = await seed(me.id, 2);
    const page = await listMyNotifications({ id: me.id }, { cursor: "not-a-cursor" });
    expect(page.items.map((item) => item.id)).toEqual([...ids].reverse());
  });
});

describe("openNotification", () => {
  it("marks the owner's notification read and returns its link", async () => {
    const me = await createUser({ role: "INVESTOR", label: "open-me" });
    const [id] = await seed(me.id, 1);

    const result = await invokeAction(openNotificationSpec, { actor: await activeActor(me.id), meta: TEST_META }, { id });

    expect(result).toEqual({ ok: true, data: { id, href: `/opportunities/${listingId}` } });
    expect((await db().notification.findUniqueOrThrow({ where: { id: id! } })).readAt).not.toBeNull();
    expect(await countUnreadNotifications({ id: me.id })).toBe(0);
  });

  it("keeps the first read time when opened again", async () => {
    const me = await createUser({ role: "INVESTOR", label: "open-twice" });
    const [id] = await seed(me.id, 1);
    const actor = await activeActor(me.id);
    await invokeAction(openNotificationSpec, { actor, meta: TEST_META }, { id });
    const readAt = (await db().notification.findUniqueOrThrow({ where: { id: id! } })).readAt;
    await invokeAction(openNotificationSpec, { actor, meta: TEST_META }, { id });
    expect((await db().notification.findUniqueOrThrow({ where: { id: id! } })).readAt).toEqual(readAt);
  });

  it("refuses another user's notification with 404 and leaves it unread", async () => {
    const owner = await createUser({ role: "INVESTOR", label: "open-owner" });
    const admin = await createUser({ role: "ADMIN", totp: true, label: "open-admin" });
    const [id] = await seed(owner.id, 1);

    for (const userId of [admin.id, (await createUser({ role: "STAFF", label: "open-staff" })).id]) {
      const result = await invokeAction(openNotificationSpec, { actor: await activeActor(userId), meta: TEST_META }, { id });
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect((await db().notification.findUniqueOrThrow({ where: { id: id! } })).readAt).toBeNull();
  });

  it("rejects a malformed id as a field error", async () => {
    const me = await createUser({ role: "INVESTOR", label: "open-bad" });
    const result = await invokeAction(openNotificationSpec, { actor: await activeActor(me.id), meta: TEST_META }, { id: "12" });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { id: ["errors.field.invalidId"] } });
  });
});

describe("markAllNotificationsRead", () => {
  it("marks every unread notification of the caller and nobody else's", async () => {
    const me = await createUser({ role: "STAFF", label: "markall-me" });
    const other = await createUser({ role: "STAFF", label: "markall-other" });
    await seed(me.id, 3);
    await seed(other.id, 2);

    const result = await invokeAction(markAllNotificationsReadSpec, { actor: await activeActor(me.id), meta: TEST_META }, {});

    expect(result).toEqual({ ok: true, data: { count: 3 } });
    expect(await countUnreadNotifications({ id: me.id })).toBe(0);
    expect(await countUnreadNotifications({ id: other.id })).toBe(2);
  });

  it("refuses the signed-out and the suspended", async () => {
    const suspended = await createUser({ role: "INVESTOR", status: "SUSPENDED", label: "markall-suspended" });
    await seed(suspended.id, 1);
    expect(await invokeAction(markAllNotificationsReadSpec, { actor: null, meta: TEST_META }, {})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await invokeAction(markAllNotificationsReadSpec, { actor: await actorFor(suspended.id), meta: TEST_META }, {})).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await countUnreadNotifications({ id: suspended.id })).toBe(1);
  });
});

describe("GET /api/v1/me/notifications", () => {
  it("answers the caller's own notifications in their language, with the unread count and a cursor", async () => {
    const me = await createUser({ role: "INVESTOR", label: "api-inbox" });
    await db().user.update({ where: { id: me.id }, data: { locale: "ja" } });
    const other = await createUser({ role: "INVESTOR", label: "api-inbox-other" });
    const ids = await seed(me.id, 3);
    await seed(other.id, 2);
    await db().notification.update({ where: { id: ids[0]! }, data: { readAt: new Date() } });

    const response = await callRoute("api/v1/me/notifications", "/api/v1/me/notifications?limit=2", { cookie: await sessionTokenFor(me.id) });

    expect(response.status).toBe(200);
    const body = (await response.json()) as { unread: number; items: { id: string; text: string; href: string; readAt: string | null }[]; nextCursor: string | null };
    expect(body.unread).toBe(2);
    expect(body.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect(body.items[0]).toMatchObject({ href: `/opportunities/${listingId}`, readAt: null });
    expect(body.items[0]!.text).toContain("Zone 2");
    expect(body.items[0]!.text).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
    expect(body.nextCursor).not.toBeNull();

    const next = await callRoute("api/v1/me/notifications", `/api/v1/me/notifications?limit=2&cursor=${body.nextCursor}`, { cookie: await sessionTokenFor(me.id) });
    expect(((await next.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toEqual([ids[0]]);
    // Reading through the API marks nothing read.
    expect(await countUnreadNotifications({ id: me.id })).toBe(2);
  });

  it("refuses a page size out of range with a field error", async () => {
    const me = await createUser({ role: "STAFF", label: "api-inbox-limit" });
    const response = await callRoute("api/v1/me/notifications", "/api/v1/me/notifications?limit=500", { cookie: await sessionTokenFor(me.id) });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "VALIDATION", fieldErrors: { limit: ["errors.field.range"] } } });
  });
});
