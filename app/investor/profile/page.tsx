import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { InvestorProfileWizard } from "@/components/investors/investor-profile-wizard";
import { draftFromProfile } from "@/components/investors/profile-draft";
import { ProfileSummary } from "@/components/investors/profile-summary";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { findOwnInvestorProfile } from "@/lib/investors/queries";
import { listSectorsForPicker } from "@/lib/sectors/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("investorProfile");
  return { title: t("profileTitle") };
}

export default async function InvestorProfilePage() {
  const actor = await requirePageRole("INVESTOR");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const profile = await findOwnInvestorProfile(actor);
  if (!profile?.onboardedAt) redirect("/investor/onboarding");
  const [sectors, t] = await Promise.all([listSectorsForPicker(locale), getTranslations("investorProfile")]);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <PageHeading title={t("profileTitle")} />
      <ProfileSummary profile={profile} sectors={sectors} locale={locale} />
      <section aria-labelledby="profile-edit-heading" className="space-y-4">
        <h2 id="profile-edit-heading" className="text-lg font-semibold">
          {t("editTitle")}
        </h2>
        <InvestorProfileWizard mode="edit" initial={draftFromProfile(profile, profile.ticketCurrency)} sectors={sectors} />
      </section>
    </div>
  );
}
