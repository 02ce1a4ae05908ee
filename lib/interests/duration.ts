// A duration as people say it: minutes under an hour, hours under two days,
// days beyond. Pure, so pages format it with the catalog's plural rules.
export type TDurationParts = { unit: "minutes" | "hours" | "days"; count: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function durationParts(ms: number): TDurationParts {
  const value = Math.max(0, ms);
  if (value < HOUR) return { unit: "minutes", count: Math.floor(value / MINUTE) };
  if (value < 2 * DAY) return { unit: "hours", count: Math.floor(value / HOUR) };
  return { unit: "days", count: Math.floor(value / DAY) };
}
