// Called after a change commits that may bring saved searches new matches (a
// listing published): queue an alert run so investors hear within minutes, not
// at the next hourly run. Never throws: a queue outage must not fail the
// publish; the hourly run catches up. KIZUNA_NOTIFICATION_JOBS=off turns it off
// (the integration suite does, except the tests that start the jobs).
import { enqueueSavedSearchAlerts } from "./jobs";

export async function scheduleSavedSearchAlerts(): Promise<void> {
  if (process.env.KIZUNA_NOTIFICATION_JOBS === "off") return;
  try {
    await enqueueSavedSearchAlerts();
  } catch (error) {
    console.error("[kizuna:notifications] could not queue a saved-search alert run; the scheduled run will catch up", error);
  }
}
