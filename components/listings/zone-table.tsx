import { getFormatter, getTranslations } from "next-intl/server";
import type { TZoneRow } from "@/lib/listings/queries";

export async function ZoneTable({ zones }: { zones: TZoneRow[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="min-w-full text-sm" data-testid="punjab-zones">
        <thead className="bg-stone-100 text-left text-stone-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{t("landing.zoneName")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("landing.zoneKind")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("landing.zoneDistrict")}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{t("landing.zoneArea")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("landing.zoneDeveloper")}</th>
          </tr>
        </thead>
        <tbody>
          {zones.map((zone) => (
            <tr key={zone.id} className="border-t border-stone-100">
              <th scope="row" className="px-4 py-2 text-left font-medium">{zone.title}</th>
              <td className="px-4 py-2">{t(`enums.kind.${zone.kind}` as "enums.kind.SEZ")}</td>
              <td className="px-4 py-2">{zone.district ?? "—"}</td>
              <td className="px-4 py-2 text-right tabular-nums">
                {zone.areaAcres ? format.number(Number(zone.areaAcres)) : t("common.notDisclosed")}
              </td>
              <td className="px-4 py-2">{zone.developer ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
