// Reads for account pages and admin user management. Each returns a DTO built
// from an explicit select: password hashes and TOTP secrets are never read here.
// Callers authorize first (requirePageRole); these functions do not.
import { db, type Prisma } from "@/lib/db/client";
import type { TRole } from "@/lib/auth/session";

type TLocale = "en" | "ja";

export const USERS_PAGE_SIZE = 25;

function organizationName(organization: { name: string; nameJa: string | null } | null, locale: TLocale): string | null {
  if (!organization) return null;
  return locale === "ja" && organization.nameJa ? organization.nameJa : organization.name;
}

export type TAgencyOption = { id: string; name: string };

/** Agencies a staff member may ask to join, named in the reader's language. */
export async function listAgencies(locale: TLocale): Promise<TAgencyOption[]> {
  const rows = await db().organization.findMany({
    where: { kind: "AGENCY" },
    select: { id: true, name: true, nameJa: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const options = rows.map((row) => ({ id: row.id, name: organizationName(row, locale) ?? row.name }));
  return options.sort((a, b) => a.name.localeCompare(b.name, locale));
}

export type TAccount = {
  name: string;
  email: string;
  role: TRole;
  locale: TLocale;
  notificationMode: "IMMEDIATE" | "DAILY_DIGEST";
  totpEnabled: boolean;
  totpEnabledAt: Date | null;
  organizationName: string | null;
};

export async function getAccount(actorId: string, locale: TLocale = "en"): Promise<TAccount | null> {
  const user = await db().user.findUnique({
    where: { id: actorId },
    select: {
      name: true,
      email: true,
      role: true,
      locale: true,
      notificationMode: true,
      totpEnabledAt: true,
      organization: { select: { name: true, nameJa: true } },
    },
  });
  if (!user) return null;
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    locale: user.locale,
    notificationMode: user.notificationMode,
    totpEnabled: user.totpEnabledAt !== null,
    totpEnabledAt: user.totpEnabledAt,
    organizationName: organizationName(user.organization, locale),
  };
}

export type TPendingStaff = {
  id: string;
  name: string;
  email: string;
  agencyName: string | null;
  /** Given with the request; kept only in the audit trail. */
  jobTitle: string | null;
  requestedAt: Date;
};

export async function listPendingStaff(locale: TLocale = "en"): Promise<TPendingStaff[]> {
  const rows = await db().user.findMany({
    where: { role: "STAFF", status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true, email: true, createdAt: true, organization: { select: { name: true, nameJa: true } } },
  });
  const requests = rows.length
    ? await db().auditLog.findMany({
        where: { action: "user.staff_access_requested", targetType: "user", targetId: { in: rows.map((row) => row.id) } },
        select: { targetId: true, data: true },
      })
    : [];
  const jobTitles = new Map(requests.map((entry) => [entry.targetId, readJobTitle(entry.data)]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    agencyName: organizationName(row.organization, locale),
    jobTitle: jobTitles.get(row.id) ?? null,
    requestedAt: row.createdAt,
  }));
}

function readJobTitle(data: Prisma.JsonValue): string | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const value = (data as Record<string, unknown>).jobTitle;
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

export async function countPendingStaff(): Promise<number> {
  return db().user.count({ where: { role: "STAFF", status: "PENDING" } });
}

export type TUserRow = {
  id: string;
  name: string;
  email: string;
  role: TRole;
  status: "PENDING" | "ACTIVE" | "SUSPENDED";
  organizationName: string | null;
  createdAt: Date;
  lastSignInAt: Date | null;
};

export type TUserPage = { users: TUserRow[]; total: number; pageSize: number; nextAfter: string | null };

export type TUserListOptions = {
  q?: string;
  role?: TRole;
  status?: "PENDING" | "ACTIVE" | "SUSPENDED";
  /** Keyset cursor from a previous page's nextAfter. */
  after?: string;
  locale?: TLocale;
  pageSize?: number;
};

/** The cursor is the last row's creation time and id; anything unreadable starts from the top. */
function readCursor(after: string | undefined): { createdAt: Date; id: string } | null {
  const match = after ? /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/.exec(after) : null;
  if (!match) return null;
  const createdAt = new Date(match[1]!);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! };
}

/** All users, newest first, filtered by a fragment of the name or email, role and status; keyset pages. */
export async function listUsers(options: TUserListOptions): Promise<TUserPage> {
  const q = options.q?.trim().slice(0, 100) ?? "";
  const pageSize = options.pageSize ?? USERS_PAGE_SIZE;
  const where: Prisma.UserWhereInput = {
    ...(q ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] } : {}),
    ...(options.role ? { role: options.role } : {}),
    ...(options.status ? { status: options.status } : {}),
  };
  const cursor = readCursor(options.after);
  const pageWhere: Prisma.UserWhereInput = cursor
    ? { AND: [where, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] }
    : where;
  const [total, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where: pageWhere,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: pageSize + 1,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        status: true,
        createdAt: true,
        lastSignInAt: true,
        organization: { select: { name: true, nameJa: true } },
      },
    }),
  ]);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const locale = options.locale ?? "en";
  return {
    users: page.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      status: row.status,
      organizationName: organizationName(row.organization, locale),
      createdAt: row.createdAt,
      lastSignInAt: row.lastSignInAt,
    })),
    total,
    pageSize,
    nextAfter: rows.length > pageSize && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}
