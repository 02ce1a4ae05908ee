// Request-scoped helpers for server components and server actions.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { invokeAction, type TActionSpec } from "@/lib/http/action";
import { isCrossOrigin } from "@/lib/http/origin";
import type { TActionResult } from "@/lib/http/result";
import { formDataToObject } from "@/lib/http/validation";
import type { z } from "zod";
import { requireRole, requireUser, type TActiveActor } from "./guards";
import { decodeSessionCookie, requestMeta, resolveSessionActor, sessionCookieValue, type TActor, type TRole } from "./session";

/** The signed-in user for this request (read from the database once per request). */
export const currentActor = cache(async (): Promise<TActor | null> => {
  return resolveSessionActor(await decodeSessionCookie(sessionCookieValue(await cookies())));
});

export async function currentMeta() {
  return requestMeta(await headers());
}

/** Page loaders: unauthenticated → sign-in; wrong role → 403 page; admin without 2FA → enrolment. */
export async function requirePageRole(...roles: TRole[]): Promise<TActiveActor> {
  const actor = await currentActor();
  try {
    return roles.length ? requireRole(actor, ...roles) : requireUser(actor);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "UNAUTHENTICATED") redirect("/sign-in");
    if (error.code === "TOTP_ENROLMENT_REQUIRED") redirect("/account/security?enrol=required");
    redirect("/forbidden");
  }
}

/** Runs an action spec for a real request: actor from the session cookie, origin checked. */
export async function runServerAction<S extends z.ZodType, O>(
  spec: TActionSpec<S, O>,
  input: FormData | Record<string, unknown>,
): Promise<TActionResult<O>> {
  const headerList = await headers();
  if (isCrossOrigin(headerList)) {
    return { ok: false, code: "CROSS_ORIGIN", message: "errors.crossOrigin" };
  }
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  return invokeAction(spec, { actor: await currentActor(), meta: requestMeta(headerList) }, raw);
}
