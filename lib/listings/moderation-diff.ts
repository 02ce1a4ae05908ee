// Field-by-field differences between the last published version of a listing
// and what was submitted, for the admin moderation queue. Values stay typed
// (enum codes, sector ids, money in minor units) so the page can label them
// in the reader's language.
import type { TListingSnapshot, TSnapshotIncentive } from "./versions";

export type TDiffValue =
  | { type: "text"; text: string | null }
  | { type: "enum"; enumName: "province" | "stage" | "instrument"; values: string[] }
  | { type: "sectors"; ids: string[] }
  | { type: "money"; amountMinor: string; currency: string }
  | { type: "list"; values: string[] }
  | { type: "incentives"; items: TSnapshotIncentive[] }
  | { type: "empty" };

export type TFieldChange = {
  /** Catalog key under "listingEditor" naming the field ("fields.title", "facts.powerMw"), or null when unknown. */
  labelKey: string | null;
  /** The field's own name, shown when there is no label. */
  field: string;
  before: TDiffValue;
  after: TDiffValue;
};

/** JSON with sorted keys, so equal values compare equal. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable(record[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const text = (value: unknown): TDiffValue => (value === null || value === undefined || value === "" ? { type: "empty" } : { type: "text", text: String(value) });

function factValue(value: unknown): TDiffValue {
  if (value === null || value === undefined || value === "") return { type: "empty" };
  if (Array.isArray(value)) return value.length ? { type: "list", values: value.map((item) => (typeof item === "object" ? stable(item) : String(item))) } : { type: "empty" };
  if (typeof value === "object") return { type: "text", text: stable(value) };
  return { type: "text", text: String(value) };
}

const TEXT_FIELDS = ["title", "titleJa", "summary", "summaryJa", "description", "district", "zone"] as const;

function push(changes: TFieldChange[], change: TFieldChange) {
  if (stable(change.before) !== stable(change.after)) changes.push(change);
}

/** Every field that differs, in the editor's order; an empty list when nothing changed. */
export function diffListingFields(before: Partial<TListingSnapshot>, after: Partial<TListingSnapshot>): TFieldChange[] {
  const changes: TFieldChange[] = [];
  for (const field of TEXT_FIELDS.slice(0, 5)) push(changes, { field, labelKey: `fields.${field}`, before: text(before[field]), after: text(after[field]) });
  push(changes, {
    field: "sectorIds",
    labelKey: "fields.sectors",
    before: before.sectorIds?.length ? { type: "sectors", ids: [...before.sectorIds].sort() } : { type: "empty" },
    after: after.sectorIds?.length ? { type: "sectors", ids: [...after.sectorIds].sort() } : { type: "empty" },
  });
  const province = (value: string | null | undefined): TDiffValue => (value ? { type: "enum", enumName: "province", values: [value] } : { type: "empty" });
  push(changes, { field: "province", labelKey: "fields.province", before: province(before.province), after: province(after.province) });
  for (const field of TEXT_FIELDS.slice(5)) push(changes, { field, labelKey: `fields.${field}`, before: text(before[field]), after: text(after[field]) });
  const money = (value: TListingSnapshot["investment"] | undefined): TDiffValue =>
    value ? { type: "money", amountMinor: value.amountMinor, currency: value.currency } : { type: "empty" };
  push(changes, { field: "investment", labelKey: "fields.amount", before: money(before.investment), after: money(after.investment) });
  const instruments = (values: string[] | undefined): TDiffValue => (values?.length ? { type: "enum", enumName: "instrument", values: [...values].sort() } : { type: "empty" });
  push(changes, { field: "instruments", labelKey: "fields.instruments", before: instruments(before.instruments), after: instruments(after.instruments) });
  const stage = (value: string | undefined): TDiffValue => (value ? { type: "enum", enumName: "stage", values: [value] } : { type: "empty" });
  push(changes, { field: "stage", labelKey: "fields.stage", before: stage(before.stage), after: stage(after.stage) });

  const factsBefore = before.facts ?? {};
  const factsAfter = after.facts ?? {};
  const factKeys = [...new Set([...Object.keys(factsBefore), ...Object.keys(factsAfter)])].sort();
  for (const key of factKeys) push(changes, { field: `facts.${key}`, labelKey: `facts.${key}`, before: factValue(factsBefore[key]), after: factValue(factsAfter[key]) });

  const incentives = (items: TSnapshotIncentive[] | undefined): TDiffValue => (items?.length ? { type: "incentives", items } : { type: "empty" });
  push(changes, { field: "incentives", labelKey: "incentives.title", before: incentives(before.incentives), after: incentives(after.incentives) });
  const contact = (side: Partial<TListingSnapshot>, key: "name" | "email" | "phone") => text(side.contact?.[key]);
  for (const [key, labelKey] of [["name", "fields.contactName"], ["email", "fields.contactEmail"], ["phone", "fields.contactPhone"]] as const) {
    push(changes, { field: `contact.${key}`, labelKey, before: contact(before, key), after: contact(after, key) });
  }
  const tags = (values: string[] | undefined): TDiffValue => (values?.length ? { type: "list", values } : { type: "empty" });
  push(changes, { field: "tags", labelKey: "fields.tags", before: tags(before.tags), after: tags(after.tags) });
  return changes;
}
