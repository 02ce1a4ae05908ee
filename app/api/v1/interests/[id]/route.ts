import { requireUser } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { getInterest } from "@/lib/interests/queries";
import { ZId } from "@/lib/investors/schemas";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  return getInterest(requireUser(actor), parseInput(ZId, params.id));
});
