// A saved search is its owner's alone: every read and write goes through this.
import type { TActiveActor } from "@/lib/auth/guards";
import type { Prisma } from "@/lib/db/client";

export function savedSearchOwnWhere(actor: Pick<TActiveActor, "id">): Prisma.SavedSearchWhereInput {
  return { userId: actor.id };
}
