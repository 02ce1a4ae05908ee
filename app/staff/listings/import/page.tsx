import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { CsvImportForm } from "@/components/listings/csv-import-form";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { requireAgencyStaff } from "@/lib/auth/guards";
import { CSV_COLUMNS, CSV_COLUMN_NAMES, listSectorSlugs } from "@/lib/listings/csv";
import { MAX_CSV_ROWS } from "@/lib/listings/csv-limits";
import { INSTRUMENTS, LISTING_KINDS, PROVINCES, STAGES } from "@/lib/listings/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("listingImport");
  return { title: t("title") };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id={id} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function ImportListingsPage() {
  requireAgencyStaff(await requirePageRole("STAFF"));
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const t = await getTranslations("listingImport");
  const te = await getTranslations("enums");
  const sectors = await listSectorSlugs(locale);
  const kindSpecific = CSV_COLUMNS.filter((column) => column.kinds);
  const code = (value: ReactNode) => <code className="rounded bg-stone-100 px-1 font-mono text-xs">{value}</code>;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeading title={t("title")} intro={t("intro", { max: MAX_CSV_ROWS })} />

      <Section id="template-heading" title={t("templateTitle")}>
        <p className="mb-4 text-sm text-stone-700">{t("templateBody")}</p>
        <a href="/staff/listings/import/template" download className={buttonClass("secondary")}>
          {t("downloadTemplate")}
        </a>
      </Section>

      <Section id="upload-heading" title={t("uploadTitle")}>
        <CsvImportForm columnOrder={CSV_COLUMN_NAMES} />
      </Section>

      <Section id="columns-heading" title={t("formatTitle")}>
        <ul className="list-disc space-y-2 pl-5 text-sm text-stone-700">
          <li>{t.rich("formatRows", { code: (chunks) => code(chunks) })}</li>
          <li>{t.rich("formatLists", { code: (chunks) => code(chunks) })}</li>
          <li>{t.rich("formatMoney", { code: (chunks) => code(chunks) })}</li>
          <li>{t.rich("formatDates", { code: (chunks) => code(chunks) })}</li>
          <li>{t.rich("formatIncentives", { code: (chunks) => code(chunks) })}</li>
          <li>{t("formatKindSpecific", { columns: kindSpecific.map((column) => column.name).join(", ") })}</li>
        </ul>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{code("kind")}</dt>
          <dd>{LISTING_KINDS.map((kind) => `${kind} (${te(`kind.${kind}`)})`).join(", ")}</dd>
          <dt className="font-medium">{code("province")}</dt>
          <dd>{PROVINCES.map((province) => `${province} (${te(`province.${province}`)})`).join(", ")}</dd>
          <dt className="font-medium">{code("instruments")}</dt>
          <dd>{INSTRUMENTS.map((instrument) => `${instrument} (${te(`instrument.${instrument}`)})`).join(", ")}</dd>
          <dt className="font-medium">{code("stage")}</dt>
          <dd>{STAGES.map((stage) => `${stage} (${te(`stage.${stage}`)})`).join(", ")}</dd>
          <dt className="font-medium">{code("currency")}</dt>
          <dd>USD, PKR, JPY</dd>
        </dl>
        <h3 className="mb-2 mt-6 font-semibold">{t("sectorsTitle")}</h3>
        <ul className="gap-x-6 text-sm sm:columns-2" data-testid="sector-slugs">
          {sectors.map((sector) => (
            <li key={sector.slug} className={`break-inside-avoid py-0.5 ${sector.parentSlug ? "pl-4" : "pt-2"}`}>
              {code(sector.slug)} {sector.name}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
