import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { ProfileForm } from "@/components/accounts/profile-form";
import { SessionControls } from "@/components/accounts/session-controls";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeading } from "@/components/ui/page-heading";
import { getAccount } from "@/lib/accounts/queries";
import { requirePageRole } from "@/lib/auth/current";
import { hasOnboardedProfile } from "@/lib/investors/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id={id} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountPage() {
  const actor = await requirePageRole();
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const account = await getAccount(actor.id, locale);
  if (!account) redirect("/sign-in");
  const t = await getTranslations("account");
  const te = await getTranslations("enums");
  const privileged = account.role !== "INVESTOR";
  const onboarded = account.role === "INVESTOR" ? await hasOnboardedProfile(actor.id) : true;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeading title={t("title")} />
      {!onboarded && (
        <section aria-labelledby="complete-profile-heading" className="rounded-xl border-2 border-brand-600 bg-brand-50 p-6 shadow-sm">
          <h2 id="complete-profile-heading" className="text-lg font-semibold">
            {t("completeProfile.title")}
          </h2>
          <p className="mt-2 text-sm text-stone-700">{t("completeProfile.body")}</p>
          <Link href="/investor/onboarding" className={`${buttonClass("primary")} mt-4`} data-testid="complete-profile-link">
            {t("completeProfile.link")}
          </Link>
        </section>
      )}
      <dl className="grid gap-x-6 gap-y-2 rounded-xl border border-stone-200 bg-white p-6 text-sm shadow-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-stone-600">{t("email")}</dt>
        <dd className="font-medium" data-testid="account-email">
          {account.email}
        </dd>
        <dt className="text-stone-600">{t("role")}</dt>
        <dd>{te(`role.${account.role}`)}</dd>
        {account.organizationName && (
          <>
            <dt className="text-stone-600">{t("organization")}</dt>
            <dd>{account.organizationName}</dd>
          </>
        )}
        {privileged && (
          <>
            <dt className="text-stone-600">{t("twoStep")}</dt>
            <dd>
              {account.totpEnabled ? t("twoStepOn") : t("twoStepOff")}{" "}
              <Link href="/account/security" className="text-brand-700 underline">
                {t("manageTwoStep")}
              </Link>
            </dd>
          </>
        )}
      </dl>

      <Section id="profile-heading" title={t("profile.title")}>
        <ProfileForm
          initial={{ name: account.name, locale: account.locale, notificationMode: account.notificationMode }}
          localeOptions={[
            { value: "en", label: te("locale.en") },
            { value: "ja", label: te("locale.ja") },
          ]}
          notificationOptions={[
            { value: "IMMEDIATE", label: te("notificationMode.IMMEDIATE") },
            { value: "DAILY_DIGEST", label: te("notificationMode.DAILY_DIGEST") },
          ]}
        />
      </Section>

      <Section id="password-heading" title={t("password.title")}>
        <ChangePasswordForm />
      </Section>

      <Section id="sessions-heading" title={t("sessions.title")}>
        <SessionControls />
      </Section>

      {account.role === "INVESTOR" && onboarded && (
        <Section id="investment-profile-heading" title={t("investmentProfile.title")}>
          <Link href="/investor/profile" className="text-brand-700 underline">
            {t("investmentProfile.link")}
          </Link>
          <p className="mt-2">
            <Link href="/investor/matches" className="text-brand-700 underline">
              {t("investmentProfile.matchesLink")}
            </Link>
          </p>
          <p className="mt-2">
            <Link href="/investor/searches" className="text-brand-700 underline">
              {t("investmentProfile.searchesLink")}
            </Link>
          </p>
        </Section>
      )}

      {privileged && (
        <Section id="api-access-heading" title={t("apiAccess.title")}>
          <p className="mb-3 text-sm text-stone-700">{t("apiAccess.body")}</p>
          <Link href="/account/api-tokens" className="text-brand-700 underline">
            {t("apiAccess.manage")}
          </Link>
        </Section>
      )}
    </div>
  );
}
