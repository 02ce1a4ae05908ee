import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { requireAgencyStaff } from "@/lib/auth/guards";
import { getLeadStats } from "@/lib/interests/leads";
import { countAgencyListingsByStatus } from "@/lib/listings/staff-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.home");
  return { title: t("title") };
}

const CARD = "block h-full rounded-xl border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-600 focus-visible:border-brand-600";

export default async function StaffHomePage() {
  const actor = requireAgencyStaff(await requirePageRole("STAFF"));
  const t = await getTranslations("staff.home");
  const [counts, leadStats, tLeads] = await Promise.all([countAgencyListingsByStatus(actor), getLeadStats(actor), getTranslations("leads.home")]);
  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />
      <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        <li>
          <Link href="/staff/listings" className={CARD}>
            <span className="block text-lg font-semibold text-brand-900">{t("listings")}</span>
            <span className="mt-1 block text-sm text-stone-600">{t("listingsBody")}</span>
            <span className="mt-3 block text-sm text-stone-700">
              {t("counts", { drafts: counts.DRAFT, submitted: counts.SUBMITTED, published: counts.PUBLISHED })}
            </span>
          </Link>
        </li>
        <li>
          <Link href="/staff/leads" className={CARD}>
            <span className="block text-lg font-semibold text-brand-900">{tLeads("title")}</span>
            <span className="mt-1 block text-sm text-stone-600">{tLeads("body")}</span>
            <span className={`mt-3 block text-sm ${leadStats.overdue > 0 ? "font-semibold text-red-700" : "text-stone-700"}`}>
              {tLeads("counts", { total: leadStats.total, overdue: leadStats.overdue })}
            </span>
          </Link>
        </li>
        <li>
          <Link href="/staff/listings/new" className={CARD}>
            <span className="block text-lg font-semibold text-brand-900">{t("newListing")}</span>
            <span className="mt-1 block text-sm text-stone-600">{t("newListingBody")}</span>
          </Link>
        </li>
      </ul>
    </>
  );
}
