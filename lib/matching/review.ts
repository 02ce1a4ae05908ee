// Admin review of suggested matches: approve (the investor is notified), reject
// with a reason (kept; the pair is not suggested again until either side
// changes materially, see material.ts), introduce (an introduction email to
// both parties), and bulk approve.
//
// Status moves: SUGGESTED → APPROVED | REJECTED | INTRODUCED; APPROVED → INTRODUCED.
// Introducing straight from SUGGESTED is allowed (it approves and introduces in
// one step, recording the reviewer too), because an admin who already knows
// both sides should not need two clicks and two notifications.
//
// Concurrency: every move is a conditional update on the expected status, so of
// two admins deciding the same match at once exactly one wins (PostgreSQL
// re-checks the WHERE after the first commits); the other gets CONFLICT
// "already … by {name} at {at}" and nothing is overwritten.
import { audit } from "@/lib/audit/log";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import type { Locale, Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { transactionWithEmails, type TQueueEmail } from "@/lib/mail/outbox";
import { notify } from "@/lib/notifications/notify";
import { currentMaterialFingerprint } from "./material";
import { reviewQueueWhere, type TReviewFilters } from "./review-filters";
import { BULK_APPROVE_CAP, INTRODUCTION_NOTE_MAX, REJECT_REASON_MAX } from "./review-limits";
import type { TMatchReviewInput } from "./review-schemas";

type TTx = Prisma.TransactionClient;

export { BULK_APPROVE_CAP, INTRODUCTION_NOTE_MAX, REJECT_REASON_MAX } from "./review-limits";

function requireAdmin(actor: TActiveActor): TActiveActor {
  if (actor.role !== "ADMIN") throw forbidden();
  return actor;
}

/** Thrown when another admin (or the investor) got there first: who, when and what they decided. */
async function alreadyDecided(tx: TTx, matchId: string): Promise<AppError> {
  const match = await tx.match.findUnique({
    where: { id: matchId },
    select: {
      status: true,
      reviewedAt: true,
      introducedAt: true,
      dismissedAt: true,
      reviewedBy: { select: { name: true } },
      introducedBy: { select: { name: true } },
    },
  });
  if (!match) return notFound();
  const introduced = match.status === "INTRODUCED";
  const name = (introduced ? match.introducedBy?.name : match.reviewedBy?.name) ?? "—";
  const at = (introduced ? match.introducedAt : match.status === "DISMISSED" ? match.dismissedAt : match.reviewedAt) ?? new Date();
  return new AppError("CONFLICT", "errors.match.alreadyReviewed", { params: { status: match.status, name, at: at.getTime() } });
}

const MATCH_CONTEXT_SELECT = {
  id: true,
  score: true,
  status: true,
  listing: {
    select: {
      id: true,
      title: true,
      titleJa: true,
      agencyId: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      agency: { select: { name: true, nameJa: true } },
    },
  },
  investorProfile: {
    select: {
      id: true,
      user: { select: { id: true, name: true, email: true, locale: true, organization: { select: { name: true } } } },
    },
  },
} satisfies Prisma.MatchSelect;

type TMatchContext = Prisma.MatchGetPayload<{ select: typeof MATCH_CONTEXT_SELECT }>;

const titleIn = (listing: TMatchContext["listing"], locale: Locale) => (locale === "ja" && listing.titleJa ? listing.titleJa : listing.title);
const agencyIn = (listing: TMatchContext["listing"], locale: Locale) => (locale === "ja" && listing.agency.nameJa ? listing.agency.nameJa : listing.agency.name);

async function notifyApproved(tx: TTx, match: TMatchContext, send: TQueueEmail): Promise<void> {
  const investor = match.investorProfile.user;
  await notify(
    tx,
    {
      userIds: [investor.id],
      kind: "MATCH_APPROVED",
      payload: { matchId: match.id, listingId: match.listing.id, listingTitle: titleIn(match.listing, investor.locale), score: match.score },
    },
    send,
  );
}

type TDecision = { id: string; status: "APPROVED" | "REJECTED" | "INTRODUCED"; at: string };

// ───────────────────────────── approve ─────────────────────────────

type TApproveStep = { actor: TActiveActor; matchId: string; meta: TRequestMeta; bulk?: boolean };

async function approveInTx(tx: TTx, send: TQueueEmail, { actor, matchId, meta, bulk = false }: TApproveStep): Promise<TDecision> {
  const reviewedAt = new Date();
  const updated = await tx.match.updateMany({
    where: { id: matchId, status: "SUGGESTED" },
    data: { status: "APPROVED", reviewedById: actor.id, reviewedAt, rejectedFingerprint: null },
  });
  if (updated.count !== 1) throw await alreadyDecided(tx, matchId);
  const match = await tx.match.findUniqueOrThrow({ where: { id: matchId }, select: MATCH_CONTEXT_SELECT });
  await notifyApproved(tx, match, send);
  await audit(
    {
      actorId: actor.id,
      action: "match.approved",
      targetType: "match",
      targetId: matchId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      data: { listingId: match.listing.id, investorProfileId: match.investorProfile.id, score: match.score, ...(bulk ? { bulk: true } : {}) },
    },
    tx,
  );
  return { id: matchId, status: "APPROVED", at: reviewedAt.toISOString() };
}

export async function approveMatch(actor: TActiveActor, input: { matchId: string }, meta: TRequestMeta): Promise<TDecision> {
  requireAdmin(actor);
  return transactionWithEmails((tx, send) => approveInTx(tx, send, { actor, matchId: input.matchId, meta }));
}

// ───────────────────────────── reject ─────────────────────────────

export async function rejectMatch(actor: TActiveActor, input: { matchId: string; reason: string }, meta: TRequestMeta): Promise<TDecision> {
  requireAdmin(actor);
  const reason = input.reason.trim().slice(0, REJECT_REASON_MAX);
  if (!reason) throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { reason: ["errors.field.required"] } });
  return transactionWithEmails(async (tx) => {
    const reviewedAt = new Date();
    // What both sides state now: a later material change reopens the pair.
    const fingerprint = await currentMaterialFingerprint(tx, input.matchId);
    if (fingerprint === null) throw notFound();
    const updated = await tx.match.updateMany({
      where: { id: input.matchId, status: "SUGGESTED" },
      data: { status: "REJECTED", reviewedById: actor.id, reviewedAt, reviewNote: reason, rejectedFingerprint: fingerprint },
    });
    if (updated.count !== 1) throw await alreadyDecided(tx, input.matchId);
    const match = await tx.match.findUniqueOrThrow({ where: { id: input.matchId }, select: { listingId: true, investorProfileId: true, score: true } });
    await audit(
      {
        actorId: actor.id,
        action: "match.rejected",
        targetType: "match",
        targetId: input.matchId,
        ip: meta.ip,
        userAgent: meta.userAgent,
        data: { listingId: match.listingId, investorProfileId: match.investorProfileId, score: match.score, reason },
      },
      tx,
    );
    return { id: input.matchId, status: "REJECTED" as const, at: reviewedAt.toISOString() };
  });
}

// ───────────────────────────── introduce ─────────────────────────────

function absoluteUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

async function sendIntroductions(tx: TTx, send: TQueueEmail, match: TMatchContext, note: string | null): Promise<number> {
  const investor = match.investorProfile.user;
  const listing = match.listing;
  const investorLabel = investor.organization?.name ? `${investor.name} (${investor.organization.name})` : investor.name;
  const staff = await tx.user.findMany({
    where: { role: "STAFF", status: "ACTIVE", organizationId: listing.agencyId },
    select: { id: true, name: true, email: true, locale: true },
    orderBy: { createdAt: "asc" },
  });

  await notify(
    tx,
    {
      userIds: [investor.id],
      kind: "MATCH_INTRODUCED",
      payload: { matchId: match.id, listingId: listing.id, listingTitle: titleIn(listing, investor.locale), counterpart: agencyIn(listing, investor.locale), audience: "INVESTOR" },
      // The introduction email below stands in for the generic one: each party gets one email, not two.
      emailedByCaller: true,
    },
  );
  for (const member of staff) {
    await notify(
      tx,
      {
        userIds: [member.id],
        kind: "MATCH_INTRODUCED",
        payload: { matchId: match.id, listingId: listing.id, listingTitle: titleIn(listing, member.locale), counterpart: investorLabel, audience: "STAFF" },
        emailedByCaller: true,
      },
    );
  }

  let sent = 0;
  await send({
    to: investor.email,
    template: "introduction",
    locale: investor.locale,
    params: {
      name: investor.name,
      audience: "INVESTOR",
      listingTitle: titleIn(listing, investor.locale),
      counterpart: agencyIn(listing, investor.locale),
      contact: { name: listing.contactName, organization: agencyIn(listing, investor.locale), email: listing.contactEmail, phone: listing.contactPhone },
      note,
      url: absoluteUrl("/investor/matches"),
    },
  });
  sent += 1;
  const investorContact = { name: investor.name, organization: investor.organization?.name ?? null, email: investor.email, phone: null };
  const addressed = new Set<string>();
  for (const member of staff) {
    addressed.add(member.email.toLowerCase());
    await send({
      to: member.email,
      template: "introduction",
      locale: member.locale,
      params: {
        name: member.name,
        audience: "AGENCY",
        listingTitle: titleIn(listing, member.locale),
        counterpart: investorLabel,
        contact: investorContact,
        note,
        url: absoluteUrl(`/opportunities/${listing.id}`),
      },
    });
    sent += 1;
  }
  // The listing's contact person may have no account; they are written to in English.
  const contactEmail = listing.contactEmail?.trim().toLowerCase();
  if (contactEmail && !addressed.has(contactEmail)) {
    await send({
      to: contactEmail,
      template: "introduction",
      locale: "en",
      params: {
        name: listing.contactName || listing.agency.name,
        audience: "AGENCY",
        listingTitle: listing.title,
        counterpart: investorLabel,
        contact: investorContact,
        note,
        url: absoluteUrl(`/opportunities/${listing.id}`),
      },
    });
    sent += 1;
  }
  return sent;
}

export async function introduceMatch(actor: TActiveActor, input: { matchId: string; note?: string | null }, meta: TRequestMeta): Promise<TDecision> {
  requireAdmin(actor);
  const note = input.note?.trim() ? input.note.trim().slice(0, INTRODUCTION_NOTE_MAX) : null;
  return transactionWithEmails(async (tx, send) => {
    const before = await tx.match.findUnique({ where: { id: input.matchId }, select: { status: true } });
    if (!before) throw notFound();
    const at = new Date();
    const fromSuggested = before.status === "SUGGESTED";
    const updated = await tx.match.updateMany({
      where: { id: input.matchId, status: fromSuggested ? "SUGGESTED" : "APPROVED" },
      data: {
        status: "INTRODUCED",
        introducedById: actor.id,
        introducedAt: at,
        ...(fromSuggested ? { reviewedById: actor.id, reviewedAt: at, rejectedFingerprint: null } : {}),
        ...(note ? { reviewNote: note } : {}),
      },
    });
    if (updated.count !== 1) throw await alreadyDecided(tx, input.matchId);
    const match = await tx.match.findUniqueOrThrow({ where: { id: input.matchId }, select: MATCH_CONTEXT_SELECT });
    const emails = await sendIntroductions(tx, send, match, note);
    await audit(
      {
        actorId: actor.id,
        action: "match.introduced",
        targetType: "match",
        targetId: match.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        data: { listingId: match.listing.id, investorProfileId: match.investorProfile.id, from: before.status, note, emails },
      },
      tx,
    );
    return { id: match.id, status: "INTRODUCED" as const, at: at.toISOString() };
  });
}

// ───────────────────────────── bulk approve ─────────────────────────────

export type TBulkApproveInput = { ids?: string[]; minScore?: number; filters?: TReviewFilters };
export type TBulkApproveResult = { approved: string[]; skipped: number; capped: boolean };

/**
 * Approves the given ids, or every SUGGESTED match scoring ≥ minScore under the
 * queue's filters — at most BULK_APPROVE_CAP, best first. Each approval is its
 * own conditional update and audit entry (match.approved with bulk: true) in one
 * transaction; matches another admin decided meanwhile are skipped, not overwritten.
 */
export async function bulkApproveMatches(actor: TActiveActor, input: TBulkApproveInput, meta: TRequestMeta): Promise<TBulkApproveResult> {
  requireAdmin(actor);
  const byIds = input.ids && input.ids.length > 0;
  if (!byIds && input.minScore === undefined) {
    throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { minScore: ["errors.field.required"] } });
  }
  return transactionWithEmails(
    async (tx, send) => {
      const where: Prisma.MatchWhereInput = byIds
        ? { id: { in: [...new Set(input.ids)] } }
        : { AND: [await reviewQueueWhere(input.filters ?? {}), { score: { gte: input.minScore } }] };
      const targets = await tx.match.findMany({
        where: { AND: [where, { status: "SUGGESTED" }] },
        orderBy: [{ score: "desc" }, { id: "asc" }],
        take: BULK_APPROVE_CAP + 1,
        select: { id: true },
      });
      const capped = targets.length > BULK_APPROVE_CAP;
      const approved: string[] = [];
      const considered = targets.slice(0, BULK_APPROVE_CAP);
      for (const { id } of considered) {
        try {
          await approveInTx(tx, send, { actor, matchId: id, meta, bulk: true });
          approved.push(id);
        } catch (error) {
          // Decided by someone else meanwhile (a plain read, the transaction stays usable): skipped.
          if (!(error instanceof AppError) || (error.code !== "CONFLICT" && error.code !== "NOT_FOUND")) throw error;
        }
      }
      const requested = byIds ? new Set(input.ids).size : considered.length;
      return { approved, skipped: Math.max(0, requested - approved.length), capped };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** One decision by name (the REST API's POST /api/v1/matches/{id}/review). */
export function reviewMatch(actor: TActiveActor, matchId: string, input: TMatchReviewInput, meta: TRequestMeta): Promise<TDecision> {
  switch (input.decision) {
    case "approve":
      return approveMatch(actor, { matchId }, meta);
    case "reject":
      return rejectMatch(actor, { matchId, reason: input.reason ?? "" }, meta);
    case "introduce":
      return introduceMatch(actor, { matchId, note: input.note ?? null }, meta);
  }
}
