// The investment profile schemas: each wizard step accepts what the whole schema
// accepts and refuses with the same field keys, so a step that passes in the
// browser is not refused for another reason by the server.
import { describe, expect, it } from "vitest";
import { roundSignificant } from "@/lib/investors/queries";
import { PROFILE_STEPS, ZInvestorProfileInput, ZProfileLocationStep, ZProfileTicketStep } from "@/lib/investors/schemas";

const SECTOR = "0b8f6a1e-5c2d-4f3a-8e9b-7c6d5e4f3a2b";
const valid = {
  sectorIds: [SECTOR],
  ticketCurrency: "JPY",
  ticketMin: "750,000,000",
  ticketMax: "3000000000",
  anywhereInPakistan: true,
  provinces: [],
  districts: [],
  instruments: ["EQUITY"],
  stages: ["READY"],
  horizonYears: "",
  thesis: "",
};

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("ZInvestorProfileInput", () => {
  it("accepts a complete profile, an empty horizon meaning 'not stated'", () => {
    const parsed = ZInvestorProfileInput.parse(valid);
    expect(parsed.horizonYears).toBeUndefined();
  });

  it("refuses unknown fields (no id or userId from the client)", () => {
    expect(ZInvestorProfileInput.safeParse({ ...valid, userId: SECTOR }).success).toBe(false);
  });

  it.each([
    [{ ticketMin: "5", ticketMax: "4" }, "ticketMax", "errors.field.ticketOrder"],
    [{ ticketMin: "5", ticketMax: "5" }, null, null],
    [{ ticketCurrency: "USD", ticketMin: "1.25", ticketMax: "1.5" }, null, null],
    [{ ticketMin: "1.5" }, "ticketMin", "errors.field.amount"],
    [{ ticketMax: "" }, "ticketMax", "errors.field.required"],
    [{ ticketMax: undefined }, "ticketMax", "errors.field.required"],
    [{ ticketMax: 3000000000 }, "ticketMax", "errors.field.amount"],
    [{ ticketCurrency: "EUR" }, "ticketCurrency", "errors.field.invalidChoice"],
    [{ sectorIds: Array.from({ length: 11 }, () => SECTOR) }, "sectorIds", "errors.field.profileSectorsMax"],
    [{ anywhereInPakistan: false }, "provinces", "errors.field.locationMin"],
    [{ anywhereInPakistan: false, districts: ["Lahore"] }, null, null],
    [{ provinces: ["TOKYO"] }, "provinces.0", "errors.field.invalidChoice"],
    [{ instruments: [] }, "instruments", "errors.field.instrumentsMin"],
    [{ horizonYears: "0" }, "horizonYears", "errors.field.range"],
    [{ horizonYears: "2.5" }, "horizonYears", "errors.field.integer"],
    [{ thesis: "x".repeat(4001) }, "thesis", "errors.field.tooLong"],
  ])("%j → %s %s", (overrides, field, message) => {
    const result = ZInvestorProfileInput.safeParse({ ...valid, ...overrides });
    if (field === null) expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    else expect(fieldsOf(result)[field]).toBe(message);
  });

  it("has steps that together own every field of the schema", () => {
    const owned = PROFILE_STEPS.flatMap((step) => [...step.fields]).sort();
    expect(owned).toEqual(Object.keys(valid).sort());
  });

  it("checks the same rules step by step", () => {
    expect(fieldsOf(ZProfileTicketStep.safeParse({ ticketCurrency: "USD", ticketMin: "9", ticketMax: "1" }))).toEqual({ ticketMax: "errors.field.ticketOrder" });
    expect(fieldsOf(ZProfileLocationStep.safeParse({ anywhereInPakistan: false, provinces: [], districts: [] }))).toEqual({ provinces: "errors.field.locationMin" });
    for (const step of PROFILE_STEPS) expect(step.schema.safeParse(valid).success, step.key).toBe(true);
  });
});

describe("roundSignificant", () => {
  it.each([
    [749_999_779n, 750_000_000n],
    [2_999_999_115n, 3_000_000_000n],
    [123_456_789n, 123_460_000n],
    [12_345n, 12_345n],
    [0n, 0n],
  ])("%s → %s", (amount, expected) => {
    expect(roundSignificant(amount)).toBe(expected);
  });
});
