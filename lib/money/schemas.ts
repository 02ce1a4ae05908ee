// Input of the admin's exchange-rate form (and of any future API for it).
import { z } from "zod";
import { CURRENCIES } from "@/lib/listings/schemas";

/** A positive decimal with at most 10 integer digits and 8 decimals (the column is DECIMAL(18, 8)). */
const ZRate = z
  .string({ error: "errors.field.required" })
  .trim()
  .transform((value) => value.replace(/[,_\s]/g, ""))
  .refine((value) => /^\d{1,10}(\.\d{1,8})?$/.test(value) && /[1-9]/.test(value), "errors.rates.rate");

const ZRateDate = z
  .string({ error: "errors.field.required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.field.date")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "errors.field.date")
  .refine((value) => value >= "2000-01-01", "errors.field.range")
  // "Today" anywhere on Earth: a rate may be dated today in Tokyo while it is still yesterday in UTC.
  .refine((value) => new Date(`${value}T00:00:00Z`).getTime() <= Date.now() + 14 * 3600 * 1000, "errors.rates.dateFuture");

export const ZAddExchangeRate = z
  .object({
    base: z.enum(CURRENCIES, { error: "errors.field.invalidChoice" }),
    quote: z.enum(CURRENCIES, { error: "errors.field.invalidChoice" }),
    rate: ZRate,
    asOf: ZRateDate,
    source: z
      .string()
      .trim()
      .max(200, "errors.field.tooLong")
      .optional()
      .transform((value) => (value ? value : undefined)),
  })
  .refine((value) => value.base !== value.quote, { message: "errors.rates.samePair", path: ["quote"] });

export type TAddExchangeRate = z.infer<typeof ZAddExchangeRate>;
