import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RateForm } from "@/components/admin/rate-form";
import { PageHeading } from "@/components/ui/page-heading";
import { Panel } from "@/components/ui/panel";
import { requirePageRole } from "@/lib/auth/current";
import { listRecentRates } from "@/lib/money/queries";
import { getLatestRates } from "@/lib/money/rates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.rates");
  return { title: t("title") };
}

export default async function AdminRatesPage() {
  await requirePageRole("ADMIN");
  const t = await getTranslations("admin.rates");
  const format = await getFormatter();
  const [latest, recent] = await Promise.all([getLatestRates(), listRecentRates()]);
  // Rate dates are calendar dates, stored at midnight UTC.
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const rate = (value: string) => format.number(Number(value), { maximumFractionDigits: 8 });

  return (
    <div className="space-y-8">
      <PageHeading title={t("title")} intro={t("intro")} />

      <Panel headingId="latest-heading" title={t("latest")}>
        {latest.rates.length === 0 ? (
          <p className="text-stone-600">{t("empty")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="latest-rates">
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("pair")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("rate")}</th>
                <th scope="col" className="py-2 font-medium">{t("asOf")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {latest.rates.map((row) => (
                <tr key={`${row.base}-${row.quote}`}>
                  <th scope="row" className="py-2 pr-4 font-normal">{t("pairValue", { base: row.base, quote: row.quote })}</th>
                  <td className="py-2 pr-4 tabular-nums">{rate(row.rate)}</td>
                  <td className="py-2">{day(row.asOf)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>

      <Panel headingId="add-heading" title={t("form.title")}>
        <p className="text-sm text-stone-600">{t("form.intro")}</p>
        <RateForm today={new Date().toISOString().slice(0, 10)} />
      </Panel>

      <Panel headingId="history-heading" title={t("history")}>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("asOf")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("pair")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("rate")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("source")}</th>
                <th scope="col" className="py-2 font-medium">{t("addedBy")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {recent.map((row) => (
                <tr key={row.id}>
                  <td className="py-2 pr-4">{day(row.asOf)}</td>
                  <td className="py-2 pr-4">{t("pairValue", { base: row.base, quote: row.quote })}</td>
                  <td className="py-2 pr-4 tabular-nums">{rate(row.rate)}</td>
                  <td className="py-2 pr-4 text-stone-600">{row.source ?? "—"}</td>
                  <td className="py-2 text-stone-600">{row.createdByName ?? t("seeded")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </div>
  );
}
