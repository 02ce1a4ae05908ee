import type { z } from "zod";
import { audit } from "@/lib/audit/log";
import { requireRole, type TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { minorToDecimalString } from "@/lib/money/parse";
import { convertWithRates, getLatestRates, type TRateTable } from "@/lib/money/rates";
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

// ───────────────────────────── the investor's own profile (/investor/profile, GET /api/v1/me/profile) ─────────────────────────────

export const OWN_PROFILE_SELECT = { ...PROFILE_SELECT, onboardedAt: true } as const;

/**
 * The investor's own profile. Money is stored in USD cents only; the amounts in
 * the investor's currency are converted back at today's rates (null when no
 * rate is known) and rounded to 5 significant figures, coarser than the precision of a
 * stored rate — so ¥750,000,000 comes back as typed, not as ¥749,999,779.
 */
export type TOwnInvestorProfileDto = {
  id: string;
  sectorIds: string[];
  ticketCurrency: "USD" | "PKR" | "JPY";
  ticketMin: string | null;
  ticketMax: string | null;
  ticketMinUsd: string | null;
  ticketMaxUsd: string | null;
  anywhereInPakistan: boolean;
  provinces: string[];
  districts: string[];
  instruments: string[];
  stages: string[];
  horizonYears: number | null;
  thesis: string | null;
  locale: string;
  onboardedAt: string | null;
  updatedAt: string;
};

type TOwnProfileRow = NonNullable<Awaited<ReturnType<typeof findOwnProfile>>>;

async function findOwnProfile(userId: string) {
  return db().investorProfile.findUnique({ where: { userId }, select: OWN_PROFILE_SELECT });
}

/** Rounds a positive amount to `digits` significant figures, half up, in integer arithmetic. */
export function roundSignificant(amount: bigint, digits = 5): bigint {
  const excess = amount.toString().length - digits;
  if (excess <= 0) return amount;
  const scale = 10n ** BigInt(excess);
  return ((amount + scale / 2n) / scale) * scale;
}

export function toOwnProfileDto(row: TOwnProfileRow, rates: TRateTable): TOwnInvestorProfileDto {
  const stated = (cents: bigint | null) => {
    if (cents === null) return null;
    const amount = convertWithRates(cents, "USD", row.ticketCurrency, rates);
    if (amount === null) return null;
    // USD is stored exactly; other currencies went through a rate twice.
    return minorToDecimalString(row.ticketCurrency === "USD" ? amount : roundSignificant(amount), row.ticketCurrency);
  };
  return {
    id: row.id,
    sectorIds: row.sectorIds,
    ticketCurrency: row.ticketCurrency,
    ticketMin: stated(row.ticketMinUsdCents),
    ticketMax: stated(row.ticketMaxUsdCents),
    ticketMinUsd: row.ticketMinUsdCents === null ? null : minorToDecimalString(row.ticketMinUsdCents, "USD"),
    ticketMaxUsd: row.ticketMaxUsdCents === null ? null : minorToDecimalString(row.ticketMaxUsdCents, "USD"),
    anywhereInPakistan: row.anywhereInPakistan,
    provinces: row.provinces,
    districts: row.districts,
    instruments: row.instruments,
    stages: row.stages,
    horizonYears: row.horizonYears,
    thesis: row.thesis,
    locale: row.locale,
    onboardedAt: row.onboardedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Investors only; their own profile by user id (never by an id from the client); 404 when there is none yet. */
export async function getOwnInvestorProfile(actor: TActiveActor): Promise<TOwnInvestorProfileDto> {
  const investor = requireRole(actor, "INVESTOR");
  const row = await findOwnProfile(investor.id);
  if (!row) throw notFound();
  return toOwnProfileDto(row, await getLatestRates());
}

/** Null instead of 404, for pages that start the wizard when there is no profile. */
export async function findOwnInvestorProfile(actor: TActiveActor): Promise<TOwnInvestorProfileDto | null> {
  const investor = requireRole(actor, "INVESTOR");
  const row = await findOwnProfile(investor.id);
  return row ? toOwnProfileDto(row, await getLatestRates()) : null;
}

/** Whether the account page should ask the investor to complete their profile. */
export async function hasOnboardedProfile(userId: string): Promise<boolean> {
  const row = await db().investorProfile.findUnique({ where: { userId }, select: { onboardedAt: true } });
  return Boolean(row?.onboardedAt);
}
