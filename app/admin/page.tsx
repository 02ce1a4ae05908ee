import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardCharts } from "@/components/admin/dashboard-charts";
import { JapanPakistanContext } from "@/components/admin/japan-pakistan-context";
import { PageHeading } from "@/components/ui/page-heading";
import { countPendingStaff } from "@/lib/accounts/queries";
import { loadDashboard } from "@/lib/admin/dashboard";
import { requirePageRole } from "@/lib/auth/current";
import { countSubmittedListings } from "@/lib/listings/moderation-queries";
import { countSuggestedMatches } from "@/lib/matching/review-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.home");
  return { title: t("title") };
}

export default async function AdminHomePage() {
  await requirePageRole("ADMIN");
  const t = await getTranslations("admin.home");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const [pending, submitted, suggested, dashboard] = await Promise.all([countPendingStaff(), countSubmittedListings(), countSuggestedMatches(), loadDashboard(locale)]);
  const cards = [
    { href: "/admin/users", title: t("users"), body: t("usersBody"), badge: pending > 0 ? t("pendingCount", { count: pending }) : null },
    { href: "/admin/listings", title: t("listings"), body: t("listingsBody"), badge: submitted > 0 ? t("submittedCount", { count: submitted }) : null },
    { href: "/admin/rates", title: t("rates"), body: t("ratesBody"), badge: null },
    { href: "/admin/matches", title: t("matches"), body: t("matchesBody"), badge: suggested > 0 ? t("matchesCount", { count: suggested }) : null },
    { href: "/admin/settings/matching", title: t("matchingSettings"), body: t("matchingSettingsBody"), badge: null },
    { href: "/admin/settings/sectors", title: t("sectors"), body: t("sectorsBody"), badge: null },
    { href: "/admin/audit", title: t("audit"), body: t("auditBody"), badge: null },
  ];
  return (
    <div className="space-y-8">
      <PageHeading title={t("title")} intro={t("intro")} />
      <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {cards.map((card) => (
          <li key={card.href}>
            <Link
              href={card.href}
              className="block h-full rounded-xl border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-600 focus-visible:border-brand-600"
            >
              <span className="block text-lg font-semibold text-brand-900">{card.title}</span>
              <span className="mt-1 block text-sm text-stone-600">{card.body}</span>
              {card.badge && (
                <span className="mt-3 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">{card.badge}</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      <DashboardCharts dashboard={dashboard} />
      <JapanPakistanContext />
    </div>
  );
}
