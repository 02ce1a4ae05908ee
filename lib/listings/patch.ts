// PATCH for the REST API: the fields given replace the stored ones (facts merge
// key by key, null clears), and the result must be a complete listing, checked
// with ZListingInput as every other write is. Unknown fields are refused rather
// than silently dropped, so a typo in a client is seen at once.
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError, notFound, type TFieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/http/validation";
import { listingWriteWhere } from "./access";
import { readStoredListingInput, updateListing, type TListingSaved } from "./mutations";
import { ZCreateSez, ZListingInput } from "./schemas";

/** Top-level fields a PATCH may carry (the same for every kind). */
export const PATCHABLE_FIELDS = Object.keys(ZCreateSez.shape);

/** The stored listing as ZListingInput-shaped input; another agency's listing is "not found". */
async function storedAsInput(actor: TActiveActor, id: string): Promise<Record<string, unknown>> {
  const visible = await db().listing.findFirst({ where: { AND: [{ id }, listingWriteWhere(actor)] }, select: { id: true } });
  if (!visible) throw notFound();
  return readStoredListingInput(db(), id);
}

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === "object" && !Array.isArray(value);

/** Merge-patch: given keys replace, `facts` merges one level down, null removes. */
export function mergeListingPatch(stored: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (key === "facts" && isObject(value)) {
      const facts: Record<string, unknown> = { ...(isObject(stored.facts) ? stored.facts : {}) };
      for (const [fact, factValue] of Object.entries(value)) {
        if (factValue === null) delete facts[fact];
        else facts[fact] = factValue;
      }
      merged.facts = facts;
    } else merged[key] = value;
  }
  return merged;
}

export async function patchListing(actor: TActiveActor, id: string, body: unknown, meta: TRequestMeta): Promise<TListingSaved> {
  if (!isObject(body)) throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { _form: ["errors.field.object"] } });
  const unknown = Object.keys(body).filter((key) => !PATCHABLE_FIELDS.includes(key));
  if (unknown.length) {
    const fieldErrors: TFieldErrors = Object.fromEntries(unknown.map((key) => [key, ["errors.field.unknownField"]]));
    throw new AppError("VALIDATION", "errors.validation", { fieldErrors });
  }
  const merged = mergeListingPatch(await storedAsInput(actor, id), body);
  return updateListing(actor, id, parseInput(ZListingInput, merged), meta);
}
