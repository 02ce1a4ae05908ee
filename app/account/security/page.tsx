import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TotpEnrolment } from "@/components/accounts/totp-enrolment";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { getAccount } from "@/lib/accounts/queries";
import { requirePageRole } from "@/lib/auth/current";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("title") };
}

export default async function SecurityPage({ searchParams }: { searchParams: TSearchParams }) {
  // Not requirePageRole("STAFF", "ADMIN"): that sends an admin without 2FA back
  // here (to enrol) in a loop. Any active user passes; investors are refused below.
  const actor = await requirePageRole();
  if (actor.role === "INVESTOR") redirect("/forbidden");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const account = await getAccount(actor.id, locale);
  if (!account) redirect("/sign-in");
  const { enrol } = await searchParams;
  const t = await getTranslations("security");
  const format = await getFormatter();

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeading title={t("title")} />
      {account.totpEnabled && account.totpEnabledAt ? (
        <Notice tone="success" title={t("enabledTitle")}>
          <p data-testid="totp-enabled-since">
            {t("enabledSince", { date: format.dateTime(account.totpEnabledAt, { dateStyle: "long", timeStyle: "short" }) })}
          </p>
          <p>{t("enabledBody")}</p>
          {account.role === "ADMIN" && (
            <p>
              <Link href="/admin" className="font-medium underline">
                {t("toAdmin")}
              </Link>
            </p>
          )}
        </Notice>
      ) : (
        <>
          {enrol === "required" && (
            <Notice tone="warning" role="alert" title={t("requiredTitle")}>
              <p>{t("requiredBody")}</p>
            </Notice>
          )}
          <section aria-labelledby="totp-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
            <h2 id="totp-heading" className="text-lg font-semibold">
              {t("setUpTitle")}
            </h2>
            <p className="text-stone-700">{t("explain")}</p>
            <p className="text-stone-700">{t("explainApps")}</p>
            <TotpEnrolment />
          </section>
        </>
      )}
      <p className="text-sm">
        <Link href="/account" className="text-brand-700 underline">
          {t("backToAccount")}
        </Link>
      </p>
    </div>
  );
}
