// Action specs for money: input schema + guard + domain verb. The "use server"
// wrapper in app/admin/rates calls it through runServerAction; the
// authorization matrix calls it with every kind of actor.
import { requireRole } from "@/lib/auth/guards";
import { defineAction } from "@/lib/http/action";
import { addExchangeRate } from "./mutations";
import { ZAddExchangeRate } from "./schemas";

export const addExchangeRateSpec = defineAction({
  name: "addExchangeRate",
  input: ZAddExchangeRate,
  run: ({ actor, meta }, input) => addExchangeRate(requireRole(actor, "ADMIN"), input, meta),
});
