// Starts the production build of Kizuna on a fresh, migrated and seeded
// database, and hands the demo accounts to the tests through the environment.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { provisionTestDatabase } from "./test-database";

async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Kizuna did not become healthy at ${baseUrl}: ${lastError}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error("No production build: run `npm run build` before the end-to-end tests (npm run test:e2e does).");
  }
  const database = await provisionTestDatabase("e2e");
  process.env.DATABASE_URL = database.url;
  const { seed } = await import("../../prisma/seed");
  const { db, disconnectDb } = await import("../../lib/db/client");
  const { demoAccounts } = await seed(db(), { demoAccounts: true });
  await disconnectDb();
  process.env.E2E_ACCOUNTS = JSON.stringify(demoAccounts);

  const port = Number(process.env.E2E_PORT ?? 3100);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      KIZUNA_DB_MODE: "postgres",
      APP_ENV: "test",
      APP_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
    },
  });
  await waitForHealth(baseUrl, 60_000);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.drop();
  };
}
