// Inputs of saved searches. The search itself arrives as the URL query of
// /opportunities ("q=dairy&province=PUNJAB") and is validated by the search
// schema before anything is stored (see query.ts): junk never reaches the table.
import { z } from "zod";

export const SAVED_SEARCH_LIMITS = {
  /** Saved searches per user: enough for every angle one investor follows, few enough to run hourly. */
  perUser: 20,
  /** Listing ids remembered per search (the newest matches); a search matching more is tracked on its newest ones. */
  trackedIds: 1000,
  nameMax: 80,
  queryMax: 2000,
} as const;

const ZName = z.string("errors.field.required").trim().min(1, "errors.field.required").max(SAVED_SEARCH_LIMITS.nameMax, "errors.field.tooLong");

/** A checkbox: present ("on", "true") is true; absent or "false"/"off" is false. */
const ZCheckbox = z.preprocess((value) => {
  if (value === undefined || value === null || value === "") return false;
  if (typeof value === "string") return !["false", "off", "0"].includes(value.toLowerCase());
  return value;
}, z.boolean("errors.field.invalidChoice"));

const ZId = z.uuid("errors.field.invalidId");

export const ZCreateSavedSearch = z.object({
  name: ZName,
  /** The URL query of the search page, with or without the leading "?". */
  query: z.string("errors.field.invalidChoice").max(SAVED_SEARCH_LIMITS.queryMax, "errors.field.tooLong").default(""),
  alert: ZCheckbox,
});
export type TCreateSavedSearchInput = z.infer<typeof ZCreateSavedSearch>;

export const ZRenameSavedSearch = z.object({ id: ZId, name: ZName });
export const ZSetSavedSearchAlert = z.object({ id: ZId, alert: ZCheckbox });
export const ZSavedSearchId = z.object({ id: ZId });
