// Who may change which listing: staff only their agency's, admins all.
// Ownership comes from the record, never from the client.
import type { TActiveActor } from "@/lib/auth/guards";
import type { Prisma } from "@/lib/db/client";

const NOTHING = "00000000-0000-0000-0000-000000000000";

export function listingWriteWhere(actor: TActiveActor): Prisma.ListingWhereInput {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "STAFF" && actor.organizationId) return { agencyId: actor.organizationId };
  return { id: NOTHING };
}

/** Published listings are public; staff also see their agency's drafts; admins everything. */
export function listingReadWhere(actor: TActiveActor | null): Prisma.ListingWhereInput {
  if (actor?.status === "ACTIVE" && actor.role === "ADMIN") return {};
  if (actor?.status === "ACTIVE" && actor.role === "STAFF" && actor.organizationId) {
    return { OR: [{ status: "PUBLISHED" }, { agencyId: actor.organizationId }] };
  }
  return { status: "PUBLISHED" };
}
