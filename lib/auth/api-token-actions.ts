// Action specs for personal API tokens: staff and admins, on their own tokens.
import { z } from "zod";
import { defineAction } from "@/lib/http/action";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { requireRole } from "./guards";

export const ZCreateApiToken = z.object({
  name: z.string({ error: "errors.field.required" }).trim().min(1, "errors.field.required").max(80, "errors.field.tooLong"),
});

export const ZRevokeApiToken = z.object({ id: z.uuid("errors.field.invalidId") });

export const createApiTokenSpec = defineAction({
  name: "createApiToken",
  input: ZCreateApiToken,
  run: ({ actor, meta }, input) => createApiToken(requireRole(actor, "STAFF", "ADMIN"), input.name, meta),
});

export const revokeApiTokenSpec = defineAction({
  name: "revokeApiToken",
  input: ZRevokeApiToken,
  run: ({ actor, meta }, input) => revokeApiToken(requireRole(actor, "STAFF", "ADMIN"), input.id, meta),
});
