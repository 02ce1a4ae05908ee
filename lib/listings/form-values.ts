// The listing as the editor holds it: strings, as a form has them. The same
// mapping turns a stored listing into editor values and into the input that
// ZListingInput validates on submission, so the editor and the workflow check
// exactly the same thing. Pure: imported by client components too.
import { minorToDecimalString } from "@/lib/money/parse";
import type { TCurrency } from "@/lib/money/format";
import { FACT_KEYS, type TListingKind } from "./schemas";

export type TMoneyValues = { amount: string; currency: string };

export type TIncentiveValues = {
  /** Client-side identity for React lists; never sent as data. */
  key: string;
  templateId: string;
  name: string;
  nameJa: string;
  legalBasis: string;
  validFrom: string;
  validTo: string;
};

export type TFactValue = string | TMoneyValues;

export type TListingFormValues = {
  kind: TListingKind;
  title: string;
  titleJa: string;
  summary: string;
  summaryJa: string;
  description: string;
  sectorIds: string[];
  /** "" = nationwide / not tied to one province. */
  province: string;
  district: string;
  zone: string;
  investment: TMoneyValues;
  instruments: string[];
  stage: string;
  /** Comma-separated in the editor. */
  tags: string;
  incentives: TIncentiveValues[];
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  facts: Record<string, TFactValue>;
};

/** Facts that are amounts with a currency. */
export const MONEY_FACTS = new Set(["totalCost", "financingSought"]);

/** Facts kept in their own columns rather than in `facts` (searchable, sortable). */
export const COLUMN_FACTS = new Set(["areaAcres", "developer", "plotsAvailable"]);

function emptyFacts(kind: TListingKind): Record<string, TFactValue> {
  return Object.fromEntries(FACT_KEYS[kind].map((key) => [key, MONEY_FACTS.has(key) ? { amount: "", currency: "USD" } : ""]));
}

export function emptyFormValues(kind: TListingKind): TListingFormValues {
  return {
    kind,
    title: "",
    titleJa: "",
    summary: "",
    summaryJa: "",
    description: "",
    sectorIds: [],
    province: "",
    district: "",
    zone: "",
    investment: { amount: "", currency: "USD" },
    instruments: [],
    stage: "",
    tags: "",
    incentives: [],
    contactName: "",
    contactEmail: "",
    contactPhone: "",
    facts: emptyFacts(kind),
  };
}

/** A stored listing, as read from the database (no Prisma types: this module runs in the browser). */
export type TStoredListing = {
  kind: TListingKind;
  title: string;
  titleJa: string | null;
  summary: string;
  summaryJa: string | null;
  description: string | null;
  sectorIds: string[];
  province: string | null;
  district: string | null;
  zone: string | null;
  amountMinor: bigint | null;
  currency: TCurrency;
  instruments: string[];
  stage: string;
  areaAcres: string | null;
  developer: string | null;
  plotsAvailable: number | null;
  facts: unknown;
  tags: string[];
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  incentives: { id: string; templateId: string | null; name: string; nameJa: string | null; legalBasis: string | null; validFrom: Date | null; validTo: Date | null }[];
};

export const isoDate = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : "");

function factToValue(key: string, value: unknown): TFactValue {
  if (MONEY_FACTS.has(key)) {
    if (value && typeof value === "object" && "amount" in value) {
      const money = value as { amount?: unknown; currency?: unknown };
      return { amount: String(money.amount ?? ""), currency: typeof money.currency === "string" ? money.currency : "USD" };
    }
    return { amount: "", currency: "USD" };
  }
  if (value === null || value === undefined) return "";
  // The seed keeps milestones as [{ date, event }]; the editor edits them as lines of text.
  if (key === "milestones" && Array.isArray(value)) {
    return value
      .map((entry) => (entry && typeof entry === "object" ? [(entry as { date?: unknown }).date, (entry as { event?: unknown }).event].filter(Boolean).join(" ") : String(entry)))
      .join("\n");
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function storedToFormValues(listing: TStoredListing): TListingFormValues {
  const stored = listing.facts && typeof listing.facts === "object" && !Array.isArray(listing.facts) ? (listing.facts as Record<string, unknown>) : {};
  const columns: Record<string, unknown> = { areaAcres: listing.areaAcres, developer: listing.developer, plotsAvailable: listing.plotsAvailable };
  const facts = Object.fromEntries(
    FACT_KEYS[listing.kind].map((key) => [key, factToValue(key, COLUMN_FACTS.has(key) ? columns[key] : stored[key])]),
  );
  return {
    kind: listing.kind,
    title: listing.title,
    titleJa: listing.titleJa ?? "",
    summary: listing.summary,
    summaryJa: listing.summaryJa ?? "",
    description: listing.description ?? "",
    sectorIds: listing.sectorIds,
    province: listing.province ?? "",
    district: listing.district ?? "",
    zone: listing.zone ?? "",
    investment: {
      amount: listing.amountMinor === null ? "" : minorToDecimalString(listing.amountMinor, listing.currency),
      currency: listing.currency,
    },
    instruments: listing.instruments,
    stage: listing.stage,
    tags: listing.tags.join(", "),
    incentives: listing.incentives.map((incentive) => ({
      key: incentive.id,
      templateId: incentive.templateId ?? "",
      name: incentive.name,
      nameJa: incentive.nameJa ?? "",
      legalBasis: incentive.legalBasis ?? "",
      validFrom: isoDate(incentive.validFrom),
      validTo: isoDate(incentive.validTo),
    })),
    contactName: listing.contactName ?? "",
    contactEmail: listing.contactEmail ?? "",
    contactPhone: listing.contactPhone ?? "",
    facts,
  };
}

export function splitTags(tags: string): string[] {
  return tags
    .split(/[,\s]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * Editor values → the input the schemas take. "draft" keeps empty amounts (an
 * empty amount clears a stored one); "full" leaves them out, as ZListingInput
 * reads an absent amount as "not given".
 */
export function formValuesToInput(values: TListingFormValues, mode: "draft" | "full"): Record<string, unknown> {
  const money = (value: TMoneyValues) => (mode === "full" && !value.amount.trim() ? undefined : value);
  const facts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values.facts)) {
    const converted = typeof value === "string" ? value : money(value);
    if (converted !== undefined) facts[key] = converted;
  }
  const input: Record<string, unknown> = {
    kind: values.kind,
    title: values.title,
    titleJa: values.titleJa,
    summary: values.summary,
    summaryJa: values.summaryJa,
    description: values.description,
    sectorIds: values.sectorIds,
    province: values.province,
    district: values.district,
    zone: values.zone,
    instruments: values.instruments,
    stage: values.stage,
    tags: splitTags(values.tags),
    incentives: values.incentives.map(({ key: _key, ...incentive }) => incentive),
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    contactPhone: values.contactPhone,
    facts,
  };
  const investment = money(values.investment);
  if (investment !== undefined) input.investment = investment;
  return input;
}
