// Cross-site request refusal for cookie-authenticated writes. Route handlers get
// no CSRF protection from Next.js, so every unsafe method checks Origin and
// Sec-Fetch-Site against our own origin. Requests without either header come
// from non-browser clients, which cannot carry a victim's cookies.
import { env } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function allowedOrigins(host: string | null): Set<string> {
  const origins = new Set([new URL(env().APP_URL).origin]);
  if (host) {
    origins.add(`http://${host}`);
    origins.add(`https://${host}`);
  }
  return origins;
}

export function isCrossOrigin(headers: Headers): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  return !allowedOrigins(headers.get("x-forwarded-host") ?? headers.get("host")).has(origin);
}
