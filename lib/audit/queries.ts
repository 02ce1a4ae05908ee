// Reads of the audit log for admins: filtered, newest first, keyset pages (by
// id, which only grows). Read-only by design: nothing in the app edits or
// deletes an entry. Callers check the admin role first.
import { db, type Prisma } from "@/lib/db/client";
import type { TAuditFilters } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

export type TAuditEntryDto = {
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  data: Prisma.JsonValue;
};

export function auditWhere(filters: Partial<TAuditFilters>): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.actor) and.push({ actor: { email: { contains: filters.actor, mode: "insensitive" } } });
  if (filters.targetType) and.push({ targetType: filters.targetType });
  if (filters.targetId) and.push({ targetId: filters.targetId });
  if (filters.action) and.push({ action: { startsWith: filters.action } });
  if (filters.from) and.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) and.push({ createdAt: { lt: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000) } });
  return and.length ? { AND: and } : {};
}

const ENTRY_SELECT = {
  id: true,
  createdAt: true,
  actorId: true,
  action: true,
  targetType: true,
  targetId: true,
  ip: true,
  userAgent: true,
  data: true,
  actor: { select: { email: true, name: true } },
} as const satisfies Prisma.AuditLogSelect;

type TEntryRow = Prisma.AuditLogGetPayload<{ select: typeof ENTRY_SELECT }>;

function toDto(row: TEntryRow): TAuditEntryDto {
  return {
    id: row.id.toString(),
    createdAt: row.createdAt,
    actorId: row.actorId,
    actorEmail: row.actor?.email ?? null,
    actorName: row.actor?.name ?? null,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    userAgent: row.userAgent,
    data: row.data,
  };
}

/** One page of entries older than `before` (newest first); `nextBefore` is the cursor of the next page. */
export async function listAuditEntries(
  filters: Partial<TAuditFilters>,
  options: { pageSize?: number } = {},
): Promise<{ entries: TAuditEntryDto[]; nextBefore: string | null }> {
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const where = auditWhere(filters);
  const rows = await db().auditLog.findMany({
    where: filters.before ? { AND: [where, { id: { lt: BigInt(filters.before) } }] } : where,
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: ENTRY_SELECT,
  });
  const page = rows.slice(0, pageSize);
  return { entries: page.map(toDto), nextBefore: rows.length > pageSize ? page[page.length - 1]!.id.toString() : null };
}

/** Every entry matching the filters, newest first, in keyset pages, up to `max`. */
export async function* iterateAuditEntries(filters: Partial<TAuditFilters>, options: { max: number; pageSize?: number }): AsyncGenerator<TAuditEntryDto> {
  let before = filters.before;
  let yielded = 0;
  while (yielded < options.max) {
    const page = await listAuditEntries({ ...filters, before }, { pageSize: Math.min(options.pageSize ?? 500, options.max - yielded) });
    for (const entry of page.entries) {
      yield entry;
      yielded += 1;
    }
    if (!page.nextBefore) return;
    before = page.nextBefore;
  }
}

/** Entries about a target or by an actor (the people page), newest first. */
export async function listAuditEntriesForUser(userId: string, limit = 20): Promise<TAuditEntryDto[]> {
  const rows = await db().auditLog.findMany({
    where: { OR: [{ actorId: userId }, { targetType: "user", targetId: userId }] },
    orderBy: { id: "desc" },
    take: limit,
    select: ENTRY_SELECT,
  });
  return rows.map(toDto);
}

/** The actions and target types recorded so far, for the filter's suggestions. */
export async function listAuditVocabulary(): Promise<{ actions: string[]; targetTypes: string[] }> {
  const [actions, targetTypes] = await Promise.all([
    db().auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" }, take: 200 }),
    db().auditLog.findMany({ distinct: ["targetType"], where: { targetType: { not: null } }, select: { targetType: true }, orderBy: { targetType: "asc" }, take: 50 }),
  ]);
  return { actions: actions.map((row) => row.action), targetTypes: targetTypes.map((row) => row.targetType!).filter(Boolean) };
}
