import { requireAgencyStaff } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/http/route";
import { listingsCsvTemplate } from "@/lib/listings/csv";

/** The CSV template (header and two example rows), as a download. */
export const GET = apiRoute(async ({ actor }) => {
  requireAgencyStaff(actor);
  // A BOM lets spreadsheet programs open the Japanese columns as UTF-8.
  return new Response(`\uFEFF${listingsCsvTemplate()}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="kizuna-listings-template.csv"',
      "Cache-Control": "no-store",
    },
  });
});
