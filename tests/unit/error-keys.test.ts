// Every message key thrown by lib/ ("errors.…") must exist in both catalogs,
// or users would read a raw key.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function lookup(catalog: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), catalog);
}

const keys = [
  ...new Set(sourceFiles(path.resolve("lib")).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/"(errors\.[A-Za-z.]+)"/g)].map((m) => m[1]!))),
].sort();

describe("error message keys used by lib/", () => {
  it("are found", () => {
    expect(keys.length).toBeGreaterThan(20);
  });

  it.each(keys)("%s is translated in English and Japanese", (key) => {
    expect(typeof lookup(en, key)).toBe("string");
    expect(typeof lookup(ja, key)).toBe("string");
  });
});
