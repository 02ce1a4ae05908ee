// Inputs of interests, saved listings and the leads inbox: one zod schema per
// input, used by the forms, the action specs and the REST handler alike.
import { z } from "zod";

export const INTEREST_STATUSES = ["NEW", "CONTACTED", "MEETING", "TERM_SHEET", "CLOSED_WON", "CLOSED_LOST"] as const;
export type TInterestStatus = (typeof INTEREST_STATUSES)[number];

/** Long enough for an introduction and a few questions; the agency answers in its own channel. */
export const INTEREST_MESSAGE_MAX = 2000;
export const INTEREST_NOTE_MAX = 2000;

/** FormData sends "" for an empty textarea: that means "no message". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.field.tooLong")
    .optional()
    .transform((value) => (value ? value : undefined));

export const ZInterestMessage = z.object({ message: optionalText(INTEREST_MESSAGE_MAX) });

export const ZExpressInterestInput = z.object({ listingId: z.uuid("errors.field.invalidId"), message: optionalText(INTEREST_MESSAGE_MAX) });
export type TExpressInterestInput = z.infer<typeof ZExpressInterestInput>;

export const ZChangeInterestStatusInput = z.object({ interestId: z.uuid("errors.field.invalidId"), status: z.enum(INTEREST_STATUSES, { error: "errors.field.invalidChoice" }) });
export type TChangeInterestStatusInput = z.infer<typeof ZChangeInterestStatusInput>;

export const ZAddInterestNoteInput = z.object({
  interestId: z.uuid("errors.field.invalidId"),
  body: z.string().trim().min(1, "errors.field.required").max(INTEREST_NOTE_MAX, "errors.field.tooLong"),
});
export type TAddInterestNoteInput = z.infer<typeof ZAddInterestNoteInput>;

export const ZSavedListingInput = z.object({ listingId: z.uuid("errors.field.invalidId") });
export type TSavedListingInput = z.infer<typeof ZSavedListingInput>;

/** The leads inbox's filters, from the URL. Anything malformed is dropped rather than refused. */
export const ZLeadsQuery = z.object({
  status: z.enum(INTEREST_STATUSES).optional().catch(undefined),
  listingId: z.uuid().optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});
export type TLeadsQuery = z.infer<typeof ZLeadsQuery>;
