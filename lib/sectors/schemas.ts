// Inputs of the admin's sector taxonomy settings: add, rename (both languages), merge.
import { z } from "zod";

const ZId = z.uuid("errors.field.invalidId");

const ZName = z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(120, "errors.field.tooLong");

export const ZAddSector = z.object({
  slug: z
    .string({ error: "errors.field.required" })
    .trim()
    .toLowerCase()
    .min(1, "errors.field.required")
    .max(60, "errors.field.tooLong")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "errors.sectors.slugFormat"),
  nameEn: ZName,
  nameJa: ZName,
  parentId: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.uuid("errors.field.invalidId").optional()),
});

export const ZRenameSector = z.object({ id: ZId, nameEn: ZName, nameJa: ZName });

export const ZMergeSectors = z
  .object({ sourceId: ZId, targetId: ZId })
  .refine((value) => value.sourceId !== value.targetId, { message: "errors.sectors.mergeSelf", path: ["targetId"] });

export type TAddSector = z.infer<typeof ZAddSector>;
export type TRenameSector = z.infer<typeof ZRenameSector>;
export type TMergeSectors = z.infer<typeof ZMergeSectors>;
