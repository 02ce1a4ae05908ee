import { describe, expect, it } from "vitest";
import { emptyFormValues, formValuesToInput, storedToFormValues, type TStoredListing } from "@/lib/listings/form-values";
import { parseListingDraft, ZListingInput } from "@/lib/listings/schemas";
import { diffVersions, type TListingSnapshot } from "@/lib/listings/versions";

const SECTOR = "0b6f8a4e-5f55-4a1e-9d0c-3d1f7b2a9c11";

describe("parseListingDraft", () => {
  it("keeps the valid fields and reports the others by path", () => {
    const parsed = parseListingDraft(
      {
        title: "  Zone  ",
        summary: "x".repeat(2001),
        sectorIds: [SECTOR, "not-a-uuid"],
        investment: { amount: "12,500,000.50", currency: "USD" },
        facts: { powerMw: "40", portKm: "-1", sponsor: "ignored for a zone" },
        incentives: [{ name: "Customs exemption", validFrom: "2020-07-01", validTo: "2035-06-30" }, { name: "X", validTo: "31/12/2030" }],
      },
      "SEZ",
    );
    expect(parsed.data).toMatchObject({ kind: "SEZ", title: "Zone", investment: { amount: "12500000.50", currency: "USD" }, facts: { powerMw: 40 } });
    expect(parsed.data.incentives).toHaveLength(1);
    expect(parsed.data).not.toHaveProperty("summary");
    expect(parsed.data).not.toHaveProperty("sectorIds");
    expect(parsed.data.facts).not.toHaveProperty("sponsor");
    expect(parsed.rejected.sort()).toEqual(["facts.portKm", "incentives.1", "sectorIds", "summary"]);
    expect(parsed.fieldErrors).toMatchObject({
      summary: ["errors.field.tooLong"],
      "sectorIds.1": ["errors.field.invalidId"],
      "facts.portKm": ["errors.field.range"],
      "incentives.1.name": ["errors.field.tooShort"],
      "incentives.1.validTo": ["errors.field.date"],
    });
  });

  it("reads an empty amount, empty text and an empty stage as 'not given', not as errors", () => {
    const parsed = parseListingDraft({ title: "", stage: "", investment: { amount: "", currency: "USD" }, facts: { totalCost: { amount: "", currency: "JPY" } } }, "NATIONAL_PROJECT");
    expect(parsed.fieldErrors).toEqual({});
    expect(parsed.data.title).toBeUndefined();
    expect(parsed.data.investment).toBeUndefined();
    expect(parsed.data.facts?.totalCost).toBeUndefined();
  });
});

describe("form values", () => {
  const stored: TStoredListing = {
    kind: "NATIONAL_PROJECT",
    title: "Copper mine",
    titleJa: null,
    summary: "A copper-gold mine with a financing package in place.",
    summaryJa: null,
    description: null,
    sectorIds: [SECTOR],
    province: null,
    district: "Chagai",
    zone: null,
    amountMinor: 550_000_000_000n,
    currency: "USD",
    instruments: ["EQUITY", "DEBT"],
    stage: "UNDER_CONSTRUCTION",
    areaAcres: null,
    developer: "Barrick",
    plotsAvailable: null,
    facts: { operator: "Barrick", sponsor: "BMRL", totalCost: { amount: "7700000000", currency: "USD" }, milestones: [{ date: "2028", event: "First production" }] },
    tags: ["jbic"],
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    incentives: [{ id: "i1", templateId: null, name: "Tax holiday", nameJa: null, legalBasis: null, validFrom: new Date("2024-07-01T00:00:00Z"), validTo: null }],
  };

  it("turn a stored listing into input that passes the full schema", () => {
    const values = storedToFormValues(stored);
    expect(values.investment).toEqual({ amount: "5500000000", currency: "USD" });
    expect(values.facts.milestones).toBe("2028 First production");
    expect(values.incentives[0]).toMatchObject({ name: "Tax holiday", validFrom: "2024-07-01", validTo: "" });
    const checked = ZListingInput.safeParse(formValuesToInput(values, "full"));
    expect(checked.success).toBe(true);
  });

  it("leave empty amounts out of a full input but keep them in a draft (where they clear)", () => {
    const values = emptyFormValues("PROVINCIAL_PROJECT");
    expect(formValuesToInput(values, "full")).not.toHaveProperty("investment");
    expect(formValuesToInput(values, "full").facts).not.toHaveProperty("totalCost");
    expect(formValuesToInput(values, "draft")).toMatchObject({ investment: { amount: "" }, facts: { totalCost: { amount: "" } } });
  });
});

describe("diffVersions", () => {
  const base: Partial<TListingSnapshot> = {
    title: "Zone",
    sectorIds: [SECTOR],
    investment: null,
    facts: { powerMw: 40 },
    incentives: [{ templateId: null, name: "A", nameJa: null, legalBasis: null, validFrom: null, validTo: "2035-06-30" }],
  };

  it.each([
    ["nothing", {}, []],
    ["an incentive date", { incentives: [{ ...base.incentives![0]!, validTo: "2030-06-30" }] }, ["incentives"]],
    ["the amount and a fact", { investment: { amountMinor: "100", currency: "USD", amountUsdCents: "100" }, facts: { powerMw: 50 } }, ["investment", "facts"]],
    ["the title", { title: "Zone 2" }, ["basics"]],
  ] as const)("reports %s", (_label, change, expected) => {
    expect(diffVersions(base, { ...base, ...change } as Partial<TListingSnapshot>)).toEqual(expected);
  });

  it("ignores key order inside stored JSON", () => {
    expect(diffVersions({ ...base, facts: { a: 1, b: 2 } }, { ...base, facts: { b: 2, a: 1 } })).toEqual([]);
  });
});
