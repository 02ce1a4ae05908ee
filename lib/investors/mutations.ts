// Writes of the investor's own profile. The ticket is typed in the currency the
// investor thinks in and stored in USD cents at today's rate; ownership comes
// from the session (the profile of this user), never from the client.
import { requireRole, type TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { audit } from "@/lib/audit/log";
import { scheduleInvestorRematch } from "@/lib/matching/schedule";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseMajorToMinor } from "@/lib/money/parse";
import { convertWithRates, getLatestRates } from "@/lib/money/rates";
import { OWN_PROFILE_SELECT, toOwnProfileDto, type TOwnInvestorProfileDto } from "./queries";
import type { TInvestorProfileInput } from "./schemas";

function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", "errors.validation", { fieldErrors: { [field]: [message] } });
}

/** Creates the profile on the first save; the first complete save marks the investor onboarded. */
export async function saveInvestorProfile(actor: TActiveActor, input: TInvestorProfileInput, meta: TRequestMeta): Promise<TOwnInvestorProfileDto> {
  const investor = requireRole(actor, "INVESTOR");
  const rates = await getLatestRates();
  const toUsd = (amount: string, field: string) => {
    const minor = parseMajorToMinor(amount, input.ticketCurrency);
    if (minor === null) throw fieldError(field, "errors.field.amount");
    const cents = convertWithRates(minor, input.ticketCurrency, "USD", rates);
    if (cents === null) throw fieldError("ticketCurrency", "errors.field.noRate");
    return cents;
  };
  const ticketMinUsdCents = toUsd(input.ticketMin, "ticketMin");
  const ticketMaxUsdCents = toUsd(input.ticketMax, "ticketMax");

  const known = await db().sector.count({ where: { id: { in: input.sectorIds }, mergedIntoId: null } });
  if (known !== new Set(input.sectorIds).size) throw fieldError("sectorIds", "errors.field.sectorUnknown");

  const data = {
    sectorIds: [...new Set(input.sectorIds)],
    ticketMinUsdCents,
    ticketMaxUsdCents,
    ticketCurrency: input.ticketCurrency,
    anywhereInPakistan: input.anywhereInPakistan,
    // "Anywhere" makes a province list meaningless; keeping one would confuse matching.
    provinces: input.anywhereInPakistan ? [] : input.provinces,
    districts: input.anywhereInPakistan ? [] : [...new Set(input.districts)],
    instruments: input.instruments,
    stages: input.stages,
    horizonYears: input.horizonYears ?? null,
    thesis: input.thesis ? input.thesis : null,
  };

  const saved = await db().$transaction(async (tx) => {
    const existing = await tx.investorProfile.findUnique({ where: { userId: investor.id }, select: { id: true, onboardedAt: true } });
    const onboardedAt = existing?.onboardedAt ?? new Date();
    const row = existing
      ? await tx.investorProfile.update({ where: { id: existing.id }, data: { ...data, onboardedAt }, select: OWN_PROFILE_SELECT })
      : await tx.investorProfile.create({ data: { ...data, onboardedAt, userId: investor.id, locale: investor.locale }, select: OWN_PROFILE_SELECT });
    await audit(
      {
        actorId: investor.id,
        action: existing ? "investor_profile.saved" : "investor_profile.created",
        targetType: "investor_profile",
        targetId: row.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        data: { firstOnboarding: !existing?.onboardedAt, ticketCurrency: input.ticketCurrency },
      },
      tx,
    );
    return toOwnProfileDto(row, rates);
  });
  await scheduleInvestorRematch(saved.id);
  return saved;
}
