import { z } from "zod";
import { parseMajorToMinor } from "@/lib/money/parse";

export const ZId = z.uuid("errors.field.invalidId");

/** The part of a profile this issue edits; the onboarding issue extends it. */
export const ZUpdateProfileBasics = z
  .object({
    thesis: z.string().trim().max(4000, "errors.field.tooLong").optional(),
    horizonYears: z.coerce.number().int("errors.field.integer").min(1, "errors.field.range").max(50, "errors.field.range").optional(),
    locale: z.enum(["en", "ja"], { error: "errors.field.invalidChoice" }).optional(),
  })
  .strict();

// ───────────────────────────── the investment profile (onboarding wizard, profile page, PUT /api/v1/me/profile) ─────────────────────────────
// One schema for the whole profile, and one per wizard step built from the same
// field schemas and refinements, so a step that passes in the browser cannot be
// refused for a different reason by the server.
export const PROFILE_CURRENCIES = ["USD", "PKR", "JPY"] as const;
export const PROVINCES = ["PUNJAB", "SINDH", "KHYBER_PAKHTUNKHWA", "BALOCHISTAN", "ISLAMABAD", "GILGIT_BALTISTAN", "AZAD_JAMMU_KASHMIR"] as const;
export const INSTRUMENTS = ["EQUITY", "DEBT", "JOINT_VENTURE", "PPP", "PLOT_PURCHASE", "PLOT_LEASE"] as const;
export const STAGES = ["CONCEPT", "FEASIBILITY", "READY", "UNDER_CONSTRUCTION", "OPERATING"] as const;
export const MAX_PROFILE_SECTORS = 10;
export const MAX_DISTRICTS = 20;

/** A decimal string in major units of ticketCurrency; a JSON number is refused (it may already have lost precision). */
const ZAmount = z
  .string({ error: (issue) => (issue.input === undefined ? "errors.field.required" : "errors.field.amount") })
  .trim()
  .min(1, "errors.field.required");

const sectorsShape = {
  sectorIds: z
    .array(z.uuid("errors.field.invalidId"), "errors.field.sectorsMin")
    .min(1, "errors.field.sectorsMin")
    .max(MAX_PROFILE_SECTORS, "errors.field.profileSectorsMax"),
};

const ticketShape = {
  ticketCurrency: z.enum(PROFILE_CURRENCIES, { error: "errors.field.invalidChoice" }),
  ticketMin: ZAmount,
  ticketMax: ZAmount,
};

const locationShape = {
  anywhereInPakistan: z.boolean("errors.field.invalidChoice"),
  provinces: z.array(z.enum(PROVINCES, { error: "errors.field.invalidChoice" }), "errors.field.invalidChoice").default([]),
  districts: z
    .array(z.string().trim().min(1, "errors.field.required").max(60, "errors.field.tooLong"), "errors.field.invalidChoice")
    .max(MAX_DISTRICTS, "errors.field.tooMany")
    .default([]),
};

/** An empty horizon ("" from a form, null from JSON) means "not stated". */
const ZHorizon = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.coerce.number("errors.field.integer").int("errors.field.integer").min(1, "errors.field.range").max(50, "errors.field.range").optional(),
);

const detailsShape = {
  instruments: z.array(z.enum(INSTRUMENTS, { error: "errors.field.invalidChoice" }), "errors.field.instrumentsMin").min(1, "errors.field.instrumentsMin"),
  stages: z.array(z.enum(STAGES, { error: "errors.field.invalidChoice" }), "errors.field.stagesMin").min(1, "errors.field.stagesMin"),
  horizonYears: ZHorizon,
  thesis: z.string().trim().max(4000, "errors.field.tooLong").optional(),
};

type TTicketFields = { ticketCurrency: (typeof PROFILE_CURRENCIES)[number]; ticketMin: string; ticketMax: string };

/** Amounts must be well-formed in their currency (no decimals for JPY) and min ≤ max. */
function checkTicket(value: TTicketFields, ctx: z.RefinementCtx) {
  const min = parseMajorToMinor(value.ticketMin, value.ticketCurrency);
  const max = parseMajorToMinor(value.ticketMax, value.ticketCurrency);
  // An empty amount already says "required"; "malformed" would only repeat it.
  if (min === null && value.ticketMin) ctx.addIssue({ code: "custom", path: ["ticketMin"], message: "errors.field.amount" });
  if (max === null && value.ticketMax) ctx.addIssue({ code: "custom", path: ["ticketMax"], message: "errors.field.amount" });
  if (min !== null && max !== null && min > max) ctx.addIssue({ code: "custom", path: ["ticketMax"], message: "errors.field.ticketOrder" });
}

/** "Not anywhere" needs at least one province or district to mean something. */
function checkLocation(value: { anywhereInPakistan: boolean; provinces: string[]; districts: string[] }, ctx: z.RefinementCtx) {
  if (!value.anywhereInPakistan && value.provinces.length === 0 && value.districts.length === 0) {
    ctx.addIssue({ code: "custom", path: ["provinces"], message: "errors.field.locationMin" });
  }
}

export const ZProfileSectorsStep = z.object(sectorsShape);
export const ZProfileTicketStep = z.object(ticketShape).superRefine(checkTicket);
export const ZProfileLocationStep = z.object(locationShape).superRefine(checkLocation);
export const ZProfileDetailsStep = z.object(detailsShape);

/** The wizard's steps in order, each with the fields it owns. */
export const PROFILE_STEPS = [
  { key: "sectors", schema: ZProfileSectorsStep, fields: Object.keys(sectorsShape) },
  { key: "ticket", schema: ZProfileTicketStep, fields: Object.keys(ticketShape) },
  { key: "location", schema: ZProfileLocationStep, fields: Object.keys(locationShape) },
  { key: "details", schema: ZProfileDetailsStep, fields: Object.keys(detailsShape) },
] as const;

export const ZInvestorProfileInput = z
  .object({ ...sectorsShape, ...ticketShape, ...locationShape, ...detailsShape })
  .strict()
  .superRefine((value, ctx) => {
    checkTicket(value, ctx);
    checkLocation(value, ctx);
  });

export type TInvestorProfileInput = z.infer<typeof ZInvestorProfileInput>;
