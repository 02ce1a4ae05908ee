// Admin management of people: approve or reject staff, change roles, suspend
// and reactivate — never leaving the platform without an active admin. Role
// and status changes bump the session version, so they bite on the next request.
import type { z } from "zod";
import { audit } from "@/lib/audit/log";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db, type Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { enqueueDelivery, sendEmail } from "@/lib/mail/outbox";
import type { ZChangeRole, ZRejectStaff, ZUserRef } from "./schemas";

type TTx = Prisma.TransactionClient;

/** Locks the active admins' rows so two concurrent demotions cannot both pass the check. */
async function assertAnotherAdminRemains(tx: TTx, userId: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE role = 'ADMIN' AND status = 'ACTIVE' FOR UPDATE`;
  if (admins.length <= 1 && admins.some((admin) => admin.id === userId)) {
    throw new AppError("CONFLICT", "errors.lastAdmin");
  }
}

async function loadTarget(tx: TTx, userId: string) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, status: true, locale: true },
  });
  if (!user) throw notFound();
  return user;
}

function auditMeta(actor: TActiveActor, meta: TRequestMeta) {
  return { actorId: actor.id, ip: meta.ip, userAgent: meta.userAgent };
}

export async function approveStaff(actor: TActiveActor, input: z.infer<typeof ZUserRef>, meta: TRequestMeta) {
  const emailId = await db().$transaction(async (tx) => {
    const user = await loadTarget(tx, input.userId);
    if (user.role !== "STAFF" || user.status !== "PENDING") throw new AppError("CONFLICT", "errors.notPendingStaff");
    await tx.user.update({ where: { id: user.id }, data: { status: "ACTIVE", emailVerifiedAt: new Date() } });
    await audit({ ...auditMeta(actor, meta), action: "user.staff_approved", targetType: "user", targetId: user.id }, tx);
    return sendEmail(
      { to: user.email, template: "staffApproved", params: { name: user.name, signInUrl: new URL("/sign-in", env().APP_URL).toString() }, locale: user.locale },
      tx,
    );
  });
  await enqueueDelivery(emailId);
  return { approved: true as const };
}

export async function rejectStaff(actor: TActiveActor, input: z.infer<typeof ZRejectStaff>, meta: TRequestMeta) {
  const emailId = await db().$transaction(async (tx) => {
    const user = await loadTarget(tx, input.userId);
    if (user.role !== "STAFF" || user.status !== "PENDING") throw new AppError("CONFLICT", "errors.notPendingStaff");
    // Kept (suspended) rather than deleted, so the request and its decision stay on record.
    await tx.user.update({ where: { id: user.id }, data: { status: "SUSPENDED", sessionVersion: { increment: 1 } } });
    await audit({ ...auditMeta(actor, meta), action: "user.staff_rejected", targetType: "user", targetId: user.id, data: { reason: input.reason } }, tx);
    return sendEmail({ to: user.email, template: "staffRejected", params: { name: user.name, reason: input.reason || undefined }, locale: user.locale }, tx);
  });
  await enqueueDelivery(emailId);
  return { rejected: true as const };
}

export async function changeRole(actor: TActiveActor, input: z.infer<typeof ZChangeRole>, meta: TRequestMeta) {
  return db().$transaction(async (tx) => {
    const user = await loadTarget(tx, input.userId);
    if (user.role === input.role) return { role: user.role };
    if (user.role === "ADMIN") await assertAnotherAdminRemains(tx, user.id);
    await tx.user.update({ where: { id: user.id }, data: { role: input.role, sessionVersion: { increment: 1 } } });
    await audit({ ...auditMeta(actor, meta), action: "user.role_changed", targetType: "user", targetId: user.id, data: { from: user.role, to: input.role } }, tx);
    return { role: input.role };
  });
}

export async function suspendUser(actor: TActiveActor, input: z.infer<typeof ZUserRef>, meta: TRequestMeta) {
  return db().$transaction(async (tx) => {
    const user = await loadTarget(tx, input.userId);
    if (user.status === "SUSPENDED") return { status: user.status };
    if (user.role === "ADMIN") await assertAnotherAdminRemains(tx, user.id);
    await tx.user.update({ where: { id: user.id }, data: { status: "SUSPENDED", sessionVersion: { increment: 1 } } });
    await audit({ ...auditMeta(actor, meta), action: "user.suspended", targetType: "user", targetId: user.id }, tx);
    return { status: "SUSPENDED" as const };
  });
}

export async function reactivateUser(actor: TActiveActor, input: z.infer<typeof ZUserRef>, meta: TRequestMeta) {
  return db().$transaction(async (tx) => {
    const user = await loadTarget(tx, input.userId);
    if (user.status !== "SUSPENDED") throw new AppError("CONFLICT", "errors.notSuspended");
    await tx.user.update({ where: { id: user.id }, data: { status: "ACTIVE" } });
    await audit({ ...auditMeta(actor, meta), action: "user.reactivated", targetType: "user", targetId: user.id }, tx);
    return { status: "ACTIVE" as const };
  });
}
