import type { TActiveActor } from "@/lib/auth/guards";
import { db, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { matchReadWhere } from "./access";
import { explainMatches, matchReasonKey } from "./explain";
import type { TReason } from "./types";
import { decodeCursor, encodeCursor, readScoreOrDateCursor } from "@/lib/http/cursor";

/** `reasons` are derived when read (explain.ts), from both sides as they are now. */
export type TMatchDto = { id: string; listingId: string; score: number; reasons: TReason[]; status: string; createdAt: string };

export async function getMatch(actor: TActiveActor, id: string): Promise<TMatchDto> {
  const row = await db().match.findFirst({
    where: { AND: [{ id }, matchReadWhere(actor)] },
    select: { id: true, investorProfileId: true, listingId: true, weightsVersion: true, score: true, status: true, createdAt: true },
  });
  if (!row) throw notFound();
  const reasons = await explainMatches([row]);
  return {
    id: row.id,
    listingId: row.listingId,
    score: row.score,
    reasons: reasons.get(matchReasonKey(row)) ?? [],
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

// ───────────────────────────── an investor's own matches ─────────────────────────────

export const MY_MATCH_SORTS = ["score", "newest"] as const;
export const MY_MATCH_STATUSES = ["APPROVED", "INTRODUCED", "DISMISSED"] as const;
export type TMyMatchSort = (typeof MY_MATCH_SORTS)[number];
export type TMyMatchStatus = (typeof MY_MATCH_STATUSES)[number];

export type TMyMatchesQuery = { sort: TMyMatchSort; status?: TMyMatchStatus; cursor?: string; limit: number; locale?: "en" | "ja" };

export type TMyMatchDto = {
  id: string;
  score: number;
  status: string;
  /** Derived when read (explain.ts). */
  reasons: TReason[];
  createdAt: string;
  listing: {
    id: string;
    title: string;
    kind: string;
    province: string | null;
    district: string | null;
    amountUsdCents: string | null;
    agencyName: string;
  };
};

export type TMyMatchesPage = { items: TMyMatchDto[]; nextCursor: string | null };

type TCursor = { k: number | string; l: string };

/**
 * The investor's own matches, best first (score desc, then listing id) or newest
 * first; APPROVED and INTRODUCED unless a status is asked for. SUGGESTED and
 * REJECTED never appear (matchReadWhere). Keyset-paginated.
 */
export async function listMyMatches(actor: TActiveActor, query: TMyMatchesQuery): Promise<TMyMatchesPage> {
  if (actor.role !== "INVESTOR") throw new AppError("FORBIDDEN", "errors.forbidden");
  const limit = Math.min(Math.max(Math.trunc(query.limit) || 20, 1), 100);
  const cursor = decodeCursor(query.cursor, (value) => readScoreOrDateCursor(value, "l", query.sort === "score" ? "score" : "date"));
  const statusWhere: Prisma.MatchWhereInput = { status: query.status ? query.status : { in: ["APPROVED", "INTRODUCED"] } };
  let cursorWhere: Prisma.MatchWhereInput = {};
  if (cursor && query.sort === "score") {
    const score = cursor.k as number;
    cursorWhere = { OR: [{ score: { lt: score } }, { score, listingId: { gt: cursor.id } }] };
  } else if (cursor) {
    const at = new Date(cursor.k as string);
    cursorWhere = { OR: [{ createdAt: { lt: at } }, { createdAt: at, listingId: { gt: cursor.id } }] };
  }
  const orderBy: Prisma.MatchOrderByWithRelationInput[] =
    query.sort === "score" ? [{ score: "desc" }, { listingId: "asc" }] : [{ createdAt: "desc" }, { listingId: "asc" }];
  const rows = await db().match.findMany({
    where: { AND: [matchReadWhere(actor), statusWhere, cursorWhere] },
    orderBy,
    take: limit + 1,
    select: {
      id: true,
      score: true,
      status: true,
      createdAt: true,
      investorProfileId: true,
      listingId: true,
      weightsVersion: true,
      listing: {
        select: { id: true, title: true, titleJa: true, kind: true, province: true, district: true, amountUsdCents: true, agency: { select: { name: true } } },
      },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ k: query.sort === "score" ? last.score : last.createdAt.toISOString(), l: last.listingId } satisfies TCursor) : null;
  const reasons = await explainMatches(page);
  return {
    items: page.map((row) => ({
      id: row.id,
      score: row.score,
      status: row.status,
      reasons: reasons.get(matchReasonKey(row)) ?? [],
      createdAt: row.createdAt.toISOString(),
      listing: {
        id: row.listing.id,
        title: query.locale === "ja" && row.listing.titleJa ? row.listing.titleJa : row.listing.title,
        kind: row.listing.kind,
        province: row.listing.province,
        district: row.listing.district,
        amountUsdCents: row.listing.amountUsdCents === null ? null : row.listing.amountUsdCents.toString(),
        agencyName: row.listing.agency.name,
      },
    })),
    nextCursor,
  };
}
