// Configuration, validated once with zod. A missing or malformed variable stops
// the process with a message naming it. In development a missing AUTH_SECRET is
// generated and kept under .data/; in production it is required.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const ZPostgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "postgresql:" || url.protocol === "postgres:";
    } catch {
      return false;
    }
  }, "must be a postgresql:// URL, e.g. postgresql://user:password@127.0.0.1:5432/kizuna");

const ZOptionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** A five-field cron expression (minute hour day-of-month month day-of-week), read by pg-boss in UTC. */
const CRON_FIELD = /^(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?(,(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?)*$/;
const ZCron = (fallback: string) =>
  z
    .string()
    .trim()
    .transform((value) => value || fallback)
    .refine((value) => {
      const fields = value.split(/\s+/);
      return fields.length === 5 && fields.every((field) => CRON_FIELD.test(field));
    }, "must be a five-field cron expression in UTC, e.g. 0 8 * * * (daily at 08:00)")
    .default(fallback);

export const ZEnv = z.object({
  APP_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: ZPostgresUrl.optional(),
  /** Set by the launcher: "embedded" when it started the embedded PostgreSQL. */
  KIZUNA_DB_MODE: z.enum(["embedded", "postgres"]).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Public base URL used in emails and for origin checks, e.g. https://kizuna.example. */
  APP_URL: z.url("must be an absolute URL such as http://localhost:3000").optional(),
  SMTP_URL: ZOptionalString.pipe(z.url("must be an smtp:// or smtps:// URL").optional()),
  MAIL_FROM: z.string().default("Kizuna <no-reply@kizuna.local>"),
  ADMIN_EMAIL: ZOptionalString.pipe(z.email("must be an email address").optional()),
  ADMIN_PASSWORD: ZOptionalString,
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Reverse proxies in front of the app that append the client's address to X-Forwarded-For (lib/http/client-ip.ts); 0 when it faces the internet itself. */
  KIZUNA_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(1),
  /** "off" stops queueing rematch jobs after listing/profile changes (the integration suite sets it). */
  KIZUNA_MATCHING_JOBS: z.enum(["on", "off"]).default("on"),
  /** "off" stops the notification jobs (daily digest, saved-search alerts) being scheduled or queued (the integration suite sets it). */
  KIZUNA_NOTIFICATION_JOBS: z.enum(["on", "off"]).default("on"),
  /** When the daily digest of notifications is emailed (UTC). */
  NOTIFICATION_DIGEST_CRON: ZCron("0 8 * * *"),
  /** When saved searches are re-run for alerts (UTC); publishing a listing also triggers a run. */
  SAVED_SEARCH_ALERTS_CRON: ZCron("0 * * * *"),
});

export type TEnv = z.infer<typeof ZEnv> & { AUTH_SECRET: string; APP_URL: string };

export class EnvError extends Error {
  constructor(public readonly issues: { name: string; message: string }[]) {
    super(
      "Invalid configuration:\n" + issues.map((issue) => `  ${issue.name}: ${issue.message}`).join("\n"),
    );
    this.name = "EnvError";
  }
}

function loadOrCreateDevSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({ name: String(issue.path[0] ?? "?"), message: issue.message })),
    );
  }
  const env = result.data;
  let secret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (!secret) {
    if (env.APP_ENV === "production") {
      throw new EnvError([{ name: "AUTH_SECRET", message: "is required in production (32+ random characters)" }]);
    }
    secret = loadOrCreateDevSecret(env.DATA_DIR);
  }
  if (env.APP_ENV === "production" && !env.DATABASE_URL) {
    throw new EnvError([{ name: "DATABASE_URL", message: "is required in production (the embedded database is for development)" }]);
  }
  return { ...env, AUTH_SECRET: secret, APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}` };
}

let cached: TEnv | undefined;

/** The validated configuration, read once per process. */
export function env(): TEnv {
  cached ??= parseEnv();
  return cached;
}

export function isProduction(): boolean {
  return env().APP_ENV === "production";
}
