// Action specs for the sector taxonomy: admins only. The "use server" wrappers
// live in app/admin/settings/sectors/actions.ts.
import { requireRole } from "@/lib/auth/guards";
import { defineAction } from "@/lib/http/action";
import { addSector, mergeSectors, renameSector } from "./mutations";
import { ZAddSector, ZMergeSectors, ZRenameSector } from "./schemas";

export const addSectorSpec = defineAction({
  name: "addSector",
  input: ZAddSector,
  run: ({ actor, meta }, input) => addSector(requireRole(actor, "ADMIN"), input, meta),
});

export const renameSectorSpec = defineAction({
  name: "renameSector",
  input: ZRenameSector,
  run: ({ actor, meta }, input) => renameSector(requireRole(actor, "ADMIN"), input, meta),
});

export const mergeSectorsSpec = defineAction({
  name: "mergeSectors",
  input: ZMergeSectors,
  run: ({ actor, meta }, input) => mergeSectors(requireRole(actor, "ADMIN"), input, meta),
});
