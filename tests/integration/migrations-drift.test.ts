// Guards against a schema change shipped without its migration: the database
// built from prisma/migrations must be exactly what prisma/schema.prisma describes.
import { describe, expect, it } from "vitest";
import { checkDrift } from "../../lib/db/migrate";

describe("prisma/migrations", () => {
  it("produce exactly prisma/schema.prisma (no drift)", { timeout: 120_000 }, async () => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("DATABASE_URL must be set by the integration test setup");

    const { drift, script } = await checkDrift(databaseUrl);

    const advice = [
      "prisma/schema.prisma differs from what prisma/migrations produce.",
      "Create the missing migration with: npm run db:migration:new -- <name>",
      "(a hand-written index must also be declared in the schema, e.g. @@index(..., type: Gin)).",
      "SQL that would bring the migrations in line with the schema:",
      script,
    ].join("\n");
    expect(drift, advice).toBe(false);
  });
});
