// Test data with unique values, so tests never collide on one shared database.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import { decodeSessionCookie, resolveSessionActor, type TActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export const TEST_PASSWORD = "Kizuna-test-passphrase-42";
let passwordHash: Promise<string> | undefined;

export function uniqueEmail(label: string): string {
  return `${label}.${randomUUID().slice(0, 8)}@test.kizuna.example`;
}

export async function createAgency(label = "Agency") {
  return db().organization.create({
    data: { kind: "AGENCY", code: `T-${randomUUID().slice(0, 8)}`, name: `${label} ${randomUUID().slice(0, 6)}` },
    select: { id: true, name: true },
  });
}

type TUserOptions = {
  role: "INVESTOR" | "STAFF" | "ADMIN";
  status?: "PENDING" | "ACTIVE" | "SUSPENDED";
  organizationId?: string | null;
  totp?: boolean;
  verified?: boolean;
  label?: string;
};

export async function createUser(options: TUserOptions) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db().user.create({
    data: {
      email: uniqueEmail(options.label ?? options.role.toLowerCase()),
      name: `${options.label ?? options.role} Test`,
      passwordHash: await passwordHash,
      role: options.role,
      status: options.status ?? "ACTIVE",
      organizationId: options.organizationId ?? null,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      totpEnabledAt: options.totp ? new Date() : null,
    },
    select: { id: true, email: true, name: true, role: true, organizationId: true },
  });
}

export async function createInvestorWithProfile(label: string) {
  const user = await createUser({ role: "INVESTOR", label });
  const profile = await db().investorProfile.create({ data: { userId: user.id, thesis: `${label} thesis` }, select: { id: true } });
  return { ...user, profileId: profile.id };
}

export async function createPublishedListing(agencyId: string, label = "Listing") {
  return db().listing.create({
    data: {
      slug: `test-${randomUUID()}`,
      kind: "SEZ",
      status: "PUBLISHED",
      publishedAt: new Date(),
      agencyId,
      title: `${label} ${randomUUID().slice(0, 6)}`,
      summary: "A test listing used by the integration tests.",
      province: "PUNJAB",
      stage: "READY",
    },
    select: { id: true, title: true, summary: true },
  });
}

/** A real next-auth session cookie value for a user, as the sign-in would mint it. */
export async function sessionTokenFor(userId: string, signedInAt = Date.now()): Promise<string> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return encode({ token: { uid: userId, sv: user.sessionVersion, sat: signedInAt }, secret: env().AUTH_SECRET });
}

/** The actor the server would resolve from that cookie (same code path as requests). */
export async function actorFor(userId: string | null): Promise<TActor | null> {
  if (!userId) return null;
  return resolveSessionActor(await decodeSessionCookie(await sessionTokenFor(userId)));
}

export const TEST_META = { ip: "203.0.113.7", userAgent: "vitest", origin: null };
