// The search result as the REST API returns it: `{ data, facets, total, nextCursor }`.
// Money is a decimal string with its currency (USD, and the requested display
// currency converted with the latest exchange rate); BigInt never leaves.
import { z } from "zod";
import { minorToDecimalString } from "@/lib/money/parse";
import { convertWithRates, type TRateTable } from "@/lib/money/rates";
import type { TCurrency } from "@/lib/money/format";
import { ZMoneyDto } from "./dto";
import { CURRENCIES, INSTRUMENTS, LISTING_KINDS, PROVINCES, STAGES } from "./schemas";
import type { TSearchItem, TSearchResult } from "./search";

const ZFacetValue = z.object({ value: z.string(), count: z.int().min(0) });

export const ZListingSummaryDto = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    kind: z.enum(LISTING_KINDS),
    title: z.string().meta({ description: "In the caller's language when the agency gave one (account language, else Accept-Language)." }),
    summary: z.string(),
    province: z.enum(PROVINCES).nullable(),
    district: z.string().nullable(),
    stage: z.enum(STAGES),
    sectors: z.array(z.object({ slug: z.string(), name: z.string() })),
    instruments: z.array(z.enum(INSTRUMENTS)),
    agencyName: z.string(),
    areaAcres: z.string().nullable().meta({ description: "Decimal string." }),
    investmentUsd: ZMoneyDto.nullable(),
    investment: ZMoneyDto.nullable().meta({ description: "The investment in the requested `currency`, converted with the latest exchange rate; null when unknown." }),
    publishedAt: z.iso.datetime().nullable(),
    score: z.number().nullable().meta({ description: "Relevance (higher is better) when sorted by relevance; otherwise null." }),
  })
  .meta({ id: "ListingSummary" });

const ZSectorFacetChild = z.object({ slug: z.string(), name: z.string(), count: z.int().min(0) });

export const ZSearchFacetsDto = z
  .object({
    sector: z.array(ZSectorFacetChild.extend({ children: z.array(ZSectorFacetChild) })).meta({ description: "Parent sectors with their children; a parent counts listings in any of its children." }),
    province: z.array(ZFacetValue),
    district: z.array(z.object({ province: z.enum(PROVINCES).nullable(), district: z.string(), count: z.int().min(0) })),
    kind: z.array(ZFacetValue),
    stage: z.array(ZFacetValue),
    instrument: z.array(ZFacetValue),
    size: z.array(ZFacetValue).meta({ description: "Investment-size bands (lt1m, 1m-10m, 10m-100m, 100m-1b, gt1b), in USD." }),
  })
  .meta({ id: "SearchFacets", description: "Counts for each filter value, for the search without that filter's own selection." });

export const ZListingSearchResultDto = z
  .object({
    data: z.array(ZListingSummaryDto),
    facets: ZSearchFacetsDto,
    total: z.int().min(0),
    approximate: z.boolean().meta({ description: "True when total and facet counts are estimated from a sample (very broad searches)." }),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    correctedQuery: z.string().nullable().meta({ description: "Set when a misspelt keyword was corrected (\"dariy\" → \"dairy\")." }),
    currency: z.enum(CURRENCIES),
    ratesAsOf: z.iso.date().nullable().meta({ description: "Date of the exchange rates used for `investment`; null for USD." }),
  })
  .meta({ id: "ListingSearchResult" });

export type TListingSearchResultDto = z.infer<typeof ZListingSearchResultDto>;
type TSummary = z.infer<typeof ZListingSummaryDto>;

function toSummary(item: TSearchItem, currency: TCurrency, rates: TRateTable | null): TSummary {
  const usd = item.amountUsdCents;
  const converted = usd === null ? null : currency === "USD" ? usd : rates ? convertWithRates(usd, "USD", currency, rates) : null;
  return {
    id: item.id,
    slug: item.slug,
    kind: item.kind as TSummary["kind"],
    title: item.title,
    summary: item.summary,
    province: item.province as TSummary["province"],
    district: item.district,
    stage: item.stage as TSummary["stage"],
    sectors: item.sectors,
    instruments: item.instruments as TSummary["instruments"],
    agencyName: item.agencyName,
    areaAcres: item.areaAcres,
    investmentUsd: usd === null ? null : { amount: minorToDecimalString(usd, "USD"), currency: "USD" },
    investment: converted === null ? null : { amount: minorToDecimalString(converted, currency), currency },
    publishedAt: item.publishedAt?.toISOString() ?? null,
    score: item.score,
  };
}

export function toListingSearchResponse(result: TSearchResult, currency: TCurrency, rates: TRateTable | null): TListingSearchResultDto {
  const leaf = ({ slug, name, count }: { slug: string; name: string; count: number }) => ({ slug, name, count });
  return {
    data: result.items.map((item) => toSummary(item, currency, rates)),
    facets: {
      ...result.facets,
      sector: result.facets.sector.map((sector) => ({ ...leaf(sector), children: sector.children.map(leaf) })),
      district: result.facets.district.map((entry) => ({ ...entry, province: entry.province as TSummary["province"] })),
    },
    total: result.total,
    approximate: result.approximate,
    nextCursor: result.nextCursor,
    correctedQuery: result.correctedQuery,
    currency,
    ratesAsOf: currency === "USD" || !rates?.asOf ? null : rates.asOf.toISOString().slice(0, 10),
  };
}
