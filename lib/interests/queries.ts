import type { TActiveActor } from "@/lib/auth/guards";
import { db, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { interestReadWhere } from "./access";
import type { TInterestStatus } from "./schemas";
import { decodeCursor, encodeCursor, isDateString, objectFields } from "@/lib/http/cursor";
import { isUuid } from "@/lib/http/validation";

export type TInterestDto = { id: string; listingId: string; status: string; message: string | null; createdAt: string };

export async function getInterest(actor: TActiveActor, id: string): Promise<TInterestDto> {
  const row = await db().interest.findFirst({
    where: { AND: [{ id }, interestReadWhere(actor)] },
    select: { id: true, listingId: true, status: true, message: true, createdAt: true },
  });
  if (!row) throw notFound();
  return { ...row, createdAt: row.createdAt.toISOString() };
}

// ───────────────────────────── the investor's own interests ─────────────────────────────

export type TMyInterestDto = {
  id: string;
  status: TInterestStatus;
  message: string | null;
  createdAt: Date;
  firstContactAt: Date | null;
  statusChangedAt: Date;
  listing: { id: string; title: string; status: string; agencyName: string };
};

export type TMyInterestsPage = { items: TMyInterestDto[]; nextCursor: string | null };

export function encodeKeyCursor(createdAt: Date, id: string): string {
  return encodeCursor({ c: createdAt.toISOString(), i: id });
}

/** A malformed cursor starts over from the first page rather than failing. */
export function decodeKeyCursor(raw: string | undefined | null): { createdAt: Date; id: string } | null {
  return decodeCursor(raw, (value) => {
    const fields = objectFields(value);
    return fields && isUuid(fields.i) && isDateString(fields.c) ? { createdAt: new Date(fields.c), id: fields.i } : null;
  });
}

/** Rows after the cursor in (createdAt desc, id desc) order. */
export function afterCursor(cursor: { createdAt: Date; id: string } | null): Prisma.InterestWhereInput {
  if (!cursor) return {};
  return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
}

export const PAGE_SIZE = 20;

/** One page of rows fetched with `take: limit + 1`: the extra row only says whether there is a next page. */
export function toKeysetPage<TRow extends { createdAt: Date; id: string }, TItem>(rows: TRow[], limit: number, toItem: (row: TRow) => TItem): { items: TItem[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toItem), nextCursor: rows.length > limit && last ? encodeKeyCursor(last.createdAt, last.id) : null };
}

/** The listing an interest is about, as both the investor and the agency see it. */
export const INTEREST_LISTING_SELECT = { id: true, title: true, titleJa: true, agency: { select: { name: true, nameJa: true } } } satisfies Prisma.ListingSelect;

type TInterestListingRow = { id: string; title: string; titleJa: string | null; agency: { name: string; nameJa: string | null } };

/** Title and agency name in the reader's language, falling back to English. */
export function toInterestListing(listing: TInterestListingRow, locale: "en" | "ja"): { id: string; title: string; agencyName: string } {
  const ja = locale === "ja";
  return { id: listing.id, title: (ja && listing.titleJa) || listing.title, agencyName: (ja && listing.agency.nameJa) || listing.agency.name };
}

/** The investor's interests, newest first, keyset-paginated; titles in the reader's language. */
export async function listMyInterests(actor: TActiveActor, options: { cursor?: string; locale: "en" | "ja"; limit?: number }): Promise<TMyInterestsPage> {
  if (actor.role !== "INVESTOR") throw new AppError("FORBIDDEN", "errors.forbidden");
  const limit = options.limit ?? PAGE_SIZE;
  const rows = await db().interest.findMany({
    where: { AND: [interestReadWhere(actor), afterCursor(decodeKeyCursor(options.cursor))] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      status: true,
      message: true,
      createdAt: true,
      firstContactAt: true,
      statusChangedAt: true,
      listing: { select: { ...INTEREST_LISTING_SELECT, status: true } },
    },
  });
  return toKeysetPage(rows, limit, (row) => ({
    id: row.id,
    status: row.status,
    message: row.message,
    createdAt: row.createdAt,
    firstContactAt: row.firstContactAt,
    statusChangedAt: row.statusChangedAt,
    listing: { ...toInterestListing(row.listing, options.locale), status: row.listing.status },
  }));
}

export type TOwnInterestSummary = { id: string; status: TInterestStatus; createdAt: Date };

/** The investor's interests in these listings, by listing id (for the listing page and "My matches"). */
export async function findMyInterestsFor(actor: TActiveActor, listingIds: readonly string[]): Promise<Map<string, TOwnInterestSummary>> {
  if (actor.role !== "INVESTOR" || listingIds.length === 0) return new Map();
  const rows = await db().interest.findMany({
    where: { AND: [interestReadWhere(actor), { listingId: { in: [...listingIds] } }] },
    select: { id: true, status: true, createdAt: true, listingId: true },
  });
  return new Map(rows.map((row) => [row.listingId, { id: row.id, status: row.status, createdAt: row.createdAt }]));
}
