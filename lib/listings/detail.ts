// One opportunity for its public page: published listings for everybody, the
// agency's drafts for its staff and everything for admins (listingReadWhere);
// anything else does not exist. Contact details only reach signed-in, active
// investors. Returns a DTO: names in the reader's language, incentives with
// their history, no internal fields (review comments, creators).
import { activeOrNull } from "@/lib/auth/guards";
import type { TActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { TLocale } from "@/lib/i18n/config";
import type { TCurrency } from "@/lib/money/format";
import { listingReadWhere } from "./access";
import { searchListings, type TSearchItem } from "./search";
import { emptySearch, type TSearchParams } from "./search-schema";
import { getSectorTaxonomy, sectorName } from "./sector-taxonomy";
import { isUuid } from "@/lib/http/validation";
import { LISTING_CONTENT_SELECT } from "./content-select";


export type TIncentiveView = {
  id: string;
  name: string;
  legalBasis: string | null;
  validFrom: Date | null;
  validTo: Date | null;
  /** When a change replaced this record. */
  supersededAt: Date | null;
  state: "current" | "upcoming" | "ended";
};

export type TOpportunity = {
  id: string;
  kind: string;
  status: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CLOSED";
  title: string;
  summary: string;
  description: string | null;
  sectors: { slug: string; name: string; parentName: string | null }[];
  province: string | null;
  district: string | null;
  zone: string | null;
  amountMinor: bigint | null;
  currency: TCurrency;
  amountUsdCents: bigint | null;
  instruments: string[];
  stage: string;
  areaAcres: string | null;
  developer: string | null;
  plotsAvailable: number | null;
  facts: Record<string, unknown>;
  tags: string[];
  agency: { name: string; website: string | null };
  incentives: TIncentiveView[];
  /** null when the reader may not see it (anyone but a signed-in, active investor). */
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  sourceNote: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  sectorSlugs: string[];
};

export function canSeeContact(actor: TActor | null): boolean {
  return actor?.status === "ACTIVE" && actor.role === "INVESTOR";
}

function incentiveState(incentive: { validFrom: Date | null; validTo: Date | null; supersededAt: Date | null }, today: Date): TIncentiveView["state"] {
  if (incentive.supersededAt) return "ended";
  if (incentive.validTo && incentive.validTo < today) return "ended";
  if (incentive.validFrom && incentive.validFrom > today) return "upcoming";
  return "current";
}

/** The opportunity, or null when it does not exist for this reader (a malformed id included). */
export async function getOpportunity(id: string, actor: TActor | null, locale: TLocale): Promise<TOpportunity | null> {
  if (!isUuid(id)) return null;
  const row = await db().listing.findFirst({
    where: { AND: [{ id }, listingReadWhere(activeOrNull(actor))] },
    select: {
      ...LISTING_CONTENT_SELECT,
      id: true,
      status: true,
      sourceNote: true,
      publishedAt: true,
      updatedAt: true,
      agency: { select: { name: true, nameJa: true, website: true } },
      incentives: {
        orderBy: [{ supersededAt: { sort: "desc", nulls: "first" } }, { validTo: { sort: "asc", nulls: "last" } }, { name: "asc" }],
        select: { id: true, name: true, nameJa: true, legalBasis: true, validFrom: true, validTo: true, supersededAt: true },
      },
    },
  });
  if (!row) return null;
  const taxonomy = await getSectorTaxonomy();
  const ja = locale === "ja";
  const today = new Date(new Date().toISOString().slice(0, 10));
  const facts = row.facts && typeof row.facts === "object" && !Array.isArray(row.facts) ? (row.facts as Record<string, unknown>) : {};
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: (ja && row.titleJa) || row.title,
    summary: (ja && row.summaryJa) || row.summary,
    description: row.description,
    sectors: row.sectorIds
      .map((sectorId) => taxonomy.byId.get(sectorId))
      .filter((node) => node !== undefined)
      .map((node) => {
        const parent = node.parentId ? taxonomy.byId.get(node.parentId) : undefined;
        return { slug: node.slug, name: sectorName(node, locale), parentName: parent ? sectorName(parent, locale) : null };
      }),
    sectorSlugs: row.sectorIds.map((sectorId) => taxonomy.byId.get(sectorId)?.slug).filter((slug): slug is string => Boolean(slug)),
    province: row.province,
    district: row.district,
    zone: row.zone,
    amountMinor: row.amountMinor,
    currency: row.currency,
    amountUsdCents: row.amountUsdCents,
    instruments: row.instruments,
    stage: row.stage,
    areaAcres: row.areaAcres?.toString() ?? null,
    developer: row.developer,
    plotsAvailable: row.plotsAvailable,
    facts,
    tags: row.tags,
    agency: { name: (ja && row.agency.nameJa) || row.agency.name, website: row.agency.website },
    incentives: row.incentives.map((incentive) => ({
      id: incentive.id,
      name: (ja && incentive.nameJa) || incentive.name,
      legalBasis: incentive.legalBasis,
      validFrom: incentive.validFrom,
      validTo: incentive.validTo,
      supersededAt: incentive.supersededAt,
      state: incentiveState(incentive, today),
    })),
    contact: canSeeContact(actor) ? { name: row.contactName, email: row.contactEmail, phone: row.contactPhone } : null,
    sourceNote: row.sourceNote,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Up to `limit` other published opportunities: first those sharing a sector,
 * then those in the same province. Two keyset searches without facets: cheap
 * at any size.
 */
export async function listSimilarOpportunities(listing: Pick<TOpportunity, "id" | "sectorSlugs" | "province">, locale: TLocale, limit = 4): Promise<TSearchItem[]> {
  const found: TSearchItem[] = [];
  const add = (items: TSearchItem[]) => {
    for (const item of items) if (item.id !== listing.id && !found.some((entry) => entry.id === item.id) && found.length < limit) found.push(item);
  };
  if (listing.sectorSlugs.length > 0) {
    const bySector = await searchListings(emptySearch({ sector: listing.sectorSlugs, sort: "newest", limit: limit + 1 }), { locale }, { facets: false });
    add(bySector.items);
  }
  if (found.length < limit && listing.province) {
    const province = listing.province as TSearchParams["province"][number];
    const byProvince = await searchListings(emptySearch({ province: [province], sort: "newest", limit: limit + 1 + found.length }), { locale }, { facets: false });
    add(byProvince.items);
  }
  return found;
}
