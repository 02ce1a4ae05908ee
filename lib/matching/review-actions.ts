// Action specs of the admin match review (app/admin/matches/actions.ts wraps
// them) and of the matching settings (app/admin/settings/matching/actions.ts).
// Each run starts with requireRole(actor, "ADMIN"): the role is read from the
// database for every call, whatever page the call came from.
import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { defineAction } from "@/lib/http/action";
import { BULK_APPROVE_CAP, INTRODUCTION_NOTE_MAX, REJECT_REASON_MAX, approveMatch, bulkApproveMatches, introduceMatch, rejectMatch } from "./review";
import { ZReviewFilters, reviewQueueWhere } from "./review-filters";
import { ZMatchingPreview, ZMatchingSettings, previewMatchingWeights, saveMatchingWeights } from "./weights";

const ZMatchId = z.uuid("errors.field.invalidId");

export const ZApproveMatch = z.object({ matchId: ZMatchId });
export const ZRejectMatch = z.object({
  matchId: ZMatchId,
  reason: z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(REJECT_REASON_MAX, "errors.field.tooLong"),
});
export const ZIntroduceMatch = z.object({
  matchId: ZMatchId,
  note: z.string().trim().max(INTRODUCTION_NOTE_MAX, "errors.field.tooLong").optional(),
});

/** FormData sends one id as a string, several as an array. */
const ZIds = z.preprocess(
  (value) => (value === undefined || value === "" ? undefined : Array.isArray(value) ? value : [value]),
  z.array(ZMatchId).min(1).max(BULK_APPROVE_CAP, "errors.field.tooLong").optional(),
);

export const ZBulkApprove = ZReviewFilters.extend({ ids: ZIds });
export const ZCountBulkApproval = ZReviewFilters.extend({ minScore: z.coerce.number({ error: "errors.field.integer" }).int("errors.field.integer").min(0, "errors.field.range").max(100, "errors.field.range") });

export const approveMatchSpec = defineAction({
  name: "approveMatch",
  input: ZApproveMatch,
  run: ({ actor, meta }, input) => approveMatch(requireRole(actor, "ADMIN"), input, meta),
});

export const rejectMatchSpec = defineAction({
  name: "rejectMatch",
  input: ZRejectMatch,
  run: ({ actor, meta }, input) => rejectMatch(requireRole(actor, "ADMIN"), input, meta),
});

export const introduceMatchSpec = defineAction({
  name: "introduceMatch",
  input: ZIntroduceMatch,
  run: ({ actor, meta }, input) => introduceMatch(requireRole(actor, "ADMIN"), input, meta),
});

export const bulkApproveMatchesSpec = defineAction({
  name: "bulkApproveMatches",
  input: ZBulkApprove,
  run: ({ actor, meta }, { ids, ...filters }) =>
    bulkApproveMatches(requireRole(actor, "ADMIN"), ids ? { ids } : { minScore: filters.minScore, filters }, meta),
});

/** How many SUGGESTED matches "approve all ≥ score" would decide, for its confirmation. */
export const countBulkApprovalSpec = defineAction({
  name: "countBulkApproval",
  input: ZCountBulkApproval,
  run: async ({ actor }, input) => {
    requireRole(actor, "ADMIN");
    const count = await db().match.count({ where: { AND: [await reviewQueueWhere(input), { status: "SUGGESTED" }] } });
    return { count, cap: BULK_APPROVE_CAP };
  },
});

export const saveMatchingWeightsSpec = defineAction({
  name: "saveMatchingWeights",
  input: ZMatchingSettings,
  run: ({ actor, meta }, input) => saveMatchingWeights(requireRole(actor, "ADMIN"), input, meta),
});

export const previewMatchingWeightsSpec = defineAction({
  name: "previewMatchingWeights",
  input: ZMatchingPreview.and(z.object({ locale: z.enum(["en", "ja"]).optional() })),
  run: ({ actor }, { locale, ...input }) => previewMatchingWeights(requireRole(actor, "ADMIN"), input, { locale }),
});
