import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { InvestorProfileWizard } from "@/components/investors/investor-profile-wizard";
import { draftFromProfile } from "@/components/investors/profile-draft";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { findOwnInvestorProfile } from "@/lib/investors/queries";
import { listSectorsForPicker } from "@/lib/sectors/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("investorProfile");
  return { title: t("onboardingTitle") };
}

export default async function InvestorOnboardingPage() {
  const actor = await requirePageRole("INVESTOR");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const profile = await findOwnInvestorProfile(actor);
  // Onboarding is done once; later changes happen on the profile page.
  if (profile?.onboardedAt) redirect("/investor/profile");
  const [sectors, t] = await Promise.all([listSectorsForPicker(locale), getTranslations("investorProfile")]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeading title={t("onboardingTitle")} intro={t("onboardingIntro")} />
      <InvestorProfileWizard mode="onboarding" initial={draftFromProfile(profile, locale === "ja" ? "JPY" : "USD")} sectors={sectors} />
    </div>
  );
}
