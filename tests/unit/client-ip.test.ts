import { describe, expect, it } from "vitest";
import { resolveClientIp } from "@/lib/http/client-ip";

const from = (headers: Record<string, string>) => (name: string) => headers[name];

describe("resolveClientIp", () => {
  it("takes the address the nearest trusted proxy appended, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 10.9.9.9"; the proxy appended the address it saw.
    expect(resolveClientIp(from({ "x-forwarded-for": "10.9.9.9, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(resolveClientIp(from({ "x-forwarded-for": "203.0.113.7" }), 1)).toBe("203.0.113.7");
  });

  it("counts the trusted proxies from the right", () => {
    // CDN in front of a load balancer: the CDN appended the client, the load balancer appended the CDN.
    expect(resolveClientIp(from({ "x-forwarded-for": "10.9.9.9, 203.0.113.7, 198.51.100.2" }), 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the request did not come through them all, so nothing is trusted.
    expect(resolveClientIp(from({ "x-forwarded-for": "203.0.113.7" }), 2)).toBeNull();
  });

  it("trusts no header when the app faces the internet itself", () => {
    expect(resolveClientIp(from({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" }), 0)).toBeNull();
  });

  it("reads X-Real-IP only behind one proxy and without X-Forwarded-For", () => {
    expect(resolveClientIp(from({ "x-real-ip": "203.0.113.8" }), 1)).toBe("203.0.113.8");
    expect(resolveClientIp(from({ "x-real-ip": "203.0.113.8" }), 2)).toBeNull();
    expect(resolveClientIp(from({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" }), 1)).toBe("203.0.113.7");
  });

  it("accepts IPv6 and ports, and nothing that is not an address", () => {
    expect(resolveClientIp(from({ "x-forwarded-for": "2001:db8::1" }), 1)).toBe("2001:db8::1");
    expect(resolveClientIp(from({ "x-forwarded-for": "[2001:db8::1]:443" }), 1)).toBe("2001:db8::1");
    expect(resolveClientIp(from({ "x-forwarded-for": "203.0.113.7:5123" }), 1)).toBe("203.0.113.7");
    expect(resolveClientIp(from({ "x-forwarded-for": "unknown" }), 1)).toBeNull();
    expect(resolveClientIp(from({ "x-forwarded-for": "203.0.113.7, <script>" }), 1)).toBeNull();
    expect(resolveClientIp(from({}), 1)).toBeNull();
  });
});
