// TOTP enrolment: start stores an encrypted pending secret; confirm checks a code
// from the authenticator, switches 2FA on and returns recovery codes once.
import { audit } from "@/lib/audit/log";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { decryptSecret, encryptSecret, newRecoveryCodes, newTotpSecret, recoveryCodeRows, totpEnrolment, verifyTotp } from "@/lib/auth/totp";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function startTotpEnrolment(actor: TActiveActor) {
  if (actor.totpEnabled) throw new AppError("CONFLICT", "errors.totpAlreadyEnabled");
  const secret = newTotpSecret();
  await db().user.update({ where: { id: actor.id }, data: { totpSecretEnc: encryptSecret(secret) } });
  const { uri, qrSvg } = await totpEnrolment(secret, actor.email);
  return { secret, uri, qrSvg };
}

export async function confirmTotpEnrolment(actor: TActiveActor, code: string, meta: TRequestMeta) {
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpSecretEnc: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "errors.totpAlreadyEnabled");
  if (!user.totpSecretEnc) throw new AppError("CONFLICT", "errors.totpNotStarted");
  if (!(await verifyTotp(decryptSecret(user.totpSecretEnc), code))) {
    await audit({ actorId: actor.id, action: "auth.totp.failed", targetType: "user", targetId: actor.id, ip: meta.ip, userAgent: meta.userAgent, data: { during: "enrolment" } });
    throw new AppError("VALIDATION", "errors.totpInvalid", { fieldErrors: { code: ["errors.totpInvalid"] } });
  }
  const codes = newRecoveryCodes();
  await db().$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({ data: recoveryCodeRows(actor.id, codes) });
    await tx.user.update({ where: { id: actor.id }, data: { totpEnabledAt: new Date() } });
    await audit({ actorId: actor.id, action: "auth.totp.enabled", targetType: "user", targetId: actor.id, ip: meta.ip, userAgent: meta.userAgent }, tx);
  });
  return { recoveryCodes: codes };
}
