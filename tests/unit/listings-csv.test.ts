// The pure parts of the CSV import and the API's merge-patch: cell parsing, the
// column an error belongs to, and how a PATCH body lands on a stored listing.
import { describe, expect, it } from "vitest";
import { columnForPath, parseIncentivesCell, parseListingsCsvWith } from "@/lib/listings/csv";
import { csvErrorsToFieldErrors, fieldErrorsToCsvErrors } from "@/lib/listings/csv-report";
import { mergeListingPatch } from "@/lib/listings/patch";

describe("parseIncentivesCell", () => {
  it.each([
    ["", []],
    ["Duty-free machinery", [{ name: "Duty-free machinery" }]],
    ["Tax holiday@2024-07-01..2034-06-30", [{ name: "Tax holiday", validFrom: "2024-07-01", validTo: "2034-06-30" }]],
    ["Tax holiday@..2030-01-01 | Duty@2025-01-01..", [{ name: "Tax holiday", validFrom: "", validTo: "2030-01-01" }, { name: "Duty", validFrom: "2025-01-01", validTo: "" }]],
    ["Rebate for R@D@2024-01-01..2025-01-01", [{ name: "Rebate for R@D", validFrom: "2024-01-01", validTo: "2025-01-01" }]],
  ])("%j", (cell, expected) => {
    expect(parseIncentivesCell(cell)).toEqual(expected);
  });
});

describe("columnForPath", () => {
  it.each([
    ["title", "title"],
    ["titleJa", "title_ja"],
    ["investment.amount", "amount"],
    ["investment.currency", "currency"],
    ["investment", "amount"],
    ["sectorIds.1", "sectors"],
    ["incentives.3.validTo", "incentives"],
    ["facts.areaAcres", "area_acres"],
    ["facts.totalCost.currency", "total_cost_currency"],
    ["facts.financingSought", "financing_sought"],
    ["_form", "kind"],
  ])("%s → %s", (path, column) => {
    expect(columnForPath(path)).toBe(column);
  });
});

describe("parseListingsCsvWith", () => {
  const lookup = new Map([["dairy", "11111111-1111-4111-8111-111111111111"]]);
  const header = "kind,title,summary,sectors,instruments,stage,amount,currency";

  it("normalises enum cells and numbers rows as a spreadsheet does", () => {
    const { rows, errors } = parseListingsCsvWith(`${header}\nindustrial estate,Estate one,An estate for dairy processing plants.,dairy,joint-venture|equity,under construction,"1,000",pkr\n`, lookup);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ kind: "INDUSTRIAL_ESTATE", instruments: ["JOINT_VENTURE", "EQUITY"], stage: "UNDER_CONSTRUCTION", investment: { amount: "1000", currency: "PKR" } });
  });

  it("asks for a currency with an amount, and ignores a currency alone", () => {
    const { errors } = parseListingsCsvWith(`${header}\nSEZ,Zone one,A zone for dairy processing plants.,dairy,EQUITY,READY,100,\nSEZ,Zone two,A zone for dairy processing plants.,dairy,EQUITY,READY,,USD\n`, lookup);
    expect(errors).toEqual([{ row: 2, field: "currency", message: "errors.field.required" }]);
  });

  it("refuses more rows than one import takes", () => {
    const row = "SEZ,Zone,A zone for dairy processing plants.,dairy,EQUITY,READY,,\n";
    const { rows, errors } = parseListingsCsvWith(`${header}\n${row.repeat(501)}`, lookup);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ row: 502, field: "_file", message: "errors.csv.tooManyRows" }]);
  });
});

describe("CSV errors ↔ field errors", () => {
  it("round-trips, in row then column order", () => {
    const errors = [
      { row: 4, field: "title", message: "errors.field.tooLong" },
      { row: 2, field: "amount", message: "errors.field.amount" },
      { row: 2, field: "kind", message: "errors.field.invalidChoice" },
    ];
    const fieldErrors = csvErrorsToFieldErrors(errors);
    expect(fieldErrors).toEqual({ "rows.4.title": ["errors.field.tooLong"], "rows.2.amount": ["errors.field.amount"], "rows.2.kind": ["errors.field.invalidChoice"] });
    expect(fieldErrorsToCsvErrors({ ...fieldErrors, file: ["errors.csv.fileRequired"] }, ["kind", "title", "amount"])).toEqual([errors[2], errors[1], errors[0]]);
  });
});

describe("mergeListingPatch", () => {
  const stored = { kind: "SEZ", title: "Zone", summary: "Stored summary", tags: ["a"], investment: { amount: "5", currency: "USD" }, facts: { powerMw: 10, gas: "available" } };

  it("replaces given fields, merges facts key by key, and clears with null", () => {
    expect(mergeListingPatch(stored, { summary: "New summary", facts: { powerMw: 20, gas: null }, investment: null, tags: [] })).toEqual({
      kind: "SEZ",
      title: "Zone",
      summary: "New summary",
      tags: [],
      facts: { powerMw: 20 },
    });
  });

  it("leaves the stored object untouched", () => {
    const copy = structuredClone(stored);
    mergeListingPatch(stored, { facts: { powerMw: 1 } });
    expect(stored).toEqual(copy);
  });
});
