import { requireRole } from "@/lib/auth/guards";
import { apiRoute, readJson } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { ZId } from "@/lib/investors/schemas";
import { updateListingBasics } from "@/lib/listings/mutations";
import { ZUpdateListingBasics } from "@/lib/listings/schemas";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, request, meta }) => {
  const user = requireRole(actor, "STAFF", "ADMIN");
  const id = parseInput(ZId, params.id);
  return updateListingBasics(user, id, parseInput(ZUpdateListingBasics, await readJson(request)), meta);
});
