// Exchange rates from the exchange_rates table (editable by admins): the latest
// row per pair, used to normalise listing amounts to USD and to show money in
// the reader's currency with the rate's date.
import { db } from "@/lib/db/client";
import type { TCurrency } from "./format";
import { convertMinor } from "./parse";

export type TRate = { base: TCurrency; quote: TCurrency; rate: string; asOf: Date };
export type TRateTable = { rates: TRate[]; asOf: Date | null };

export async function getLatestRates(): Promise<TRateTable> {
  const rows = await db().exchangeRate.findMany({
    distinct: ["base", "quote"],
    orderBy: [{ base: "asc" }, { quote: "asc" }, { asOf: "desc" }],
    select: { base: true, quote: true, rate: true, asOf: true },
  });
  const rates = rows.map((row) => ({ base: row.base, quote: row.quote, rate: row.rate.toString(), asOf: row.asOf }));
  const asOf = rates.reduce<Date | null>((latest, rate) => (!latest || rate.asOf > latest ? rate.asOf : latest), null);
  return { rates, asOf };
}

/** Converts with a direct rate, else the inverse of the opposite pair, else via USD. */
export function convertWithRates(amountMinor: bigint, from: TCurrency, to: TCurrency, table: TRateTable): bigint | null {
  if (from === to) return amountMinor;
  const direct = table.rates.find((rate) => rate.base === from && rate.quote === to);
  if (direct) return convertMinor(amountMinor, from, to, direct.rate);
  const inverse = table.rates.find((rate) => rate.base === to && rate.quote === from);
  if (inverse) return convertMinor(amountMinor, from, to, invertRate(inverse.rate));
  if (from !== "USD" && to !== "USD") {
    const viaUsd = convertWithRates(amountMinor, from, "USD", table);
    return viaUsd === null ? null : convertWithRates(viaUsd, "USD", to, table);
  }
  return null;
}

/** 1/rate with 8 decimals, in integer arithmetic. */
export function invertRate(rate: string): string {
  const [whole = "0", fraction = ""] = rate.split(".");
  const scale = 10n ** BigInt(fraction.length);
  const value = BigInt(whole) * scale + BigInt(fraction || "0");
  if (value === 0n) return "0";
  const inverted = (scale * 10n ** 8n * 2n + value) / (2n * value);
  const text = inverted.toString().padStart(9, "0");
  return `${text.slice(0, -8)}.${text.slice(-8)}`;
}

export async function toUsdCents(amountMinor: bigint, currency: TCurrency): Promise<bigint | null> {
  if (currency === "USD") return amountMinor;
  return convertWithRates(amountMinor, currency, "USD", await getLatestRates());
}
