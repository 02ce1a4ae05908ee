// Reads of the admin review queue: SUGGESTED matches best first, and the
// reviewed ones newest first, both keyset-paginated, as DTOs with both sides
// side by side (no password hashes, no internal notes beyond the review note).
import type { TActiveActor } from "@/lib/auth/guards";
import { db, type Prisma } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { explainMatches, matchReasonKey } from "./explain";
import { reviewQueueWhere, type TReviewFilters } from "./review-filters";
import type { TReason } from "./types";
import { decodeCursor, encodeCursor, readScoreOrDateCursor } from "@/lib/http/cursor";

export const REVIEW_VIEWS = ["queue", "reviewed"] as const;
export type TReviewView = (typeof REVIEW_VIEWS)[number];
export const REVIEW_PAGE_SIZE = 20;

export type TReviewMatchDto = {
  id: string;
  score: number;
  status: string;
  /** Derived when read (explain.ts), from both sides as they are now. */
  reasons: TReason[];
  createdAt: string;
  reviewNote: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  introducedAt: string | null;
  introducedByName: string | null;
  investor: {
    name: string;
    email: string;
    organization: string | null;
    sectorIds: string[];
    ticketMinUsdCents: string | null;
    ticketMaxUsdCents: string | null;
    anywhereInPakistan: boolean;
    provinces: string[];
    districts: string[];
  };
  listing: {
    id: string;
    title: string;
    agencyName: string;
    sectorIds: string[];
    province: string | null;
    district: string | null;
    amountUsdCents: string | null;
    stage: string;
  };
};

export type TReviewPage = { items: TReviewMatchDto[]; nextCursor: string | null };

type TCursor = { k: number | string; i: string };

const SELECT = {
  id: true,
  score: true,
  status: true,
  investorProfileId: true,
  listingId: true,
  weightsVersion: true,
  createdAt: true,
  reviewNote: true,
  reviewedAt: true,
  introducedAt: true,
  reviewedBy: { select: { name: true } },
  introducedBy: { select: { name: true } },
  investorProfile: {
    select: {
      sectorIds: true,
      ticketMinUsdCents: true,
      ticketMaxUsdCents: true,
      anywhereInPakistan: true,
      provinces: true,
      districts: true,
      user: { select: { name: true, email: true, organization: { select: { name: true } } } },
    },
  },
  listing: {
    select: {
      id: true,
      title: true,
      titleJa: true,
      sectorIds: true,
      province: true,
      district: true,
      amountUsdCents: true,
      stage: true,
      agency: { select: { name: true, nameJa: true } },
    },
  },
} satisfies Prisma.MatchSelect;

type TRow = Prisma.MatchGetPayload<{ select: typeof SELECT }>;

function toDto(row: TRow, reasons: TReason[], locale: "en" | "ja"): TReviewMatchDto {
  const profile = row.investorProfile;
  return {
    id: row.id,
    score: row.score,
    status: row.status,
    reasons,
    createdAt: row.createdAt.toISOString(),
    reviewNote: row.reviewNote,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewedByName: row.reviewedBy?.name ?? null,
    introducedAt: row.introducedAt?.toISOString() ?? null,
    introducedByName: row.introducedBy?.name ?? null,
    investor: {
      name: profile.user.name,
      email: profile.user.email,
      organization: profile.user.organization?.name ?? null,
      sectorIds: profile.sectorIds,
      ticketMinUsdCents: profile.ticketMinUsdCents?.toString() ?? null,
      ticketMaxUsdCents: profile.ticketMaxUsdCents?.toString() ?? null,
      anywhereInPakistan: profile.anywhereInPakistan,
      provinces: profile.provinces,
      districts: profile.districts,
    },
    listing: {
      id: row.listing.id,
      title: locale === "ja" && row.listing.titleJa ? row.listing.titleJa : row.listing.title,
      agencyName: locale === "ja" && row.listing.agency.nameJa ? row.listing.agency.nameJa : row.listing.agency.name,
      sectorIds: row.listing.sectorIds,
      province: row.listing.province,
      district: row.listing.district,
      amountUsdCents: row.listing.amountUsdCents?.toString() ?? null,
      stage: row.listing.stage,
    },
  };
}

export type TReviewQuery = { view: TReviewView; filters: TReviewFilters; cursor?: string; limit?: number; locale: "en" | "ja" };

/**
 * "queue": SUGGESTED matches by score desc, then id. "reviewed": APPROVED,
 * REJECTED and INTRODUCED by review time desc, then id. Same filters for both.
 */
export async function listReviewMatches(actor: TActiveActor, query: TReviewQuery): Promise<TReviewPage> {
  if (actor.role !== "ADMIN") throw forbidden();
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? REVIEW_PAGE_SIZE), 1), 100);
  const cursor = decodeCursor(query.cursor, (value) => readScoreOrDateCursor(value, "i", query.view === "queue" ? "score" : "date"));
  const filterWhere = await reviewQueueWhere(query.filters);
  let where: Prisma.MatchWhereInput;
  let orderBy: Prisma.MatchOrderByWithRelationInput[];
  if (query.view === "queue") {
    where = { AND: [filterWhere, { status: "SUGGESTED" }, cursor ? { OR: [{ score: { lt: cursor.k as number } }, { score: cursor.k as number, id: { gt: cursor.id } }] } : {}] };
    orderBy = [{ score: "desc" }, { id: "asc" }];
  } else {
    const at = cursor ? new Date(cursor.k as string) : null;
    where = {
      AND: [
        filterWhere,
        { status: { in: ["APPROVED", "REJECTED", "INTRODUCED"] }, reviewedAt: { not: null } },
        at ? { OR: [{ reviewedAt: { lt: at } }, { reviewedAt: at, id: { gt: cursor!.id } }] } : {},
      ],
    };
    orderBy = [{ reviewedAt: "desc" }, { id: "asc" }];
  }
  const rows = await db().match.findMany({ where, orderBy, take: limit + 1, select: SELECT });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ k: query.view === "queue" ? last.score : (last.reviewedAt as Date).toISOString(), i: last.id } satisfies TCursor) : null;
  const reasons = await explainMatches(page);
  return { items: page.map((row) => toDto(row, reasons.get(matchReasonKey(row)) ?? [], query.locale)), nextCursor };
}

export async function countSuggestedMatches(filters: TReviewFilters = {}): Promise<number> {
  return db().match.count({ where: { AND: [await reviewQueueWhere(filters), { status: "SUGGESTED" }] } });
}

export type TAgencyOption = { id: string; name: string };

/** Agencies for the filter: those with at least one listing. */
export async function listAgencyOptions(locale: "en" | "ja"): Promise<TAgencyOption[]> {
  const rows = await db().organization.findMany({
    where: { kind: "AGENCY", listings: { some: {} } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, nameJa: true },
  });
  return rows.map((row) => ({ id: row.id, name: locale === "ja" && row.nameJa ? row.nameJa : row.name }));
}
