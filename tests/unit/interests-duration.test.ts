import { describe, expect, it } from "vitest";
import { durationParts } from "@/lib/interests/duration";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("durationParts", () => {
  it.each([
    [-5, { unit: "minutes", count: 0 }],
    [0, { unit: "minutes", count: 0 }],
    [59 * MINUTE + 59_999, { unit: "minutes", count: 59 }],
    [HOUR, { unit: "hours", count: 1 }],
    [47 * HOUR + 59 * MINUTE, { unit: "hours", count: 47 }],
    [2 * DAY, { unit: "days", count: 2 }],
    [10 * DAY + 23 * HOUR, { unit: "days", count: 10 }],
  ] as const)("%d ms → %o", (ms, expected) => {
    expect(durationParts(ms)).toEqual(expected);
  });
});
