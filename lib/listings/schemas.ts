import { z } from "zod";

/** The fields this issue lets staff edit; the listings issue replaces it with per-kind schemas. */
export const ZUpdateListingBasics = z
  .object({
    title: z.string().trim().min(3, "errors.field.tooShort").max(200, "errors.field.tooLong").optional(),
    summary: z.string().trim().min(10, "errors.field.tooShort").max(2000, "errors.field.tooLong").optional(),
  })
  .strict();
