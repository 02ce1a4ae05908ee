import { describe, expect, it } from "vitest";
import { formDataToNested } from "@/lib/http/validation";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("formDataToNested", () => {
  it("builds nested objects, arrays and repeated keys", () => {
    const nested = formDataToNested(
      form([
        ["kind", "SEZ"],
        ["facts.areaAcres", "1536"],
        ["investment.amount", "100"],
        ["investment.currency", "USD"],
        ["instruments", "EQUITY"],
        ["instruments", "DEBT"],
        ["incentives.0.name", "Tax holiday"],
        ["incentives.1.name", "Customs"],
        ["$ACTION_ID_abc", ""],
      ]),
    );
    expect(nested).toEqual({
      kind: "SEZ",
      facts: { areaAcres: "1536" },
      investment: { amount: "100", currency: "USD" },
      instruments: ["EQUITY", "DEBT"],
      incentives: [{ name: "Tax holiday" }, { name: "Customs" }],
    });
  });

  it("drops groups the user left empty", () => {
    expect(formDataToNested(form([["title", "X"], ["investment.amount", ""], ["incentives.0.name", ""]]))).toEqual({ title: "X", incentives: [] });
  });
});
