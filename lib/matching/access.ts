// Matches: an investor sees only their own, and only once an admin approved or
// introduced them; staff see approved matches on their agency's listings; admins all.
import type { TActiveActor } from "@/lib/auth/guards";
import type { Prisma } from "@/lib/db/client";

const NO_AGENCY = "00000000-0000-0000-0000-000000000000";

export function matchReadWhere(actor: TActiveActor): Prisma.MatchWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "STAFF":
      return { listing: { agencyId: actor.organizationId ?? NO_AGENCY }, status: { in: ["APPROVED", "INTRODUCED"] } };
    case "INVESTOR":
      return { investorProfile: { userId: actor.id }, status: { in: ["APPROVED", "INTRODUCED", "DISMISSED"] } };
  }
}
