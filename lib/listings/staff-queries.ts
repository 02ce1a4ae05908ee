// Reads for the staff listing pages and the editor. Scoped by listingWriteWhere:
// staff see their agency's listings, admins all of them. Returns DTOs.
import type { TActiveActor } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import type { TCurrency } from "@/lib/money/format";
import { listingWriteWhere } from "./access";
import { storedToFormValues, type TListingFormValues } from "./form-values";
import type { TListingKind } from "./schemas";
import { completenessOfSnapshot, loadSnapshot } from "./versions";

export const STAFF_LISTINGS_PAGE_SIZE = 20;

type TStatus = "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CLOSED";

export type TStaffListingRow = {
  id: string;
  title: string;
  kind: TListingKind;
  status: TStatus;
  completeness: number;
  version: number;
  sentBack: boolean;
  updatedAt: Date;
};

export type TStaffListingPage = { rows: TStaffListingRow[]; total: number; page: number; pageCount: number };

export async function listAgencyListings(actor: TActiveActor, options: { page: number; locale: "en" | "ja" }): Promise<TStaffListingPage> {
  const where = listingWriteWhere(actor);
  const total = await db().listing.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / STAFF_LISTINGS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(options.page) || 1), pageCount);
  const rows = await db().listing.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * STAFF_LISTINGS_PAGE_SIZE,
    take: STAFF_LISTINGS_PAGE_SIZE,
    select: { id: true, title: true, titleJa: true, kind: true, status: true, completeness: true, version: true, reviewComment: true, updatedAt: true },
  });
  return {
    rows: rows.map((row) => ({
      id: row.id,
      title: (options.locale === "ja" && row.titleJa) || row.title,
      kind: row.kind,
      status: row.status,
      completeness: row.completeness,
      version: row.version,
      sentBack: row.status === "DRAFT" && row.reviewComment !== null,
      updatedAt: row.updatedAt,
    })),
    total,
    page,
    pageCount,
  };
}

export async function countAgencyListingsByStatus(actor: TActiveActor): Promise<Record<TStatus, number>> {
  const groups = await db().listing.groupBy({ by: ["status"], where: listingWriteWhere(actor), _count: { _all: true } });
  const counts: Record<TStatus, number> = { DRAFT: 0, SUBMITTED: 0, PUBLISHED: 0, CLOSED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

export type TEditorListing = {
  id: string;
  kind: TListingKind;
  status: TStatus;
  version: number;
  completeness: number;
  missing: string[];
  reviewComment: string | null;
  agencyName: string;
  updatedAt: Date;
  values: TListingFormValues;
};

/** The listing as the editor loads it, or null when the actor may not write it. */
export async function getListingForEditor(actor: TActiveActor, id: string): Promise<TEditorListing | null> {
  const row = await db().listing.findFirst({
    where: { AND: [{ id }, listingWriteWhere(actor)] },
    select: {
      id: true, kind: true, status: true, version: true, reviewComment: true, updatedAt: true,
      title: true, titleJa: true, summary: true, summaryJa: true, description: true, sectorIds: true, province: true, district: true,
      zone: true, amountMinor: true, currency: true, instruments: true, stage: true, areaAcres: true, developer: true,
      plotsAvailable: true, facts: true, tags: true, contactName: true, contactEmail: true, contactPhone: true,
      agency: { select: { name: true } },
      incentives: {
        where: { supersededAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, templateId: true, name: true, nameJa: true, legalBasis: true, validFrom: true, validTo: true },
      },
    },
  });
  if (!row) return null;
  const { score, missing } = completenessOfSnapshot(await loadSnapshot(db(), row.id));
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    version: row.version,
    completeness: score,
    missing,
    reviewComment: row.reviewComment,
    agencyName: row.agency.name,
    updatedAt: row.updatedAt,
    values: storedToFormValues({ ...row, areaAcres: row.areaAcres?.toString() ?? null, currency: row.currency as TCurrency }),
  };
}


export type TIncentiveTemplateOption = { id: string; code: string; name: string; nameEn: string; nameJa: string; legalBasis: string; description: string | null };

export async function listIncentiveTemplates(locale: "en" | "ja"): Promise<TIncentiveTemplateOption[]> {
  const rows = await db().incentiveTemplate.findMany({
    orderBy: [{ code: "asc" }],
    select: { id: true, code: true, nameEn: true, nameJa: true, legalBasis: true, description: true },
  });
  return rows.map((row) => ({ ...row, name: locale === "ja" ? row.nameJa : row.nameEn }));
}
