// Money in the reader's chosen currency: USD amounts converted with the
// exchange-rate table (integer arithmetic until the very last step) and
// formatted with Intl for the reader's locale. Display only; nothing stored.
import type { TLocale } from "@/lib/i18n/config";
import { formatMoneyCompact, type TCurrency } from "./format";
import { convertWithRates, type TRateTable } from "./rates";

/** The amount in `currency`, or in USD when the table has no way to convert. */
export function displayUsdAmount(amountUsdCents: bigint, currency: TCurrency, rates: TRateTable, locale: TLocale): { text: string; currency: TCurrency } {
  const converted = convertWithRates(amountUsdCents, "USD", currency, rates);
  if (converted === null) return { text: formatMoneyCompact(amountUsdCents, "USD", locale), currency: "USD" };
  return { text: formatMoneyCompact(converted, currency, locale), currency };
}

/** Whether `currency` can be shown at all with these rates. */
export function canDisplay(currency: TCurrency, rates: TRateTable): boolean {
  return currency === "USD" || convertWithRates(100n, "USD", currency, rates) !== null;
}

/** The rate used for USD → currency, as a decimal string, and its date (null for USD or when missing). */
export function usdRateFor(currency: TCurrency, rates: TRateTable): { rate: string; asOf: Date } | null {
  if (currency === "USD") return null;
  const direct = rates.rates.find((rate) => rate.base === "USD" && rate.quote === currency);
  if (direct) return { rate: direct.rate, asOf: direct.asOf };
  const inverse = rates.rates.find((rate) => rate.base === currency && rate.quote === "USD");
  if (!inverse) return null;
  // 1 USD = 1 / rate: shown with up to 4 decimals; the conversion itself uses the exact inverse.
  const value = 1 / Number(inverse.rate);
  return { rate: value.toFixed(4).replace(/\.?0+$/, ""), asOf: inverse.asOf };
}
