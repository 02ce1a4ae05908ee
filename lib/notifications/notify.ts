// Notifications: an in-app row per recipient, plus an email through the outbox —
// at once for users who chose IMMEDIATE, or later in the daily digest for those
// who chose DAILY_DIGEST (sendNotificationDigests). Written inside the caller's
// transaction, so "interest recorded" and "agency notified" commit together.
//
//   await transactionWithEmails(async (tx, send) => {
//     …the change…
//     await notify(tx, { userIds, kind: "INTEREST_RECEIVED", payload }, send);
//   });
// Without `send` (inside a plain db().$transaction) the emails are still written
// to the outbox in the transaction; the mail worker's sweep delivers them within
// a minute or two instead of at once.
import { db, type Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sendEmail, transactionWithEmails, type TQueueEmail } from "@/lib/mail/outbox";
import type { TNotificationKind, TNotificationPayload } from "./kinds";
import { renderNotificationText } from "./render";

type TTx = Prisma.TransactionClient;

export type TNotifyInput = {
  userIds: readonly string[];
  kind: TNotificationKind;
  payload: TNotificationPayload;
  /** The caller sends its own email about this (e.g. the introduction): write the in-app rows only. */
  emailedByCaller?: boolean;
};

/**
 * The absolute link in emails: through /notifications/{id}/open, which marks the
 * notification read before going where it leads (describeNotification's href).
 */
export function notificationUrl(notificationId: string): string {
  return new URL(`/notifications/${notificationId}/open`, env().APP_URL).toString();
}

/**
 * Writes one notification per distinct recipient and emails the IMMEDIATE ones
 * (active, verified accounts only). Returns the number of notifications written.
 */
export async function notify(tx: TTx, input: TNotifyInput, send: TQueueEmail = (email) => sendEmail(email, tx)): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (!userIds.length) return 0;
  const users = await tx.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, email: true, locale: true, status: true, emailVerifiedAt: true, notificationMode: true },
  });
  const now = new Date();
  const payload = input.payload as Prisma.InputJsonObject;
  const emailNow = (user: (typeof users)[number]) => user.notificationMode === "IMMEDIATE" && user.status === "ACTIVE" && user.emailVerifiedAt !== null;
  // One statement for every recipient's row; the email is part of the same transaction.
  const rows = await tx.notification.createManyAndReturn({
    data: users.map((user) => ({ userId: user.id, kind: input.kind, payload, emailedAt: emailNow(user) ? now : null })),
    select: { id: true, userId: true },
  });
  if (input.emailedByCaller) return users.length;
  const rowOf = new Map(rows.map((row) => [row.userId, row.id]));
  for (const user of users.filter(emailNow)) {
    await send({
      to: user.email,
      template: "notification",
      params: { name: user.name, text: renderNotificationText(user.locale, input.kind, input.payload), url: notificationUrl(rowOf.get(user.id)!) },
      locale: user.locale,
    });
  }
  return users.length;
}

/** Outside a transaction of the caller's: its own, with the emails queued after commit. */
export async function notifyNow(input: TNotifyInput): Promise<number> {
  return transactionWithEmails((tx, send) => notify(tx, input, send));
}

const DIGEST_ITEMS = 20;

export type TDigestResult = { users: number; notifications: number };

/**
 * The daily digest: one email per DAILY_DIGEST user (active, verified) with the
 * notifications not yet emailed, which are then marked emailed. Safe to run
 * twice: the second run finds nothing left to send.
 */
export async function sendNotificationDigests(now: Date = new Date()): Promise<TDigestResult> {
  const recipients = await db().user.findMany({
    where: {
      notificationMode: "DAILY_DIGEST",
      status: "ACTIVE",
      emailVerifiedAt: { not: null },
      notifications: { some: { emailedAt: null, createdAt: { lte: now } } },
    },
    select: { id: true },
  });
  let notifications = 0;
  for (const { id } of recipients) {
    notifications += await transactionWithEmails(async (tx, send) => {
      // Locks the user's pending rows so two digest runs cannot both send them.
      const pending = await tx.$queryRaw<{ id: string; kind: string; payload: TNotificationPayload }[]>`
        SELECT id, kind, payload FROM notifications
        WHERE user_id = ${id}::uuid AND emailed_at IS NULL AND created_at <= ${now}
        ORDER BY created_at DESC
        FOR UPDATE SKIP LOCKED`;
      if (!pending.length) return 0;
      const user = await tx.user.findUniqueOrThrow({ where: { id }, select: { name: true, email: true, locale: true } });
      await send({
        to: user.email,
        template: "notificationDigest",
        params: {
          name: user.name,
          total: pending.length,
          items: pending.slice(0, DIGEST_ITEMS).map((row) => ({
            text: renderNotificationText(user.locale, row.kind, row.payload),
            url: notificationUrl(row.id),
          })),
        },
        locale: user.locale,
      });
      await tx.notification.updateMany({ where: { id: { in: pending.map((row) => row.id) } }, data: { emailedAt: now } });
      return pending.length;
    });
  }
  return { users: recipients.length, notifications };
}
