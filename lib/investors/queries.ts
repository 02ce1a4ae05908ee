import type { z } from "zod";
import { audit } from "@/lib/audit/log";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { investorProfileReadWhere, investorProfileWriteWhere } from "./access";
import type { ZUpdateProfileBasics } from "./schemas";

const PROFILE_SELECT = {
  id: true,
  sectorIds: true,
  ticketMinUsdCents: true,
  ticketMaxUsdCents: true,
  ticketCurrency: true,
  anywhereInPakistan: true,
  provinces: true,
  districts: true,
  instruments: true,
  stages: true,
  horizonYears: true,
  thesis: true,
  locale: true,
  updatedAt: true,
} as const;

export type TInvestorProfileDto = {
  id: string;
  sectorIds: string[];
  ticketMinUsdCents: string | null;
  ticketMaxUsdCents: string | null;
  ticketCurrency: string;
  anywhereInPakistan: boolean;
  provinces: string[];
  districts: string[];
  instruments: string[];
  stages: string[];
  horizonYears: number | null;
  thesis: string | null;
  locale: string;
  updatedAt: string;
};

type TProfileRow = Awaited<ReturnType<typeof findProfile>>;

async function findProfile(actor: TActiveActor, id: string) {
  return db().investorProfile.findFirst({ where: { AND: [{ id }, investorProfileReadWhere(actor)] }, select: PROFILE_SELECT });
}

function toDto(row: NonNullable<TProfileRow>): TInvestorProfileDto {
  return {
    ...row,
    ticketMinUsdCents: row.ticketMinUsdCents?.toString() ?? null,
    ticketMaxUsdCents: row.ticketMaxUsdCents?.toString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** 404 for both "does not exist" and "not yours": existence is never revealed. */
export async function getInvestorProfile(actor: TActiveActor, id: string): Promise<TInvestorProfileDto> {
  const row = await findProfile(actor, id);
  if (!row) throw notFound();
  return toDto(row);
}

export async function updateInvestorProfileBasics(
  actor: TActiveActor,
  id: string,
  input: z.infer<typeof ZUpdateProfileBasics>,
  meta: TRequestMeta,
): Promise<TInvestorProfileDto> {
  return db().$transaction(async (tx) => {
    const updated = await tx.investorProfile.updateMany({ where: { AND: [{ id }, investorProfileWriteWhere(actor)] }, data: input });
    if (updated.count !== 1) throw notFound();
    await audit({ actorId: actor.id, action: "investor_profile.updated", targetType: "investor_profile", targetId: id, ip: meta.ip, userAgent: meta.userAgent, data: { fields: Object.keys(input) } }, tx);
    const row = await tx.investorProfile.findUniqueOrThrow({ where: { id }, select: PROFILE_SELECT });
    return toDto(row);
  });
}
