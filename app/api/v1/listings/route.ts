import { NextResponse } from "next/server";
import { activeOrNull, requireAgencyStaff } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { apiRoute, readJson } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { getListingDto } from "@/lib/listings/dto";
import { createListingFromInput } from "@/lib/listings/mutations";
import { ZListingInput } from "@/lib/listings/schemas";
import { searchListings } from "@/lib/listings/search";
import { toListingSearchResponse } from "@/lib/listings/search-dto";
import { parseSearchQuery } from "@/lib/listings/search-schema";
import { getLatestRates } from "@/lib/money/rates";

/** Published listings: the browse page's filters, facets and keyset pages, as JSON. */
export const GET = apiRoute(async ({ request, actor }) => {
  const parsed = parseSearchQuery(new URL(request.url).searchParams);
  if (!parsed.ok) throw new AppError("VALIDATION", "errors.validation", { fieldErrors: parsed.fieldErrors });
  const { params } = parsed;
  const locale = activeOrNull(actor)?.locale ?? localeFromAcceptLanguage(request.headers.get("accept-language"));
  // Rates only when another currency is asked for: the default search stays one round trip.
  const [result, rates] = await Promise.all([searchListings(params, { locale }), params.currency === "USD" ? null : getLatestRates()]);
  return toListingSearchResponse(result, params.currency, rates);
});

/** Agency staff: a complete listing becomes a DRAFT of the caller's agency (never the body's). */
export const POST = apiRoute(async ({ actor, request, meta }) => {
  const user = requireAgencyStaff(actor);
  const created = await createListingFromInput(user, parseInput(ZListingInput, await readJson(request)), meta);
  const listing = await getListingDto(user, created.id);
  return NextResponse.json(listing, { status: 201, headers: { Location: `/api/v1/listings/${created.id}`, "Cache-Control": "no-store" } });
});
