import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { matchReadWhere } from "./access";

export type TMatchDto = { id: string; listingId: string; score: number; reasons: unknown; status: string; createdAt: string };

export async function getMatch(actor: TActiveActor, id: string): Promise<TMatchDto> {
  const row = await db().match.findFirst({
    where: { AND: [{ id }, matchReadWhere(actor)] },
    select: { id: true, listingId: true, score: true, reasons: true, status: true, createdAt: true },
  });
  if (!row) throw notFound();
  return { ...row, createdAt: row.createdAt.toISOString() };
}
