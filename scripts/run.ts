// The one-command launcher behind `npm start` and `npm run dev`:
//   1. validate the configuration (lib/env.ts) — a bad variable stops here, named;
//   2. without DATABASE_URL, start the embedded PostgreSQL under .data/;
//   3. check the database answers (15 s at most), apply pending migrations,
//      seed a database that was never seeded (development only);
//   4. build when no build exists (start), then run Next.js as a child process
//      and stop everything cleanly on Ctrl-C / SIGTERM.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { EnvError, parseEnv, type TEnv } from "../lib/env";
import { startEmbeddedPostgres, type TEmbeddedHandle } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";

type TMode = "start" | "dev";

const mode: TMode = process.argv[2] === "dev" ? "dev" : "start";
const nextBin = path.resolve("node_modules/next/dist/bin/next");

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    fail(`Cannot connect to the database named by DATABASE_URL (${describeTarget(url)}): ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function isNeverSeeded(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>("select count(*)::text as n from sectors");
    return result.rows[0]?.n === "0";
  } finally {
    await client.end();
  }
}

async function seedIfNeeded(env: TEnv, url: string): Promise<void> {
  if (env.APP_ENV === "production" || !(await isNeverSeeded(url))) return;
  process.env.DATABASE_URL = url;
  const { seed } = await import("../prisma/seed");
  const { db, disconnectDb } = await import("../lib/db/client");
  console.log("• Seeding the database with public facts (first start)…");
  const result = await seed(db(), { demoAccounts: true });
  // Suggest matches for the demo investor right away (they appear once an admin approves them).
  const { recomputeAll } = await import("../lib/matching/engine");
  const matched = await recomputeAll();
  console.log(`• Matched ${matched.investors} investor profile(s): ${matched.stored} suggestion(s) for admin review`);
  await disconnectDb();
  if (result.demoAccounts.length > 0) {
    console.log("\n  Demo accounts (development only; shown once, keep them somewhere safe):");
    for (const account of result.demoAccounts) {
      console.log(`    ${account.role.padEnd(9)} ${account.email.padEnd(32)} ${account.password}`);
    }
    console.log("");
  }
}

/** ADMIN_EMAIL + ADMIN_PASSWORD create the first admin on start (idempotent). */
async function createAdminFromEnv(env: TEnv, url: string): Promise<void> {
  if (!env.ADMIN_EMAIL) return;
  if (!env.ADMIN_PASSWORD) fail("ADMIN_EMAIL is set but ADMIN_PASSWORD is not: set both to create the first admin.");
  process.env.DATABASE_URL = url;
  const { createAdmin } = await import("../lib/accounts/bootstrap");
  const { disconnectDb } = await import("../lib/db/client");
  try {
    const result = await createAdmin({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    if (result.created) console.log(`• Created the first admin ${env.ADMIN_EMAIL} (from ADMIN_EMAIL)`);
  } catch (error) {
    fail(`ADMIN_EMAIL/ADMIN_PASSWORD rejected: ${error instanceof Error ? JSON.stringify((error as { details?: unknown }).details ?? error.message) : String(error)}`);
  } finally {
    await disconnectDb();
  }
}

function buildIfNeeded(childEnv: NodeJS.ProcessEnv): void {
  if (mode !== "start" || existsSync(".next/BUILD_ID")) return;
  console.log("• No production build found: running `next build` (about a minute)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
  if (result.status !== 0) fail("`next build` failed; see the output above.");
}

async function main(): Promise<void> {
  let env: TEnv;
  try {
    env = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  let embedded: TEmbeddedHandle | undefined;
  let databaseUrl = env.DATABASE_URL;
  let dbMode: "embedded" | "postgres" = "postgres";
  if (!databaseUrl) {
    console.log(`• DATABASE_URL not set: starting the embedded PostgreSQL in ${env.DATA_DIR}/pg …`);
    embedded = await startEmbeddedPostgres({ baseDir: env.DATA_DIR });
    databaseUrl = embedded.url;
    dbMode = "embedded";
  }

  let child: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          child?.kill("SIGKILL");
          resolve(undefined);
        }, 8_000);
        child?.once("exit", () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    if (embedded) await embedded.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const connectTimer = setTimeout(() => fail(`Timed out connecting to DATABASE_URL (${describeTarget(databaseUrl)})`), 15_000);
  await checkConnection(databaseUrl);
  clearTimeout(connectTimer);

  const { applied } = await applyMigrations(databaseUrl);
  console.log(applied.length ? `• Applied ${applied.length} migration(s): ${applied.join(", ")}` : "• Database schema is up to date");
  await seedIfNeeded(env, databaseUrl);
  await createAdminFromEnv(env, databaseUrl);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    KIZUNA_DB_MODE: dbMode,
    AUTH_SECRET: env.AUTH_SECRET,
    NEXTAUTH_SECRET: env.AUTH_SECRET,
    NEXTAUTH_URL: env.APP_URL,
    APP_URL: env.APP_URL,
    APP_ENV: env.APP_ENV,
  };
  buildIfNeeded(childEnv);

  const args = [nextBin, mode, "-p", String(env.PORT), "-H", env.HOSTNAME];
  child = spawn(process.execPath, args, { stdio: "inherit", env: childEnv });
  console.log(`• Kizuna (${mode}) on ${env.APP_URL} — database: ${dbMode}`);
  child.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
