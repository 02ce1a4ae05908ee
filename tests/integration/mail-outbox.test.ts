// The outbox without SMTP: rows are written (atomically with the caller's
// transaction), nothing is queued, and the reads behind /dev/outbox page through
// them newest first.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { enqueueDelivery, latestEmailTo, listOutbox, sendEmail, type TOutboxEmail } from "@/lib/mail/outbox";
import { templates } from "@/lib/mail/templates";

function uniqueAddress(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@outbox-test.kizuna.example`;
}

afterAll(async () => {
  await disconnectDb();
});

describe("sendEmail without SMTP", () => {
  it("writes the rendered email as a PENDING row and queues nothing", async () => {
    expect(process.env.SMTP_URL ?? "").toBe("");
    const to = uniqueAddress("Mixed.Case");
    const params = { name: "Hiroshi <b>Sato</b>", url: "https://kizuna.example/reset-password?token=t1" };

    const id = await sendEmail({ to: `  ${to}  `, template: "passwordReset", params, locale: "ja" });

    const expected = templates.passwordReset(params, "ja");
    const row = await db().emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      toAddress: to.toLowerCase(),
      subject: expected.subject,
      textBody: expected.text,
      htmlBody: expected.html,
      template: "passwordReset",
      locale: "ja",
      status: "PENDING",
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(await enqueueDelivery(id)).toBe(false);
  });

  it("refuses a recipient that is not an email address, writing nothing", async () => {
    const before = await db().emailOutbox.count();
    await expect(
      sendEmail({ to: "not an address", template: "passwordChanged", params: { name: "A" }, locale: "en" }),
    ).rejects.toThrow(/not an email address/);
    expect(await db().emailOutbox.count()).toBe(before);
  });

  it("writes inside the caller's transaction: a rollback takes the email with it", async () => {
    const to = uniqueAddress("rollback");
    await expect(
      db().$transaction(async (tx) => {
        await sendEmail({ to, template: "passwordChanged", params: { name: "A" }, locale: "en" }, tx);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await latestEmailTo(to)).toBeNull();

    const id = await db().$transaction((tx) => sendEmail({ to, template: "passwordChanged", params: { name: "A" }, locale: "en" }, tx));
    expect((await latestEmailTo(to))?.id).toBe(id);
  });
});

describe("outbox reads", () => {
  it("latestEmailTo finds the newest email to an address, optionally by template", async () => {
    const to = uniqueAddress("latest");
    const first = await sendEmail({ to, template: "staffApproved", params: { name: "A", signInUrl: "https://kizuna.example/sign-in" }, locale: "en" });
    const second = await sendEmail({ to, template: "passwordChanged", params: { name: "A" }, locale: "en" });

    expect((await latestEmailTo(to.toUpperCase()))?.id).toBe(second);
    expect((await latestEmailTo(to, { template: "staffApproved" }))?.id).toBe(first);
    expect(await latestEmailTo(to, { template: "passwordReset" })).toBeNull();
    const latest = await latestEmailTo(to);
    expect(latest?.text).toContain("Dear A,");
    expect(Object.keys(latest ?? {}).sort()).toEqual(
      ["attempts", "createdAt", "html", "id", "lastError", "locale", "sentAt", "status", "subject", "template", "text", "to"].sort(),
    );
  });

  it("listOutbox pages through every row newest first, without overlap", async () => {
    const to = uniqueAddress("page");
    const mine: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      mine.push(await sendEmail({ to, template: "staffRejected", params: { name: `N${i}`, reason: `R${i}` }, locale: "en" }));
    }

    const seen: TOutboxEmail[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listOutbox({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 1_000);

    expect(cursor).toBeNull();
    const ids = seen.map((email) => email.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await db().emailOutbox.count());
    // Newest first: (createdAt, id) never increases along the pages.
    for (let i = 1; i < seen.length; i += 1) {
      const [previous, current] = [seen[i - 1], seen[i]];
      if (!previous || !current) continue;
      // uuids compare as PostgreSQL compares them: lower-case hex, dashes in the same places.
      const order = previous.createdAt.getTime() - current.createdAt.getTime() || (previous.id > current.id ? 1 : -1);
      expect(order).toBeGreaterThan(0);
    }
    expect(ids.filter((id) => mine.includes(id)).sort()).toEqual([...mine].sort());
  });

  it("listOutbox clamps the page size and ignores a malformed cursor", async () => {
    await sendEmail({ to: uniqueAddress("clamp"), template: "passwordChanged", params: { name: "A" }, locale: "en" });
    const first = await listOutbox({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(await listOutbox({ limit: 1, cursor: "'; drop table email_outbox; --" })).toEqual(first);
    expect((await listOutbox({ limit: 0 })).items).toHaveLength(1);
    expect((await listOutbox({ limit: 10_000 })).items.length).toBeLessThanOrEqual(100);
  });
});
