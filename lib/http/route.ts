// Route handlers: actor from a Bearer API token or the session cookie, origin
// checked for cookie-authenticated writes, errors mapped to JSON with the right
// status (never a stack trace).
import { NextResponse } from "next/server";
import { actorFromRequest, requestMeta, type TActor, type TRequestMeta } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { toFailure } from "./errors";
import { isCrossOrigin, isUnsafeMethod } from "./origin";

export type TRouteContext<P> = { request: Request; actor: TActor | null; meta: TRequestMeta; params: P };

type TRouteHandler<P> = (ctx: TRouteContext<P>) => Promise<Response | unknown>;

export function jsonError(status: number, body: Record<string, unknown>): NextResponse {
  return NextResponse.json({ error: body }, { status, headers: { "Cache-Control": "no-store" } });
}

export function apiRoute<P = Record<string, never>>(handler: TRouteHandler<P>) {
  return async (request: Request, context?: { params?: Promise<P> }): Promise<Response> => {
    try {
      const usesCookie = !request.headers.get("authorization");
      if (usesCookie && isUnsafeMethod(request.method) && isCrossOrigin(request.headers)) {
        throw new AppError("CROSS_ORIGIN", "errors.crossOrigin");
      }
      // An Authorization header must carry a live API token: a revoked, unknown or
      // non-Bearer credential is refused, never silently treated as anonymous.
      const bearer = !usesCookie && /^bearer\s/i.test(request.headers.get("authorization") ?? "");
      if (!usesCookie && !bearer) throw new AppError("UNAUTHENTICATED", "errors.apiTokenInvalid");
      const actor = await actorFromRequest(request);
      if (bearer && !actor) throw new AppError("UNAUTHENTICATED", "errors.apiTokenInvalid");
      const params = ((await context?.params) ?? {}) as P;
      const result = await handler({ request, actor, meta: requestMeta(request.headers), params });
      if (result instanceof Response) return result;
      return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      const { status, ok: _ok, ...body } = toFailure(error);
      const response = jsonError(status, body);
      if (status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="kizuna"');
      return response;
    }
  };
}

/** Parses a JSON body; malformed JSON is a 400, not a 500. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("VALIDATION", "errors.malformedJson", { fieldErrors: { _form: ["errors.malformedJson"] } });
  }
}

/** A JSON body that may be absent (an empty body reads as `{}`); malformed JSON is still a 422. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION", "errors.malformedJson", { fieldErrors: { _form: ["errors.malformedJson"] } });
  }
}
