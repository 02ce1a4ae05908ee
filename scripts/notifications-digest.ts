// npm run notifications:digest — sends the daily digest now (the same function
// the scheduled job runs): one email per DAILY_DIGEST user with what they have
// not been emailed yet. Safe to run twice; the second run sends nothing.
import { runCli, withDatabase } from "./lib/with-database";

runCli(() =>
  withDatabase(async () => {
    const { sendNotificationDigests } = await import("../lib/notifications/notify");
    const { disconnectDb } = await import("../lib/db/client");
    try {
      const result = await sendNotificationDigests();
      console.log(`• ${result.notifications} notification(s) sent in ${result.users} digest email(s)`);
    } finally {
      await disconnectDb();
    }
  }),
);
