// An investor saves a published listing to follow it: the saved row remembers
// the listing version they saw, so a later edit shows "updated since you saved
// it" (and notifies them: lib/listings/mutations.ts notifySavers). Saving twice
// or removing what is not saved changes nothing.
import { audit } from "@/lib/audit/log";
import { requireRole, type TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { TSavedListingInput } from "@/lib/interests/schemas";
import { listingReadWhere } from "@/lib/listings/access";

export type TSaveResult = { listingId: string; saved: boolean; seenVersion: number | null };

export async function saveListing(actor: TActiveActor, input: TSavedListingInput, meta: TRequestMeta): Promise<TSaveResult> {
  const investor = requireRole(actor, "INVESTOR");
  return db().$transaction(async (tx) => {
    const listing = await tx.listing.findFirst({
      where: { AND: [{ id: input.listingId, status: "PUBLISHED" }, listingReadWhere(investor)] },
      select: { id: true, version: true },
    });
    if (!listing) throw notFound();
    // The version as it is now: the investor is looking at it.
    const created = await tx.savedListing.createMany({
      data: [{ userId: investor.id, listingId: listing.id, seenVersion: listing.version }],
      skipDuplicates: true,
    });
    if (created.count === 1) {
      await audit(
        { actorId: investor.id, action: "listing.saved", targetType: "listing", targetId: listing.id, ip: meta.ip, userAgent: meta.userAgent, data: { version: listing.version } },
        tx,
      );
    }
    const row = await tx.savedListing.findUniqueOrThrow({ where: { userId_listingId: { userId: investor.id, listingId: listing.id } }, select: { seenVersion: true } });
    return { listingId: listing.id, saved: true, seenVersion: row.seenVersion };
  });
}

/** Removes the investor's own saved row, whatever the listing's state now (a closed one too). */
export async function unsaveListing(actor: TActiveActor, input: TSavedListingInput, meta: TRequestMeta): Promise<TSaveResult> {
  const investor = requireRole(actor, "INVESTOR");
  return db().$transaction(async (tx) => {
    const removed = await tx.savedListing.deleteMany({ where: { userId: investor.id, listingId: input.listingId } });
    if (removed.count === 1) {
      await audit({ actorId: investor.id, action: "listing.unsaved", targetType: "listing", targetId: input.listingId, ip: meta.ip, userAgent: meta.userAgent }, tx);
    }
    return { listingId: input.listingId, saved: false, seenVersion: null };
  });
}
