import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { interestReadWhere } from "./access";

export type TInterestDto = { id: string; listingId: string; status: string; message: string | null; createdAt: string };

export async function getInterest(actor: TActiveActor, id: string): Promise<TInterestDto> {
  const row = await db().interest.findFirst({
    where: { AND: [{ id }, interestReadWhere(actor)] },
    select: { id: true, listingId: true, status: true, message: true, createdAt: true },
  });
  if (!row) throw notFound();
  return { ...row, createdAt: row.createdAt.toISOString() };
}
