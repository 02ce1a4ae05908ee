// Single-use, expiring tokens for email verification and password reset. The
// raw token only travels in the email; the database keeps its SHA-256.
import { createHash, randomBytes } from "node:crypto";
import { db, type Prisma } from "@/lib/db/client";

export type TTokenPurpose = "EMAIL_VERIFICATION" | "PASSWORD_RESET";

const LIFETIME_MS: Record<TTokenPurpose, number> = {
  EMAIL_VERIFICATION: 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueToken(
  userId: string,
  purpose: TTokenPurpose,
  tx: Prisma.TransactionClient = db(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // A new token replaces any unused one of the same purpose.
  await tx.authToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } });
  await tx.authToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]) },
  });
  return token;
}

/**
 * Marks the token used and returns its user id, or null when it is unknown,
 * expired or already used. The conditional update makes it single-use even
 * under concurrent clicks.
 */
export async function consumeToken(
  token: string,
  purpose: TTokenPurpose,
  tx: Prisma.TransactionClient = db(),
): Promise<string | null> {
  const tokenHash = hashToken(token);
  const found = await tx.authToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, purpose: true } });
  if (!found || found.purpose !== purpose) return null;
  const claimed = await tx.authToken.updateMany({
    where: { id: found.id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return claimed.count === 1 ? found.userId : null;
}
