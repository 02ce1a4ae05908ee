import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/current";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tInterests = await getTranslations("interests.nav");
  const locale = await getLocale();
  const actor = await currentActor();
  const user = actor?.status === "ACTIVE" ? actor : null;
  const unread = user ? await countUnreadNotifications(user) : 0;
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-baseline gap-2 text-lg font-semibold text-brand-900">
          <span aria-hidden="true" className="text-accent-500">絆</span>
          <span>Kizuna</span>
        </Link>
        <nav aria-label={t("primary")} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <Link href="/" className="hover:underline">
            {t("home")}
          </Link>
          <Link href="/opportunities" className="hover:underline">
            {t("opportunities")}
          </Link>
          {user ? (
            <>
              {user.role === "STAFF" && user.organizationId && (
                <>
                  <Link href="/staff/listings" className="hover:underline">
                    {t("myListings")}
                  </Link>
                  <Link href="/staff/leads" className="hover:underline">
                    {tInterests("leads")}
                  </Link>
                </>
              )}
              {user.role === "INVESTOR" && (
                <>
                  <Link href="/investor/matches" className="hover:underline">
                    {t("myMatches")}
                  </Link>
                  <Link href="/investor/saved" className="hover:underline">
                    {tInterests("saved")}
                  </Link>
                  <Link href="/investor/interests" className="hover:underline">
                    {tInterests("interests")}
                  </Link>
                </>
              )}
              {user.role === "ADMIN" && (
                <Link href="/admin" className="hover:underline">
                  {t("admin")}
                </Link>
              )}
              <NotificationBell unread={unread} />
              <Link href="/account" className="hover:underline">
                {t("account")}
              </Link>
              <span className="text-stone-600" data-testid="signed-in-as">
                {t("signedInAs", { name: user.name })}
              </span>
              <SignOutButton className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50" />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="hover:underline">
                {t("signIn")}
              </Link>
              <Link href="/register" className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700">
                {t("register")}
              </Link>
            </>
          )}
          <LanguageSwitch current={locale === "ja" ? "ja" : "en"} />
        </nav>
      </div>
    </header>
  );
}
