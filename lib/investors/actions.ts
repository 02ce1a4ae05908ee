// Action specs for investors: input schema + guard + domain verb. The "use
// server" wrapper in app/investor calls it through runServerAction; the
// authorization matrix calls it with every kind of actor.
import { requireRole } from "@/lib/auth/guards";
import { defineAction } from "@/lib/http/action";
import { saveInvestorProfile } from "./mutations";
import { ZInvestorProfileInput } from "./schemas";

export const saveInvestorProfileSpec = defineAction({
  name: "saveInvestorProfile",
  input: ZInvestorProfileInput,
  run: ({ actor, meta }, input) => saveInvestorProfile(requireRole(actor, "INVESTOR"), input, meta),
});
