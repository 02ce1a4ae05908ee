import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SectorAddForm, SectorMergeForm, SectorRenameForm } from "@/components/admin/sector-forms";
import { PageHeading } from "@/components/ui/page-heading";
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
      <section aria-labelledby="add-sector-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="add-sector-heading" className="text-lg font-semibold">{t("add.title")}</h2>
        <SectorAddForm parents={parents} />
      </section>
      <section aria-labelledby="merge-sector-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="merge-sector-heading" className="text-lg font-semibold">{t("merge.title")}</h2>
        <p className="text-sm text-stone-700">{t("merge.intro")}</p>
        <SectorMergeForm sectors={options} />
      </section>
      <section aria-labelledby="sector-list-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="sector-list-heading" className="text-lg font-semibold">{t("list.title", { count: active.length })}</h2>
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
      </section>
    </div>
  );
}
