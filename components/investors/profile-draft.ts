// The wizard's state: what the investor typed, kept as typed (strings) across
// steps, errors and "Back", and turned into the schema's input on each check.
import type { TOwnInvestorProfileDto } from "@/lib/investors/queries";
import type { TInvestorProfileInput } from "@/lib/investors/schemas";

export type TProfileDraft = {
  sectorIds: string[];
  ticketCurrency: TInvestorProfileInput["ticketCurrency"];
  ticketMin: string;
  ticketMax: string;
  anywhereInPakistan: boolean;
  provinces: string[];
  districtsText: string;
  instruments: string[];
  stages: string[];
  horizonYears: string;
  thesis: string;
};

export function draftFromProfile(profile: TOwnInvestorProfileDto | null, fallbackCurrency: TProfileDraft["ticketCurrency"]): TProfileDraft {
  return {
    sectorIds: profile?.sectorIds ?? [],
    ticketCurrency: profile?.ticketCurrency ?? fallbackCurrency,
    ticketMin: profile?.ticketMin ?? "",
    ticketMax: profile?.ticketMax ?? "",
    anywhereInPakistan: profile?.anywhereInPakistan ?? true,
    provinces: profile?.provinces ?? [],
    districtsText: profile?.districts.join("\n") ?? "",
    instruments: profile?.instruments ?? [],
    stages: profile?.stages ?? [],
    horizonYears: profile?.horizonYears?.toString() ?? "",
    thesis: profile?.thesis ?? "",
  };
}

/** The object the schemas (and the server action) validate. */
export function draftToInput(draft: TProfileDraft): Record<string, unknown> {
  const { districtsText, ...rest } = draft;
  return {
    ...rest,
    provinces: draft.anywhereInPakistan ? [] : draft.provinces,
    districts: draft.anywhereInPakistan
      ? []
      : districtsText
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
  };
}
