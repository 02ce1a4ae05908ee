// Sector taxonomy (two levels). Top-level sectors follow the SIFC sector list and
// the focus columns of the Punjab SEZ table; children follow the Japan outreach
// themes (domain-facts.md: Japan–Pakistan ties; 000_2288232e1a423119.txt).
// Parents come before their children so a single pass can link them.
import type { TSeedSector } from "./types";

type TSectorNode = { slug: string; nameEn: string; nameJa: string; children?: TSectorNode[] };

const TREE: TSectorNode[] = [
  {
    slug: "food-processing",
    nameEn: "Food processing",
    nameJa: "食品加工",
    children: [
      { slug: "dairy", nameEn: "Dairy", nameJa: "酪農・乳製品" },
      { slug: "infant-formula", nameEn: "Infant formula", nameJa: "乳児用調製粉乳" },
      { slug: "bakery", nameEn: "Bakery", nameJa: "製パン・ベーカリー" },
      { slug: "meat-processing", nameEn: "Meat processing", nameJa: "食肉加工" },
    ],
  },
  {
    slug: "mining",
    nameEn: "Mining",
    nameJa: "鉱業",
    children: [{ slug: "copper-gold", nameEn: "Copper-gold", nameJa: "銅・金" }],
  },
  {
    slug: "urban-infrastructure",
    nameEn: "Urban infrastructure",
    nameJa: "都市インフラ",
    children: [
      { slug: "water-treatment", nameEn: "Water treatment", nameJa: "水処理・下水処理" },
      { slug: "waste-management", nameEn: "Waste management", nameJa: "廃棄物処理" },
      { slug: "smart-transport", nameEn: "Smart transport", nameJa: "スマート交通" },
    ],
  },
  {
    slug: "energy",
    nameEn: "Energy",
    nameJa: "エネルギー",
    children: [
      { slug: "biofuels", nameEn: "Biofuels", nameJa: "バイオ燃料" },
      { slug: "renewables", nameEn: "Renewables", nameJa: "再生可能エネルギー" },
    ],
  },
  {
    slug: "it",
    nameEn: "IT",
    nameJa: "IT（情報技術）",
    children: [
      { slug: "cloud-telecom", nameEn: "Cloud & telecom", nameJa: "クラウド・通信" },
      { slug: "semiconductor-design", nameEn: "Semiconductor design", nameJa: "半導体設計" },
    ],
  },
  {
    slug: "agriculture",
    nameEn: "Agriculture",
    nameJa: "農業",
    children: [
      { slug: "agrotech", nameEn: "Agrotech", nameJa: "アグリテック" },
      { slug: "corporate-farming", nameEn: "Corporate farming", nameJa: "企業型農業" },
    ],
  },
  { slug: "textiles", nameEn: "Textiles", nameJa: "繊維" },
  {
    slug: "automotive",
    nameEn: "Automotive",
    nameJa: "自動車",
    children: [{ slug: "auto-parts", nameEn: "Auto parts", nameJa: "自動車部品" }],
  },
  { slug: "pharmaceuticals", nameEn: "Pharmaceuticals", nameJa: "医薬品" },
  { slug: "chemicals", nameEn: "Chemicals", nameJa: "化学" },
  { slug: "light-engineering", nameEn: "Light engineering", nameJa: "軽機械工業" },
  { slug: "logistics-warehousing", nameEn: "Logistics & warehousing", nameJa: "物流・倉庫" },
  { slug: "steel", nameEn: "Steel", nameJa: "鉄鋼" },
  { slug: "construction-materials", nameEn: "Construction materials", nameJa: "建設資材" },
];

function flatten(nodes: TSectorNode[], parentSlug: string | null): TSeedSector[] {
  return nodes.flatMap((node, index) => [
    { slug: node.slug, nameEn: node.nameEn, nameJa: node.nameJa, parentSlug, sortOrder: (index + 1) * 10 },
    ...flatten(node.children ?? [], node.slug),
  ]);
}

/** Parents first, then their children (depth-first). */
export const SECTORS: TSeedSector[] = flatten(TREE, null);
