import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { countPendingStaff } from "@/lib/accounts/queries";
import { requirePageRole } from "@/lib/auth/current";
import { countSubmittedListings } from "@/lib/listings/moderation-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.home");
  return { title: t("title") };
}

export default async function AdminHomePage() {
  await requirePageRole("ADMIN");
  const t = await getTranslations("admin.home");
  const [pending, submitted] = await Promise.all([countPendingStaff(), countSubmittedListings()]);
  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />
      <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        <li>
          <Link
            href="/admin/users"
            className="block h-full rounded-xl border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-600 focus-visible:border-brand-600"
          >
            <span className="block text-lg font-semibold text-brand-900">{t("users")}</span>
            <span className="mt-1 block text-sm text-stone-600">{t("usersBody")}</span>
            {pending > 0 && (
              <span className="mt-3 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                {t("pendingCount", { count: pending })}
              </span>
            )}
          </Link>
        </li>
        <li>
          <Link
            href="/admin/listings"
            className="block h-full rounded-xl border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-600 focus-visible:border-brand-600"
          >
            <span className="block text-lg font-semibold text-brand-900">{t("listings")}</span>
            <span className="mt-1 block text-sm text-stone-600">{t("listingsBody")}</span>
            {submitted > 0 && (
              <span className="mt-3 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                {t("submittedCount", { count: submitted })}
              </span>
            )}
          </Link>
        </li>
        <li>
          <Link
            href="/admin/rates"
            className="block h-full rounded-xl border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-600 focus-visible:border-brand-600"
          >
            <span className="block text-lg font-semibold text-brand-900">{t("rates")}</span>
            <span className="mt-1 block text-sm text-stone-600">{t("ratesBody")}</span>
          </Link>
        </li>
      </ul>
    </>
  );
}
