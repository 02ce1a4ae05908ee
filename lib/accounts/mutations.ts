// Account writes: registration, staff requests, email verification, password
// reset and change, profile, sign-out everywhere. Every write that matters is
// audited; emails go through the outbox in the same transaction.
import type { z } from "zod";
import { audit } from "@/lib/audit/log";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { consumeToken, issueToken } from "@/lib/auth/tokens";
import { db, Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueDelivery, sendEmail } from "@/lib/mail/outbox";
import type {
  ZChangePassword,
  ZRegisterInvestor,
  ZRequestPasswordReset,
  ZRequestStaffAccess,
  ZResetPassword,
  ZUpdateAccount,
} from "./schemas";

function link(pathWithQuery: string): string {
  return new URL(pathWithQuery, env().APP_URL).toString();
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const emailTaken = () =>
  new AppError("CONFLICT", "errors.emailTaken", { fieldErrors: { email: ["errors.field.emailTaken"] } });

/** Investors register themselves; they can sign in once the email is verified. */
export async function registerInvestor(input: z.infer<typeof ZRegisterInvestor>, meta: TRequestMeta): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    const { userId, emailId } = await db().$transaction(async (tx) => {
      const organization =
        (await tx.organization.findFirst({ where: { kind: "INVESTOR_FIRM", name: input.organizationName }, select: { id: true } })) ??
        (await tx.organization.create({
          data: { kind: "INVESTOR_FIRM", name: input.organizationName, country: input.country },
          select: { id: true },
        }));
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          role: "INVESTOR",
          status: "PENDING",
          organizationId: organization.id,
          country: input.country,
          locale: input.locale,
        },
        select: { id: true },
      });
      const token = await issueToken(user.id, "EMAIL_VERIFICATION", tx);
      const emailId = await sendEmail(
        { to: input.email, template: "emailVerification", params: { name: input.name, url: link(`/verify-email?token=${token}`) }, locale: input.locale },
        tx,
      );
      await audit({ actorId: user.id, action: "user.registered", targetType: "user", targetId: user.id, ip: meta.ip, userAgent: meta.userAgent, data: { role: "INVESTOR" } }, tx);
      return { userId: user.id, emailId };
    });
    await enqueueDelivery(emailId);
    return { userId };
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/** Agency staff ask for an account; an admin approves it. The email is verified on approval's sign-in link. */
export async function requestStaffAccess(input: z.infer<typeof ZRequestStaffAccess>, meta: TRequestMeta): Promise<{ userId: string }> {
  const agency = await db().organization.findFirst({ where: { id: input.agencyId, kind: "AGENCY" }, select: { id: true } });
  if (!agency) throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { agencyId: ["errors.field.invalidChoice"] } });
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db().$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: "STAFF", status: "PENDING", organizationId: agency.id, locale: input.locale },
        select: { id: true },
      });
      await audit({ actorId: created.id, action: "user.staff_access_requested", targetType: "user", targetId: created.id, ip: meta.ip, userAgent: meta.userAgent, data: { agencyId: agency.id, jobTitle: input.jobTitle } }, tx);
      return created;
    });
    return { userId: user.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

export async function verifyEmail(token: string, meta: TRequestMeta): Promise<{ verified: boolean }> {
  const verified = await db().$transaction(async (tx) => {
    const userId = await consumeToken(token, "EMAIL_VERIFICATION", tx);
    if (!userId) return false;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { status: true, role: true } });
    await tx.user.update({
      where: { id: userId },
      data: {
        emailVerifiedAt: new Date(),
        // Investors become active on verification; staff still wait for an admin.
        ...(user?.role === "INVESTOR" && user.status === "PENDING" ? { status: "ACTIVE" as const } : {}),
      },
    });
    await audit({ actorId: userId, action: "user.email_verified", targetType: "user", targetId: userId, ip: meta.ip, userAgent: meta.userAgent }, tx);
    return true;
  });
  return { verified };
}

/** Always answers the same way, whether or not the email exists. */
export async function requestPasswordReset(input: z.infer<typeof ZRequestPasswordReset>, meta: TRequestMeta): Promise<{ sent: true }> {
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, name: true, locale: true, status: true } });
  if (user && user.status !== "SUSPENDED") {
    const emailId = await db().$transaction(async (tx) => {
      const token = await issueToken(user.id, "PASSWORD_RESET", tx);
      const id = await sendEmail(
        { to: input.email, template: "passwordReset", params: { name: user.name, url: link(`/reset-password?token=${token}`) }, locale: user.locale },
        tx,
      );
      await audit({ actorId: null, action: "auth.password_reset_requested", targetType: "user", targetId: user.id, ip: meta.ip, userAgent: meta.userAgent }, tx);
      return id;
    });
    await enqueueDelivery(emailId);
  }
  return { sent: true };
}

export async function resetPassword(input: z.infer<typeof ZResetPassword>, meta: TRequestMeta): Promise<{ reset: true }> {
  const passwordHash = await hashPassword(input.password);
  const ok = await db().$transaction(async (tx) => {
    const userId = await consumeToken(input.token, "PASSWORD_RESET", tx);
    if (!userId) return false;
    // A reset also proves the email address (so, as in verifyEmail, a pending
    // investor becomes active: otherwise a lost verification link would leave the
    // account unusable for good), and ends every existing session.
    const user = await tx.user.findUnique({ where: { id: userId }, select: { status: true, role: true } });
    await tx.user.update({
      where: { id: userId },
      data: {
        passwordHash,
        sessionVersion: { increment: 1 },
        emailVerifiedAt: new Date(),
        ...(user?.role === "INVESTOR" && user.status === "PENDING" ? { status: "ACTIVE" as const } : {}),
      },
    });
    await audit({ actorId: userId, action: "auth.password_reset", targetType: "user", targetId: userId, ip: meta.ip, userAgent: meta.userAgent }, tx);
    return true;
  });
  if (!ok) throw new AppError("VALIDATION", "errors.tokenInvalid", { fieldErrors: { token: ["errors.field.token"] } });
  return { reset: true };
}

/** Changing the password ends every other session (the caller re-signs the current one). */
export async function changePassword(actor: TActiveActor, input: z.infer<typeof ZChangePassword>, meta: TRequestMeta): Promise<{ changed: true }> {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { currentPassword: ["errors.field.currentPasswordWrong"] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const emailId = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await audit({ actorId: actor.id, action: "auth.password_changed", targetType: "user", targetId: actor.id, ip: meta.ip, userAgent: meta.userAgent }, tx);
    return sendEmail({ to: actor.email, template: "passwordChanged", params: { name: actor.name }, locale: actor.locale }, tx);
  });
  await enqueueDelivery(emailId);
  return { changed: true };
}

export async function signOutEverywhere(actor: TActiveActor, meta: TRequestMeta): Promise<{ signedOut: true }> {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await audit({ actorId: actor.id, action: "auth.signed_out_everywhere", targetType: "user", targetId: actor.id, ip: meta.ip, userAgent: meta.userAgent }, tx);
  });
  return { signedOut: true };
}

export async function updateAccount(actor: TActiveActor, input: z.infer<typeof ZUpdateAccount>, meta: TRequestMeta): Promise<{ updated: true }> {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { name: input.name, locale: input.locale, notificationMode: input.notificationMode } });
    await audit({ actorId: actor.id, action: "user.account_updated", targetType: "user", targetId: actor.id, ip: meta.ip, userAgent: meta.userAgent, data: { locale: input.locale, notificationMode: input.notificationMode } }, tx);
  });
  return { updated: true };
}
