// GET /api/v1/listings in the OpenAPI document: the query parameters are the
// browse page's own schema (ZSearchParams), field by field, with a description
// and an example each; the response is the search DTO.
import type { z } from "zod";
import { ZListingSearchResultDto } from "@/lib/listings/search-dto";
import { SEARCH_LIMIT, SIZE_BAND_KEYS, ZSearchParams } from "@/lib/listings/search-schema";

type TSearchKey = keyof typeof ZSearchParams.shape;

const PARAMETERS: Record<TSearchKey, { description: string; example?: unknown }> = {
  q: { description: "Keywords over title, summary, sectors (English and Japanese names), location and incentives. Typos are tolerated.", example: "textile" },
  sector: { description: "Sector slugs (repeat the parameter or separate with commas); a parent sector also matches its children.", example: ["food-processing"] },
  province: { description: "Provinces (repeat or comma-separate).", example: ["PUNJAB"] },
  district: { description: "One district, as written in listings." },
  kind: { description: "Listing kinds (repeat or comma-separate)." },
  stage: { description: "Project stages (repeat or comma-separate)." },
  instrument: { description: "Investment instruments (repeat or comma-separate)." },
  size: { description: `Investment-size bands in USD: ${SIZE_BAND_KEYS.join(", ")}.` },
  sort: { description: "relevance (default), newest, or size (largest first)." },
  cursor: { description: "The `nextCursor` of the previous page." },
  limit: { description: `Results per page, 1–${SEARCH_LIMIT.max} (default ${SEARCH_LIMIT.default}).`, example: 20 },
  currency: { description: "Currency for `investment` in the results (USD, PKR, JPY); filtering is always in USD.", example: "JPY" },
};

export function listingSearchOperation(fresh: <T extends z.ZodType>(schema: T, meta?: Record<string, unknown>) => T): {
  query: z.ZodObject;
  response: z.ZodType;
} {
  const shape = Object.fromEntries(
    (Object.entries(ZSearchParams.shape) as [TSearchKey, z.ZodType][]).map(([key, schema]) => [key, fresh(schema, PARAMETERS[key])]),
  );
  return { query: ZSearchParams.extend(shape), response: ZListingSearchResultDto };
}
