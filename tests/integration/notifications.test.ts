// Notifications: an in-app row per recipient; IMMEDIATE users get an email in the
// same transaction, DAILY_DIGEST users one digest email later; the digest never
// sends a notification twice.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { latestEmailTo } from "@/lib/mail/outbox";
import { notifyNow, sendNotificationDigests } from "@/lib/notifications/notify";
import { renderNotificationText } from "@/lib/notifications/render";
import { createUser, sessionTokenFor } from "../support/factories";

afterAll(async () => {
  await disconnectDb();
});

const listingId = "7f1c1d2e-1111-4c3b-9a55-0123456789ab";

describe("notify", () => {
  it("writes a row per recipient and emails IMMEDIATE users in their language", async () => {
    const investor = await createUser({ role: "INVESTOR", label: "notify-now" });
    await db().user.update({ where: { id: investor.id }, data: { locale: "ja" } });

    const written = await notifyNow({ userIds: [investor.id, investor.id], kind: "MATCH_APPROVED", payload: { listingId, listingTitle: "Faisalabad dairy park", score: 82 } });

    expect(written).toBe(1);
    const rows = await db().notification.findMany({ where: { userId: investor.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "MATCH_APPROVED", readAt: null });
    expect(rows[0]?.emailedAt).not.toBeNull();
    const email = await latestEmailTo(investor.email, { template: "notification" });
    expect(email?.locale).toBe("ja");
    expect(email?.text).toContain("新しいマッチ：Faisalabad dairy park（スコア 82）");
    // The link goes through the notification, which marks it read on the way to My matches.
    expect(email?.text).toMatch(new RegExp(`https?://[^\\s]+/notifications/${rows[0]!.id}/open`));
  });

  it("the email link marks the reader's own notification read and leads on; anyone else gets a 404 and changes nothing", async () => {
    const { GET } = await import("@/app/notifications/[id]/open/route");
    const owner = await createUser({ role: "INVESTOR", label: "email-link-owner" });
    const other = await createUser({ role: "INVESTOR", label: "email-link-other" });
    await notifyNow({ userIds: [owner.id], kind: "MATCH_APPROVED", payload: { listingId, listingTitle: "Sundar industrial estate", score: 75 } });
    const row = await db().notification.findFirstOrThrow({ where: { userId: owner.id }, select: { id: true } });
    const open = async (userId: string | null, id: string = row.id) => {
      const headers = new Headers();
      if (userId) headers.set("cookie", `next-auth.session-token=${await sessionTokenFor(userId)}`);
      return GET(new Request(`http://localhost:3000/notifications/${id}/open`, { headers }), { params: Promise.resolve({ id }) });
    };

    expect((await open(null)).status).toBe(401);
    expect((await open(other.id)).status).toBe(404);
    expect((await open(owner.id, "not-a-uuid")).status).toBe(404);
    expect((await db().notification.findUniqueOrThrow({ where: { id: row.id } })).readAt).toBeNull();

    const response = await open(owner.id);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/investor/matches");
    expect((await db().notification.findUniqueOrThrow({ where: { id: row.id } })).readAt).not.toBeNull();
  });

  it("does not email suspended or DAILY_DIGEST users at once", async () => {
    const suspended = await createUser({ role: "INVESTOR", status: "SUSPENDED", label: "notify-suspended" });
    const digest = await createUser({ role: "INVESTOR", label: "notify-digest" });
    await db().user.update({ where: { id: digest.id }, data: { notificationMode: "DAILY_DIGEST" } });

    await notifyNow({ userIds: [suspended.id, digest.id], kind: "LISTING_UPDATED", payload: { listingId, listingTitle: "Reko Diq" } });

    expect(await latestEmailTo(suspended.email)).toBeNull();
    expect(await latestEmailTo(digest.email)).toBeNull();
    expect(await db().notification.count({ where: { userId: { in: [suspended.id, digest.id] }, emailedAt: null } })).toBe(2);
  });
});

describe("daily digest", () => {
  it("sends one email with every pending notification, once", async () => {
    const user = await createUser({ role: "STAFF", label: "digest" });
    await db().user.update({ where: { id: user.id }, data: { notificationMode: "DAILY_DIGEST" } });
    await notifyNow({ userIds: [user.id], kind: "INTEREST_RECEIVED", payload: { listingId, listingTitle: "Quaid-e-Azam Business Park", investorName: "Sato" } });
    await notifyNow({ userIds: [user.id], kind: "LISTING_SENT_BACK", payload: { listingId, listingTitle: "M-3 Industrial City" } });

    const first = await sendNotificationDigests();

    expect(first.notifications).toBeGreaterThanOrEqual(2);
    const email = await latestEmailTo(user.email, { template: "notificationDigest" });
    expect(email?.subject).toContain("2 updates");
    expect(email?.text).toContain(renderNotificationText("en", "INTEREST_RECEIVED", { listingTitle: "Quaid-e-Azam Business Park", investorName: "Sato" }));
    expect(email?.text).toContain("M-3 Industrial City");
    expect(await db().notification.count({ where: { userId: user.id, emailedAt: null } })).toBe(0);

    const emailsBefore = await db().emailOutbox.count({ where: { toAddress: user.email.toLowerCase() } });
    await sendNotificationDigests();
    expect(await db().emailOutbox.count({ where: { toAddress: user.email.toLowerCase() } })).toBe(emailsBefore);
  });
});
