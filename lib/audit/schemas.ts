// Filters of the audit log page and its CSV export (same URL parameters for both).
import { z } from "zod";

const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.field.tooLong")
    .optional()
    .transform((value) => (value ? value : undefined));

const ZOptionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .refine(
    (value) => value === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)),
    "errors.field.date",
  );

export const ZAuditFilters = z
  .object({
    /** A fragment of the actor's email, case-insensitive. */
    actor: ZOptionalText(200),
    targetType: ZOptionalText(50),
    targetId: ZOptionalText(100),
    /** An action name or its beginning ("user." matches every user action). */
    action: ZOptionalText(100),
    /** Inclusive dates (UTC). */
    from: ZOptionalDate,
    to: ZOptionalDate,
    /** Keyset cursor: entries older than this id. */
    before: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value && /^\d{1,19}$/.test(value) ? value : undefined)),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: "errors.audit.dateRange", path: ["to"] });

export type TAuditFilters = z.infer<typeof ZAuditFilters>;

/** URLSearchParams (or a page's searchParams) → filters; invalid input is reported, never thrown. */
export function parseAuditFilters(params: URLSearchParams):
  | { ok: true; filters: TAuditFilters }
  | { ok: false; fieldErrors: Record<string, string[]>; raw: Record<string, string> } {
  const raw: Record<string, string> = {};
  for (const key of ["actor", "targetType", "targetId", "action", "from", "to", "before"]) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = ZAuditFilters.safeParse(raw);
  if (parsed.success) return { ok: true, filters: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return { ok: false, fieldErrors, raw };
}
