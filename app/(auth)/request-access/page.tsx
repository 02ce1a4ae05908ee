import type { Metadata } from "next";
import { AuthAlternatives } from "@/components/accounts/auth-alternatives";
import { getLocale, getTranslations } from "next-intl/server";
import { RequestAccessForm } from "@/components/accounts/request-access-form";
import { PageHeading } from "@/components/ui/page-heading";
import { listAgencies } from "@/lib/accounts/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.requestAccess");
  return { title: t("title") };
}

export default async function RequestAccessPage() {
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const t = await getTranslations("auth.requestAccess");
  const tl = await getTranslations("enums.locale");
  const agencies = await listAgencies(locale);
  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />
      <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <RequestAccessForm
          agencies={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
          localeOptions={[
            { value: "en", label: tl("en") },
            { value: "ja", label: tl("ja") },
          ]}
          defaultLocale={locale}
        />
      </div>
      <AuthAlternatives items={[{ lead: t("investor"), href: "/register", label: t("registerLink") }]} />
    </>
  );
}
