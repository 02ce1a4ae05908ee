// Who is asking. The session (a next-auth JWT) carries only the user id, the
// session version and the sign-in time; role, status and version are read from
// the database on every decision, so sign-out-everywhere, a password change, a
// suspension or a demotion takes effect on the next request.
import { createHash } from "node:crypto";
import { decode, type JWT } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { resolveClientIp } from "@/lib/http/client-ip";

export type TRole = "INVESTOR" | "STAFF" | "ADMIN";

export type TActor = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  status: "PENDING" | "ACTIVE" | "SUSPENDED";
  organizationId: string | null;
  locale: "en" | "ja";
  totpEnabled: boolean;
  emailVerified: boolean;
  /** How the request was authenticated. */
  via: "session" | "api-token";
};

export type TRequestMeta = { ip: string | null; userAgent: string | null; origin: string | null };

/** Staff and admins must sign in again after 12 hours, whatever their activity. */
export const PRIVILEGED_SESSION_MS = 12 * 60 * 60 * 1000;
/** Investors stay signed in until 30 days without activity (rolling JWT). */
export const INVESTOR_SESSION_SECONDS = 30 * 24 * 60 * 60;

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export type TSessionClaims = { uid: string; sv: number; sat: number };

export function readClaims(token: JWT | null): TSessionClaims | null {
  if (!token) return null;
  const { uid, sv, sat } = token as Partial<TSessionClaims>;
  if (typeof uid !== "string" || typeof sv !== "number" || typeof sat !== "number") return null;
  return { uid, sv, sat };
}

const ACTOR_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  status: true,
  organizationId: true,
  locale: true,
  totpEnabledAt: true,
  emailVerifiedAt: true,
  sessionVersion: true,
} as const;

type TActorRow = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  status: TActor["status"];
  organizationId: string | null;
  locale: "en" | "ja";
  totpEnabledAt: Date | null;
  emailVerifiedAt: Date | null;
};

function toActor(row: TActorRow, via: TActor["via"]): TActor {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    organizationId: row.organizationId,
    locale: row.locale,
    totpEnabled: row.totpEnabledAt !== null,
    emailVerified: row.emailVerifiedAt !== null,
    via,
  };
}

/** The actor behind session claims, or null when the session is no longer valid. */
export async function resolveSessionActor(claims: TSessionClaims | null, now = Date.now()): Promise<TActor | null> {
  if (!claims) return null;
  const user = await db().user.findUnique({ where: { id: claims.uid }, select: ACTOR_SELECT });
  if (!user || user.sessionVersion !== claims.sv) return null;
  if (user.role !== "INVESTOR" && now - claims.sat > PRIVILEGED_SESSION_MS) return null;
  return toActor(user, "session");
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function resolveApiTokenActor(bearer: string): Promise<TActor | null> {
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(bearer) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: ACTOR_SELECT } },
  });
  if (!token || token.revokedAt) return null;
  // Touch at most once a minute: a hot API client must not write on every call.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return toActor(token.user, "api-token");
}

export async function decodeSessionCookie(value: string | undefined): Promise<TSessionClaims | null> {
  if (!value) return null;
  try {
    return readClaims(await decode({ token: value, secret: env().AUTH_SECRET }));
  } catch {
    return null;
  }
}

type TCookieReader = { get(name: string): { value: string } | undefined };

export function sessionCookieValue(cookies: TCookieReader): string | undefined {
  for (const name of SESSION_COOKIES) {
    const value = cookies.get(name)?.value;
    if (value) return value;
  }
  return undefined;
}

/** Route handlers: a Bearer API token, or the session cookie. */
export async function actorFromRequest(request: Request & { cookies?: TCookieReader }): Promise<TActor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return resolveApiTokenActor(authorization.slice(7).trim());
  }
  const cookieValue = request.cookies ? sessionCookieValue(request.cookies) : cookieFromHeader(request.headers.get("cookie"));
  return resolveSessionActor(await decodeSessionCookie(cookieValue));
}

function cookieFromHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const jar = new Map(
    header.split(";").map((part) => {
      const index = part.indexOf("=");
      return [part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim())] as const;
    }),
  );
  return sessionCookieValue({ get: (name) => (jar.has(name) ? { value: jar.get(name)! } : undefined) });
}

export function requestMeta(headers: Headers): TRequestMeta {
  return {
    ip: resolveClientIp((name) => headers.get(name), env().KIZUNA_TRUSTED_PROXIES),
    userAgent: headers.get("user-agent"),
    origin: headers.get("origin"),
  };
}
