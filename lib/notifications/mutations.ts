// A user marks their own notifications read: one (when they open it) or all.
// Anybody else's id is a 404, like one that does not exist. Reading is not an
// audited event: it changes nothing anyone else sees.
import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { notificationOwnWhere } from "./access";
import { describeNotification, type TNotificationPayload } from "./kinds";

/** Marks the notification read (if it was not) and returns where it leads. */
export async function openNotification(actor: TActiveActor, input: { id: string }): Promise<{ id: string; href: string }> {
  const row = await db().notification.findFirst({
    where: { AND: [{ id: input.id }, notificationOwnWhere(actor)] },
    select: { id: true, kind: true, payload: true, readAt: true },
  });
  if (!row) throw notFound();
  if (!row.readAt) {
    await db().notification.updateMany({ where: { AND: [{ id: row.id, readAt: null }, notificationOwnWhere(actor)] }, data: { readAt: new Date() } });
  }
  return { id: row.id, href: describeNotification(row.kind, (row.payload ?? {}) as TNotificationPayload).href };
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllNotificationsRead(actor: TActiveActor): Promise<{ count: number }> {
  const { count } = await db().notification.updateMany({ where: { AND: [notificationOwnWhere(actor), { readAt: null }] }, data: { readAt: new Date() } });
  return { count };
}
