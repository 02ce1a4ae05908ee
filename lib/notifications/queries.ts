// Reads of a user's own notifications: the bell's unread count (served by the
// (user_id, read_at, created_at) index) and the newest-first, keyset-paged list.
import type { TActiveActor } from "@/lib/auth/guards";
import { db, type Prisma } from "@/lib/db/client";
import { notificationOwnWhere } from "./access";
import type { TNotificationPayload } from "./kinds";
import { decodeCursor, encodeCursor, isDateString } from "@/lib/http/cursor";
import { isUuid } from "@/lib/http/validation";

/** Unread notifications of the user; the header shows it on every page, so it stays one index lookup. */
export async function countUnreadNotifications(actor: Pick<TActiveActor, "id">): Promise<number> {
  return db().notification.count({ where: { ...notificationOwnWhere(actor), readAt: null } });
}

export const NOTIFICATION_PAGE_SIZE = { default: 20, max: 100 } as const;

export type TNotificationDto = {
  id: string;
  kind: string;
  payload: TNotificationPayload;
  readAt: string | null;
  createdAt: string;
};

export type TNotificationsPage = { items: TNotificationDto[]; nextCursor: string | null };

type TCursor = { at: string; id: string };

/** A cursor that does not decode starts again at the newest (it only ever comes from our own links). */
function readCursor(value: unknown): TCursor | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [at, id] = value as unknown[];
  return isDateString(at) && isUuid(id) ? { at, id } : null;
}

function payloadOf(value: Prisma.JsonValue): TNotificationPayload {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as TNotificationPayload) : {};
}

/** The user's notifications, newest first (ties by id), one page at a time. */
export async function listMyNotifications(
  actor: Pick<TActiveActor, "id">,
  query: { cursor?: string; limit?: number } = {},
): Promise<TNotificationsPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? NOTIFICATION_PAGE_SIZE.default) || NOTIFICATION_PAGE_SIZE.default, 1), NOTIFICATION_PAGE_SIZE.max);
  const cursor = decodeCursor(query.cursor, readCursor);
  const after: Prisma.NotificationWhereInput = cursor
    ? { OR: [{ createdAt: { lt: new Date(cursor.at) } }, { createdAt: new Date(cursor.at), id: { lt: cursor.id } }] }
    : {};
  const rows = await db().notification.findMany({
    where: { AND: [notificationOwnWhere(actor), after] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, kind: true, payload: true, readAt: true, createdAt: true },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      payload: payloadOf(row.payload),
      readAt: row.readAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}
