import { requireUser } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { ZId } from "@/lib/investors/schemas";
import { getMatch } from "@/lib/matching/queries";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  return getMatch(requireUser(actor), parseInput(ZId, params.id));
});
