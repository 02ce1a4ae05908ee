// Investor-side match writes. An investor may dismiss their own approved or
// introduced match; the engine then keeps it dismissed on every recompute.
import { audit } from "@/lib/audit/log";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";

export const DISMISS_REASON_MAX = 500;

export type TDismissMatchInput = { matchId: string; reason?: string | null };

export async function dismissMatch(
  actor: TActiveActor,
  input: TDismissMatchInput,
  meta: TRequestMeta,
): Promise<{ id: string; status: "DISMISSED"; dismissedAt: string }> {
  if (actor.role !== "INVESTOR") throw new AppError("FORBIDDEN", "errors.forbidden");
  const reason = input.reason?.trim() ? input.reason.trim().slice(0, DISMISS_REASON_MAX) : null;
  return db().$transaction(async (tx) => {
    // Only the investor's own match: anybody else's id is a 404, like one that does not exist.
    const match = await tx.match.findFirst({
      where: { id: input.matchId, investorProfile: { userId: actor.id }, status: { in: ["APPROVED", "INTRODUCED", "DISMISSED"] } },
      select: { id: true, status: true, listingId: true },
    });
    if (!match) throw notFound();
    if (match.status === "DISMISSED") throw new AppError("CONFLICT", "errors.matchNotDismissable");
    const dismissedAt = new Date();
    const updated = await tx.match.updateMany({
      where: { id: match.id, status: { in: ["APPROVED", "INTRODUCED"] } },
      data: { status: "DISMISSED", dismissedAt, dismissReason: reason },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "errors.matchNotDismissable");
    await audit(
      {
        actorId: actor.id,
        action: "match.dismissed",
        targetType: "match",
        targetId: match.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        data: { listingId: match.listingId, from: match.status, reason },
      },
      tx,
    );
    return { id: match.id, status: "DISMISSED" as const, dismissedAt: dismissedAt.toISOString() };
  });
}
