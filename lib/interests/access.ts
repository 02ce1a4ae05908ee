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
