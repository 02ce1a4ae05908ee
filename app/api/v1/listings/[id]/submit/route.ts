import { requireAgencyStaff } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { getListingDto } from "@/lib/listings/dto";
import { submitListing } from "@/lib/listings/mutations";
import { ZListingRef } from "@/lib/listings/schemas";

/** DRAFT → SUBMITTED for review, by staff of the listing's agency; the stored listing must pass the full schema. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, meta }) => {
  const user = requireAgencyStaff(actor);
  const id = parseInput(ZListingRef, params).id;
  await submitListing(user, id, meta);
  return getListingDto(user, id);
});
