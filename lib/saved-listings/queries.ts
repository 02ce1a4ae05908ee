// The investor's saved listings, newest save first (keyset-paginated), each
// with whether it changed since they last looked at it.
import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, isDateString, objectFields } from "@/lib/http/cursor";
import { isUuid } from "@/lib/http/validation";

export type TSavedListingRow = {
  listingId: string;
  title: string;
  agencyName: string;
  status: "PUBLISHED" | "CLOSED";
  savedAt: Date;
  listingUpdatedAt: Date;
  /** The listing has a newer published version than the one the investor last saw. */
  updatedSinceSeen: boolean;
};

export type TSavedListingsPage = { items: TSavedListingRow[]; nextCursor: string | null };

const PAGE_SIZE = 20;

function readCursor(value: unknown): { savedAt: Date; listingId: string } | null {
  const fields = objectFields(value);
  return fields && isUuid(fields.l) && isDateString(fields.c) ? { savedAt: new Date(fields.c), listingId: fields.l } : null;
}

export async function listSavedListings(actor: TActiveActor, options: { cursor?: string; locale: "en" | "ja"; limit?: number }): Promise<TSavedListingsPage> {
  if (actor.role !== "INVESTOR") throw new AppError("FORBIDDEN", "errors.forbidden");
  const limit = options.limit ?? PAGE_SIZE;
  const cursor = decodeCursor(options.cursor, readCursor);
  const rows = await db().savedListing.findMany({
    where: {
      userId: actor.id,
      // Published, or closed since it was saved (shown as closed); drafts never reach investors.
      listing: { status: { in: ["PUBLISHED", "CLOSED"] } },
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.savedAt } }, { createdAt: cursor.savedAt, listingId: { lt: cursor.listingId } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { listingId: "desc" }],
    take: limit + 1,
    select: {
      listingId: true,
      seenVersion: true,
      createdAt: true,
      listing: { select: { title: true, titleJa: true, status: true, version: true, updatedAt: true, agency: { select: { name: true, nameJa: true } } } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const ja = options.locale === "ja";
  return {
    items: page.map((row) => ({
      listingId: row.listingId,
      title: (ja && row.listing.titleJa) || row.listing.title,
      agencyName: (ja && row.listing.agency.nameJa) || row.listing.agency.name,
      status: row.listing.status === "CLOSED" ? "CLOSED" : "PUBLISHED",
      savedAt: row.createdAt,
      listingUpdatedAt: row.listing.updatedAt,
      updatedSinceSeen: row.listing.status === "PUBLISHED" && row.listing.version > row.seenVersion,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ c: last.createdAt.toISOString(), l: last.listingId }) : null,
  };
}

/** Whether the investor saved this listing (for the listing page's Save button). */
export async function isListingSaved(actor: TActiveActor, listingId: string): Promise<boolean> {
  if (actor.role !== "INVESTOR") return false;
  return (await db().savedListing.count({ where: { userId: actor.id, listingId } })) === 1;
}
