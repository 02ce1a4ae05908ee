// The first admin: from `npm run user:create-admin` or ADMIN_EMAIL/ADMIN_PASSWORD
// on first start. Created ACTIVE with a verified email; the second factor is
// enrolled at first sign-in (admin pages refuse to open before).
import { audit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/validation";
import { z } from "zod";
import { ZEmail, ZNewPassword } from "./schemas";

const ZCreateAdmin = z.object({ email: ZEmail, password: ZNewPassword, name: z.string().trim().min(1).max(120).default("Administrator") });

export async function createAdmin(raw: { email: string; password: string; name?: string }): Promise<{ id: string; created: boolean }> {
  const input = parseInput(ZCreateAdmin, raw);
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true, role: true } });
  if (existing) {
    if (existing.role !== "ADMIN") throw new AppError("CONFLICT", `a non-admin user already has the email ${input.email}`);
    return { id: existing.id, created: false };
  }
  const user = await db().user.create({
    data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password), role: "ADMIN", status: "ACTIVE", emailVerifiedAt: new Date() },
    select: { id: true },
  });
  await audit({ actorId: null, action: "user.admin_created", targetType: "user", targetId: user.id, data: { via: "bootstrap" } });
  return { id: user.id, created: true };
}
