// Decimal strings ↔ minor units (BigInt). Money never passes through a float
// on its way in: "12500000.5" USD → 1250000050n cents.
import type { TCurrency } from "./format";

export const MINOR_DIGITS: Record<TCurrency, number> = { USD: 2, PKR: 2, JPY: 0 };

/** Largest amount accepted anywhere: 10 trillion in major units (absurd amounts are input errors). */
export const MAX_MAJOR_DIGITS = 13;

export function decimalPattern(currency: TCurrency): RegExp {
  const digits = MINOR_DIGITS[currency];
  return digits === 0 ? new RegExp(`^\\d{1,${MAX_MAJOR_DIGITS}}$`) : new RegExp(`^\\d{1,${MAX_MAJOR_DIGITS}}(\\.\\d{1,${digits}})?$`);
}

/** Parses a non-negative decimal string in major units; null when malformed. */
export function parseMajorToMinor(value: string, currency: TCurrency): bigint | null {
  const cleaned = value.trim().replace(/[,_\s]/g, "");
  if (!decimalPattern(currency).test(cleaned)) return null;
  const digits = MINOR_DIGITS[currency];
  const [whole = "0", fraction = ""] = cleaned.split(".");
  return BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
}

export function minorToDecimalString(amountMinor: bigint, currency: TCurrency): string {
  const digits = MINOR_DIGITS[currency];
  if (digits === 0) return amountMinor.toString();
  const scale = 10n ** BigInt(digits);
  const whole = amountMinor / scale;
  const fraction = (amountMinor % scale).toString().padStart(digits, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/**
 * Converts minor units between currencies with a decimal rate given as a
 * string ("281.00000000"), in integer arithmetic, rounding half up.
 */
export function convertMinor(amountMinor: bigint, from: TCurrency, to: TCurrency, rate: string): bigint {
  if (from === to) return amountMinor;
  const [whole = "0", fraction = ""] = rate.split(".");
  const rateScale = 10n ** BigInt(fraction.length);
  const rateScaled = BigInt(whole) * rateScale + BigInt(fraction || "0");
  const numerator = amountMinor * rateScaled * 10n ** BigInt(MINOR_DIGITS[to]);
  const denominator = rateScale * 10n ** BigInt(MINOR_DIGITS[from]);
  return (numerator * 2n + denominator) / (2n * denominator);
}
