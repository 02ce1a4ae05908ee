// Interests: the investor who expressed it, staff of the listing's agency, admins.
import type { TActiveActor } from "@/lib/auth/guards";
import type { Prisma } from "@/lib/db/client";

const NO_AGENCY = "00000000-0000-0000-0000-000000000000";

export function interestReadWhere(actor: TActiveActor): Prisma.InterestWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "STAFF":
      return { listing: { agencyId: actor.organizationId ?? NO_AGENCY } };
    case "INVESTOR":
      return { investorProfile: { userId: actor.id } };
  }
}

/**
 * Who may work a lead (change its status, add notes): staff of the listing's
 * agency only. Admins read every lead but the relationship with the investor is
 * the agency's, so they do not act on it; investors never see the inbox.
 */
export function interestWriteWhere(actor: TActiveActor): Prisma.InterestWhereInput {
  if (actor.role === "STAFF" && actor.organizationId) return { listing: { agencyId: actor.organizationId } };
  return { id: NO_AGENCY };
}
