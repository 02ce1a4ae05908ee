// A listing as the REST API returns it. The zod schema documents the response
// in the OpenAPI document and types the mapper, so the two cannot drift. Money
// is a decimal string with its currency (never a float); BigInt never leaves.
import { z } from "zod";
import type { TActiveActor } from "@/lib/auth/guards";
import { db, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { minorToDecimalString } from "@/lib/money/parse";
import { listingReadWhere, listingWriteWhere } from "./access";
import { CURRENCIES, INSTRUMENTS, LISTING_KINDS, LISTING_STATUSES, PROVINCES, STAGES } from "./schemas";
import { LISTING_CONTENT_SELECT } from "./content-select";

const ZDateTime = z.iso.datetime().meta({ description: "ISO 8601 date-time (UTC)." });
const ZDate = z.iso.date().meta({ description: "ISO 8601 date." });

export const ZMoneyDto = z
  .object({
    amount: z.string().regex(/^\d+(\.\d+)?$/).meta({ description: "Decimal string in major units (never a float).", example: "12500000.50" }),
    currency: z.enum(CURRENCIES),
  })
  .meta({ id: "Money", description: "An amount of money: a decimal string in major units and its ISO 4217 currency." });

export const ZListingDto = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    kind: z.enum(LISTING_KINDS),
    status: z.enum(LISTING_STATUSES),
    version: z.int(),
    agency: z.object({ id: z.uuid(), name: z.string(), nameJa: z.string().nullable() }),
    title: z.string(),
    titleJa: z.string().nullable(),
    summary: z.string(),
    summaryJa: z.string().nullable(),
    description: z.string().nullable(),
    sectors: z.array(z.object({ id: z.uuid(), slug: z.string(), nameEn: z.string(), nameJa: z.string() })),
    province: z.enum(PROVINCES).nullable(),
    district: z.string().nullable(),
    zone: z.string().nullable(),
    investment: ZMoneyDto.nullable().meta({ description: "Investment size in the currency the agency gave." }),
    investmentUsd: ZMoneyDto.nullable().meta({ description: "The same amount normalised to USD with the exchange rate of the day it was saved." }),
    instruments: z.array(z.enum(INSTRUMENTS)),
    stage: z.enum(STAGES),
    tags: z.array(z.string()),
    facts: z.record(z.string(), z.unknown()).meta({
      description:
        "Kind-specific facts. Zones and estates: areaAcres, developer, plotsAvailable, powerMw, gas, waterMgd, motorwayKm, portKm, airportKm, plotSizes, pricePerAcrePkr. Plots: areaAcres, pricePerAcrePkr, tenure, developer. Projects: sponsor, totalCost, financingSought (Money), timelineStart, timelineEnd, milestones. Seeded listings may carry further documented facts.",
    }),
    incentives: z.array(
      z.object({ id: z.uuid(), name: z.string(), nameJa: z.string().nullable(), legalBasis: z.string().nullable(), validFrom: ZDate.nullable(), validTo: ZDate.nullable() }),
    ),
    contact: z
      .object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
      .nullable()
      .meta({ description: "The agency's contact person; null for anonymous callers." }),
    completeness: z.int().min(0).max(100),
    reviewComment: z.string().nullable().meta({ description: "The administrator's comment when the listing was sent back; only for its agency and admins." }),
    createdAt: ZDateTime,
    updatedAt: ZDateTime,
    submittedAt: ZDateTime.nullable(),
    publishedAt: ZDateTime.nullable(),
    closedAt: ZDateTime.nullable(),
  })
  .meta({ id: "Listing" });

export type TListingDto = z.infer<typeof ZListingDto>;

export const LISTING_DTO_SELECT = {
  ...LISTING_CONTENT_SELECT,
  id: true,
  slug: true,
  status: true,
  version: true,
  agencyId: true,
  agency: { select: { id: true, name: true, nameJa: true } },
  incentives: {
    where: { supersededAt: null },
    orderBy: [{ validTo: { sort: "asc", nulls: "last" } }, { name: "asc" }],
    select: { id: true, name: true, nameJa: true, legalBasis: true, validFrom: true, validTo: true },
  },
  completeness: true,
  reviewComment: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  publishedAt: true,
  closedAt: true,
} as const satisfies Prisma.ListingSelect;

type TListingRow = Prisma.ListingGetPayload<{ select: typeof LISTING_DTO_SELECT }>;
type TSectorRow = { id: string; slug: string; nameEn: string; nameJa: string };

const dateOnly = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Facts JSON with the column-backed facts merged in (as the editor sees them). */
function factsOf(row: TListingRow): Record<string, unknown> {
  const stored = row.facts && typeof row.facts === "object" && !Array.isArray(row.facts) ? (row.facts as Record<string, unknown>) : {};
  const facts: Record<string, unknown> = { ...stored };
  if (row.areaAcres !== null) facts.areaAcres = row.areaAcres.toString();
  if (row.developer !== null) facts.developer = row.developer;
  if (row.plotsAvailable !== null) facts.plotsAvailable = row.plotsAvailable;
  return facts;
}

export function toListingDto(row: TListingRow, sectors: ReadonlyMap<string, TSectorRow>, view: { signedIn: boolean; writer: boolean }): TListingDto {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    status: row.status,
    version: row.version,
    agency: row.agency,
    title: row.title,
    titleJa: row.titleJa,
    summary: row.summary,
    summaryJa: row.summaryJa,
    description: row.description,
    sectors: row.sectorIds.map((id) => sectors.get(id)).filter((sector): sector is TSectorRow => Boolean(sector)),
    province: row.province,
    district: row.district,
    zone: row.zone,
    investment: row.amountMinor === null ? null : { amount: minorToDecimalString(row.amountMinor, row.currency), currency: row.currency },
    investmentUsd: row.amountUsdCents === null ? null : { amount: minorToDecimalString(row.amountUsdCents, "USD"), currency: "USD" },
    instruments: row.instruments,
    stage: row.stage,
    tags: row.tags,
    facts: factsOf(row),
    incentives: row.incentives.map((incentive) => ({ ...incentive, validFrom: dateOnly(incentive.validFrom), validTo: dateOnly(incentive.validTo) })),
    contact: view.signedIn ? { name: row.contactName, email: row.contactEmail, phone: row.contactPhone } : null,
    completeness: row.completeness,
    reviewComment: view.writer ? row.reviewComment : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    publishedAt: iso(row.publishedAt),
    closedAt: iso(row.closedAt),
  };
}

/**
 * One listing for the API: published ones for everybody, the agency's own for
 * its staff, any for admins (listingReadWhere). Anything else is a 404.
 */
export async function getListingDto(actor: TActiveActor | null, id: string): Promise<TListingDto> {
  const row = await db().listing.findFirst({ where: { AND: [{ id }, listingReadWhere(actor)] }, select: LISTING_DTO_SELECT });
  if (!row) throw notFound();
  const sectors = await db().sector.findMany({ where: { id: { in: row.sectorIds } }, select: { id: true, slug: true, nameEn: true, nameJa: true } });
  const writer = actor !== null && (await db().listing.count({ where: { AND: [{ id }, listingWriteWhere(actor)] } })) === 1;
  return toListingDto(row, new Map(sectors.map((sector) => [sector.id, sector])), { signedIn: actor !== null, writer });
}
