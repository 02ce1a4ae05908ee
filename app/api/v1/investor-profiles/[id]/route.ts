import { requireUser } from "@/lib/auth/guards";
import { apiRoute, readJson } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { getInvestorProfile, updateInvestorProfileBasics } from "@/lib/investors/queries";
import { ZId, ZUpdateProfileBasics } from "@/lib/investors/schemas";

type TParams = { id: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) => {
  const user = requireUser(actor);
  return getInvestorProfile(user, parseInput(ZId, params.id));
});

export const PATCH = apiRoute<TParams>(async ({ actor, params, request, meta }) => {
  const user = requireUser(actor);
  const id = parseInput(ZId, params.id);
  return updateInvestorProfileBasics(user, id, parseInput(ZUpdateProfileBasics, await readJson(request)), meta);
});
