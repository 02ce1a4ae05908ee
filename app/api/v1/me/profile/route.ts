import { requireRole } from "@/lib/auth/guards";
import { apiRoute, readJson } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { saveInvestorProfile } from "@/lib/investors/mutations";
import { getOwnInvestorProfile } from "@/lib/investors/queries";
import { ZInvestorProfileInput } from "@/lib/investors/schemas";

/** The signed-in investor's own profile (404 until they have one). */
export const GET = apiRoute(async ({ actor }) => getOwnInvestorProfile(requireRole(actor, "INVESTOR")));

/** Creates or replaces the signed-in investor's profile (the wizard's schema). */
export const PUT = apiRoute(async ({ actor, request, meta }) => {
  const investor = requireRole(actor, "INVESTOR");
  return saveInvestorProfile(investor, parseInput(ZInvestorProfileInput, await readJson(request)), meta);
});
