// Action specs for the listing editor and workflow: input schema + guard + verb.
// Staff act on their own agency's listings (the mutations scope every write with
// listingWriteWhere); admins moderate. The "use server" wrappers live in
// app/staff/listings/actions.ts and app/admin/listings/actions.ts.
import { requireAgencyStaff, requireRole } from "@/lib/auth/guards";
import type { TActor } from "@/lib/auth/session";
import { defineAction } from "@/lib/http/action";
import {
  closeListing,
  createListingDraft,
  publishListing,
  saveListingDraft,
  sendBackListing,
  submitListing,
  updateListing,
} from "./mutations";
import { ZCreateListingDraft, ZListingRef, ZSaveListingDraft, ZSendBackListing, ZUpdateListing, type TListingInput } from "./schemas";

// Agency staff, on their agency's listings.
export const createListingDraftSpec = defineAction({
  name: "createListingDraft",
  input: ZCreateListingDraft,
  run: ({ actor, meta }, input) => createListingDraft(requireAgencyStaff(actor), input, meta),
});

export const saveListingDraftSpec = defineAction({
  name: "saveListingDraft",
  input: ZSaveListingDraft,
  run: ({ actor, meta }, { id, ...draft }) => saveListingDraft(requireAgencyStaff(actor), id, draft, meta),
});

export const updateListingSpec = defineAction({
  name: "updateListing",
  input: ZUpdateListing,
  run: ({ actor, meta }, { id, ...listing }) => updateListing(requireAgencyStaff(actor), id, listing as TListingInput, meta),
});

export const submitListingSpec = defineAction({
  name: "submitListing",
  input: ZListingRef,
  run: ({ actor, meta }, input) => submitListing(requireAgencyStaff(actor), input.id, meta),
});

/** Staff of the listing's agency, or an admin. */
export const closeListingSpec = defineAction({
  name: "closeListing",
  input: ZListingRef,
  run: ({ actor, meta }, input) => closeListing(requireStaffOrAdmin(actor), input.id, meta),
});

function requireStaffOrAdmin(actor: TActor | null) {
  const user = requireRole(actor, "STAFF", "ADMIN");
  return user.role === "STAFF" ? requireAgencyStaff(actor) : user;
}

// Admins: moderation.
export const publishListingSpec = defineAction({
  name: "publishListing",
  input: ZListingRef,
  run: ({ actor, meta }, input) => publishListing(requireRole(actor, "ADMIN"), input.id, meta),
});

export const sendBackListingSpec = defineAction({
  name: "sendBackListing",
  input: ZSendBackListing,
  run: ({ actor, meta }, input) => sendBackListing(requireRole(actor, "ADMIN"), input.id, input.comment, meta),
});
