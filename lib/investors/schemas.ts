import { z } from "zod";

export const ZId = z.uuid("errors.field.invalidId");

/** The part of a profile this issue edits; the onboarding issue extends it. */
export const ZUpdateProfileBasics = z
  .object({
    thesis: z.string().trim().max(4000, "errors.field.tooLong").optional(),
    horizonYears: z.coerce.number().int("errors.field.integer").min(1, "errors.field.range").max(50, "errors.field.range").optional(),
    locale: z.enum(["en", "ja"], { error: "errors.field.invalidChoice" }).optional(),
  })
  .strict();
