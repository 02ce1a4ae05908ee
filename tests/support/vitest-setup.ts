import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_ENV ??= "test";
// Mutations queue rematch jobs after commit; only tests/integration/matching-wiring.test.ts turns that on.
process.env.KIZUNA_MATCHING_JOBS ??= "off";
// No digest or saved-search alert jobs either, unless a test starts them (notification-jobs.test.ts).
process.env.KIZUNA_NOTIFICATION_JOBS ??= "off";
