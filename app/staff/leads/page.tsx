import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LeadResponse } from "@/components/interests/lead-response";
import { buttonClass } from "@/components/ui/button-class";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { LEAD_RESPONSE_DAYS } from "@/lib/interests/constants";
import { durationParts } from "@/lib/interests/duration";
import { getLeadStats, listLeadListings, listLeads } from "@/lib/interests/leads";
import { INTEREST_STATUSES, ZLeadsQuery } from "@/lib/interests/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("leads");
  return { title: t("title") };
}

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function LeadsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requirePageRole("STAFF", "ADMIN");
  if (actor.role === "STAFF" && !actor.organizationId) redirect("/forbidden");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const raw = await searchParams;
  const query = ZLeadsQuery.parse({ status: first(raw.status), listingId: first(raw.listingId), cursor: first(raw.cursor) });
  const [page, stats, listings, t, tRoot, format] = await Promise.all([
    listLeads(actor, { ...query, locale }),
    getLeadStats(actor),
    listLeadListings(actor, locale),
    getTranslations("leads"),
    getTranslations("interests"),
    getFormatter(),
  ]);
  const isAdmin = actor.role === "ADMIN";
  const filterParams = new URLSearchParams();
  if (query.status) filterParams.set("status", query.status);
  if (query.listingId) filterParams.set("listingId", query.listingId);
  const filtered = filterParams.size > 0;
  const median = stats.medianResponseMs === null ? null : durationParts(stats.medianResponseMs);

  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={isAdmin ? t("introAdmin") : t("intro", { days: LEAD_RESPONSE_DAYS })} />

      <section aria-labelledby="lead-stats-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm" data-testid="lead-stats">
        <h2 id="lead-stats-heading" className="mb-3 text-lg font-semibold">
          {t("stats.title")}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-stone-600">{t("stats.median")}</dt>
            <dd className="text-xl font-semibold" data-testid="lead-median">
              {median ? tRoot(`duration.${median.unit}`, { count: median.count }) : t("stats.medianNone")}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">{t("stats.within", { days: stats.windowDays })}</dt>
            <dd className="text-xl font-semibold" data-testid="lead-within">
              {stats.answeredWithinShare === null ? t("stats.withinNone") : t("stats.withinValue", { percent: stats.answeredWithinShare })}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">{t("stats.total", { count: stats.total })}</dt>
            <dd className={`text-xl font-semibold ${stats.overdue > 0 ? "text-red-700" : ""}`}>{t("stats.overdue", { count: stats.overdue })}</dd>
          </div>
        </dl>
      </section>

      <form method="get" action="/staff/leads" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span>{t("filters.status")}</span>
          <select name="status" defaultValue={query.status ?? ""} className="rounded border border-stone-300 px-2 py-1">
            <option value="">{t("filters.statusAll")}</option>
            {INTEREST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tRoot(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span>{t("filters.listing")}</span>
          <select name="listingId" defaultValue={query.listingId ?? ""} className="max-w-xs rounded border border-stone-300 px-2 py-1">
            <option value="">{t("filters.listingAll")}</option>
            {listings.map((listing) => (
              <option key={listing.id} value={listing.id}>
                {listing.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("filters.apply")}
        </button>
      </form>

      {page.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700" data-testid="leads-empty">
          {filtered ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
          <table className="w-full min-w-[48rem] text-left text-sm" data-testid="leads">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("columns.investor")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("columns.listing")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("columns.received")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("columns.status")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("columns.response")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {page.items.map((lead) => (
                <tr key={lead.id} data-testid="lead-row" data-lead-id={lead.id}>
                  <th scope="row" className="px-4 py-3 font-normal">
                    <Link href={`/staff/leads/${lead.id}`} className="font-medium text-brand-700 underline">
                      {lead.investorName}
                    </Link>
                    {lead.organizationName && <span className="block text-stone-600">{lead.organizationName}</span>}
                  </th>
                  <td className="px-4 py-3">
                    {lead.listing.title}
                    {isAdmin && <span className="block text-stone-600">{lead.listing.agencyName}</span>}
                  </td>
                  <td className="px-4 py-3 text-stone-700">{format.dateTime(lead.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="px-4 py-3" data-testid="lead-status">{tRoot(`status.${lead.status}`)}</td>
                  <td className="px-4 py-3">
                    <LeadResponse response={lead.response} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <KeysetPager
        firstHref={query.cursor ? `/staff/leads${filtered ? `?${filterParams}` : ""}` : null}
        nextHref={page.nextCursor ? `/staff/leads?${new URLSearchParams([...filterParams, ["cursor", page.nextCursor]])}` : null}
        firstLabel={t("first")}
        nextLabel={t("next")}
      />
    </div>
  );
}
