// next-auth configuration: Credentials (email + password [+ TOTP]), JWT sessions
// carrying only { uid, sv, sat }. Investors' sessions roll for 30 days of
// inactivity; staff and admin sessions end 12 hours after sign-in (enforced in
// resolveSessionActor, since next-auth has one maxAge for everyone).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError } from "@/lib/errors";
import { env, isProduction } from "@/lib/env";
import { resolveClientIp } from "@/lib/http/client-ip";
import { authenticate } from "./sign-in";
import { INVESTOR_SESSION_SECONDS, type TSessionClaims } from "./session";

type THeaderBag = Record<string, string | string[] | undefined>;

function header(headers: THeaderBag | undefined, name: string): string | null {
  const value = headers?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** next-auth hands the thrown message to the client: make it a structured code. */
function signInErrorMessage(error: unknown): string {
  if (error instanceof AppError) {
    return JSON.stringify({ code: error.code, message: error.message, params: error.details.params ?? {} });
  }
  console.error("[kizuna] sign-in failed unexpectedly", error);
  return JSON.stringify({ code: "INTERNAL", message: "errors.internal", params: {} });
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    useSecureCookies: isProduction(),
    session: { strategy: "jwt", maxAge: INVESTOR_SESSION_SECONDS, updateAge: 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Kizuna",
        credentials: { email: { type: "email" }, password: { type: "password" }, totp: { type: "text" } },
        async authorize(credentials, req) {
          const headers = req?.headers as THeaderBag | undefined;
          try {
            const user = await authenticate({
              email: String(credentials?.email ?? ""),
              password: String(credentials?.password ?? ""),
              totp: credentials?.totp ? String(credentials.totp) : undefined,
              ip: resolveClientIp((name) => header(headers, name), env().KIZUNA_TRUSTED_PROXIES),
              userAgent: header(headers, "user-agent"),
            });
            return { id: user.id, sessionVersion: user.sessionVersion };
          } catch (error) {
            throw new Error(signInErrorMessage(error));
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const claims: TSessionClaims = {
            uid: user.id,
            sv: (user as { sessionVersion?: number }).sessionVersion ?? 0,
            sat: Date.now(),
          };
          return { ...claims };
        }
        return token;
      },
      async session({ session, token }) {
        // Only the id reaches the browser; everything else is read server-side.
        return { expires: session.expires, user: { id: String(token.uid ?? "") } } as typeof session;
      },
    },
  };
}
