// Reads of the exchange-rate table for the admin page.
import { db } from "@/lib/db/client";
import type { TCurrency } from "./format";

export type TRateRow = { id: string; base: TCurrency; quote: TCurrency; rate: string; asOf: Date; source: string | null; createdByName: string | null; createdAt: Date };

/** The most recent rows, newest date first. */
export async function listRecentRates(limit = 30): Promise<TRateRow[]> {
  const rows = await db().exchangeRate.findMany({
    orderBy: [{ asOf: "desc" }, { createdAt: "desc" }, { base: "asc" }, { quote: "asc" }],
    take: limit,
    select: { id: true, base: true, quote: true, rate: true, asOf: true, source: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((row) => ({ ...row, rate: row.rate.toString(), createdByName: row.createdBy?.name ?? null }));
}
