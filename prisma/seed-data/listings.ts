// Published opportunities. Every figure comes from /work/shared/research/domain-facts.md
// or the source article /work/shared/seed/000_2288232e1a423119.txt (Diamanium
// Thinkers, "Japan and Pakistan's Emerging Geo-Economic Alliance"); each listing
// names its source in `sourceNote`. Unknown values ("n/f" in the facts) stay null.
// Slugs are the natural key: never rename one, or the seed will add a duplicate.
import { CURRENT_SEZ_INCENTIVES } from "./incentives";
import type { TSeedListing } from "./types";

const PUNJAB_TABLE = "domain-facts.md: Punjab SEZs table (urdupoint 1881982";
const COMPLETED_2022 = "on the 2022 list of 10 completed Punjab SEZs";

// ───────────── Punjab SEZs and industrial estates (domain-facts.md table) ─────────────

export const PUNJAB_ESTATES: TSeedListing[] = [
  {
    slug: "quaid-e-azam-business-park",
    kind: "SEZ",
    agencyCode: "PIEDMC",
    title: "Quaid-e-Azam Business Park, Sheikhupura (M-2)",
    titleJa: "カーイデ・アーザム・ビジネスパーク（シェイクプーラ、M-2沿線）",
    summary:
      "1,536-acre special economic zone on the M-2 motorway at Sheikhupura, developed by PIEDMC. Target sectors include auto parts, pharmaceuticals, chemicals, light engineering, plastics, IT, electronics, food & beverage, logistics, mobile manufacturing and warehousing. Groundbreaking 18 July 2020.",
    summaryJa:
      "シェイクプーラのM-2高速道路沿いにある1,536エーカーの経済特区で、PIEDMCが開発。自動車部品、医薬品、化学、軽機械、プラスチック、IT、電子機器、食品・飲料、物流、携帯電話製造、倉庫を誘致対象とし、2020年7月18日に着工した。",
    description: `Special economic zone under the SEZ Act 2012, ${COMPLETED_2022}. Plots are offered for purchase or lease; joint ventures with the developer can be discussed.`,
    sectorSlugs: ["auto-parts", "pharmaceuticals"],
    province: "PUNJAB",
    district: "Sheikhupura",
    zone: "M-2 motorway",
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE", "JOINT_VENTURE"],
    stage: "READY",
    areaAcres: "1536",
    developer: "PIEDMC",
    facts: {
      operator: "PIEDMC",
      focus: [
        "auto parts", "pharma", "chemicals", "light engineering", "plastics", "IT", "electronics",
        "food & beverage", "logistics", "mobile manufacturing", "warehousing",
      ],
      status: `SEZ; groundbreaking 18 Jul 2020; ${COMPLETED_2022}`,
      milestones: [{ date: "2020-07-18", event: "Groundbreaking" }],
    },
    tags: ["sez-act-2012"],
    sourceNote: `${PUNJAB_TABLE}; PIEDMC)`,
    incentives: CURRENT_SEZ_INCENTIVES,
  },
  {
    slug: "m3-industrial-city",
    kind: "SEZ",
    agencyCode: "FIEDMC",
    title: "M-3 Industrial City, Faisalabad",
    titleJa: "M-3インダストリアル・シティ（ファイサラバード）",
    summary:
      "4,356-acre special economic zone on the M-3 motorway at Faisalabad, run by FIEDMC. Operating with 53 zone enterprises; an expansion has been approved. Focus: textiles, pharmaceuticals, IT, chemicals and automotive.",
    summaryJa:
      "ファイサラバードのM-3高速道路沿いにある4,356エーカーの経済特区（運営：FIEDMC）。53社の入居企業が操業中で、拡張も承認済み。繊維、医薬品、IT、化学、自動車が重点分野。",
    description: `Operating special economic zone under the SEZ Act 2012, ${COMPLETED_2022}. Plots are offered for purchase or lease.`,
    sectorSlugs: ["textiles", "pharmaceuticals"],
    province: "PUNJAB",
    district: "Faisalabad",
    zone: "M-3 motorway",
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE"],
    stage: "OPERATING",
    areaAcres: "4356",
    developer: "FIEDMC",
    facts: {
      operator: "FIEDMC",
      focus: ["textile", "pharma", "IT", "chemical", "automotive"],
      zoneEnterprises: 53,
      status: `operating, 53 zone enterprises, expansion approved; ${COMPLETED_2022}`,
    },
    tags: ["sez-act-2012"],
    sourceNote: `${PUNJAB_TABLE}; FIEDMC)`,
    incentives: CURRENT_SEZ_INCENTIVES,
  },
  {
    slug: "allama-iqbal-industrial-city",
    kind: "SEZ",
    agencyCode: "FIEDMC",
    title: "Allama Iqbal Industrial City (CPEC SEZ), Faisalabad (M-4)",
    titleJa: "アッラーマ・イクバール・インダストリアル・シティ（CPEC経済特区、ファイサラバード）",
    summary:
      "CPEC special economic zone of about 3,217 acres (reports vary) on the M-4 motorway at Sahianwala, Faisalabad, developed by FIEDMC. Groundbreaking 3 January 2020; more than 1,000 acres allotted by 2021. Focus: autos, textiles, engineering, pharmaceuticals, food processing, chemicals and construction materials.",
    summaryJa:
      "ファイサラバード・サヒアンワラのM-4高速道路沿いにある中国・パキスタン経済回廊（CPEC）の経済特区。面積は約3,217エーカー（資料により差異あり）で、FIEDMCが開発。2020年1月3日に着工し、2021年までに1,000エーカー超が割り当て済み。自動車、繊維、エンジニアリング、医薬品、食品加工、化学、建設資材が重点分野。",
    description: `CPEC special economic zone under the SEZ Act 2012, ${COMPLETED_2022}. Plots are offered for purchase or lease; joint ventures can be discussed.`,
    sectorSlugs: ["automotive", "textiles"],
    province: "PUNJAB",
    district: "Faisalabad",
    zone: "M-4 motorway, Sahianwala",
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE", "JOINT_VENTURE"],
    stage: "READY",
    areaAcres: "3217",
    developer: "FIEDMC",
    facts: {
      operator: "FIEDMC",
      areaNote: "3,217 acres; reports vary",
      focus: [
        "autos", "textiles", "engineering", "pharma", "food processing", "chemicals", "construction materials",
      ],
      status: `groundbreaking 3 Jan 2020; >1,000 acres allotted 2021; ${COMPLETED_2022}`,
      milestones: [
        { date: "2020-01-03", event: "Groundbreaking" },
        { date: "2021", event: "More than 1,000 acres allotted" },
      ],
    },
    tags: ["sez-act-2012", "cpec"],
    sourceNote: `${PUNJAB_TABLE}; FIEDMC)`,
    incentives: CURRENT_SEZ_INCENTIVES,
  },
  {
    slug: "value-addition-city",
    kind: "SEZ",
    agencyCode: "FIEDMC",
    title: "Value Addition City, Faisalabad",
    titleJa: "バリュー・アディション・シティ（ファイサラバード）",
    summary:
      "Special economic zone in Faisalabad developed by FIEDMC; 62% of plots were occupied in April 2021. Area and sector focus are not published in the sources used.",
    summaryJa:
      "FIEDMCが開発するファイサラバードの経済特区。2021年4月時点で区画の62%が入居済み。面積と重点分野は参照資料では確認できていない。",
    description: `Special economic zone under the SEZ Act 2012, ${COMPLETED_2022}.`,
    sectorSlugs: [],
    province: "PUNJAB",
    district: "Faisalabad",
    zone: null,
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE"],
    stage: "OPERATING",
    areaAcres: null,
    developer: "FIEDMC",
    facts: {
      operator: "FIEDMC",
      plotsOccupiedPercent: 62,
      plotsOccupiedAsOf: "2021-04",
      status: `62% plots occupied Apr 2021; ${COMPLETED_2022}`,
    },
    tags: ["sez-act-2012"],
    sourceNote: `${PUNJAB_TABLE}; FIEDMC)`,
    incentives: CURRENT_SEZ_INCENTIVES,
  },
  {
    slug: "sundar-industrial-estate",
    kind: "INDUSTRIAL_ESTATE",
    agencyCode: "PIEDMC",
    title: "Sundar Industrial Estate, Lahore",
    titleJa: "スンダル工業団地（ラホール）",
    summary:
      "Industrial estate in Lahore (not an SEZ) of about 1,700–1,750 acres, managed by PIEDMC, with around 740 units across mixed industries.",
    summaryJa:
      "ラホールにある約1,700〜1,750エーカーの工業団地（経済特区ではない）。PIEDMCが管理し、約740の事業所が多様な業種で操業している。",
    description: "Established industrial estate; SEZ Act incentives do not apply. Plots are offered for purchase or lease when available.",
    sectorSlugs: [],
    province: "PUNJAB",
    district: "Lahore",
    zone: null,
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE"],
    stage: "OPERATING",
    areaAcres: "1700",
    developer: "PIEDMC",
    facts: {
      operator: "PIEDMC",
      areaNote: "~1,700–1,750 acres reported; the lower figure is stored",
      focus: ["mixed"],
      units: 740,
      status: "industrial estate (not SEZ), ~740 units",
    },
    tags: [],
    sourceNote: `${PUNJAB_TABLE}; PIEDMC)`,
    incentives: [],
  },
  {
    slug: "vehari-industrial-estate",
    kind: "SEZ",
    agencyCode: "PIEDMC",
    title: "Vehari Industrial Estate (SEZ)",
    titleJa: "ヴェハーリー工業団地（経済特区）",
    summary: "250-acre special economic zone at Vehari managed by PIEDMC, focused on steel.",
    summaryJa: "ヴェハーリーにある250エーカーの経済特区（PIEDMC管理）。鉄鋼が重点分野。",
    description: `Special economic zone under the SEZ Act 2012, ${COMPLETED_2022}. Plots are offered for purchase or lease.`,
    sectorSlugs: ["steel"],
    province: "PUNJAB",
    district: "Vehari",
    zone: null,
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE"],
    stage: "READY",
    areaAcres: "250",
    developer: "PIEDMC",
    facts: { operator: "PIEDMC", focus: ["steel"], status: `SEZ; ${COMPLETED_2022}` },
    tags: ["sez-act-2012"],
    sourceNote: `${PUNJAB_TABLE}; PIEDMC)`,
    incentives: CURRENT_SEZ_INCENTIVES,
  },
  {
    slug: "bhalwal-industrial-estate",
    kind: "SEZ",
    agencyCode: "PIEDMC",
    title: "Bhalwal Industrial Estate (SEZ), Sargodha",
    titleJa: "バルワール工業団地（経済特区、サルゴダ県）",
    summary:
      "427-acre special economic zone at Bhalwal, Sargodha district, managed by PIEDMC. Focus: food processing, textiles and ceramics.",
    summaryJa: "サルゴダ県バルワールにある427エーカーの経済特区（PIEDMC管理）。食品加工、繊維、窯業が重点分野。",
    description: `Special economic zone under the SEZ Act 2012, ${COMPLETED_2022}. Plots are offered for purchase or lease.`,
    sectorSlugs: ["food-processing", "textiles"],
    province: "PUNJAB",
    district: "Sargodha",
    zone: "Bhalwal",
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE"],
    stage: "READY",
    areaAcres: "427",
    developer: "PIEDMC",
    facts: {
      operator: "PIEDMC",
      focus: ["food processing", "textile", "ceramics"],
      status: `SEZ; ${COMPLETED_2022}`,
    },
    tags: ["sez-act-2012"],
    sourceNote: `${PUNJAB_TABLE}; PIEDMC)`,
    incentives: CURRENT_SEZ_INCENTIVES,
  },
  {
    slug: "rahim-yar-khan-industrial-estate",
    kind: "SEZ",
    agencyCode: "PIEDMC",
    title: "Rahim Yar Khan Industrial Estate (SEZ)",
    titleJa: "ラヒム・ヤール・ハーン工業団地（経済特区）",
    summary:
      "Special economic zone of about 456–465 acres at Rahim Yar Khan managed by PIEDMC. Focus: cotton ginning, leather, textiles and plastics.",
    summaryJa:
      "ラヒム・ヤール・ハーンにある約456〜465エーカーの経済特区（PIEDMC管理）。綿繰り、皮革、繊維、プラスチックが重点分野。",
    description: `Special economic zone under the SEZ Act 2012, ${COMPLETED_2022}. Plots are offered for purchase or lease.`,
    sectorSlugs: ["textiles"],
    province: "PUNJAB",
    district: "Rahim Yar Khan",
    zone: null,
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE"],
    stage: "READY",
    areaAcres: "456",
    developer: "PIEDMC",
    facts: {
      operator: "PIEDMC",
      areaNote: "456–465 acres reported; the lower figure is stored",
      focus: ["cotton ginning", "leather", "textile", "plastic"],
      status: `SEZ; ${COMPLETED_2022}`,
    },
    tags: ["sez-act-2012"],
    sourceNote: `${PUNJAB_TABLE}; PIEDMC)`,
    incentives: CURRENT_SEZ_INCENTIVES,
  },
  {
    slug: "bahawalpur-industrial-estate",
    kind: "SEZ",
    agencyCode: "PIEDMC",
    title: "Bahawalpur Industrial Estate (SEZ)",
    titleJa: "バハーワルプル工業団地（経済特区）",
    summary:
      "483-acre industrial estate at Bahawalpur managed by PIEDMC, granted SEZ status in 2019. Focus: weaving and spinning, wool, oil extraction and food.",
    summaryJa:
      "バハーワルプルにある483エーカーの工業団地（PIEDMC管理）で、2019年に経済特区の指定が承認された。織布・紡績、羊毛、搾油、食品が重点分野。",
    description:
      "SEZ status approved in 2019 under the SEZ Act 2012; not on the 2022 list of completed zones, so development is recorded as under way. Plots are offered for purchase or lease.",
    sectorSlugs: ["textiles", "food-processing"],
    province: "PUNJAB",
    district: "Bahawalpur",
    zone: null,
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE"],
    stage: "UNDER_CONSTRUCTION",
    areaAcres: "483",
    developer: "PIEDMC",
    facts: {
      operator: "PIEDMC",
      focus: ["weaving/spinning", "wool", "oil extraction", "food"],
      status: "SEZ status approved 2019; development status n/f",
      milestones: [{ date: "2019", event: "SEZ status approved" }],
    },
    tags: ["sez-act-2012"],
    sourceNote: `${PUNJAB_TABLE}; PIEDMC)`,
    incentives: CURRENT_SEZ_INCENTIVES,
  },
  {
    slug: "rachna-industrial-park",
    kind: "SEZ",
    agencyCode: "NIP",
    title: "Rachna Industrial Park (Lahore–Sheikhupura road)",
    titleJa: "ラチナ・インダストリアル・パーク（ラホール〜シェイクプーラ道路沿い）",
    summary:
      "Industrial park of about 174 acres on the Lahore–Sheikhupura road, developed by the federal National Industrial Parks company and on the SEZ list. Focus: auto parts and light engineering.",
    summaryJa:
      "ラホール〜シェイクプーラ道路沿いにある約174エーカーの工業団地。連邦政府系の国家工業団地開発管理公社（NIP）が開発し、経済特区に指定されている。自動車部品と軽機械工業が重点分野。",
    description: `Special economic zone under the SEZ Act 2012, ${COMPLETED_2022}. Plots are offered for purchase or lease.`,
    sectorSlugs: ["auto-parts", "light-engineering"],
    province: "PUNJAB",
    district: null,
    zone: "Lahore–Sheikhupura road",
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE"],
    stage: "READY",
    areaAcres: "174",
    developer: "National Industrial Parks (federal)",
    facts: {
      operator: "NIP (federal)",
      areaNote: "~174 acres",
      focus: ["auto parts", "light engineering"],
      status: `SEZ list; ${COMPLETED_2022}`,
    },
    tags: ["sez-act-2012"],
    sourceNote: `${PUNJAB_TABLE}; NIP)`,
    incentives: CURRENT_SEZ_INCENTIVES,
  },
  {
    slug: "chakwal-sez",
    kind: "SEZ",
    agencyCode: "PBIT",
    title: "Chakwal Special Economic Zone",
    titleJa: "チャクワール経済特区",
    summary: "Privately developed special economic zone at Chakwal for manufacturing, launched in 2021.",
    summaryJa: "チャクワールで民間事業者が開発する製造業向けの経済特区。2021年に始動した。",
    description:
      "Private-sector SEZ under the SEZ Act 2012; area and developer name are not published in the sources used. Plots for purchase or lease and joint ventures with the developer can be discussed through PBIT.",
    sectorSlugs: [],
    province: "PUNJAB",
    district: "Chakwal",
    zone: null,
    amount: null,
    instruments: ["PLOT_PURCHASE", "PLOT_LEASE", "JOINT_VENTURE"],
    stage: "UNDER_CONSTRUCTION",
    areaAcres: null,
    developer: "Private developer",
    facts: {
      operator: "private (name n/f)",
      focus: ["manufacturing"],
      status: "launched 2021",
      milestones: [{ date: "2021", event: "Launched" }],
    },
    tags: ["sez-act-2012"],
    sourceNote: `${PUNJAB_TABLE}; private developer)`,
    incentives: CURRENT_SEZ_INCENTIVES,
  },
];

// ───────────── Reko Diq (domain-facts.md "Reko Diq"; source article) ─────────────

export const REKO_DIQ: TSeedListing = {
  slug: "reko-diq-copper-gold",
  kind: "NATIONAL_PROJECT",
  agencyCode: "BMRL",
  title: "Reko Diq copper-gold mine, Chagai (phase 1)",
  titleJa: "レコディク銅・金鉱山プロジェクト（チャガイ県、第1期）",
  summary:
    "Copper-gold mine in Chagai, Balochistan, owned 50% by Barrick, 25% by federal state-owned enterprises and 25% by Balochistan. Phase 1: 45 Mtpa, first production at end-2028, 37-year life. A ~USD 3.5bn lender package (Oct 2025) includes USD 300m from JBIC; Komatsu supplies USD 440m of equipment.",
  summaryJa:
    "バロチスタン州チャガイ県の銅・金鉱山。出資比率はバリック50%、連邦政府系企業25%、バロチスタン州25%。第1期の処理能力は年4,500万トン（45Mtpa）で、2028年末の生産開始、操業期間37年を計画。2025年10月に約35億ドルの融資パッケージがまとまり、国際協力銀行（JBIC）が3億ドルを融資。コマツが4億4,000万ドル相当の鉱山機械を供給する。",
  description:
    "Phase 1 capital cost is reported at about USD 5.5bn; later reports put the revised figure as high as USD 7.7bn, so the amount shown is the phase 1 estimate. " +
    "Lenders (package of ~USD 3.5bn, October 2025): IFC USD 700m, ADB USD 410m, US EXIM ~USD 1bn, JBIC USD 300m. Equity USD 900m. " +
    "Komatsu is to supply USD 440m of equipment over five years from 2026. Phase 1 creates about 7,500 construction jobs and 4,000 permanent jobs.",
  sectorSlugs: ["copper-gold"],
  province: "BALOCHISTAN",
  district: "Chagai",
  zone: null,
  // Phase 1 estimate USD 5.5bn, in cents.
  amount: { currency: "USD", amountMinor: 550_000_000_000n, amountUsdCents: 550_000_000_000n },
  instruments: ["EQUITY", "DEBT"],
  stage: "UNDER_CONSTRUCTION",
  areaAcres: null,
  developer: "Barrick (operator, 50%)",
  facts: {
    operator: "Barrick",
    ownership: [
      { holder: "Barrick", percent: 50 },
      { holder: "Federal state-owned enterprises", percent: 25 },
      { holder: "Government of Balochistan", percent: 25 },
    ],
    cost: {
      phase1UsdMillions: 5500,
      revisedReportsUsdMillions: 7700,
      note: "Cost reports disagree ($5.5bn phase 1 … $7.7bn revised)",
    },
    financing: {
      packageUsdMillions: 3500,
      packageDate: "2025-10",
      lenders: [
        { name: "IFC", usdMillions: 700 },
        { name: "ADB", usdMillions: 410 },
        { name: "US EXIM", usdMillions: 1000, approximate: true },
        { name: "JBIC", usdMillions: 300, note: "commitment reported Nov 2025 in the source article" },
      ],
      equityUsdMillions: 900,
      stateContributions: {
        federalSoesUsdMillions: 2145,
        bmrlUsdMillions: 1287,
        note: "backed by sovereign guarantees (source article)",
      },
    },
    equipment: { supplier: "Komatsu", usdMillions: 440, years: 5, from: 2026 },
    capacity: "45 Mtpa (phase 1)",
    firstProduction: "end-2028",
    mineLifeYears: 37,
    jobs: { construction: 7500, permanent: 4000 },
  },
  tags: ["japan-desk", "jbic", "komatsu"],
  sourceNote:
    "domain-facts.md: Reko Diq (financing package Oct 2025); 000_2288232e1a423119.txt (Diamanium Thinkers: JBIC ~$300m Nov 2025, Komatsu $440m, SOE $2.145bn, BMRL $1.287bn)",
  incentives: [],
};

// ───────────── Punjab August 2025 Japan outreach (domain-facts.md; source article) ─────────────

const OUTREACH_SOURCE =
  "domain-facts.md: Japan–Pakistan ties (Punjab Aug 2025 outreach); 000_2288232e1a423119.txt (Diamanium Thinkers; centreline.com.pk 2025-08-20)";

const MORINAGA_CONTEXT =
  "During the Punjab Chief Minister's five-day visit to Japan in August 2025, Japanese investors were invited — including at meetings at Morinaga's headquarters — into dairy, infant formula, bakery and meat processing. The province highlighted its tax-free special economic zones, streamlined regulations and incentives, and its large agricultural base and consumer market; joint ventures are encouraged.";

type TOutreachInput = Pick<
  TSeedListing,
  "slug" | "title" | "titleJa" | "summary" | "summaryJa" | "description" | "sectorSlugs" | "district" | "instruments" | "facts" | "tags"
>;

function punjabOutreach(input: TOutreachInput): TSeedListing {
  return {
    ...input,
    kind: "PROVINCIAL_PROJECT",
    agencyCode: "PBIT",
    province: "PUNJAB",
    zone: null,
    amount: null,
    stage: "CONCEPT",
    areaAcres: null,
    developer: null,
    sourceNote: OUTREACH_SOURCE,
    incentives: [],
  };
}

export const PUNJAB_OUTREACH: TSeedListing[] = [
  punjabOutreach({
    slug: "punjab-dairy-processing",
    title: "Dairy processing in Punjab",
    titleJa: "パンジャブ州の乳製品加工",
    summary:
      "Punjab invites Japanese dairy processors to invest, building on the August 2025 Morinaga meetings, with tax-free SEZs and the province's large agricultural base.",
    summaryJa:
      "2025年8月の森永本社での会合を受け、パンジャブ州が日本の乳業メーカーに投資を呼びかけている。免税の経済特区と州の豊富な農業基盤を活用できる。",
    description: MORINAGA_CONTEXT,
    sectorSlugs: ["dairy"],
    district: null,
    instruments: ["JOINT_VENTURE", "EQUITY"],
    facts: { initiative: "Punjab CM Japan visit, Aug 2025", meetings: ["Morinaga headquarters"], focus: ["dairy"] },
    tags: ["japan-desk", "morinaga-outreach"],
  }),
  punjabOutreach({
    slug: "punjab-infant-formula",
    title: "Infant formula production in Punjab",
    titleJa: "パンジャブ州での乳児用調製粉乳の製造",
    summary:
      "Opportunity for Japanese infant-formula makers to produce in Punjab, raised at the August 2025 Morinaga meetings; production in Punjab's SEZs qualifies for SEZ incentives, and joint ventures with local dairy producers can be explored.",
    summaryJa:
      "2025年8月の森永本社での会合で提起された、日本の育児用粉ミルクメーカーによるパンジャブ州での製造機会。経済特区の優遇措置を利用でき、地元乳業者との合弁も検討できる。",
    description: MORINAGA_CONTEXT,
    sectorSlugs: ["infant-formula", "dairy"],
    district: null,
    instruments: ["JOINT_VENTURE", "EQUITY"],
    facts: { initiative: "Punjab CM Japan visit, Aug 2025", meetings: ["Morinaga headquarters"], focus: ["infant formula"] },
    tags: ["japan-desk", "morinaga-outreach"],
  }),
  punjabOutreach({
    slug: "punjab-bakery",
    title: "Bakery products manufacturing in Punjab",
    titleJa: "パンジャブ州でのベーカリー製品製造",
    summary:
      "Punjab seeks Japanese investment in industrial bakery, one of the food sectors presented at the August 2025 Morinaga meetings, serving a large domestic consumer market.",
    summaryJa:
      "2025年8月の森永本社での会合で紹介された食品分野の一つで、パンジャブ州が日本企業に製パン・ベーカリー事業への投資を求めている。大きな国内消費市場が見込める。",
    description: MORINAGA_CONTEXT,
    sectorSlugs: ["bakery"],
    district: null,
    instruments: ["JOINT_VENTURE", "EQUITY"],
    facts: { initiative: "Punjab CM Japan visit, Aug 2025", meetings: ["Morinaga headquarters"], focus: ["bakery"] },
    tags: ["japan-desk", "morinaga-outreach"],
  }),
  punjabOutreach({
    slug: "punjab-meat-processing",
    title: "Meat processing in Punjab",
    titleJa: "パンジャブ州の食肉加工",
    summary:
      "Punjab invites Japanese investors into meat processing, presented at the August 2025 Morinaga meetings, drawing on the province's livestock base and tax-free SEZs.",
    summaryJa:
      "2025年8月の森永本社での会合で紹介された食肉加工分野。州の畜産基盤と免税の経済特区を活用した日本企業の投資を呼びかけている。",
    description: MORINAGA_CONTEXT,
    sectorSlugs: ["meat-processing"],
    district: null,
    instruments: ["JOINT_VENTURE", "EQUITY"],
    facts: { initiative: "Punjab CM Japan visit, Aug 2025", meetings: ["Morinaga headquarters"], focus: ["meat processing"] },
    tags: ["japan-desk", "morinaga-outreach"],
  }),
  punjabOutreach({
    slug: "punjab-wastewater-treatment-yokohama-model",
    title: "Sewage and wastewater treatment for Punjab cities (Yokohama model)",
    titleJa: "パンジャブ州都市部の下水・排水処理（横浜モデル）",
    summary:
      "After visiting Yokohama's water filtration and waste treatment plant in August 2025, the Punjab Chief Minister pledged to adopt similar technology for the province's sewage systems, under a city-to-city agreement with Yokohama.",
    summaryJa:
      "2025年8月に横浜市の浄水・廃棄物処理施設を視察したパンジャブ州首相は、同様の技術を州の下水道に導入すると表明。横浜市との都市間協力協定に基づく案件。",
    description:
      "The Yokohama city-to-city agreement covers urban planning, transport, wastewater and waste-to-energy. Punjab aims to bring its sewage treatment to Japanese standards; technology partners, EPC contractors and PPP investors are sought. Size and sites are to be defined with PBIT.",
    sectorSlugs: ["water-treatment"],
    district: null,
    instruments: ["PPP", "JOINT_VENTURE"],
    facts: {
      initiative: "Punjab CM Japan visit, Aug 2025",
      partnerCity: "Yokohama",
      agreement: "city-to-city agreement (urban planning, transport, wastewater, waste-to-energy)",
    },
    tags: ["japan-desk", "yokohama-model"],
  }),
  punjabOutreach({
    slug: "punjab-waste-to-energy-suthra-punjab",
    title: "Solid waste management and waste-to-energy (Suthra Punjab)",
    titleJa: "固形廃棄物処理と廃棄物発電（スットラ・パンジャブ）",
    summary:
      "Punjab's Suthra Punjab clean-city programme follows the Tokyo model; after the August 2025 Yokohama visit the province seeks Japanese technology and investment for solid waste treatment and waste-to-energy.",
    summaryJa:
      "パンジャブ州の都市清掃プログラム「スットラ・パンジャブ（Suthra Punjab）」は東京モデルを手本としている。2025年8月の横浜視察を受け、州は固形廃棄物処理と廃棄物発電への日本の技術と投資を求めている。",
    description:
      "Waste-to-energy is part of the Yokohama city-to-city agreement. Technology partners and PPP investors are sought; capacity, sites and tariffs are to be defined with PBIT.",
    sectorSlugs: ["waste-management", "energy"],
    district: null,
    instruments: ["PPP", "JOINT_VENTURE"],
    facts: {
      initiative: "Punjab CM Japan visit, Aug 2025",
      programme: "Suthra Punjab (Tokyo model)",
      partnerCity: "Yokohama",
    },
    tags: ["japan-desk", "yokohama-model", "suthra-punjab"],
  }),
  punjabOutreach({
    slug: "lahore-smart-transport",
    title: "Smart transport for Lahore",
    titleJa: "ラホールのスマート交通",
    summary:
      "Punjab plans to model Lahore and other cities on Japanese blueprints, with smart transportation and eco-friendly design, following the Chief Minister's visit to Osaka Expo 2025.",
    summaryJa:
      "大阪・関西万博2025の視察を受け、パンジャブ州はラホールなどの都市を日本の都市計画を手本に整備し、スマート交通と環境配慮型のまちづくりを進める計画。",
    description:
      "Transport is one of the fields of the Yokohama city-to-city agreement. Technology, systems integration and PPP partners are sought; scope is to be defined with PBIT.",
    sectorSlugs: ["smart-transport"],
    district: "Lahore",
    instruments: ["PPP", "JOINT_VENTURE"],
    facts: {
      initiative: "Punjab CM Japan visit, Aug 2025 (Osaka Expo 2025)",
      partnerCity: "Yokohama",
    },
    tags: ["japan-desk", "yokohama-model"],
  }),
];

// ───────────── Other SIFC-list projects (domain-facts.md "SIFC list (28 projects)") ─────────────

const SIFC_SOURCE = "domain-facts.md: SIFC list (28 projects)";
const SIFC_LINE = "On the SIFC list of 28 projects approved by its Apex Committee.";
const SIFC_LINE_JA = "特別投資促進評議会（SIFC）のアペックス委員会が承認した28案件の一つ。";
const TO_CONFIRM = "Investment size, timeline and structure are to be confirmed with SIFC.";
const TO_CONFIRM_JA = "投資規模・スケジュール・スキームはSIFCに要確認。";
/**
 * The facts give no location for several SIFC projects, but a listing needs a
 * province: they are filed under Islamabad, where SIFC sits, and say so.
 */
const LOCATION_UNSPECIFIED = "location not given in the SIFC list (n/f); filed under Islamabad, the seat of SIFC, until confirmed";
const STAGE_UNSPECIFIED = "stage not given in the SIFC list (n/f); recorded as feasibility until confirmed";

type TSifcInput = Pick<
  TSeedListing,
  "slug" | "title" | "titleJa" | "summary" | "summaryJa" | "sectorSlugs" | "province" | "district" | "instruments" | "stage" | "facts"
>;

function sifcProject(input: TSifcInput): TSeedListing {
  return {
    ...input,
    summary: `${input.summary} ${SIFC_LINE}`,
    summaryJa: `${input.summaryJa}${SIFC_LINE_JA}`,
    description: TO_CONFIRM,
    kind: "NATIONAL_PROJECT",
    agencyCode: "SIFC",
    zone: null,
    amount: null,
    areaAcres: null,
    developer: null,
    tags: [],
    sourceNote: SIFC_SOURCE,
    incentives: [],
  };
}

export const SIFC_PROJECTS: TSeedListing[] = [
  sifcProject({
    slug: "diamer-bhasha-dam",
    title: "Diamer-Bhasha dam",
    titleJa: "ディアメル・バシャ・ダム",
    summary: "Large dam and hydropower project in Diamer, Gilgit-Baltistan.",
    summaryJa: "ギルギット・バルティスタン州ディアメル地区の大型ダム・水力発電事業。",
    sectorSlugs: ["renewables"],
    province: "GILGIT_BALTISTAN",
    district: "Diamer",
    instruments: ["PPP", "DEBT"],
    stage: "UNDER_CONSTRUCTION",
    facts: {
      sifcList: true,
      stageNote: "main works under way since 2020 (public record, not in domain-facts.md; confirm with SIFC)",
    },
  }),
  sifcProject({
    slug: "sifc-oil-refinery",
    title: "Oil refinery project",
    titleJa: "製油所建設プロジェクト",
    summary: "New oil refinery project offered to investors by SIFC.",
    summaryJa: "SIFCが投資家に提示している新規製油所の建設事業。",
    sectorSlugs: ["energy", "chemicals"],
    province: null,
    district: null,
    instruments: ["EQUITY", "JOINT_VENTURE"],
    stage: "FEASIBILITY",
    facts: { sifcList: true, locationNote: LOCATION_UNSPECIFIED, stageNote: STAGE_UNSPECIFIED },
  }),
  sifcProject({
    slug: "tapi-gas-pipeline",
    title: "TAPI gas pipeline (Turkmenistan–Afghanistan–Pakistan–India)",
    titleJa: "TAPIガスパイプライン（トルクメニスタン・アフガニスタン・パキスタン・インド）",
    summary: "Cross-border natural-gas pipeline from Turkmenistan through Afghanistan and Pakistan to India.",
    summaryJa: "トルクメニスタンからアフガニスタン、パキスタンを経てインドに至る国際天然ガスパイプライン。",
    sectorSlugs: ["energy"],
    province: null,
    district: null,
    instruments: ["EQUITY", "DEBT"],
    stage: "FEASIBILITY",
    facts: {
      sifcList: true,
      locationNote: `multi-province route; ${LOCATION_UNSPECIFIED}`,
      stageNote: STAGE_UNSPECIFIED,
    },
  }),
  sifcProject({
    slug: "thar-coal-rail-link",
    title: "Thar coal rail link",
    titleJa: "タール炭田鉄道接続線",
    summary: "Rail link to carry coal from the Thar coalfield in Sindh to the national network.",
    summaryJa: "シンド州タール炭田の石炭を国内鉄道網へ輸送するための鉄道接続線。",
    sectorSlugs: ["logistics-warehousing", "energy"],
    province: "SINDH",
    district: "Tharparkar",
    instruments: ["PPP", "DEBT"],
    stage: "FEASIBILITY",
    facts: { sifcList: true, stageNote: STAGE_UNSPECIFIED },
  }),
  sifcProject({
    slug: "gilgit-baltistan-hydropower-245mw",
    title: "245 MW hydropower project, Gilgit-Baltistan",
    titleJa: "ギルギット・バルティスタン州245MW水力発電プロジェクト",
    summary: "245 MW hydropower plant in Gilgit-Baltistan.",
    summaryJa: "ギルギット・バルティスタン州の出力245MWの水力発電所。",
    sectorSlugs: ["renewables"],
    province: "GILGIT_BALTISTAN",
    district: null,
    instruments: ["PPP", "EQUITY"],
    stage: "FEASIBILITY",
    facts: { sifcList: true, capacityMw: 245, stageNote: STAGE_UNSPECIFIED },
  }),
  sifcProject({
    slug: "sifc-corporate-farming",
    title: "Corporate farming",
    titleJa: "企業型農業（コーポレート・ファーミング）",
    summary: "Large-scale corporate farming with modern agricultural practice, under SIFC's agriculture and livestock track.",
    summaryJa: "SIFCの農業・畜産分野における、近代的な農法を用いた大規模な企業型農業。",
    sectorSlugs: ["corporate-farming", "agrotech"],
    province: null,
    district: null,
    instruments: ["JOINT_VENTURE", "EQUITY"],
    stage: "FEASIBILITY",
    facts: { sifcList: true, locationNote: LOCATION_UNSPECIFIED, stageNote: STAGE_UNSPECIFIED },
  }),
  sifcProject({
    slug: "sifc-cloud-telecom",
    title: "Cloud and telecom infrastructure",
    titleJa: "クラウド・通信インフラ",
    summary: "Cloud computing and telecom infrastructure, under SIFC's IT track.",
    summaryJa: "SIFCのIT分野におけるクラウドコンピューティングと通信インフラの整備事業。",
    sectorSlugs: ["cloud-telecom"],
    province: null,
    district: null,
    instruments: ["EQUITY", "JOINT_VENTURE"],
    stage: "FEASIBILITY",
    facts: { sifcList: true, locationNote: LOCATION_UNSPECIFIED, stageNote: STAGE_UNSPECIFIED },
  }),
  sifcProject({
    slug: "sifc-semiconductor-design",
    title: "Semiconductor design",
    titleJa: "半導体設計",
    summary: "Semiconductor (chip) design capacity in Pakistan, under SIFC's IT track.",
    summaryJa: "SIFCのIT分野における、パキスタン国内での半導体（チップ）設計拠点の整備。",
    sectorSlugs: ["semiconductor-design"],
    province: null,
    district: null,
    instruments: ["EQUITY", "JOINT_VENTURE"],
    stage: "FEASIBILITY",
    facts: { sifcList: true, locationNote: LOCATION_UNSPECIFIED, stageNote: STAGE_UNSPECIFIED },
  }),
  sifcProject({
    slug: "sifc-smart-devices",
    title: "Smart devices manufacturing",
    titleJa: "スマートデバイス製造",
    summary: "Manufacturing of smart devices in Pakistan, under SIFC's IT track.",
    summaryJa: "SIFCのIT分野における、パキスタン国内でのスマートデバイス製造事業。",
    sectorSlugs: ["it"],
    province: null,
    district: null,
    instruments: ["EQUITY", "JOINT_VENTURE"],
    stage: "FEASIBILITY",
    facts: { sifcList: true, locationNote: LOCATION_UNSPECIFIED, stageNote: STAGE_UNSPECIFIED },
  }),
];

export const LISTINGS: TSeedListing[] = [REKO_DIQ, ...PUNJAB_ESTATES, ...PUNJAB_OUTREACH, ...SIFC_PROJECTS];
