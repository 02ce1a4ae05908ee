// Reads of listings for public pages. Returns DTOs: only what a visitor may see.
import { db, type Prisma } from "@/lib/db/client";

export type TListingCard = {
  id: string;
  slug: string;
  kind: string;
  title: string;
  summary: string;
  province: string | null;
  district: string | null;
  stage: string;
  amountUsdCents: bigint | null;
  areaAcres: string | null;
  agencyName: string;
  sectorNames: string[];
  publishedAt: Date | null;
};

export type TLandingStats = {
  published: number;
  punjabZones: number;
  agencies: number;
  sectors: number;
};

export async function getLandingStats(): Promise<TLandingStats> {
  const prisma = db();
  const [published, punjabZones, agencies, sectors] = await Promise.all([
    prisma.listing.count({ where: { status: "PUBLISHED" } }),
    prisma.listing.count({
      where: { status: "PUBLISHED", province: "PUNJAB", kind: { in: ["SEZ", "INDUSTRIAL_ESTATE"] } },
    }),
    prisma.organization.count({ where: { kind: "AGENCY" } }),
    prisma.sector.count({ where: { mergedIntoId: null } }),
  ]);
  return { published, punjabZones, agencies, sectors };
}

export async function listNewestPublished(options: { limit: number; locale: "en" | "ja" }): Promise<TListingCard[]> {
  return listPublishedCards({ ...options, where: {}, orderBy: [{ publishedAt: "desc" }, { id: "asc" }] });
}

async function listPublishedCards(options: {
  limit: number;
  locale: "en" | "ja";
  where: Prisma.ListingWhereInput;
  orderBy: Prisma.ListingOrderByWithRelationInput[];
}): Promise<TListingCard[]> {
  const prisma = db();
  const rows = await prisma.listing.findMany({
    where: { ...options.where, status: "PUBLISHED" },
    orderBy: options.orderBy,
    take: options.limit,
    select: {
      id: true,
      slug: true,
      kind: true,
      title: true,
      titleJa: true,
      summary: true,
      summaryJa: true,
      province: true,
      district: true,
      stage: true,
      amountUsdCents: true,
      areaAcres: true,
      sectorIds: true,
      publishedAt: true,
      agency: { select: { name: true, nameJa: true } },
    },
  });
  const sectorIds = [...new Set(rows.flatMap((row) => row.sectorIds))];
  const sectors = await prisma.sector.findMany({
    where: { id: { in: sectorIds } },
    select: { id: true, nameEn: true, nameJa: true },
  });
  const ja = options.locale === "ja";
  const sectorName = new Map(sectors.map((s) => [s.id, ja ? s.nameJa : s.nameEn]));
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: (ja && row.titleJa) || row.title,
    summary: (ja && row.summaryJa) || row.summary,
    province: row.province,
    district: row.district,
    stage: row.stage,
    amountUsdCents: row.amountUsdCents,
    areaAcres: row.areaAcres?.toString() ?? null,
    agencyName: (ja && row.agency.nameJa) || row.agency.name,
    sectorNames: row.sectorIds.map((id) => sectorName.get(id)).filter((n): n is string => Boolean(n)),
    publishedAt: row.publishedAt,
  }));
}

/** Tags that mark an opportunity with a Japanese link (financier, outreach, model). */
export const JAPAN_TAGS = ["japan-desk", "jbic", "komatsu", "morinaga-outreach", "yokohama-model"];

export async function listJapanHighlights(options: { limit: number; locale: "en" | "ja" }): Promise<TListingCard[]> {
  return listPublishedCards({ ...options, where: { tags: { hasSome: JAPAN_TAGS } }, orderBy: [{ completeness: "desc" }, { id: "asc" }] });
}

export type TZoneRow = { id: string; title: string; kind: string; district: string | null; areaAcres: string | null; developer: string | null };

/** Punjab's SEZs and industrial estates at a glance, largest first. */
export async function listPunjabZones(options: { locale: "en" | "ja" }): Promise<TZoneRow[]> {
  const rows = await db().listing.findMany({
    where: { status: "PUBLISHED", province: "PUNJAB", kind: { in: ["SEZ", "INDUSTRIAL_ESTATE"] } },
    orderBy: [{ areaAcres: { sort: "desc", nulls: "last" } }, { title: "asc" }],
    take: 50,
    select: { id: true, title: true, titleJa: true, kind: true, district: true, areaAcres: true, developer: true },
  });
  return rows.map((row) => ({
    id: row.id,
    title: (options.locale === "ja" && row.titleJa) || row.title,
    kind: row.kind,
    district: row.district,
    areaAcres: row.areaAcres?.toString() ?? null,
    developer: row.developer,
  }));
}
