// Incentive catalogue: Special Economic Zones Act 2012, as summarised in
// domain-facts.md ("SEZ Act 2012 incentives" paragraph). Incentives are dated
// records because the rules changed (10 → 5 years after 30 Jun 2020) and the IMF
// programme requires no new SEZ incentives and a phase-out by 2035.
import type { TSeedIncentive, TSeedIncentiveTemplate } from "./types";

const SOURCE = "domain-facts.md: SEZ Act 2012 incentives (IMF programme phase-out by 2035)";
const LEGAL_BASIS = "Special Economic Zones Act 2012";
const IMF_NOTE =
  "Under Pakistan's IMF programme no new SEZ incentives are granted and existing ones are to be phased out by 2035; check the validity dates on each listing.";

export const INCENTIVE_TEMPLATES: TSeedIncentiveTemplate[] = [
  {
    code: "sez-2012-customs-capital-goods",
    nameEn: "One-time customs-duty exemption on capital goods (SEZ developer and zone enterprises)",
    nameJa: "資本財の関税の一回限りの免除（経済特区開発事業者・入居企業）",
    legalBasis: LEGAL_BASIS,
    description: `One-time exemption from customs duty on capital goods imported for the zone, available to the zone developer and to zone enterprises. ${IMF_NOTE}`,
    sourceNote: SOURCE,
  },
  {
    code: "sez-2012-income-tax-10y",
    nameEn: "10-year income-tax exemption (production started by 30 June 2020)",
    nameJa: "所得税10年間免除（2020年6月30日までに生産開始した場合）",
    legalBasis: LEGAL_BASIS,
    description: `Income-tax exemption for 10 years for zone developers and enterprises that started commercial production by 30 June 2020; later entrants receive 5 years. ${IMF_NOTE}`,
    sourceNote: SOURCE,
  },
  {
    code: "sez-2012-income-tax-5y",
    nameEn: "5-year income-tax exemption (production started after 30 June 2020)",
    nameJa: "所得税5年間免除（2020年7月1日以降に生産開始した場合）",
    legalBasis: LEGAL_BASIS,
    description: `Income-tax exemption for 5 years for zone developers and enterprises starting production after 30 June 2020 (10 years applied to those producing by that date). ${IMF_NOTE}`,
    sourceNote: SOURCE,
  },
];

/**
 * Outer validity bound of SEZ Act incentives. The facts say "phase-out by 2035"
 * without a date: the end of Pakistan's fiscal year 2034-35 is used as the bound
 * and should be confirmed with BOI before it is relied on.
 */
export const SEZ_INCENTIVES_PHASE_OUT = "2035-06-30";

/** The incentives a new enterprise in an SEZ can claim today (after 30 Jun 2020). */
export const CURRENT_SEZ_INCENTIVES: TSeedIncentive[] = [
  { templateCode: "sez-2012-customs-capital-goods", validFrom: null, validTo: SEZ_INCENTIVES_PHASE_OUT },
  { templateCode: "sez-2012-income-tax-5y", validFrom: "2020-07-01", validTo: SEZ_INCENTIVES_PHASE_OUT },
];
