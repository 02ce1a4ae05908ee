import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("message catalogs", () => {
  it("have the same keys in English and Japanese", () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it("have no empty translations", () => {
    const leaves = (value: unknown): unknown[] =>
      typeof value === "object" && value !== null ? Object.values(value).flatMap(leaves) : [value];
    const bad = [...leaves(en), ...leaves(ja)].filter((leaf) => typeof leaf !== "string" || leaf.trim() === "");
    expect(bad).toEqual([]);
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    [null, "en"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["en-US,en;q=0.9,ja;q=0.8", "en"],
    ["fr-FR,ja;q=0.5", "ja"],
    ["de", "en"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

import { REASON_CODES, renderReasonKey } from "@/lib/matching/reasons";

describe("matching reasons", () => {
  it("every reason code has a message in English and Japanese", () => {
    const lookup = (catalog: unknown, key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), catalog);
    for (const code of REASON_CODES) {
      const key = renderReasonKey({ code } as Parameters<typeof renderReasonKey>[0]);
      expect(typeof lookup(en, key), `${key} in en`).toBe("string");
      expect(typeof lookup(ja, key), `${key} in ja`).toBe("string");
    }
  });
});
