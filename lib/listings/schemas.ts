// One zod schema per listing kind, shared by the staff editor, the server
// actions, the REST API, the CSV import and the OpenAPI document. Messages are
// catalog keys (errors.field.*). Money arrives as decimal strings in major
// units and is turned into minor units (BigInt) by the mutations, never a float.
import { z } from "zod";
import { decimalPattern } from "@/lib/money/parse";

export const LISTING_KINDS = ["SEZ", "INDUSTRIAL_ESTATE", "PLOT", "NATIONAL_PROJECT", "PROVINCIAL_PROJECT"] as const;
export const PROVINCES = ["PUNJAB", "SINDH", "KHYBER_PAKHTUNKHWA", "BALOCHISTAN", "ISLAMABAD", "GILGIT_BALTISTAN", "AZAD_JAMMU_KASHMIR"] as const;
export const INSTRUMENTS = ["EQUITY", "DEBT", "JOINT_VENTURE", "PPP", "PLOT_PURCHASE", "PLOT_LEASE"] as const;
export const STAGES = ["CONCEPT", "FEASIBILITY", "READY", "UNDER_CONSTRUCTION", "OPERATING"] as const;
export const CURRENCIES = ["USD", "PKR", "JPY"] as const;
export const LISTING_STATUSES = ["DRAFT", "SUBMITTED", "PUBLISHED", "CLOSED"] as const;

const text = (max: number) => z.string({ error: "errors.field.required" }).trim().max(max, "errors.field.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.field.tooLong")
    .optional()
    .transform((value) => (value === "" ? undefined : value));

/** Non-negative decimal with ≤ 2 decimals and ≤ 13 integer digits (absurd amounts are errors). */
export const ZDecimalAmount = z
  .string({ error: "errors.field.required" })
  .trim()
  .transform((value) => value.replace(/[,_\s]/g, ""))
  .refine((value) => decimalPattern("USD").test(value), "errors.field.amount");

const ZOptionalDecimal = z
  .union([ZDecimalAmount, z.literal("")])
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const ZOptionalNumber = (max: number) =>
  z
    .union([z.literal(""), z.coerce.number({ error: "errors.field.number" }).min(0, "errors.field.range").max(max, "errors.field.range")])
    .optional()
    .transform((value) => (value === "" ? undefined : value));

const ZOptionalInt = (max: number) =>
  z
    .union([z.literal(""), z.coerce.number({ error: "errors.field.number" }).int("errors.field.integer").min(0, "errors.field.range").max(max, "errors.field.range")])
    .optional()
    .transform((value) => (value === "" ? undefined : value));

const ZIsoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.field.date")
  .refine((value) => !Number.isNaN(Date.parse(value)), "errors.field.date");

const ZOptionalDate = z
  .union([ZIsoDate, z.literal("")])
  .optional()
  .transform((value) => (value === "" ? undefined : value));

/** Accepts one value or many (FormData repeats keys; CSV cells use "|"). */
function splitList(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return [];
  if (Array.isArray(value)) return value.filter((entry) => entry !== "");
  if (typeof value === "string") return value.split("|").map((entry) => entry.trim()).filter(Boolean);
  return value;
}

const arrayOf = <T extends z.ZodType>(item: T, limits: { min?: [number, string]; max?: [number, string] } = {}) => {
  let array = z.array(item);
  if (limits.min) array = array.min(limits.min[0], limits.min[1]);
  if (limits.max) array = array.max(limits.max[0], limits.max[1]);
  return z.preprocess(splitList, array);
};

export const ZMoney = z.object({
  amount: ZDecimalAmount,
  currency: z.enum(CURRENCIES, { error: "errors.field.invalidChoice" }),
});

export const ZIncentiveInput = z
  .object({
    templateId: z.union([z.uuid("errors.field.invalidId"), z.literal("")]).optional().transform((value) => (value === "" ? undefined : value)),
    name: text(200).min(2, "errors.field.tooShort"),
    nameJa: optionalText(200),
    legalBasis: optionalText(300),
    validFrom: ZOptionalDate,
    validTo: ZOptionalDate,
  })
  .refine((value) => !value.validFrom || !value.validTo || value.validFrom <= value.validTo, {
    message: "errors.field.dateOrder",
    path: ["validTo"],
  });

export const ZContact = z.object({
  contactName: optionalText(120),
  contactEmail: z
    .union([z.email("errors.field.email"), z.literal("")])
    .optional()
    .transform((value) => (value === "" ? undefined : value?.toLowerCase())),
  contactPhone: optionalText(40),
});

/** Fields every kind has. */
const base = {
  title: text(200).min(3, "errors.field.tooShort"),
  titleJa: optionalText(200),
  summary: text(2000).min(10, "errors.field.tooShort"),
  summaryJa: optionalText(2000),
  description: optionalText(20000),
  sectorIds: arrayOf(z.uuid("errors.field.invalidId"), { min: [1, "errors.field.sectorsMin"], max: [2, "errors.field.sectorsMax"] }),
  province: z
    .union([z.enum(PROVINCES, { error: "errors.field.invalidChoice" }), z.literal("")])
    .optional()
    .transform((value) => (value === "" || value === undefined ? null : value)),
  district: optionalText(100),
  zone: optionalText(100),
  investment: ZMoney.optional(),
  instruments: arrayOf(z.enum(INSTRUMENTS, { error: "errors.field.invalidChoice" }), { min: [1, "errors.field.instrumentsMin"] }),
  stage: z.enum(STAGES, { error: "errors.field.invalidChoice" }),
  tags: arrayOf(text(40).regex(/^[a-z0-9-]+$/, "errors.field.tag"), { max: [10, "errors.field.tooMany"] }),
  incentives: z.array(ZIncentiveInput).max(20, "errors.field.tooMany").default([]),
  ...ZContact.shape,
};

/** SEZ and industrial-estate facts. */
export const ZZoneFacts = z.object({
  areaAcres: ZOptionalDecimal,
  developer: optionalText(200),
  plotsAvailable: ZOptionalInt(100000),
  powerMw: ZOptionalNumber(100000),
  gas: z.enum(["available", "planned", "none", ""]).optional().transform((value) => (value === "" ? undefined : value)),
  waterMgd: ZOptionalNumber(100000),
  motorwayKm: ZOptionalNumber(5000),
  portKm: ZOptionalNumber(5000),
  airportKm: ZOptionalNumber(5000),
  plotSizes: optionalText(200),
  pricePerAcrePkr: ZOptionalDecimal,
});

export const ZPlotFacts = z.object({
  areaAcres: ZOptionalDecimal,
  pricePerAcrePkr: ZOptionalDecimal,
  tenure: z.enum(["sale", "lease", "either", ""]).optional().transform((value) => (value === "" ? undefined : value)),
  developer: optionalText(200),
});

export const ZProjectFacts = z.object({
  sponsor: optionalText(200),
  totalCost: ZMoney.optional(),
  financingSought: ZMoney.optional(),
  timelineStart: ZOptionalDate,
  timelineEnd: ZOptionalDate,
  milestones: optionalText(2000),
});

export const ZCreateSez = z.object({ kind: z.literal("SEZ"), ...base, facts: ZZoneFacts });
export const ZCreateIndustrialEstate = z.object({ kind: z.literal("INDUSTRIAL_ESTATE"), ...base, facts: ZZoneFacts });
export const ZCreatePlot = z.object({ kind: z.literal("PLOT"), ...base, facts: ZPlotFacts });
export const ZCreateNationalProject = z.object({ kind: z.literal("NATIONAL_PROJECT"), ...base, facts: ZProjectFacts });
export const ZCreateProvincialProject = z.object({ kind: z.literal("PROVINCIAL_PROJECT"), ...base, facts: ZProjectFacts });

/** The full listing, validated when staff submit it (and by the API and CSV import). */
export const ZListingInput = z.discriminatedUnion(
  "kind",
  [ZCreateSez, ZCreateIndustrialEstate, ZCreatePlot, ZCreateNationalProject, ZCreateProvincialProject],
  { error: "errors.field.invalidChoice" },
);
export type TListingInput = z.infer<typeof ZListingInput>;

export const ZListingId = z.uuid("errors.field.invalidId");

// ───────────────────────────── drafts (autosave) ─────────────────────────────

/** Money in a draft: no amount (null, "", or an object with an empty amount) means "not given yet", not an error. */
const ZDraftMoney = z.preprocess(
  (value) =>
    value === null || value === "" || (value && typeof value === "object" && !(value as { amount?: unknown }).amount) ? undefined : value,
  ZMoney.optional(),
);

const draftText = (max: number) => optionalText(max);

/** Facts of every kind, each optional; a draft is checked against its own kind's keys. */
const ZDraftFacts = z.object({ ...ZZoneFacts.shape, ...ZPlotFacts.shape, ...ZProjectFacts.shape, totalCost: ZDraftMoney, financingSought: ZDraftMoney });

/**
 * A draft as the editor autosaves it: every field optional, but each one given is
 * type-checked with the same rules as ZListingInput. Minimum lengths and required
 * fields are left to submission (ZListingInput). Use parseListingDraft to keep the
 * valid fields of a draft whose other fields are not valid yet.
 */
export const ZListingDraft = z.object({
  kind: z.enum(LISTING_KINDS, { error: "errors.field.invalidChoice" }).optional(),
  title: draftText(200),
  titleJa: draftText(200),
  summary: draftText(2000),
  summaryJa: draftText(2000),
  description: draftText(20000),
  sectorIds: arrayOf(z.uuid("errors.field.invalidId"), { max: [2, "errors.field.sectorsMax"] }).optional(),
  province: base.province,
  district: draftText(100),
  zone: draftText(100),
  investment: ZDraftMoney,
  instruments: arrayOf(z.enum(INSTRUMENTS, { error: "errors.field.invalidChoice" })).optional(),
  stage: z
    .union([z.enum(STAGES, { error: "errors.field.invalidChoice" }), z.literal("")])
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
  tags: base.tags.optional(),
  incentives: z.array(ZIncentiveInput).max(20, "errors.field.tooMany").optional(),
  ...ZContact.shape,
  facts: ZDraftFacts.optional(),
});
export type TListingDraft = z.infer<typeof ZListingDraft>;
export type TListingKind = (typeof LISTING_KINDS)[number];

/** The editor's fact keys for each kind (other keys in `facts`, e.g. from the seed, are kept). */
export const FACT_KEYS: Record<TListingKind, readonly string[]> = {
  SEZ: Object.keys(ZZoneFacts.shape),
  INDUSTRIAL_ESTATE: Object.keys(ZZoneFacts.shape),
  PLOT: Object.keys(ZPlotFacts.shape),
  NATIONAL_PROJECT: Object.keys(ZProjectFacts.shape),
  PROVINCIAL_PROJECT: Object.keys(ZProjectFacts.shape),
};

export type TDraftParse = {
  /** The fields that passed their checks. */
  data: TListingDraft;
  /** Messages for the fields that did not, keyed by dotted path ("facts.powerMw", "incentives.1.name"). */
  fieldErrors: Record<string, string[]>;
  /** Paths left out of `data` because they failed ("title", "facts.powerMw", "incentives.1"). */
  rejected: string[];
};

function addIssues(fieldErrors: Record<string, string[]>, prefix: (string | number)[], error: z.ZodError): void {
  for (const issue of error.issues) {
    const key = [...prefix, ...issue.path].join(".") || "_form";
    const messages = (fieldErrors[key] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
}

/**
 * Field-by-field check of a draft: each field, fact and incentive is validated on
 * its own, so one bad value does not stop the others from being saved.
 */
export function parseListingDraft(raw: unknown, kind: TListingKind): TDraftParse {
  const input = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const data: Record<string, unknown> = {};
  const fieldErrors: Record<string, string[]> = {};
  const rejected: string[] = [];
  const shape = ZListingDraft.shape as Record<string, z.ZodType>;
  for (const [key, schema] of Object.entries(shape)) {
    if (key === "facts" || key === "incentives" || key === "kind" || !(key in input)) continue;
    const result = schema.safeParse(input[key]);
    if (result.success) data[key] = result.data;
    else {
      addIssues(fieldErrors, [key], result.error);
      rejected.push(key);
    }
  }
  if (Array.isArray(input.incentives)) {
    const kept: unknown[] = [];
    input.incentives.slice(0, 20).forEach((item, index) => {
      const result = ZIncentiveInput.safeParse(item);
      if (result.success) kept.push(result.data);
      else {
        addIssues(fieldErrors, ["incentives", index], result.error);
        rejected.push(`incentives.${index}`);
      }
    });
    if (input.incentives.length > 20) (fieldErrors.incentives ??= []).push("errors.field.tooMany");
    data.incentives = kept;
  }
  if (input.facts && typeof input.facts === "object" && !Array.isArray(input.facts)) {
    const facts: Record<string, unknown> = {};
    const factShape = ZDraftFacts.shape as Record<string, z.ZodType>;
    for (const key of FACT_KEYS[kind]) {
      if (!(key in input.facts)) continue;
      const result = factShape[key]!.safeParse((input.facts as Record<string, unknown>)[key]);
      if (result.success) facts[key] = result.data;
      else {
        addIssues(fieldErrors, ["facts", key], result.error);
        rejected.push(`facts.${key}`);
      }
    }
    data.facts = facts;
  }
  return { data: { ...(data as TListingDraft), kind }, fieldErrors, rejected };
}

// ───────────────────────────── workflow inputs ─────────────────────────────

export const ZListingRef = z.object({ id: ZListingId });

/** Creating a draft: the kind is chosen first; any other field may come along. */
export const ZCreateListingDraft = z.looseObject({ kind: z.enum(LISTING_KINDS, { error: "errors.field.invalidChoice" }) });

/** Autosave: the listing id and the editor's whole state (checked field by field). */
export const ZSaveListingDraft = z.looseObject({ id: ZListingId });

/** A full edit: the listing id and a complete listing of the same kind. */
export const ZUpdateListing = z.intersection(z.object({ id: ZListingId }), ZListingInput);

export const ZSendBackListing = z.object({
  id: ZListingId,
  comment: z
    .string({ error: "errors.field.required" })
    .trim()
    .min(5, "errors.field.reviewComment")
    .max(2000, "errors.field.tooLong"),
});
