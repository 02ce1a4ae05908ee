// TOTP second factor (RFC 6238 via otplib) with single-use recovery codes. The
// secret is stored encrypted (AES-256-GCM, key derived from AUTH_SECRET); the
// recovery codes are stored as SHA-256 hashes.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

const RECOVERY_CODE_COUNT = 10;

function key(): Buffer {
  return createHash("sha256").update(`kizuna-totp:${env().AUTH_SECRET}`).digest();
}

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

export function decryptSecret(payload: string): string {
  const [iv, tag, body] = payload.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body) throw new Error("malformed TOTP secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpEnrolment(secret: string, email: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = generateURI({ issuer: "Kizuna", label: email, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, width: 200 });
  return { uri, qrSvg };
}

/** One 30-second step of tolerance either side, for phone clocks that drift. */
export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epochTolerance: 30 });
  return result.valid;
}

function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(5).toString("hex");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

export function recoveryCodeRows(userId: string, codes: string[]) {
  return codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) }));
}

/** A current TOTP code, or an unused recovery code (then spent). */
export async function verifySecondFactor(userId: string, code: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { totpSecretEnc: true } });
  if (!user?.totpSecretEnc) return false;
  if (await verifyTotp(decryptSecret(user.totpSecretEnc), code)) return true;
  const spent = await db().recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return spent.count === 1;
}
