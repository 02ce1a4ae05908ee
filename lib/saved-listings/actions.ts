// Action specs for saved listings: investors only, their own rows only.
import { requireRole } from "@/lib/auth/guards";
import { defineAction } from "@/lib/http/action";
import { ZSavedListingInput } from "@/lib/interests/schemas";
import { saveListing, unsaveListing } from "./mutations";

export const saveListingSpec = defineAction({
  name: "saveListing",
  input: ZSavedListingInput,
  run: ({ actor, meta }, input) => saveListing(requireRole(actor, "INVESTOR"), input, meta),
});

export const unsaveListingSpec = defineAction({
  name: "unsaveListing",
  input: ZSavedListingInput,
  run: ({ actor, meta }, input) => unsaveListing(requireRole(actor, "INVESTOR"), input, meta),
});
