// The leads inbox: interests in the agency's listings (every agency's for
// admins, read-only), with the response-time figures investors care about.
//
// What an agency sees of an investor: name, organisation, country, the
// investment profile and the message — and the email address. Expressing
// interest is the investor's request to be contacted by this agency about this
// listing (the form says the address is shared), so the agency may see it on
// the lead; staff never see investors' addresses anywhere else (matches, lists).
import type { TActiveActor } from "@/lib/auth/guards";
import { db, Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { OWN_PROFILE_SELECT, toOwnProfileDto, type TOwnInvestorProfileDto } from "@/lib/investors/queries";
import { getLatestRates } from "@/lib/money/rates";
import { interestReadWhere, interestWriteWhere } from "./access";
import { LEAD_RESPONSE_DAYS, LEAD_RESPONSE_MS } from "./constants";
import { afterCursor, decodeKeyCursor, INTEREST_LISTING_SELECT, PAGE_SIZE, toInterestListing, toKeysetPage } from "./queries";
import type { TInterestStatus, TLeadsQuery } from "./schemas";
import { isUuid } from "@/lib/http/validation";

function requireInboxReader(actor: TActiveActor): TActiveActor {
  if (actor.role === "ADMIN") return actor;
  if (actor.role === "STAFF" && actor.organizationId) return actor;
  throw new AppError("FORBIDDEN", "errors.forbidden");
}

export type TResponseState =
  | { kind: "answered"; afterMs: number }
  | { kind: "waiting"; ageMs: number }
  | { kind: "overdue"; ageMs: number };

/**
 * The response-time figure of one lead: how long the agency took to first
 * contact the investor, or how long the investor has been waiting — overdue
 * once a lead nobody contacted is older than LEAD_RESPONSE_DAYS.
 */
export function responseState(lead: { createdAt: Date; firstContactAt: Date | null }, now: Date): TResponseState {
  if (lead.firstContactAt) return { kind: "answered", afterMs: Math.max(0, lead.firstContactAt.getTime() - lead.createdAt.getTime()) };
  const ageMs = Math.max(0, now.getTime() - lead.createdAt.getTime());
  return ageMs > LEAD_RESPONSE_MS ? { kind: "overdue", ageMs } : { kind: "waiting", ageMs };
}

export type TLeadRow = {
  id: string;
  status: TInterestStatus;
  createdAt: Date;
  firstContactAt: Date | null;
  investorName: string;
  organizationName: string | null;
  listing: { id: string; title: string; agencyName: string };
  response: TResponseState;
};

export type TLeadsPage = { items: TLeadRow[]; nextCursor: string | null };

/** One page of the inbox, newest first, filtered by status and listing. */
export async function listLeads(actor: TActiveActor, query: TLeadsQuery & { locale: "en" | "ja"; limit?: number; now?: Date }): Promise<TLeadsPage> {
  const reader = requireInboxReader(actor);
  const limit = query.limit ?? PAGE_SIZE;
  const now = query.now ?? new Date();
  const filters: Prisma.InterestWhereInput = { ...(query.status ? { status: query.status } : {}), ...(query.listingId ? { listingId: query.listingId } : {}) };
  const rows = await db().interest.findMany({
    where: { AND: [interestReadWhere(reader), filters, afterCursor(decodeKeyCursor(query.cursor))] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      status: true,
      createdAt: true,
      firstContactAt: true,
      listing: { select: INTEREST_LISTING_SELECT },
      investorProfile: { select: { user: { select: { name: true, organization: { select: { name: true } } } } } },
    },
  });
  return toKeysetPage(rows, limit, (row) => ({
    id: row.id,
    status: row.status,
    createdAt: row.createdAt,
    firstContactAt: row.firstContactAt,
    investorName: row.investorProfile.user.name,
    organizationName: row.investorProfile.user.organization?.name ?? null,
    listing: toInterestListing(row.listing, query.locale),
    response: responseState(row, now),
  }));
}

/** The listings that have leads, for the inbox's listing filter. */
export async function listLeadListings(actor: TActiveActor, locale: "en" | "ja"): Promise<{ id: string; title: string }[]> {
  const reader = requireInboxReader(actor);
  const rows = await db().listing.findMany({
    where: { interests: { some: interestReadWhere(reader) } },
    orderBy: { title: "asc" },
    take: 200,
    select: { id: true, title: true, titleJa: true },
  });
  return rows.map((row) => ({ id: row.id, title: (locale === "ja" && row.titleJa) || row.title }));
}

export type TLeadStats = {
  total: number;
  answered: number;
  overdue: number;
  /** Median time from interest to first contact, over answered leads; null when none is answered. */
  medianResponseMs: number | null;
  /**
   * Of the leads whose outcome is known — answered, or older than the window —
   * the share answered within LEAD_RESPONSE_DAYS (0–1); null when none is known yet.
   */
  answeredWithinShare: number | null;
  windowDays: number;
};

/**
 * The agency's response-time figures, computed in SQL over all its leads. The
 * scope repeats interestReadWhere (staff: their agency; admins: all) because
 * the aggregate needs percentile_cont, which Prisma cannot express.
 */
export async function getLeadStats(actor: TActiveActor, now: Date = new Date()): Promise<TLeadStats> {
  const reader = requireInboxReader(actor);
  const scope = reader.role === "STAFF" ? Prisma.sql`WHERE l.agency_id = ${reader.organizationId}::uuid` : Prisma.empty;
  const windowStart = new Date(now.getTime() - LEAD_RESPONSE_MS);
  const [row] = await db().$queryRaw<
    { total: bigint; answered: bigint; overdue: bigint; median_ms: number | null; within: bigint; decided: bigint }[]
  >`
    SELECT
      count(*) AS total,
      count(*) FILTER (WHERE i.first_contact_at IS NOT NULL) AS answered,
      count(*) FILTER (WHERE i.first_contact_at IS NULL AND i.status = 'NEW' AND i.created_at < ${windowStart}) AS overdue,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (i.first_contact_at - i.created_at)) * 1000)
        FILTER (WHERE i.first_contact_at IS NOT NULL))::float8 AS median_ms,
      count(*) FILTER (WHERE i.first_contact_at IS NOT NULL AND i.first_contact_at - i.created_at <= make_interval(days => ${LEAD_RESPONSE_DAYS}::int)) AS within,
      count(*) FILTER (WHERE i.first_contact_at IS NOT NULL AND i.first_contact_at - i.created_at <= make_interval(days => ${LEAD_RESPONSE_DAYS}::int)
                        OR i.created_at < ${windowStart}) AS decided
    FROM interests i JOIN listings l ON l.id = i.listing_id
    ${scope}`;
  const decided = Number(row?.decided ?? 0);
  return {
    total: Number(row?.total ?? 0),
    answered: Number(row?.answered ?? 0),
    overdue: Number(row?.overdue ?? 0),
    medianResponseMs: row?.median_ms ?? null,
    answeredWithinShare: decided ? Number(row?.within ?? 0) / decided : null,
    windowDays: LEAD_RESPONSE_DAYS,
  };
}

export type TLeadDetail = {
  id: string;
  status: TInterestStatus;
  message: string | null;
  createdAt: Date;
  firstContactAt: Date | null;
  statusChangedAt: Date;
  response: TResponseState;
  /** Whether this reader may change the status and add notes (the agency's staff; not admins). */
  canWork: boolean;
  listing: { id: string; title: string; agencyName: string };
  investor: { name: string; email: string; organizationName: string | null; country: string | null };
  profile: TOwnInvestorProfileDto;
  notes: { id: string; body: string; createdAt: Date; authorName: string }[];
};

/** One lead with the investor's profile summary and the agency's notes; 404 outside the reader's scope. */
export async function getLead(actor: TActiveActor, id: string, options: { locale: "en" | "ja"; now?: Date }): Promise<TLeadDetail> {
  const reader = requireInboxReader(actor);
  if (!isUuid(id)) throw notFound();
  const row = await db().interest.findFirst({
    where: { AND: [{ id }, interestReadWhere(reader)] },
    select: {
      id: true,
      status: true,
      message: true,
      createdAt: true,
      firstContactAt: true,
      statusChangedAt: true,
      listing: { select: INTEREST_LISTING_SELECT },
      investorProfile: {
        select: { ...OWN_PROFILE_SELECT, user: { select: { name: true, email: true, country: true, organization: { select: { name: true, country: true } } } } },
      },
      notes: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
    },
  });
  if (!row) throw notFound();
  const canWork = (await db().interest.count({ where: { AND: [{ id }, interestWriteWhere(reader)] } })) === 1;
  const { user, ...profileRow } = row.investorProfile;
  return {
    id: row.id,
    status: row.status,
    message: row.message,
    createdAt: row.createdAt,
    firstContactAt: row.firstContactAt,
    statusChangedAt: row.statusChangedAt,
    response: responseState(row, options.now ?? new Date()),
    canWork,
    listing: toInterestListing(row.listing, options.locale),
    investor: { name: user.name, email: user.email, organizationName: user.organization?.name ?? null, country: user.country ?? user.organization?.country ?? null },
    profile: toOwnProfileDto(profileRow, await getLatestRates()),
    notes: row.notes.map((note) => ({ id: note.id, body: note.body, createdAt: note.createdAt, authorName: note.author.name })),
  };
}
