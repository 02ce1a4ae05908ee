// Calling route handlers as an HTTP client would: a Request with a Bearer API
// token or a session cookie, and the handler module imported from app/.
import path from "node:path";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { TActiveActor } from "@/lib/auth/guards";
import { TEST_META, actorFor, createUser, sessionTokenFor } from "./factories";

export type TApiCall = {
  method?: string;
  token?: string;
  cookie?: string;
  body?: unknown;
  /** Sent as is (e.g. malformed JSON). */
  rawBody?: string;
  origin?: string;
  headers?: Record<string, string>;
};

export function apiRequest(url: string, call: TApiCall = {}): Request {
  const headers = new Headers({ "content-type": "application/json", ...call.headers });
  if (call.token) headers.set("authorization", `Bearer ${call.token}`);
  if (call.cookie) headers.set("cookie", `next-auth.session-token=${call.cookie}`);
  if (call.origin) headers.set("origin", call.origin);
  const body = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  return new Request(`http://localhost:3000${url}`, { method: call.method ?? "GET", headers, body });
}

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The route module for an app/ path such as "api/v1/listings/[id]". */
export async function routeHandlers(appPath: string): Promise<Record<string, THandler | undefined>> {
  return (await import(/* @vite-ignore */ path.resolve("app", appPath, "route.ts"))) as Record<string, THandler | undefined>;
}

/** Calls `METHOD url` on the handler of `appPath`, with path params. */
export async function callRoute(appPath: string, url: string, call: TApiCall = {}, params: Record<string, string> = {}): Promise<Response> {
  const handler = (await routeHandlers(appPath))[call.method ?? "GET"];
  if (!handler) throw new Error(`${call.method ?? "GET"} is not exported by app/${appPath}/route.ts`);
  return handler(apiRequest(url, call), { params: Promise.resolve(params) });
}

/** An active staff member of an agency with a live API token (and a session cookie). */
export async function staffWithToken(agencyId: string, label = "api-staff") {
  const user = await createUser({ role: "STAFF", organizationId: agencyId, label });
  const actor = (await actorFor(user.id)) as TActiveActor;
  const created = await createApiToken(actor, `${label} token`, TEST_META);
  return { user, actor, token: created.token, tokenId: created.id, cookie: await sessionTokenFor(user.id) };
}
