import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/accounts/next-path";

describe("safeNextPath", () => {
  it.each([
    ["/account", "/account"],
    ["/admin/users?q=ali&page=2", "/admin/users?q=ali&page=2"],
    ["/", "/"],
  ])("keeps the local path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [["/account"]],
    [""],
    ["account"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["/\t/evil.example"],
    ["/" + "a".repeat(2001)],
  ])("refuses %j", (input) => {
    expect(safeNextPath(input)).toBeNull();
  });
});
