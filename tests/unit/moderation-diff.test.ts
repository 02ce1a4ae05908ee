// diffListingFields: each kind of change to a listing is reported on its own
// field, with the values before and after; nothing when nothing changed.
import { describe, expect, it } from "vitest";
import { diffListingFields } from "@/lib/listings/moderation-diff";
import type { TListingSnapshot } from "@/lib/listings/versions";

const BASE: TListingSnapshot = {
  kind: "SEZ",
  title: "Allama Iqbal Industrial City",
  titleJa: null,
  summary: "A zone on the M-4.",
  summaryJa: "M-4沿いの経済特区。",
  description: null,
  sectorIds: ["b", "a"],
  province: "PUNJAB",
  district: "Faisalabad",
  zone: null,
  investment: { amountMinor: "1250000000", currency: "USD", amountUsdCents: "1250000000" },
  instruments: ["PLOT_LEASE"],
  stage: "READY",
  facts: { areaAcres: "3217", powerMw: 200 },
  tags: ["jbic"],
  contact: { name: "Bilal", email: "bilal@example.pk", phone: null },
  incentives: [{ templateId: null, name: "Tax holiday", nameJa: null, legalBasis: null, validFrom: "2020-01-01", validTo: null }],
};

const fieldsOf = (after: Partial<TListingSnapshot>) => diffListingFields(BASE, { ...BASE, ...after }).map((change) => change.field);

describe("diffListingFields", () => {
  it("reports nothing for the same snapshot, whatever the order of sector ids", () => {
    expect(diffListingFields(BASE, { ...BASE, sectorIds: ["a", "b"] })).toEqual([]);
  });

  it.each([
    [{ title: "Renamed" }, ["title"]],
    [{ titleJa: "アラマ・イクバル" }, ["titleJa"]],
    [{ sectorIds: ["a"] }, ["sectorIds"]],
    [{ province: null, district: null }, ["province", "district"]],
    [{ investment: null }, ["investment"]],
    [{ instruments: ["PLOT_LEASE", "EQUITY"] }, ["instruments"]],
    [{ stage: "OPERATING" }, ["stage"]],
    [{ facts: { areaAcres: "3217", powerMw: 250, gas: "available" } }, ["facts.gas", "facts.powerMw"]],
    [{ incentives: [] }, ["incentives"]],
    [{ contact: { name: "Bilal", email: "new@example.pk", phone: "+92" } }, ["contact.email", "contact.phone"]],
    [{ tags: [] }, ["tags"]],
  ] as [Partial<TListingSnapshot>, string[]][])("%j → %j", (after, fields) => {
    expect(fieldsOf(after)).toEqual(fields);
  });

  it("gives the old and new values, typed for display", () => {
    const [title, investment, stage] = diffListingFields(BASE, { ...BASE, title: "New", stage: "OPERATING", investment: { amountMinor: "5", currency: "JPY", amountUsdCents: null } });
    expect(title).toMatchObject({ labelKey: "fields.title", before: { type: "text", text: BASE.title }, after: { type: "text", text: "New" } });
    expect(investment).toMatchObject({ field: "investment", before: { type: "money", amountMinor: "1250000000", currency: "USD" }, after: { type: "money", amountMinor: "5", currency: "JPY" } });
    expect(stage).toMatchObject({ field: "stage", before: { type: "enum", enumName: "stage", values: ["READY"] }, after: { values: ["OPERATING"] } });
  });

  it("treats a field missing from an older stored snapshot as empty", () => {
    const { tags: _tags, ...older } = BASE;
    expect(diffListingFields(older, BASE).map((change) => [change.field, change.before.type])).toEqual([["tags", "empty"]]);
  });
});
