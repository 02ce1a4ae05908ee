import { requireRole } from "@/lib/auth/guards";
import { apiRoute, readJson } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { ZId } from "@/lib/investors/schemas";
import { reviewMatch } from "@/lib/matching/review";
import { ZMatchReviewInput } from "@/lib/matching/review-schemas";

/** An admin approves, rejects (with a reason) or introduces a match; 409 when someone already decided it. */
export const POST = apiRoute<{ id: string }>(async ({ request, actor, params, meta }) => {
  const admin = requireRole(actor, "ADMIN");
  const id = parseInput(ZId, params.id);
  return reviewMatch(admin, id, parseInput(ZMatchReviewInput, await readJson(request)), meta);
});
