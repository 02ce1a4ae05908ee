// Personal API tokens for staff integrations. The raw token is shown once, at
// creation; only its SHA-256 (and a short prefix to tell tokens apart) is kept,
// so a database leak does not leak working credentials.
import { randomBytes } from "node:crypto";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { TActiveActor } from "./guards";
import { hashApiToken, type TRequestMeta } from "./session";

export const API_TOKEN_SCHEME = "kz_";
/** Enough to tell tokens apart on the account page, far too little to guess the rest. */
const PREFIX_LENGTH = API_TOKEN_SCHEME.length + 6;
/** A cap on live tokens per person: a leaked session cannot mint thousands. */
export const MAX_ACTIVE_API_TOKENS = 10;

export type TApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type TCreatedApiToken = TApiTokenDto & { token: string };

const TOKEN_SELECT = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** `kz_` + 32 random bytes in base64url: 256 bits, safe in headers and URLs. */
export function generateApiToken(): string {
  return `${API_TOKEN_SCHEME}${randomBytes(32).toString("base64url")}`;
}

/** Staff and admins only; the caller's guard has run, this is a second lock. */
function assertMayHoldTokens(actor: TActiveActor): void {
  if (actor.role !== "STAFF" && actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "errors.forbidden");
}

/** Returns the raw token: the only time it exists outside the caller's hands. */
export async function createApiToken(actor: TActiveActor, name: string, meta: TRequestMeta): Promise<TCreatedApiToken> {
  assertMayHoldTokens(actor);
  const token = generateApiToken();
  return db().$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (active >= MAX_ACTIVE_API_TOKENS) {
      throw new AppError("CONFLICT", "errors.apiTokenLimit", { params: { max: MAX_ACTIVE_API_TOKENS } });
    }
    const created = await tx.apiToken.create({
      data: { userId: actor.id, name, prefix: token.slice(0, PREFIX_LENGTH), tokenHash: hashApiToken(token) },
      select: TOKEN_SELECT,
    });
    await audit(
      { actorId: actor.id, action: "api_token.created", targetType: "api_token", targetId: created.id, ip: meta.ip, userAgent: meta.userAgent, data: { name, via: actor.via } },
      tx,
    );
    return { ...created, token };
  });
}

/** The actor's own tokens, live first, newest first. */
export async function listApiTokens(actor: TActiveActor): Promise<TApiTokenDto[]> {
  assertMayHoldTokens(actor);
  return db().apiToken.findMany({
    where: { userId: actor.id },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 100,
    select: TOKEN_SELECT,
  });
}

/** Own tokens only: someone else's token id is "not found", as is a revoked one. */
export async function revokeApiToken(actor: TActiveActor, id: string, meta: TRequestMeta): Promise<{ id: string }> {
  assertMayHoldTokens(actor);
  return db().$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({ where: { id, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count !== 1) throw notFound();
    await audit({ actorId: actor.id, action: "api_token.revoked", targetType: "api_token", targetId: id, ip: meta.ip, userAgent: meta.userAgent, data: { via: actor.via } }, tx);
    return { id };
  });
}
