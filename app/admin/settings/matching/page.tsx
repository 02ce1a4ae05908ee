import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { MatchingWeightsForm } from "@/components/admin/matching-weights-form";
import { PageHeading } from "@/components/ui/page-heading";
import { Panel } from "@/components/ui/panel";
import { requirePageRole } from "@/lib/auth/current";
import { loadMatchingContext } from "@/lib/matching/engine";
import { MATCH_CRITERIA as WEIGHT_CRITERIA } from "@/lib/matching/types";
import { listSampleInvestors, listWeightVersions } from "@/lib/matching/weights";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminMatchingSettings");
  return { title: t("title") };
}

export default async function MatchingSettingsPage() {
  await requirePageRole("ADMIN");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const [context, versions, investors, t, format] = await Promise.all([
    loadMatchingContext(),
    listWeightVersions(),
    listSampleInvestors(),
    getTranslations("adminMatchingSettings"),
    getFormatter(),
  ]);
  // The form starts from the version in force (or version 1's defaults on an unseeded database).
  const initial = {
    ...Object.fromEntries(WEIGHT_CRITERIA.map((criterion) => [criterion, String(context.weights[criterion])])),
    threshold: String(context.threshold),
    maxPerInvestor: String(context.maxPerInvestor),
  };

  return (
    <div className="space-y-8">
      <PageHeading title={t("title")} intro={t("intro")} />
      <Panel headingId="edit-heading" title={t("edit", { version: context.weightsVersion })}>
        <p className="text-sm text-stone-600">{t("recomputeNote")}</p>
        <MatchingWeightsForm initial={initial} investors={investors} locale={locale} />
      </Panel>

      <Panel headingId="history-heading" title={t("history")}>
        {versions.length === 0 ? (
          <p className="text-stone-600">{t("noVersions")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[48rem] text-left text-sm" data-testid="weights-history">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("version")}</th>
                  {WEIGHT_CRITERIA.map((criterion) => (
                    <th key={criterion} scope="col" className="py-2 pr-3 font-medium">
                      {t(`criteria.${criterion}`)}
                    </th>
                  ))}
                  <th scope="col" className="py-2 pr-3 font-medium">{t("threshold")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("maxPerInvestor")}</th>
                  <th scope="col" className="py-2 font-medium">{t("savedBy")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {versions.map((row) => (
                  <tr key={row.version}>
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {t("versionValue", { version: row.version })}
                    </th>
                    {WEIGHT_CRITERIA.map((criterion) => (
                      <td key={criterion} className="py-2 pr-3 tabular-nums">
                        {row.weights[criterion] ?? "—"}
                      </td>
                    ))}
                    <td className="py-2 pr-3 tabular-nums">{row.threshold}</td>
                    <td className="py-2 pr-3 tabular-nums">{row.maxPerInvestor}</td>
                    <td className="py-2 text-stone-600">
                      {t("savedByValue", {
                        name: row.createdByName ?? t("seeded"),
                        at: format.dateTime(new Date(row.createdAt), { dateStyle: "medium", timeStyle: "short" }),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}
