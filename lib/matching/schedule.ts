// Called after a change commits: queue the rematch of what changed, so matches
// stay current within seconds (the pg-boss worker started by instrumentation.ts
// runs it). Never throws: a queue outage must not fail the user's save; the next
// change or `npm run match:recompute` catches up. KIZUNA_MATCHING_JOBS=off turns
// queueing off (the integration suite does, except the test that checks it).
import { enqueueInvestorRematch, enqueueListingRematch, enqueueRecomputeAll } from "./jobs";

function enabled(): boolean {
  return process.env.KIZUNA_MATCHING_JOBS !== "off";
}

async function safely(label: string, work: () => Promise<unknown>): Promise<void> {
  if (!enabled()) return;
  try {
    await work();
  } catch (error) {
    console.error(`[kizuna:matching] could not queue ${label}; run npm run match:recompute if it persists`, error);
  }
}

export function scheduleListingRematch(listingId: string): Promise<void> {
  return safely(`listing ${listingId}`, () => enqueueListingRematch(listingId));
}

export function scheduleInvestorRematch(profileId: string): Promise<void> {
  return safely(`investor profile ${profileId}`, () => enqueueInvestorRematch(profileId));
}

/** After new weights: every stored match is rescored with them. Returns whether it was queued. */
export async function scheduleRecomputeAll(): Promise<boolean> {
  let queued = false;
  await safely("the full recompute", async () => {
    await enqueueRecomputeAll();
    queued = true;
  });
  return queued;
}
