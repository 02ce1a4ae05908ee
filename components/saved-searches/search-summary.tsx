// The filters of a saved search in words, in the reader's language: keyword,
// sector names, provinces, types… ("Keyword: dairy · Province: Punjab").
import { getTranslations } from "next-intl/server";
import type { TLocale } from "@/lib/i18n/config";
import { FILTER_KEYS, type TSearchParams } from "@/lib/listings/search-schema";
import { sectorName, type TSectorTaxonomy } from "@/lib/listings/sector-taxonomy";

export async function SearchSummary({ params, taxonomy, locale }: { params: TSearchParams; taxonomy: TSectorTaxonomy; locale: TLocale }) {
  const t = await getTranslations("opportunities");
  const tEnums = await getTranslations("enums");
  const tSaved = await getTranslations("savedSearches.list");
  const parts: { key: string; label: string; value: string }[] = [];
  if (params.q) parts.push({ key: "q", label: t("param.q"), value: `“${params.q}”` });
  for (const key of FILTER_KEYS) {
    const raw = params[key];
    const values = Array.isArray(raw) ? raw : raw ? [raw] : [];
    if (!values.length) continue;
    const named = values.map((value) => {
      switch (key) {
        case "sector": {
          const node = taxonomy.bySlug.get(value);
          return node ? sectorName(node, locale) : value;
        }
        case "province":
        case "kind":
        case "stage":
        case "instrument":
          return tEnums(`${key}.${value}` as "kind.SEZ");
        case "size":
          return t(`sizeBand.${value}` as "sizeBand.lt1m");
        default:
          return value;
      }
    });
    parts.push({ key, label: t(`param.${key}`), value: new Intl.ListFormat(locale, { type: "disjunction" }).format(named) });
  }
  if (!parts.length) return <p className="text-sm text-stone-600">{tSaved("everything")}</p>;
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700">
      {parts.map((part) => (
        <div key={part.key} className="flex gap-1">
          <dt className="text-stone-500">{part.label}:</dt>
          <dd>{part.value}</dd>
        </div>
      ))}
    </dl>
  );
}
