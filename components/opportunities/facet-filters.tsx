// The filters of the opportunities search: checkboxes (radios for the one
// district) inside the page's GET form, each with its count. Works without
// JavaScript: "Apply filters" submits the form and the URL carries everything.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { TFacetValue, TSearchFacets, TSectorFacet } from "@/lib/listings/search";
import type { TSearchParams } from "@/lib/listings/search-schema";
import type { TSectorTaxonomy } from "@/lib/listings/sector-taxonomy";
import { sectorName } from "@/lib/listings/sector-taxonomy";

type TFilterProps = {
  params: TSearchParams;
  facets: TSearchFacets;
  approximate: boolean;
  taxonomy: TSectorTaxonomy;
  locale: "en" | "ja";
};

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  if (Array.isArray(children) && children.length === 0) return null;
  return (
    <fieldset className="border-t border-stone-200 pt-3">
      <legend className="mb-1 text-sm font-semibold text-stone-900">{legend}</legend>
      <ul className="space-y-1 text-sm">{children}</ul>
    </fieldset>
  );
}

function Option({ type, name, value, checked, label, count }: { type: "checkbox" | "radio"; name: string; value: string; checked: boolean; label: string; count: string | null }) {
  return (
    <li>
      <label className="flex cursor-pointer items-baseline gap-2 rounded px-1 py-0.5 hover:bg-stone-100">
        <input type={type} name={name} value={value} defaultChecked={checked} className="size-4 shrink-0 accent-brand-600" />
        <span className="flex-1">{label}</span>
        {count !== null && <span className="tabular-nums text-stone-500">{count}</span>}
      </label>
    </li>
  );
}

export async function FacetFilters({ params, facets, approximate, taxonomy, locale }: TFilterProps) {
  const t = await getTranslations("opportunities");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const countText = (count: number) => (approximate ? `≈${format.number(count)}` : format.number(count));

  /**
   * Counts are "results if you also require this value". For a filter that already
   * has a value, other values would add results (values of one filter are OR-ed),
   * so their count would mislead: they are shown without one.
   */
  function enumOptions(name: "province" | "kind" | "stage" | "instrument" | "size", values: TFacetValue[], label: (value: string) => string) {
    const selected = params[name] as string[];
    return values
      .filter((facet) => facet.count > 0 || selected.includes(facet.value) || selected.length > 0)
      .map((facet) => (
        <Option
          key={facet.value}
          type="checkbox"
          name={name}
          value={facet.value}
          checked={selected.includes(facet.value)}
          label={label(facet.value)}
          count={selected.length === 0 || selected.includes(facet.value) ? countText(facet.count) : null}
        />
      ));
  }

  const sectorSelected = new Set(params.sector);
  const sectorCounts = new Map<string, TSectorFacet>();
  for (const facet of facets.sector) for (const entry of [facet, ...facet.children]) sectorCounts.set(entry.slug, entry);
  // Sectors to list: those with results, plus any already chosen (so they can be unticked).
  const parents = taxonomy.nodes.filter((node) => !node.parentId && !node.mergedIntoId);
  const sectorTree = parents
    .map((parent) => ({
      node: parent,
      children: (taxonomy.childrenOf.get(parent.id) ?? []).filter((child) => !child.mergedIntoId && (sectorCounts.has(child.slug) || sectorSelected.has(child.slug))),
    }))
    .filter((entry) => sectorCounts.has(entry.node.slug) || sectorSelected.has(entry.node.slug) || entry.children.length > 0);
  const sectorCount = (slug: string) => {
    const facet = sectorCounts.get(slug);
    return params.sector.length === 0 || sectorSelected.has(slug) ? countText(facet?.count ?? 0) : null;
  };

  const districts = [...facets.district];
  if (params.district && !districts.some((entry) => entry.district === params.district)) {
    districts.unshift({ province: null, district: params.district, count: 0 });
  }

  return (
    <div className="space-y-4">
      <Fieldset legend={t("facet.sector")}>
        {sectorTree.map(({ node, children }) => (
          <li key={node.id}>
            <ul>
              <Option type="checkbox" name="sector" value={node.slug} checked={sectorSelected.has(node.slug)} label={sectorName(node, locale)} count={sectorCount(node.slug)} />
            </ul>
            {children.length > 0 && (
              <ul className="ml-5 border-l border-stone-200 pl-2">
                {children.map((child) => (
                  <Option key={child.id} type="checkbox" name="sector" value={child.slug} checked={sectorSelected.has(child.slug)} label={sectorName(child, locale)} count={sectorCount(child.slug)} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </Fieldset>
      <Fieldset legend={t("facet.province")}>
        {enumOptions("province", facets.province, (value) => te(`province.${value}` as "province.PUNJAB"))}
      </Fieldset>
      {districts.length > 0 && (
        <Fieldset legend={t("facet.district")}>
          <Option type="radio" name="district" value="" checked={!params.district} label={t("facet.anyDistrict")} count={null} />
          {districts.map((entry) => (
            <Option
              key={`${entry.province}-${entry.district}`}
              type="radio"
              name="district"
              value={entry.district}
              checked={params.district === entry.district}
              label={entry.province ? `${entry.district} (${te(`province.${entry.province}` as "province.PUNJAB")})` : entry.district}
              count={params.district && params.district !== entry.district ? null : countText(entry.count)}
            />
          ))}
        </Fieldset>
      )}
      <Fieldset legend={t("facet.kind")}>{enumOptions("kind", facets.kind, (value) => te(`kind.${value}` as "kind.SEZ"))}</Fieldset>
      <Fieldset legend={t("facet.stage")}>{enumOptions("stage", facets.stage, (value) => te(`stage.${value}` as "stage.READY"))}</Fieldset>
      <Fieldset legend={t("facet.instrument")}>
        {enumOptions("instrument", facets.instrument, (value) => te(`instrument.${value}` as "instrument.EQUITY"))}
      </Fieldset>
      <Fieldset legend={t("facet.size")}>{enumOptions("size", facets.size, (value) => t(`sizeBand.${value}` as "sizeBand.lt1m"))}</Fieldset>
    </div>
  );
}
