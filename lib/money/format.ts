// Money is stored in minor units (BigInt); it becomes a number only here, for
// display, through Intl with the reader's locale.
import type { TLocale } from "@/lib/i18n/config";

export type TCurrency = "USD" | "PKR" | "JPY";

const MINOR_DIGITS: Record<TCurrency, number> = { USD: 2, PKR: 2, JPY: 0 };

export function minorToMajor(amountMinor: bigint, currency: TCurrency): number {
  return Number(amountMinor) / 10 ** MINOR_DIGITS[currency];
}

/** Compact, locale-aware money: "$5.5B" in English, "55億ドル" in Japanese. */
export function formatMoneyCompact(amountMinor: bigint, currency: TCurrency, locale: TLocale): string {
  return new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(minorToMajor(amountMinor, currency));
}
