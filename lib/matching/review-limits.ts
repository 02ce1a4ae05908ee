// Limits of the review inputs, shared by the mutations, the action schemas and the API schema.
export const REJECT_REASON_MAX = 1000;
export const INTRODUCTION_NOTE_MAX = 1000;
/** One bulk approval decides at most this many matches (best first); run it again for the rest. */
export const BULK_APPROVE_CAP = 200;
