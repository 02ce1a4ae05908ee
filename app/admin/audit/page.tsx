import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AuditFilterForm } from "@/components/admin/audit-filter-form";
import { AuditTable } from "@/components/admin/audit-table";
import { PageHeading } from "@/components/ui/page-heading";
import { AUDIT_EXPORT_MAX_ROWS } from "@/lib/audit/export";
import { listAuditEntries, listAuditVocabulary } from "@/lib/audit/queries";
import { parseAuditFilters, type TAuditFilters } from "@/lib/audit/schemas";
import { requirePageRole } from "@/lib/auth/current";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

function toSearchParams(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (typeof value === "string") out.set(key, value);
  return out;
}

function query(filters: Partial<TAuditFilters>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) out.set(key, value);
  const text = out.toString();
  return text ? `?${text}` : "";
}

export default async function AdminAuditPage({ searchParams }: { searchParams: TSearchParams }) {
  await requirePageRole("ADMIN");
  const t = await getTranslations("admin.audit");
  const format = await getFormatter();
  const parsed = parseAuditFilters(toSearchParams(await searchParams));
  const filters: Partial<TAuditFilters> = parsed.ok ? parsed.filters : {};
  const [page, vocabulary] = await Promise.all([parsed.ok ? listAuditEntries(filters) : Promise.resolve(null), listAuditVocabulary()]);
  const { before: _before, ...withoutCursor } = filters;
  const filtered = Object.values(withoutCursor).some(Boolean);

  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <AuditFilterForm
        values={parsed.ok ? withoutCursor : parsed.raw}
        fieldErrors={parsed.ok ? {} : parsed.fieldErrors}
        actions={vocabulary.actions}
        targetTypes={vocabulary.targetTypes}
        filtered={filtered}
      />
      {page === null ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          {t("invalidFilters")}
        </p>
      ) : (
        <section aria-labelledby="audit-results-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="audit-results-heading" className="text-lg font-semibold">
              {filters.before ? t("olderResults") : t("results")}
            </h2>
            <p className="text-sm">
              <a href={`/admin/audit/export.csv${query(withoutCursor)}`} className="text-brand-700 underline" download>
                {t("export")}
              </a>
              <span className="ml-2 text-stone-600">{t("exportNote", { max: format.number(AUDIT_EXPORT_MAX_ROWS) })}</span>
            </p>
          </div>
          {page.entries.length === 0 ? (
            <p className="rounded-lg border border-dashed border-stone-300 p-4 text-stone-700" role="status">
              {filtered ? t("emptyFiltered") : t("empty")}
            </p>
          ) : (
            <AuditTable entries={page.entries} />
          )}
          <nav aria-label={t("pagination")} className="flex flex-wrap gap-4 text-sm">
            {filters.before && (
              <Link href={`/admin/audit${query(withoutCursor)}`} className="text-brand-700 underline">
                {t("newest")}
              </Link>
            )}
            {page.nextBefore && (
              <Link href={`/admin/audit${query({ ...withoutCursor, before: page.nextBefore })}`} className="text-brand-700 underline" rel="next">
                {t("older")}
              </Link>
            )}
          </nav>
        </section>
      )}
    </div>
  );
}
