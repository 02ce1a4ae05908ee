// Append-only audit trail of every write that matters: who, what, on what, from where.
import { db, type Prisma } from "@/lib/db/client";

export type TAuditEntry = {
  actorId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  userAgent?: string | null;
  data?: Prisma.InputJsonValue;
};

type TTx = Pick<ReturnType<typeof db>, "auditLog">;

export async function audit(entry: TAuditEntry, tx: TTx = db()): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent?.slice(0, 400) ?? null,
      data: entry.data ?? {},
    },
  });
}
