// Who may see which investor profile — as a where-clause, so no query can
// forget it. Investors: their own. Staff: investors who showed interest in one
// of their agency's listings. Admins: all.
import type { TActiveActor } from "@/lib/auth/guards";
import type { Prisma } from "@/lib/db/client";

export function investorProfileReadWhere(actor: TActiveActor): Prisma.InvestorProfileWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "STAFF":
      return { interests: { some: { listing: { agencyId: actor.organizationId ?? "00000000-0000-0000-0000-000000000000" } } } };
    case "INVESTOR":
      return { userId: actor.id };
  }
}

/** Only the investor edits their own profile. */
export function investorProfileWriteWhere(actor: TActiveActor): Prisma.InvestorProfileWhereInput {
  return { userId: actor.role === "INVESTOR" ? actor.id : "00000000-0000-0000-0000-000000000000" };
}
