// The one Prisma client of the app: Prisma 7 with the pg driver adapter, so no
// native engine is needed. Only lib/ imports it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

const globalForPrisma = globalThis as unknown as { kizunaPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start` (which starts the embedded database) or set DATABASE_URL.");
  }
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10) });
  return new PrismaClient({ adapter });
}

/** Lazily created so importing a module never opens a connection. */
export function db(): PrismaClient {
  globalForPrisma.kizunaPrisma ??= createClient();
  return globalForPrisma.kizunaPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.kizunaPrisma?.$disconnect();
  globalForPrisma.kizunaPrisma = undefined;
}

export { Prisma } from "./generated/client";
export type * from "./generated/client";
