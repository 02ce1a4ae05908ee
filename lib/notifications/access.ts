// Notifications belong to one user: nobody else reads or marks them, not even
// an admin (they are that user's inbox, not moderation data).
import type { TActiveActor } from "@/lib/auth/guards";
import type { Prisma } from "@/lib/db/client";

export function notificationOwnWhere(actor: Pick<TActiveActor, "id">): Prisma.NotificationWhereInput {
  return { userId: actor.id };
}
