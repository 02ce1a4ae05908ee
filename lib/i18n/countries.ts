// Countries offered at registration: Japan and Pakistan first (most of our
// users), then the usual partners of Pakistan's investment agencies, named by
// Intl in the reader's language.
import type { TLocale } from "./config";

export const PINNED_COUNTRIES = ["JP", "PK"] as const;

export const OTHER_COUNTRIES = [
  "AE", "AU", "BD", "BH", "CA", "CH", "CN", "DE", "ES", "FR", "GB", "HK", "ID", "IN", "IT", "KR",
  "KW", "MY", "NL", "NO", "OM", "PH", "QA", "SA", "SE", "SG", "TH", "TR", "TW", "US", "VN",
] as const;

export type TCountryOption = { value: string; label: string };

export function countryOptions(locale: TLocale): { pinned: TCountryOption[]; others: TCountryOption[] } {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const option = (code: string) => ({ value: code, label: names.of(code) ?? code });
  return {
    pinned: PINNED_COUNTRIES.map(option),
    others: OTHER_COUNTRIES.map(option).sort((a, b) => a.label.localeCompare(b.label, locale)),
  };
}
