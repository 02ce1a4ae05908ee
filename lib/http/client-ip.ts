// The client's address, for the per-IP sign-in limit and the audit log.
//
// Next.js does not hand route handlers the socket's address, so it comes from
// the proxy headers, trusted only as far as the deployment says. Each of the
// KIZUNA_TRUSTED_PROXIES reverse proxies in front of the app appends the
// address it saw to X-Forwarded-For, so the client is the entry that many
// places from the right; whatever lies to its left was written by the client
// and is ignored (the first entry, which is what was read before, let a client
// pick a new address for every sign-in attempt and never meet the per-IP
// limit). X-Real-IP, which a single proxy sets to the address it saw, is read
// only when there is one proxy and no X-Forwarded-For. Without a proxy, Next.js
// fills X-Forwarded-For with the socket's address when a request has none, so 1
// still gives direct clients their own address (one that sends the header
// itself chooses it); with 0 no header is trusted and the address is unknown.
import { isIP } from "node:net";

/** "203.0.113.7", "203.0.113.7:5123", "[2001:db8::1]:443" or "2001:db8::1" → the address; anything else → null. */
function parseAddress(entry: string | undefined): string | null {
  if (entry === undefined) return null;
  const trimmed = entry.trim();
  const candidate = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(trimmed)?.[1] ?? trimmed;
  return isIP(candidate) ? candidate : null;
}

export function resolveClientIp(header: (name: string) => string | null | undefined, trustedProxies: number): string | null {
  if (trustedProxies <= 0) return null;
  const forwarded = header("x-forwarded-for");
  if (forwarded) {
    const entries = forwarded.split(",");
    return entries.length >= trustedProxies ? parseAddress(entries[entries.length - trustedProxies]) : null;
  }
  return trustedProxies === 1 ? parseAddress(header("x-real-ip") ?? undefined) : null;
}
