// Action specs for saved searches: investors only (the searches and their
// alerts live in the investor area). The "use server" wrappers are in
// app/(public)/opportunities/actions.ts (save) and app/investor/searches/actions.ts.
import { requireRole } from "@/lib/auth/guards";
import { defineAction } from "@/lib/http/action";
import { createSavedSearch, deleteSavedSearch, renameSavedSearch, setSavedSearchAlert } from "./mutations";
import { ZCreateSavedSearch, ZRenameSavedSearch, ZSavedSearchId, ZSetSavedSearchAlert } from "./schemas";

export const createSavedSearchSpec = defineAction({
  name: "createSavedSearch",
  input: ZCreateSavedSearch,
  run: ({ actor, meta }, input) => createSavedSearch(requireRole(actor, "INVESTOR"), input, meta),
});

export const renameSavedSearchSpec = defineAction({
  name: "renameSavedSearch",
  input: ZRenameSavedSearch,
  run: ({ actor }, input) => renameSavedSearch(requireRole(actor, "INVESTOR"), input),
});

export const setSavedSearchAlertSpec = defineAction({
  name: "setSavedSearchAlert",
  input: ZSetSavedSearchAlert,
  run: ({ actor }, input) => setSavedSearchAlert(requireRole(actor, "INVESTOR"), input),
});

export const deleteSavedSearchSpec = defineAction({
  name: "deleteSavedSearch",
  input: ZSavedSearchId,
  run: ({ actor, meta }, input) => deleteSavedSearch(requireRole(actor, "INVESTOR"), input, meta),
});
