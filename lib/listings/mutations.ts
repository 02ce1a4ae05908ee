import type { z } from "zod";
import { audit } from "@/lib/audit/log";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { listingWriteWhere } from "./access";
import type { ZUpdateListingBasics } from "./schemas";

/** Another agency's listing is "not found": existence is not revealed. */
export async function updateListingBasics(
  actor: TActiveActor,
  id: string,
  input: z.infer<typeof ZUpdateListingBasics>,
  meta: TRequestMeta,
): Promise<{ id: string; title: string; summary: string }> {
  return db().$transaction(async (tx) => {
    const updated = await tx.listing.updateMany({ where: { AND: [{ id }, listingWriteWhere(actor)] }, data: input });
    if (updated.count !== 1) throw notFound();
    await audit({ actorId: actor.id, action: "listing.updated", targetType: "listing", targetId: id, ip: meta.ip, userAgent: meta.userAgent, data: { fields: Object.keys(input) } }, tx);
    return tx.listing.findUniqueOrThrow({ where: { id }, select: { id: true, title: true, summary: true } });
  });
}
