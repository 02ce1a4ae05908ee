// CSV export of a search: the same parameters as the page and the API, every
// matching published listing (keyset pages, no facets) up to EXPORT_MAX_ROWS,
// streamed page by page so memory stays flat. Cells that a spreadsheet would
// run as a formula are prefixed with a quote (CSV injection).
import { stringify } from "csv-stringify/sync";
import type { TLocale } from "@/lib/i18n/config";
import type { TCurrency } from "@/lib/money/format";
import { minorToDecimalString } from "@/lib/money/parse";
import { convertWithRates, type TRateTable } from "@/lib/money/rates";
import { iterateSearch, type TSearchItem } from "./search";
import type { TSearchParams } from "./search-schema";

export const EXPORT_MAX_ROWS = 10_000;
const PAGE_SIZE = 500;

const COLUMNS = [
  "id",
  "url",
  "title",
  "kind",
  "stage",
  "province",
  "district",
  "sectors",
  "instruments",
  "investment",
  "currency",
  "investment_usd",
  "agency",
  "published_at",
] as const;

/** A spreadsheet runs a cell starting with = + - @ (or a tab/CR) as a formula: make it text. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function toRow(item: TSearchItem, options: { currency: TCurrency; rates: TRateTable; origin: string }): string[] {
  const converted = item.amountUsdCents === null ? null : convertWithRates(item.amountUsdCents, "USD", options.currency, options.rates);
  const currency = converted === null ? "USD" : options.currency;
  const amount = converted ?? item.amountUsdCents;
  return [
    item.id,
    `${options.origin}/opportunities/${item.id}`,
    neutraliseFormula(item.title),
    item.kind,
    item.stage,
    item.province ?? "",
    neutraliseFormula(item.district ?? ""),
    neutraliseFormula(item.sectors.map((sector) => sector.name).join("; ")),
    item.instruments.join("; "),
    amount === null ? "" : minorToDecimalString(amount, currency),
    amount === null ? "" : currency,
    item.amountUsdCents === null ? "" : minorToDecimalString(item.amountUsdCents, "USD"),
    neutraliseFormula(item.agencyName),
    item.publishedAt?.toISOString() ?? "",
  ];
}

/**
 * The CSV as a stream: a byte-order mark (so spreadsheet programs read the
 * Japanese text as UTF-8), the header, then one chunk per page of results.
 */
export function searchResultsCsv(params: TSearchParams, options: { locale: TLocale; rates: TRateTable; origin: string }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = iterateSearch({ ...params, cursor: undefined }, { locale: options.locale }, { max: EXPORT_MAX_ROWS, pageSize: PAGE_SIZE });
  const rowOptions = { currency: params.currency, rates: options.rates, origin: options.origin };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${stringify([[...COLUMNS]])}`));
    },
    async pull(controller) {
      const batch: string[][] = [];
      while (batch.length < PAGE_SIZE) {
        const next = await rows.next();
        if (next.done) break;
        batch.push(toRow(next.value, rowOptions));
      }
      if (batch.length > 0) controller.enqueue(encoder.encode(stringify(batch)));
      if (batch.length < PAGE_SIZE) controller.close();
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
