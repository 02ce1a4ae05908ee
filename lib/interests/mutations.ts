// Writes of interests: an investor expresses interest in a published listing
// (once per investor and listing, however often or concurrently they ask), the
// listing's agency works the lead (status, notes). Every change is audited and
// notifies the other side in the same transaction.
import { audit } from "@/lib/audit/log";
import { requireAgencyStaff, requireRole, type TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { listingReadWhere } from "@/lib/listings/access";
import { transactionWithEmails } from "@/lib/mail/outbox";
import { notify } from "@/lib/notifications/notify";
import { interestWriteWhere } from "./access";
import type { TInterestDto } from "./queries";
import type { TAddInterestNoteInput, TChangeInterestStatusInput, TExpressInterestInput, TInterestStatus } from "./schemas";

type TTx = Prisma.TransactionClient;

export type TExpressInterestResult = TInterestDto & { created: boolean };

const INTEREST_DTO_SELECT = { id: true, listingId: true, status: true, message: true, createdAt: true } as const;

function toDto(row: { id: string; listingId: string; status: string; message: string | null; createdAt: Date }): TInterestDto {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** "Name (Organisation)" as staff read it in the notification. */
function investorDisplayName(name: string, organization: string | null | undefined): string {
  return organization ? `${name} (${organization})` : name;
}

/**
 * Records the investor's interest in a published listing and tells the active
 * staff of its agency. Idempotent: the unique (investor profile, listing) pair
 * and INSERT … ON CONFLICT DO NOTHING make a repeat — or fifty at once — return
 * the one existing interest, with one audit entry and one notification in all.
 * A repeat changes nothing (not even the message).
 */
export async function expressInterest(actor: TActiveActor, input: TExpressInterestInput, meta: TRequestMeta): Promise<TExpressInterestResult> {
  const investor = requireRole(actor, "INVESTOR");
  // Only what this investor can see: a draft, closed or unknown listing is a 404 alike.
  const listing = await db().listing.findFirst({
    where: { AND: [{ id: input.listingId, status: "PUBLISHED" }, listingReadWhere(investor)] },
    select: { id: true, title: true, agencyId: true },
  });
  if (!listing) throw notFound();
  const profile = await db().investorProfile.findUnique({ where: { userId: investor.id }, select: { id: true } });
  if (!profile) throw new AppError("CONFLICT", "errors.interest.profileRequired");

  // The common repeat needs no transaction (and no pooled connection held while waiting).
  const existing = await db().interest.findUnique({
    where: { investorProfileId_listingId: { investorProfileId: profile.id, listingId: listing.id } },
    select: INTEREST_DTO_SELECT,
  });
  if (existing) return { ...toDto(existing), created: false };

  return transactionWithEmails(
    async (tx, send) => {
      // A concurrent insert of the same pair waits here until the first commits, then inserts nothing.
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO interests (id, investor_profile_id, listing_id, message, status, status_changed_at, created_at, updated_at)
        VALUES (gen_random_uuid(), ${profile.id}::uuid, ${listing.id}::uuid, ${input.message ?? null}, 'NEW', now(), now(), now())
        ON CONFLICT (investor_profile_id, listing_id) DO NOTHING
        RETURNING id`;
      const createdId = inserted[0]?.id;
      if (!createdId) {
        const winner = await tx.interest.findUniqueOrThrow({
          where: { investorProfileId_listingId: { investorProfileId: profile.id, listingId: listing.id } },
          select: INTEREST_DTO_SELECT,
        });
        return { ...toDto(winner), created: false };
      }
      const row = await tx.interest.findUniqueOrThrow({ where: { id: createdId }, select: INTEREST_DTO_SELECT });
      await audit(
        {
          actorId: investor.id,
          action: "interest.expressed",
          targetType: "interest",
          targetId: row.id,
          ip: meta.ip,
          userAgent: meta.userAgent,
          data: { listingId: listing.id, withMessage: Boolean(input.message) },
        },
        tx,
      );
      const [staff, organization] = await Promise.all([
        tx.user.findMany({ where: { role: "STAFF", status: "ACTIVE", organizationId: listing.agencyId }, select: { id: true } }),
        investor.organizationId ? tx.organization.findUnique({ where: { id: investor.organizationId }, select: { name: true } }) : null,
      ]);
      await notify(
        tx,
        {
          userIds: staff.map((user) => user.id),
          kind: "INTEREST_RECEIVED",
          payload: { interestId: row.id, listingId: listing.id, listingTitle: listing.title, investorName: investorDisplayName(investor.name, organization?.name) },
        },
        send,
      );
      return { ...toDto(row), created: true };
    },
    // Many requests for one pair queue behind the first insert: give them time to get a connection.
    { maxWait: 20_000, timeout: 30_000 },
  );
}

/** The lead, if this staff member may work it; otherwise a 404 that reveals nothing. */
async function findWorkableLead(tx: TTx, actor: TActiveActor, interestId: string) {
  const lead = await tx.interest.findFirst({
    where: { AND: [{ id: interestId }, interestWriteWhere(actor)] },
    select: {
      id: true,
      status: true,
      firstContactAt: true,
      listingId: true,
      listing: { select: { title: true } },
      investorProfile: { select: { userId: true } },
    },
  });
  if (!lead) throw notFound();
  return lead;
}

export type TStatusChangeResult = { id: string; status: TInterestStatus; firstContactAt: string | null; statusChangedAt: string; changed: boolean };

/**
 * Moves a lead to any status (forward, back, or reopening a closed one: the
 * audit log keeps every move, so nothing needs forbidding). The first move away
 * from NEW stamps firstContactAt — the agency's response time — once and for
 * good. The investor is told in their language.
 */
export async function changeInterestStatus(actor: TActiveActor, input: TChangeInterestStatusInput, meta: TRequestMeta): Promise<TStatusChangeResult> {
  const staff = requireAgencyStaff(actor);
  return transactionWithEmails(async (tx, send) => {
    const lead = await findWorkableLead(tx, staff, input.interestId);
    if (lead.status === input.status) {
      const current = await tx.interest.findUniqueOrThrow({ where: { id: lead.id }, select: { firstContactAt: true, statusChangedAt: true } });
      return {
        id: lead.id,
        status: lead.status,
        firstContactAt: current.firstContactAt?.toISOString() ?? null,
        statusChangedAt: current.statusChangedAt.toISOString(),
        changed: false,
      };
    }
    const now = new Date();
    const firstContactAt = lead.firstContactAt ?? (input.status !== "NEW" ? now : null);
    // Conditional on the status read above: two colleagues changing it at once cannot both win silently.
    const updated = await tx.interest.updateMany({
      where: { id: lead.id, status: lead.status },
      data: { status: input.status, statusChangedAt: now, firstContactAt },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "errors.interest.changedMeanwhile");
    await audit(
      {
        actorId: staff.id,
        action: "interest.statusChanged",
        targetType: "interest",
        targetId: lead.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        data: { listingId: lead.listingId, from: lead.status, to: input.status, firstContact: !lead.firstContactAt && firstContactAt !== null },
      },
      tx,
    );
    await notify(
      tx,
      {
        userIds: [lead.investorProfile.userId],
        kind: "INTEREST_STATUS_CHANGED",
        payload: { interestId: lead.id, listingId: lead.listingId, listingTitle: lead.listing.title, status: input.status },
      },
      send,
    );
    return {
      id: lead.id,
      status: input.status,
      firstContactAt: firstContactAt?.toISOString() ?? null,
      statusChangedAt: now.toISOString(),
      changed: true,
    };
  });
}

export type TInterestNoteResult = { id: string; createdAt: string };

/** An internal note of the agency on a lead (never shown to the investor). */
export async function addInterestNote(actor: TActiveActor, input: TAddInterestNoteInput, meta: TRequestMeta): Promise<TInterestNoteResult> {
  const staff = requireAgencyStaff(actor);
  return db().$transaction(async (tx) => {
    const lead = await findWorkableLead(tx, staff, input.interestId);
    const note = await tx.interestNote.create({ data: { interestId: lead.id, authorId: staff.id, body: input.body }, select: { id: true, createdAt: true } });
    await audit(
      {
        actorId: staff.id,
        action: "interest.noteAdded",
        targetType: "interest",
        targetId: lead.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        data: { noteId: note.id, length: input.body.length },
      },
      tx,
    );
    return { id: note.id, createdAt: note.createdAt.toISOString() };
  });
}
