import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { buttonClass } from "@/components/ui/button-class";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { requirePageRole } from "@/lib/auth/current";
import { describeNotification } from "@/lib/notifications/kinds";
import { countUnreadNotifications, listMyNotifications } from "@/lib/notifications/queries";
import { markAllNotificationsReadAction, openNotificationAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.page");
  return { title: t("title") };
}

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function NotificationsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requirePageRole();
  const raw = await searchParams;
  const cursor = first(raw.cursor) || undefined;
  const [page, unread, t, tKinds, tRoot, format] = await Promise.all([
    listMyNotifications(actor, { cursor }),
    countUnreadNotifications(actor),
    getTranslations("notifications.page"),
    getTranslations("notifications.kinds"),
    getTranslations(),
    getFormatter(),
  ]);
  const error = first(raw.error);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      {first(raw.marked) === "1" && (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("markedAll")}
        </p>
      )}
      {error && /^errors\.[\w.]+$/.test(error) && tRoot.has(error) && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {tRoot(error)}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-700" data-testid="unread-summary">
          {t("unread", { count: unread })}
        </p>
        {unread > 0 && (
          <form action={markAllNotificationsReadAction}>
            <button type="submit" className={buttonClass("secondary")}>
              {t("markAll")}
            </button>
          </form>
        )}
      </div>

      {page.items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center" data-testid="notifications-empty">
          <p className="font-medium">{cursor ? t("emptyPage") : t("empty")}</p>
          <p className="mt-1 text-sm text-stone-600">{t("emptyHint")}</p>
        </div>
      ) : (
        <ol className="space-y-2" data-testid="notifications-list">
          {page.items.map((item) => {
            const view = describeNotification(item.kind, item.payload);
            const unreadItem = item.readAt === null;
            return (
              <li
                key={item.id}
                data-testid="notification-item"
                data-unread={unreadItem ? "true" : "false"}
                className={`rounded-lg border p-3 ${unreadItem ? "border-brand-100 border-l-4 border-l-brand-600 bg-brand-50" : "border-stone-200 bg-white"}`}
              >
                <form action={openNotificationAction}>
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className="w-full text-left">
                    <span className={`block ${unreadItem ? "font-semibold" : ""} text-brand-900 underline-offset-2 hover:underline`}>
                      {unreadItem && <span className="sr-only">{t("unreadLabel")} </span>}
                      {tKinds(view.key, view.params)}
                    </span>
                    <span className="mt-1 block text-xs text-stone-600">
                      <time dateTime={item.createdAt}>{format.dateTime(new Date(item.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
                    </span>
                  </button>
                </form>
              </li>
            );
          })}
        </ol>
      )}

      <KeysetPager
        label={t("pagination")}
        firstHref={cursor ? "/notifications" : null}
        nextHref={page.nextCursor ? `/notifications?cursor=${encodeURIComponent(page.nextCursor)}` : null}
        firstLabel={t("newest")}
        nextLabel={t("older")}
      />
    </div>
  );
}
