// Credential checks behind next-auth's Credentials provider: throttling per
// account and per IP (Postgres-backed), Argon2id verification, status checks,
// second factor, and an audit entry for every outcome. Failures never reveal
// whether an email exists.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { checkLimit, clearFailures, recordFailure, type TLimitState } from "./rate-limit";
import { verifySecondFactor } from "./totp";

export type TSignInInput = { email: string; password: string; totp?: string; ip: string | null; userAgent: string | null };
export type TSignedIn = { id: string; sessionVersion: number; role: "INVESTOR" | "STAFF" | "ADMIN" };

// Unknown emails are checked against a real Argon2id hash so they cost the same time as known ones.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString("base64url"));
  return dummyHash;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const NOT_LIMITED: TLimitState = { limited: false, retryAfterMs: 0 };

function lockedError(retryAfterMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new AppError("RATE_LIMITED", "errors.signInLocked", { params: { minutes } });
}

export async function authenticate(input: TSignInInput): Promise<TSignedIn> {
  const email = normaliseEmail(input.email);
  const meta = { ip: input.ip, userAgent: input.userAgent };
  // An unknown address is no bucket: pooling every such attempt would let one client lock everyone out.
  const recordFailures = () => Promise.all([recordFailure("sign-in:account", email), ...(input.ip ? [recordFailure("sign-in:ip", input.ip)] : [])]);

  const [byAccount, byIp] = await Promise.all([checkLimit("sign-in:account", email), input.ip ? checkLimit("sign-in:ip", input.ip) : NOT_LIMITED]);
  if (byAccount.limited || byIp.limited) {
    await audit({ action: "auth.sign_in.refused_locked", targetType: "email", targetId: email, ...meta });
    throw lockedError(Math.max(byAccount.retryAfterMs, byIp.retryAfterMs));
  }

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, status: true, role: true, sessionVersion: true, emailVerifiedAt: true, totpEnabledAt: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);

  if (!user || !passwordOk) {
    await recordFailures();
    await audit({ actorId: null, action: "auth.sign_in.failed", targetType: "user", targetId: user?.id ?? email, ...meta });
    const after = await checkLimit("sign-in:account", email);
    if (after.limited) {
      await audit({ action: "auth.lockout", targetType: "user", targetId: user?.id ?? email, ...meta });
    }
    throw new AppError("UNAUTHENTICATED", "errors.invalidCredentials");
  }

  if (user.status === "SUSPENDED") {
    await audit({ actorId: user.id, action: "auth.sign_in.refused_suspended", targetType: "user", targetId: user.id, ...meta });
    throw new AppError("FORBIDDEN", "errors.suspended");
  }
  if (user.status === "PENDING") {
    throw new AppError("FORBIDDEN", user.role === "STAFF" ? "errors.pending" : "errors.emailNotVerified");
  }

  if (user.totpEnabledAt) {
    if (!input.totp) throw new AppError("TOTP_REQUIRED", "errors.totpRequired");
    const ok = await verifySecondFactor(user.id, input.totp);
    if (!ok) {
      await recordFailures();
      await audit({ actorId: user.id, action: "auth.totp.failed", targetType: "user", targetId: user.id, ...meta });
      throw new AppError("UNAUTHENTICATED", "errors.totpInvalid");
    }
  }

  await clearFailures("sign-in:account", email);
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await audit({ actorId: user.id, action: "auth.sign_in", targetType: "user", targetId: user.id, ...meta });
  return { id: user.id, sessionVersion: user.sessionVersion, role: user.role };
}
