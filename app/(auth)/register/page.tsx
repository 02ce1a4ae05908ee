import type { Metadata } from "next";
import { AuthAlternatives } from "@/components/accounts/auth-alternatives";
import { getLocale, getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/accounts/register-form";
import { PageHeading } from "@/components/ui/page-heading";
import { countryOptions } from "@/lib/i18n/countries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.register");
  return { title: t("title") };
}

export default async function RegisterPage() {
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const t = await getTranslations("auth.register");
  const tl = await getTranslations("enums.locale");
  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />
      <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <RegisterForm
          countries={countryOptions(locale)}
          localeOptions={[
            { value: "ja", label: tl("ja") },
            { value: "en", label: tl("en") },
          ]}
          defaultLocale={locale}
        />
      </div>
      <AuthAlternatives
        items={[
          { lead: t("haveAccount"), href: "/sign-in", label: t("signInLink") },
          { lead: t("agencyStaff"), href: "/request-access", label: t("requestAccessLink") },
        ]}
      />
    </>
  );
}
