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

// ───────────────────────────── listings (editor and workflow) ─────────────────────────────

export async function createSector(label = "Sector", parentId: string | null = null) {
  const suffix = randomUUID().slice(0, 8);
  return db().sector.create({
    data: { slug: `test-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}`, nameEn: `${label} ${suffix}`, nameJa: `${label}（テスト）${suffix}`, parentId },
    select: { id: true, nameEn: true },
  });
}

export async function createIncentiveTemplate(label = "Incentive") {
  const suffix = randomUUID().slice(0, 8);
  return db().incentiveTemplate.create({
    data: { code: `test-${suffix}`, nameEn: `${label} ${suffix}`, nameJa: `${label}（テスト）`, legalBasis: "Special Economic Zones Act 2012" },
    select: { id: true, nameEn: true, nameJa: true, legalBasis: true },
  });
}

/**
 * A listing of an agency in a given workflow state, complete enough to pass
 * ZListingInput (so it can be submitted, published or closed).
 */
export async function createListingInState(
  agencyId: string,
  status: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CLOSED",
  options: { sectorId: string; label?: string; createdById?: string },
) {
  const now = new Date();
  return db().listing.create({
    data: {
      slug: `test-${randomUUID()}`,
      kind: "SEZ",
      status,
      agencyId,
      title: `${options.label ?? "Workflow zone"} ${randomUUID().slice(0, 6)}`,
      summary: "A complete test listing that passes the listing schema.",
      sectorIds: [options.sectorId],
      province: "PUNJAB",
      instruments: ["PLOT_LEASE"],
      stage: "READY",
      createdById: options.createdById ?? null,
      submittedAt: status === "DRAFT" ? null : now,
      publishedAt: status === "PUBLISHED" || status === "CLOSED" ? now : null,
    },
    select: { id: true, title: true, status: true },
  });
}

// ───────────────────────────── listings (search) ─────────────────────────────

type TSearchListingOptions = {
  agencyId: string;
  title: string;
  titleJa?: string;
  summary?: string;
  description?: string;
  status?: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CLOSED";
  kind?: "SEZ" | "INDUSTRIAL_ESTATE" | "PLOT" | "NATIONAL_PROJECT" | "PROVINCIAL_PROJECT";
  stage?: "CONCEPT" | "FEASIBILITY" | "READY" | "UNDER_CONSTRUCTION" | "OPERATING";
  province?: "PUNJAB" | "SINDH" | "KHYBER_PAKHTUNKHWA" | "BALOCHISTAN" | "ISLAMABAD" | "GILGIT_BALTISTAN" | "AZAD_JAMMU_KASHMIR" | null;
  district?: string | null;
  sectorIds?: string[];
  instruments?: ("EQUITY" | "DEBT" | "JOINT_VENTURE" | "PPP" | "PLOT_PURCHASE" | "PLOT_LEASE")[];
  amountUsdCents?: bigint | null;
  publishedAt?: Date;
};

/** A listing with exactly the searchable fields a search test controls. */
export async function createSearchListing(options: TSearchListingOptions) {
  const status = options.status ?? "PUBLISHED";
  const publishedAt = status === "PUBLISHED" || status === "CLOSED" ? (options.publishedAt ?? new Date()) : null;
  return db().listing.create({
    data: {
      slug: `test-${randomUUID()}`,
      kind: options.kind ?? "SEZ",
      status,
      agencyId: options.agencyId,
      title: options.title,
      titleJa: options.titleJa ?? null,
      summary: options.summary ?? "A listing created by the search tests.",
      description: options.description ?? null,
      sectorIds: options.sectorIds ?? [],
      province: options.province === undefined ? "PUNJAB" : options.province,
      district: options.district ?? null,
      amountMinor: options.amountUsdCents ?? null,
      currency: "USD",
      amountUsdCents: options.amountUsdCents ?? null,
      instruments: options.instruments ?? ["EQUITY"],
      stage: options.stage ?? "READY",
      publishedAt,
    },
    select: { id: true, title: true },
  });
}
