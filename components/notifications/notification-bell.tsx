// The header's bell: a link to /notifications with the unread count. The count
// is read on the server with the page (one index lookup), capped at "99+".
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export const BELL_CAP = 99;

export async function NotificationBell({ unread }: { unread: number }) {
  const t = await getTranslations("notifications.bell");
  const label = unread === 0 ? t("none") : unread > BELL_CAP ? t("many", { max: BELL_CAP }) : t("some", { count: unread });
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      data-unread={unread}
      className="relative inline-flex items-center rounded p-1 text-stone-700 hover:bg-brand-50 hover:text-brand-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 && (
        <span aria-hidden="true" data-testid="notification-count" className="absolute -right-2 -top-1 min-w-[1.25rem] rounded-full bg-accent-500 px-1 text-center text-xs font-semibold leading-5 text-white">
          {unread > BELL_CAP ? `${BELL_CAP}+` : unread}
        </span>
      )}
    </Link>
  );
}
