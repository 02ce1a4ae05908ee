// The JSON shape of one review decision (POST /api/v1/matches/{id}/review), shared
// by the route handler and the OpenAPI document.
import { z } from "zod";
import { INTRODUCTION_NOTE_MAX, REJECT_REASON_MAX } from "./review-limits";

export const MATCH_DECISIONS = ["approve", "reject", "introduce"] as const;

export const ZMatchReviewInput = z
  .object({
    decision: z.enum(MATCH_DECISIONS, { error: "errors.field.invalidChoice" }).meta({ description: "approve, reject (needs a reason) or introduce (from SUGGESTED or APPROVED)." }),
    reason: z.string().trim().max(REJECT_REASON_MAX, "errors.field.tooLong").optional().meta({ description: "Why the match is rejected; required for reject, kept on the match." }),
    note: z.string().trim().max(INTRODUCTION_NOTE_MAX, "errors.field.tooLong").optional().meta({ description: "For introduce: a note included in the introduction emails." }),
  })
  .refine((input) => input.decision !== "reject" || Boolean(input.reason), { message: "errors.field.required", path: ["reason"] });
export type TMatchReviewInput = z.infer<typeof ZMatchReviewInput>;

export const ZMatchDecision = z.object({
  id: z.uuid(),
  status: z.enum(["APPROVED", "REJECTED", "INTRODUCED"]),
  at: z.iso.datetime().meta({ description: "When the decision was recorded." }),
});
