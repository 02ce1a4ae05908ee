// Match reasons are data ({ code, params }), derived on read (explain.ts) and
// rendered in the reader's language at display time: the catalog key comes from
// the code, and the message values from the params, formatted with Intl for the
// reader's locale.
import type { TLocale } from "@/lib/i18n/config";
import { formatMoneyCompact } from "@/lib/money/format";
import type { TMatchCriterion, TReason, TReasonCode } from "./types";

/** Every reason code, with the criterion it explains. */
export const REASON_CRITERION = {
  "sector.exact": "sector",
  "sector.parent": "sector",
  "sector.child": "sector",
  "sector.sibling": "sector",
  "ticket.inside": "ticket",
  "ticket.above": "ticket",
  "ticket.below": "ticket",
  "ticket.unknownAmount": "ticket",
  "ticket.noRange": "ticket",
  "location.anywhere": "location",
  "location.district": "location",
  "location.province": "location",
  "location.nationwide": "location",
  "location.unspecified": "location",
  "instrument.match": "instrument",
  "instrument.unspecified": "instrument",
  "stage.match": "stage",
  "stage.adjacent": "stage",
  "stage.unspecified": "stage",
  "incentive.valid": "incentive",
  "incentive.validNoEnd": "incentive",
  "freshness.recent": "freshness",
  completeness: "completeness",
} as const satisfies Record<TReasonCode, TMatchCriterion>;

export const REASON_CODES = Object.keys(REASON_CRITERION) as TReasonCode[];

export const REASON_KEY_PREFIX = "matching.reasons";

/** The message catalog key of a reason: "matching.reasons.sector.parent". */
export function renderReasonKey(reason: Pick<TReason, "code">): string {
  return `${REASON_KEY_PREFIX}.${reason.code}`;
}

export type TReasonRenderContext = {
  locale: TLocale;
  /** A sector's name in the reader's language (the caller holds the taxonomy). */
  sectorName: (sectorId: string) => string;
  /** An enum label from the catalog: enums.province.PUNJAB, enums.instrument.EQUITY, enums.stage.READY. */
  enumLabel: (kind: "province" | "instrument" | "stage", value: string) => string;
};

export type TReasonMessageValues = Record<string, string | number>;

const intlLocale = (locale: TLocale): string => (locale === "ja" ? "ja-JP" : "en-US");

const usd = (cents: string | null, locale: TLocale): string => (cents === null ? "" : formatMoneyCompact(BigInt(cents), "USD", locale));

function rangeValues(params: { minUsdCents: string | null; maxUsdCents: string | null }, locale: TLocale): TReasonMessageValues {
  const rangeKind = params.maxUsdCents === null ? "atLeast" : params.minUsdCents === null ? "atMost" : "between";
  return { min: usd(params.minUsdCents, locale), max: usd(params.maxUsdCents, locale), rangeKind };
}

function formatDate(isoDate: string, locale: TLocale): string {
  // The date is a calendar date: format it in UTC so no time zone shifts the day.
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * The values the catalog message of a reason expects (see lib/matching/README.md
 * for each message): names in the reader's language, money and dates through Intl.
 */
export function reasonMessageValues(reason: TReason, context: TReasonRenderContext): TReasonMessageValues {
  const { locale, sectorName, enumLabel } = context;
  const province = (value: string | null): string => (value === null ? "" : enumLabel("province", value));
  switch (reason.code) {
    case "sector.exact":
    case "sector.parent":
    case "sector.child":
      return { listingSector: sectorName(reason.params.listingSector), investorSector: sectorName(reason.params.investorSector) };
    case "sector.sibling":
      return {
        listingSector: sectorName(reason.params.listingSector),
        investorSector: sectorName(reason.params.investorSector),
        commonSector: sectorName(reason.params.commonSector),
      };
    case "ticket.inside":
    case "ticket.above":
    case "ticket.below":
      return { amount: usd(reason.params.amountUsdCents, locale), ...rangeValues(reason.params, locale) };
    case "ticket.unknownAmount":
      return rangeValues(reason.params, locale);
    case "ticket.noRange":
      return { amount: usd(reason.params.amountUsdCents, locale) };
    case "location.anywhere":
    case "location.unspecified":
      return { province: province(reason.params.province) };
    case "location.district":
      return { province: province(reason.params.province), district: reason.params.district };
    case "location.province":
      return { province: province(reason.params.province) };
    case "location.nationwide":
    case "instrument.unspecified":
      return {};
    case "instrument.match": {
      const labels = reason.params.instruments.map((value) => enumLabel("instrument", value));
      return { instruments: new Intl.ListFormat(intlLocale(locale), { type: "conjunction" }).format(labels), count: labels.length };
    }
    case "stage.match":
    case "stage.unspecified":
      return { stage: enumLabel("stage", reason.params.stage) };
    case "stage.adjacent":
      return { stage: enumLabel("stage", reason.params.stage), investorStage: enumLabel("stage", reason.params.investorStage) };
    case "incentive.valid":
      return {
        name: locale === "ja" && reason.params.nameJa ? reason.params.nameJa : reason.params.name,
        validTo: formatDate(reason.params.validTo, locale),
      };
    case "incentive.validNoEnd":
      return { name: locale === "ja" && reason.params.nameJa ? reason.params.nameJa : reason.params.name };
    case "freshness.recent":
      return { days: reason.params.days };
    case "completeness":
      return { percent: reason.params.percent };
  }
}
