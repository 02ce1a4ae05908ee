import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SectorAddForm, SectorMergeForm, SectorRenameForm } from "@/components/admin/sector-forms";
import { PageHeading } from "@/components/ui/page-heading";
import { Panel } from "@/components/ui/panel";
import { requirePageRole } from "@/lib/auth/current";
import { listSectorsForAdmin } from "@/lib/sectors/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.sectors");
  return { title: t("title") };
}

export default async function AdminSectorsPage() {
  await requirePageRole("ADMIN");
  const t = await getTranslations("admin.sectors");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const sectors = await listSectorsForAdmin();
  const byId = new Map(sectors.map((sector) => [sector.id, sector]));
  const name = (sector: { nameEn: string; nameJa: string }) => (locale === "ja" ? sector.nameJa : sector.nameEn);
  const active = sectors.filter((sector) => !sector.mergedIntoId);
  const parents = active.filter((sector) => !sector.parentId).map((sector) => ({ value: sector.id, label: name(sector) }));
  const options = active.map((sector) => ({ value: sector.id, label: sector.parentId ? `— ${name(sector)}` : name(sector) }));

  return (
    <div className="space-y-8">
      <PageHeading title={t("title")} intro={t("intro")} />
      <Panel headingId="add-sector-heading" spacing="space-y-4" title={t("add.title")}>
        <SectorAddForm parents={parents} />
      </Panel>
      <Panel headingId="merge-sector-heading" spacing="space-y-4" title={t("merge.title")}>
        <p className="text-sm text-stone-700">{t("merge.intro")}</p>
        <SectorMergeForm sectors={options} />
      </Panel>
      <Panel headingId="sector-list-heading" spacing="space-y-4" title={t("list.title", { count: active.length })}>
        {sectors.length === 0 ? (
          <p className="text-stone-700">{t("list.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[52rem] text-left text-sm" data-testid="sectors-table">
              <caption className="sr-only">{t("list.caption")}</caption>
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("list.name")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("list.slug")}</th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">{t("list.listings")}</th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">{t("list.investors")}</th>
                  <th scope="col" className="py-2 font-medium">{t("list.actions")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {sectors.map((sector) => {
                  const mergedInto = sector.mergedIntoId ? byId.get(sector.mergedIntoId) : undefined;
                  return (
                    <tr key={sector.id} className="align-top" data-testid="sector-row" data-slug={sector.slug}>
                      <th scope="row" className={`py-2 pr-4 font-normal ${sector.parentId ? "pl-6" : "font-medium"}`}>
                        <span className="block">{sector.nameEn}</span>
                        <span className="block text-stone-600" lang="ja">{sector.nameJa}</span>
                      </th>
                      <td className="py-2 pr-4 font-mono text-xs">{sector.slug}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{sector.listings}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{sector.investorProfiles}</td>
                      <td className="py-2">
                        {sector.mergedIntoId ? (
                          <span className="text-stone-600">{t("list.mergedInto", { name: mergedInto ? name(mergedInto) : "—" })}</span>
                        ) : (
                          <details>
                            <summary className="cursor-pointer text-brand-700 underline">
                              {t("rename.open")}
                              <span className="sr-only"> {name(sector)}</span>
                            </summary>
                            <SectorRenameForm sector={{ id: sector.id, nameEn: sector.nameEn, nameJa: sector.nameJa }} />
                          </details>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}
