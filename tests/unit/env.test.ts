import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const base: Record<string, string | undefined> = { DATA_DIR: "/tmp/kizuna-env-test" };

describe("parseEnv", () => {
  it("applies defaults and generates a development secret", () => {
    const env = parseEnv({ ...base });
    expect(env.PORT).toBe(3000);
    expect(env.APP_ENV).toBe("development");
    expect(env.KIZUNA_TRUSTED_PROXIES).toBe(1);
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(parseEnv({ ...base }).AUTH_SECRET).toBe(env.AUTH_SECRET);
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://x@y/z" }],
    ["DATABASE_URL", { DATABASE_URL: "not a url" }],
    ["PORT", { PORT: "70000" }],
    ["PORT", { PORT: "abc" }],
    ["APP_ENV", { APP_ENV: "staging" }],
    ["AUTH_SECRET", { AUTH_SECRET: "short" }],
    ["SMTP_URL", { SMTP_URL: "nonsense" }],
    ["ADMIN_EMAIL", { ADMIN_EMAIL: "not-an-email" }],
    ["NOTIFICATION_DIGEST_CRON", { NOTIFICATION_DIGEST_CRON: "every day at eight" }],
    ["NOTIFICATION_DIGEST_CRON", { NOTIFICATION_DIGEST_CRON: "0 8 * *" }],
    ["SAVED_SEARCH_ALERTS_CRON", { SAVED_SEARCH_ALERTS_CRON: "0 * * * * *" }],
    ["KIZUNA_NOTIFICATION_JOBS", { KIZUNA_NOTIFICATION_JOBS: "maybe" }],
    ["KIZUNA_TRUSTED_PROXIES", { KIZUNA_TRUSTED_PROXIES: "-1" }],
    ["KIZUNA_TRUSTED_PROXIES", { KIZUNA_TRUSTED_PROXIES: "one" }],
  ])("names %s when it is malformed", (name, overrides) => {
    let thrown: unknown;
    try {
      parseEnv({ ...base, ...overrides });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    expect((thrown as EnvError).issues.map((issue) => issue.name)).toContain(name);
    expect((thrown as EnvError).message).toContain(name);
  });

  it("schedules the digest daily at 08:00 UTC and saved-search alerts hourly unless configured", () => {
    expect(parseEnv({ ...base })).toMatchObject({ NOTIFICATION_DIGEST_CRON: "0 8 * * *", SAVED_SEARCH_ALERTS_CRON: "0 * * * *", KIZUNA_NOTIFICATION_JOBS: "on" });
    expect(parseEnv({ ...base, NOTIFICATION_DIGEST_CRON: " 30 6 * * 1-5 ", SAVED_SEARCH_ALERTS_CRON: "*/15 * * * *" })).toMatchObject({
      NOTIFICATION_DIGEST_CRON: "30 6 * * 1-5",
      SAVED_SEARCH_ALERTS_CRON: "*/15 * * * *",
    });
    expect(parseEnv({ ...base, NOTIFICATION_DIGEST_CRON: "" }).NOTIFICATION_DIGEST_CRON).toBe("0 8 * * *");
  });

  it("requires AUTH_SECRET and DATABASE_URL in production", () => {
    expect(() => parseEnv({ ...base, APP_ENV: "production", DATABASE_URL: "postgresql://a@b/c" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ ...base, APP_ENV: "production", AUTH_SECRET: "x".repeat(40) })).toThrow(/DATABASE_URL/);
  });
});
