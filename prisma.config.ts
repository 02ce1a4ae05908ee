// Prisma CLI configuration. The CLI's `migrate` cannot download its engine on
// offline machines; the project's scripts (npm run db:migrate) drive the WASM
// engine instead. `prisma migrate deploy` still works wherever engines download.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/kizuna" },
});
