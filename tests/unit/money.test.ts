import { describe, expect, it } from "vitest";
import { convertMinor, minorToDecimalString, parseMajorToMinor } from "@/lib/money/parse";

describe("parseMajorToMinor", () => {
  it.each([
    ["12500000", "USD", 1250000000n],
    ["12500000.5", "USD", 1250000050n],
    ["1,234.56", "USD", 123456n],
    ["0", "PKR", 0n],
    ["1500000", "JPY", 1500000n],
  ] as const)("%s %s → %s", (value, currency, expected) => {
    expect(parseMajorToMinor(value, currency)).toBe(expected);
  });

  it.each([["-5", "USD"], ["1.234", "USD"], ["1.5", "JPY"], ["abc", "USD"], ["", "USD"], ["99999999999999", "USD"], ["1e9", "USD"]] as const)(
    "rejects %s %s",
    (value, currency) => {
      expect(parseMajorToMinor(value, currency)).toBeNull();
    },
  );
});

describe("minorToDecimalString", () => {
  it("round-trips", () => {
    for (const value of ["0", "12.5", "12500000.05", "7"]) {
      expect(minorToDecimalString(parseMajorToMinor(value, "USD")!, "USD")).toBe(value);
    }
  });
});

describe("convertMinor", () => {
  it("converts USD cents to PKR paisa and JPY yen with integer arithmetic", () => {
    expect(convertMinor(100n, "USD", "PKR", "281.00000000")).toBe(28100n);
    expect(convertMinor(1250000000n, "USD", "JPY", "154.5")).toBe(1931250000n);
    expect(convertMinor(100n, "JPY", "USD", "0.00647249")).toBe(65n); // ¥100 ≈ $0.65
    expect(convertMinor(5n, "USD", "USD", "1")).toBe(5n);
  });
});

import { convertWithRates, invertRate } from "@/lib/money/rates";

describe("rates", () => {
  const table = {
    asOf: new Date("2025-12-01"),
    rates: [
      { base: "USD" as const, quote: "PKR" as const, rate: "281", asOf: new Date("2025-12-01") },
      { base: "USD" as const, quote: "JPY" as const, rate: "154.5", asOf: new Date("2025-12-01") },
    ],
  };
  it("inverts a rate exactly enough", () => {
    expect(invertRate("281")).toBe("0.00355872");
    expect(invertRate("0.5")).toBe("2.00000000");
  });
  it("uses direct, inverse and via-USD conversions", () => {
    expect(convertWithRates(100n, "USD", "PKR", table)).toBe(28100n);
    expect(convertWithRates(28100n, "PKR", "USD", table)).toBe(100n);
    expect(convertWithRates(100n, "USD", "JPY", table)).toBe(155n); // $1.00 → ¥154.5 → ¥155 rounded
    expect(convertWithRates(15450n, "JPY", "PKR", table)).not.toBeNull();
  });
});
