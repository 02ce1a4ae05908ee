import { activeOrNull, requireRole } from "@/lib/auth/guards";
import { apiRoute, readJson } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { getListingDto } from "@/lib/listings/dto";
import { patchListing } from "@/lib/listings/patch";
import { ZListingRef } from "@/lib/listings/schemas";

type TParams = { id: string };

/** Published listings for everybody; a staff member's own agency's drafts; anything for admins. */
export const GET = apiRoute<TParams>(async ({ actor, params }) => {
  const viewer = activeOrNull(actor);
  return getListingDto(viewer, parseInput(ZListingRef, params).id);
});

/** Staff of the listing's agency (or admins): merge the given fields, validate the whole listing. */
export const PATCH = apiRoute<TParams>(async ({ actor, params, request, meta }) => {
  const user = requireRole(actor, "STAFF", "ADMIN");
  const id = parseInput(ZListingRef, params).id;
  await patchListing(user, id, await readJson(request), meta);
  return getListingDto(user, id);
});
