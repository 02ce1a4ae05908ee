// Action specs for matches: input schema + guard + domain verb. The "use server"
// wrapper in app/investor/matches calls it through runServerAction; the
// authorization matrix calls it with every kind of actor.
import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { defineAction } from "@/lib/http/action";
import { DISMISS_REASON_MAX, dismissMatch } from "./mutations";

export const ZDismissMatchInput = z.object({
  matchId: z.uuid(),
  reason: z.string().trim().max(DISMISS_REASON_MAX).optional(),
});

export const dismissMatchSpec = defineAction({
  name: "dismissMatch",
  input: ZDismissMatchInput,
  run: ({ actor, meta }, input) => dismissMatch(requireRole(actor, "INVESTOR"), input, meta),
});
