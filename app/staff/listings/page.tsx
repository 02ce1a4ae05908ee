import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ListingStatusBadge } from "@/components/listings/listing-status-badge";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { requireAgencyStaff } from "@/lib/auth/guards";
import { listAgencyListings } from "@/lib/listings/staff-queries";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffListings");
  return { title: t("title") };
}

const pageHref = (page: number) => (page > 1 ? `/staff/listings?page=${page}` : "/staff/listings");

export default async function StaffListingsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = requireAgencyStaff(await requirePageRole("STAFF"));
  const params = await searchParams;
  const requested = typeof params.page === "string" ? Number.parseInt(params.page, 10) : 1;
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const listings = await listAgencyListings(actor, { page: Number.isFinite(requested) ? requested : 1, locale });
  const t = await getTranslations("staffListings");
  const te = await getTranslations("enums");
  const format = await getFormatter();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeading title={t("title")} intro={t("intro")} />
        <Link href="/staff/listings/new" className={buttonClass("primary")}>
          {t("new")}
        </Link>
      </div>
      <p role="status" className="text-sm text-stone-600">
        {t("count", { count: listings.total })}
      </p>
      {listings.rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
          <table className="w-full min-w-[44rem] text-left text-sm" data-testid="staff-listings">
            <caption className="sr-only">{t("caption", { page: listings.page, pageCount: listings.pageCount })}</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("columns.title")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("columns.kind")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("columns.status")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("columns.completeness")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("columns.updated")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {listings.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="px-4 py-3 font-normal">
                    <Link href={`/staff/listings/${row.id}/edit`} className="font-medium text-brand-700 underline">
                      {row.title || t("untitled")}
                    </Link>
                    {row.sentBack && <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t("sentBack")}</span>}
                  </th>
                  <td className="px-4 py-3">{te(`kind.${row.kind}`)}</td>
                  <td className="px-4 py-3">
                    <ListingStatusBadge status={row.status} />
                    {row.status === "PUBLISHED" && row.version > 1 && <span className="ml-2 text-xs text-stone-600">{t("version", { version: row.version })}</span>}
                  </td>
                  <td className="px-4 py-3 tabular-nums">{t("percent", { value: row.completeness })}</td>
                  <td className="px-4 py-3 text-stone-600">{format.dateTime(row.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listings.pageCount > 1 && (
        <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-4 text-sm">
          {listings.page > 1 && (
            <Link href={pageHref(listings.page - 1)} className="text-brand-700 underline" rel="prev">
              {t("previous")}
            </Link>
          )}
          <span aria-current="page">{t("pageOf", { page: listings.page, pageCount: listings.pageCount })}</span>
          {listings.page < listings.pageCount && (
            <Link href={pageHref(listings.page + 1)} className="text-brand-700 underline" rel="next">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
