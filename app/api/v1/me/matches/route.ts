import { requireRole } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { listMyMatches } from "@/lib/matching/queries";
import { ZMyMatchesQuery } from "@/lib/matching/schemas";

/** The investor's own approved and introduced matches, ranked; 403 for anyone else. */
export const GET = apiRoute(async ({ actor, request }) => {
  const user = requireRole(actor, "INVESTOR");
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const query = parseInput(ZMyMatchesQuery, params);
  return listMyMatches(user, { ...query, locale: user.locale === "ja" ? "ja" : "en" });
});
