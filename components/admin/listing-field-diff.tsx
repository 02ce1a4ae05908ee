// What changed in a resubmitted listing since its last published version, field
// by field (old → new), labelled in the reader's language.
import { getFormatter, getTranslations } from "next-intl/server";
import type { TDiffValue, TFieldChange } from "@/lib/listings/moderation-diff";
import { getSectorTaxonomy, sectorName } from "@/lib/listings/sector-taxonomy";
import { minorToDecimalString } from "@/lib/money/parse";
import type { TCurrency } from "@/lib/money/format";

type TRenderContext = {
  locale: "en" | "ja";
  enumLabel: (enumName: string, value: string) => string;
  sector: (id: string) => string;
  money: (amountMinor: string, currency: string) => string;
  empty: string;
  incentive: (item: Extract<TDiffValue, { type: "incentives" }>["items"][number]) => string;
};

function renderValue(value: TDiffValue, ctx: TRenderContext): string {
  switch (value.type) {
    case "empty":
      return ctx.empty;
    case "text":
      return value.text ?? ctx.empty;
    case "enum":
      return value.values.map((code) => ctx.enumLabel(value.enumName, code)).join(", ");
    case "sectors":
      return value.ids.map(ctx.sector).join(", ");
    case "money":
      return ctx.money(value.amountMinor, value.currency);
    case "list":
      return value.values.join(", ");
    case "incentives":
      return value.items.map(ctx.incentive).join("\n");
  }
}

export async function ListingFieldDiff({ changes, version, locale }: { changes: TFieldChange[]; version: number; locale: "en" | "ja" }) {
  const t = await getTranslations("adminListings.diff");
  const tl = await getTranslations("listingEditor");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const taxonomy = await getSectorTaxonomy();
  const ctx: TRenderContext = {
    locale,
    enumLabel: (enumName, value) => (te.has(`${enumName}.${value}` as "province.PUNJAB") ? te(`${enumName}.${value}` as "province.PUNJAB") : value),
    sector: (id) => {
      const node = taxonomy.byId.get(id);
      return node ? sectorName(node, locale) : id;
    },
    money: (amountMinor, currency) =>
      format.number(Number(minorToDecimalString(BigInt(amountMinor), currency as TCurrency)), { style: "currency", currency, maximumFractionDigits: currency === "JPY" ? 0 : 2 }),
    empty: t("empty"),
    incentive: (item) => {
      const name = (locale === "ja" && item.nameJa) || item.name;
      const dates = [item.validFrom, item.validTo].some(Boolean) ? ` (${item.validFrom ?? "…"} – ${item.validTo ?? "…"})` : "";
      return `${name}${dates}`;
    },
  };
  const label = (change: TFieldChange) => (change.labelKey && tl.has(change.labelKey as "fields.title") ? tl(change.labelKey as "fields.title") : change.field);

  if (changes.length === 0) return <p className="text-sm">{t("none", { version })}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="listing-diff">
        <caption className="mb-1 text-left font-medium">{t("caption", { version, count: changes.length })}</caption>
        <thead className="border-b border-stone-200 text-stone-600">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">{t("field")}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t("before", { version })}</th>
            <th scope="col" className="py-1 font-medium">{t("after")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 align-top">
          {changes.map((change) => (
            <tr key={change.field} data-field={change.field}>
              <th scope="row" className="py-1 pr-4 font-medium">{label(change)}</th>
              <td className="py-1 pr-4 whitespace-pre-line text-red-900">
                <del className="decoration-red-400">{renderValue(change.before, ctx)}</del>
              </td>
              <td className="py-1 whitespace-pre-line text-green-900">
                <ins className="no-underline">{renderValue(change.after, ctx)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
