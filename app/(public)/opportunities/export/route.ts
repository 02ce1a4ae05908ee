// GET /opportunities/export?<the search's parameters>: the results as CSV.
// Public, like the search itself (published listings only).
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type TLocale } from "@/lib/i18n/config";
import { searchResultsCsv } from "@/lib/listings/export";
import { assertKnownSectors } from "@/lib/listings/search";
import { parseSearchQuery } from "@/lib/listings/search-schema";
import { getLatestRates } from "@/lib/money/rates";

export const dynamic = "force-dynamic";

function readerLocale(request: Request): TLocale {
  const cookie = request.headers.get("cookie") ?? "";
  const value = cookie
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(value) ? value : localeFromAcceptLanguage(request.headers.get("accept-language"));
}

export const GET = apiRoute(async ({ request }) => {
  const url = new URL(request.url);
  const parsed = parseSearchQuery(url.searchParams);
  if (!parsed.ok) throw new AppError("VALIDATION", "errors.validation", { fieldErrors: parsed.fieldErrors });
  // Refused before the first byte: once streaming, a 200 has been sent.
  await assertKnownSectors(parsed.params.sector);
  const rates = await getLatestRates();
  // Links in the file use the public address (APP_URL), not the interface the server listens on.
  const body = searchResultsCsv(parsed.params, { locale: readerLocale(request), rates, origin: env().APP_URL.replace(/\/$/, "") });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kizuna-opportunities-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
