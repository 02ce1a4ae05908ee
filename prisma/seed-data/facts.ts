// Japan–Pakistan context figures for the dashboard, each with its source label.
// Amounts are whole numbers in the unit named by the key (USD millions, JPY
// billions), so no float arithmetic is needed; they are headline statistics for
// display, not money the application computes with.
//
// Sources:
//   ARTICLE = /work/shared/seed/000_2288232e1a423119.txt (Diamanium Thinkers, "Japan and
//             Pakistan's Emerging Geo-Economic Alliance for Mutual Prosperity", late 2025)
//   FACTS   = /work/shared/research/domain-facts.md ("Japan–Pakistan ties")

const ARTICLE = "Diamanium Thinkers, Japan and Pakistan's Emerging Geo-Economic Alliance (2025)";
const TRADE_TABLE_SOURCE = `${ARTICLE}; adapted from OEC World, MOFA Japan and Trading Economics`;
const FACTS = "domain-facts.md: Japan–Pakistan ties";

export type TTradeRow = {
  period: string;
  /** true when the row holds one month's figures (2025 row: September). */
  monthly: boolean;
  japanExportsToPakistanUsdMillions: number;
  pakistanExportsToJapanUsdMillions: number;
  /** Japan's exports minus Pakistan's exports. */
  balanceFavouringJapanUsdMillions: number;
  estimated: boolean;
  note: string;
};

export const BILATERAL_TRADE_2023_2025 = {
  source: TRADE_TABLE_SOURCE,
  rows: [
    {
      period: "2023",
      monthly: false,
      japanExportsToPakistanUsdMillions: 979,
      pakistanExportsToJapanUsdMillions: 225,
      balanceFavouringJapanUsdMillions: 754,
      estimated: false,
      note: "Textiles up 4.1% for Pakistan",
    },
    {
      period: "2024",
      monthly: false,
      japanExportsToPakistanUsdMillions: 1360,
      pakistanExportsToJapanUsdMillions: 240,
      balanceFavouringJapanUsdMillions: 1120,
      estimated: true, // Pakistan's exports are marked "est." in the table
      note: "28% increase in Japanese exports Aug 2024-2025",
    },
    {
      period: "2025-09",
      monthly: true,
      japanExportsToPakistanUsdMillions: 183, // "up 72%"
      pakistanExportsToJapanUsdMillions: 16, // "down 23%"
      balanceFavouringJapanUsdMillions: 167,
      estimated: false,
      note: "Sep 2025 YTD row, monthly figures; potential for diversification in IT and minerals",
    },
  ] satisfies TTradeRow[],
} as const;

export const JAPAN_PAKISTAN_FACTS = {
  bilateralTrade2024: {
    usdMillions: 1580,
    label: "Bilateral trade in 2024",
    source: ARTICLE,
  },
  japaneseFdiTotal: {
    usdMillionsAtLeast: 1300,
    label: "Japanese investment in Pakistan, total (over $1.3bn)",
    source: ARTICLE,
  },
  japaneseFdiInflowFy2023: {
    usdMillions: 182,
    approximate: true,
    label: "Japanese FDI inflow, FY2022-23 (~$182m)",
    source: FACTS,
  },
  tradeFy2024: {
    totalUsdMillions: 1330,
    pakistanExportsUsdMillions: 194,
    pakistanImportsUsdMillions: 1137,
    label: "Japan–Pakistan trade, FY2023-24",
    source: FACTS,
  },
  japaneseOdaToPakistan: {
    // The parts add up to 1,191bn; the article gives the total as 1.192 trillion
    // (rounding in the source).
    totalJpyBillions: 1192,
    loansJpyBillions: 817,
    grantsJpyBillions: 307,
    technicalCooperationJpyBillions: 67,
    approxUsdMillions: 8000,
    upTo: "2023",
    label: "Japan's ODA to Pakistan, cumulative to 2023 (over ¥1.192 trillion, ~$8bn)",
    source: ARTICLE,
  },
  japaneseFirmsInPakistan: {
    countAtLeast: 70,
    label: "Japanese firms in Pakistan (70+)",
    source: FACTS,
  },
  jbicRekoDiq: {
    usdMillions: 300,
    approximate: true,
    label: "JBIC commitment to Reko Diq (Nov 2025)",
    source: ARTICLE,
  },
} as const;
