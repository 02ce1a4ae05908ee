// The notification jobs: starting them registers the digest and saved-search
// alert schedules (cron, UTC) with pg-boss; a digest job sends the pending
// digest; publishing a listing queues an alert run that notifies a saved search's
// owner within seconds. The rest of the suite runs with the jobs off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { invokeAction } from "@/lib/http/action";
import { publishListingSpec } from "@/lib/listings/actions";
import { latestEmailTo } from "@/lib/mail/outbox";
import { PGBOSS_SCHEMA } from "@/lib/jobs/boss";
import { DIGEST_QUEUE, SAVED_SEARCH_ALERTS_QUEUE, startNotificationJobs, stopNotificationJobs } from "@/lib/notifications/jobs";
import { notifyNow } from "@/lib/notifications/notify";
import { runSavedSearchAlerts } from "@/lib/saved-searches/alerts";
import { TEST_META, actorFor, createAgency, createListingInState, createSector, createUser } from "../support/factories";

let previous: string | undefined;

beforeAll(async () => {
  previous = process.env.KIZUNA_NOTIFICATION_JOBS;
  process.env.KIZUNA_NOTIFICATION_JOBS = "on";
  await startNotificationJobs({ digestCron: "15 7 * * *", alertsCron: "*/30 * * * *", pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopNotificationJobs();
  process.env.KIZUNA_NOTIFICATION_JOBS = previous;
});

/** A short-lived client of the same queue, as another server instance would be. */
async function withBoss<T>(work: (boss: PgBoss) => Promise<T>): Promise<T> {
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: PGBOSS_SCHEMA, supervise: false, schedule: false });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    return await work(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

describe("schedules", () => {
  it("registers the digest and the alert runs with their cron in UTC", async () => {
    // The schema is PGBOSS_SCHEMA ("pgboss"); identifiers cannot be parameters.
    const rows = await db().$queryRaw<{ name: string; cron: string; timezone: string }[]>`
      SELECT name, cron, timezone FROM pgboss.schedule WHERE name = ANY(${[DIGEST_QUEUE, SAVED_SEARCH_ALERTS_QUEUE]}::text[]) ORDER BY name`;
    expect(rows).toEqual([
      { name: DIGEST_QUEUE, cron: "15 7 * * *", timezone: "UTC" },
      { name: SAVED_SEARCH_ALERTS_QUEUE, cron: "*/30 * * * *", timezone: "UTC" },
    ]);
  });
});

describe("digest job", () => {
  it("sends the pending digest when the job runs", async () => {
    const user = await createUser({ role: "INVESTOR", label: "digest-job" });
    await db().user.update({ where: { id: user.id }, data: { notificationMode: "DAILY_DIGEST" } });
    await notifyNow({ userIds: [user.id], kind: "LISTING_UPDATED", payload: { listingTitle: "Sundar Industrial Estate" } });
    expect(await latestEmailTo(user.email)).toBeNull();

    await withBoss((boss) => boss.send(DIGEST_QUEUE, {}));

    await expect.poll(async () => (await latestEmailTo(user.email, { template: "notificationDigest" }))?.text ?? "", { timeout: 20_000, interval: 250 }).toContain(
      "Sundar Industrial Estate",
    );
    expect(await db().notification.count({ where: { userId: user.id, emailedAt: null } })).toBe(0);
  });
});

describe("alert run after publishing", () => {
  it("publishing a matching listing notifies the saved search's owner once", async () => {
    const sector = await createSector("Jobs textiles");
    const { slug } = await db().sector.findUniqueOrThrow({ where: { id: sector.id }, select: { slug: true } });
    const agency = await createAgency("Jobs agency");
    const investor = await createUser({ role: "INVESTOR", label: "jobs-alert" });
    const search = await db().savedSearch.create({ data: { userId: investor.id, name: "Textiles", query: { sector: slug }, alert: true }, select: { id: true } });
    await runSavedSearchAlerts(); // baseline: nothing matches yet
    expect((await db().savedSearch.findUniqueOrThrow({ where: { id: search.id } })).baselineAt).not.toBeNull();

    const listing = await createListingInState(agency.id, "SUBMITTED", { sectorId: sector.id, label: "Jobs textile park" });
    const admin = await createUser({ role: "ADMIN", totp: true, label: "jobs-admin" });
    const published = await invokeAction(publishListingSpec, { actor: await actorFor(admin.id), meta: TEST_META }, { id: listing.id });
    expect(published.ok, JSON.stringify(published)).toBe(true);

    await expect
      .poll(() => db().notification.findMany({ where: { userId: investor.id }, select: { kind: true, payload: true } }), { timeout: 20_000, interval: 250 })
      .toEqual([{ kind: "SAVED_SEARCH_MATCHES", payload: { savedSearchId: search.id, searchName: "Textiles", count: 1 } }]);
  });
});
