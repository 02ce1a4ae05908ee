import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_ENV ??= "test";
