// Action specs for interests: input schema + guard + domain verb. The "use
// server" wrappers (app/investor/interests, app/staff/leads) call them through
// runServerAction; the authorization matrix calls them with every kind of actor.
import { requireAgencyStaff, requireRole } from "@/lib/auth/guards";
import { defineAction } from "@/lib/http/action";
import { addInterestNote, changeInterestStatus, expressInterest } from "./mutations";
import { ZAddInterestNoteInput, ZChangeInterestStatusInput, ZExpressInterestInput } from "./schemas";

export const expressInterestSpec = defineAction({
  name: "expressInterest",
  input: ZExpressInterestInput,
  run: ({ actor, meta }, input) => expressInterest(requireRole(actor, "INVESTOR"), input, meta),
});

export const changeInterestStatusSpec = defineAction({
  name: "changeInterestStatus",
  input: ZChangeInterestStatusInput,
  run: ({ actor, meta }, input) => changeInterestStatus(requireAgencyStaff(actor), input, meta),
});

export const addInterestNoteSpec = defineAction({
  name: "addInterestNote",
  input: ZAddInterestNoteInput,
  run: ({ actor, meta }, input) => addInterestNote(requireAgencyStaff(actor), input, meta),
});
