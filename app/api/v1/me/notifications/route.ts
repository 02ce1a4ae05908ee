import { requireUser } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { describeNotification } from "@/lib/notifications/kinds";
import { countUnreadNotifications, listMyNotifications } from "@/lib/notifications/queries";
import { renderNotificationText } from "@/lib/notifications/render";
import { ZMyNotificationsQuery, type TMyNotificationsPage } from "@/lib/notifications/schemas";

/** The caller's own notifications, newest first, in their language; reading them marks nothing read. */
export const GET = apiRoute(async ({ actor, request }): Promise<TMyNotificationsPage> => {
  const user = requireUser(actor);
  const query = parseInput(ZMyNotificationsQuery, Object.fromEntries(new URL(request.url).searchParams.entries()));
  const [page, unread] = await Promise.all([listMyNotifications(user, query), countUnreadNotifications(user)]);
  return {
    unread,
    items: page.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      text: renderNotificationText(user.locale, item.kind, item.payload),
      href: describeNotification(item.kind, item.payload).href,
      readAt: item.readAt,
      createdAt: item.createdAt,
    })),
    nextCursor: page.nextCursor,
  };
});
