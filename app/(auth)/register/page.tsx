import type { Metadata } from "next";
import Link from "next/link";
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
      <div className="mt-6 space-y-2 text-sm text-stone-700">
        <p>
          {t("haveAccount")}{" "}
          <Link href="/sign-in" className="text-brand-700 underline">
            {t("signInLink")}
          </Link>
        </p>
        <p>
          {t("agencyStaff")}{" "}
          <Link href="/request-access" className="text-brand-700 underline">
            {t("requestAccessLink")}
          </Link>
        </p>
      </div>
    </>
  );
}
