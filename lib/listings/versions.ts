// Published versions of a listing: the snapshot written at each published
// version, the diff between two snapshots (by field group, as investors read
// it: "incentives changed"), and the notice shown to an investor who saved a
// listing that changed since they last looked.
import { db, type Prisma } from "@/lib/db/client";
import { scoreCompleteness, type TCompleteness } from "./completeness";
import type { TListingKind } from "./schemas";
import { LISTING_CONTENT_SELECT } from "./content-select";

export type TSnapshotIncentive = {
  templateId: string | null;
  name: string;
  nameJa: string | null;
  legalBasis: string | null;
  validFrom: string | null;
  validTo: string | null;
};

/** What a ListingVersion stores: the editable state of the listing, amounts as strings. */
export type TListingSnapshot = {
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
  investment: { amountMinor: string; currency: string; amountUsdCents: string | null } | null;
  instruments: string[];
  stage: string;
  /** Kind-specific facts with areaAcres, developer and plotsAvailable merged in. */
  facts: Record<string, unknown>;
  tags: string[];
  contact: { name: string | null; email: string | null; phone: string | null };
  incentives: TSnapshotIncentive[];
};

/** The groups changes are reported in, in display order. */
export const VERSION_FIELD_GROUPS = {
  basics: ["title", "titleJa", "summary", "summaryJa", "description"],
  sectors: ["sectorIds"],
  location: ["province", "district", "zone"],
  investment: ["investment"],
  instruments: ["instruments"],
  stage: ["stage"],
  facts: ["facts"],
  incentives: ["incentives"],
  contact: ["contact"],
  tags: ["tags"],
} as const satisfies Record<string, readonly (keyof TListingSnapshot)[]>;

export type TVersionFieldGroup = keyof typeof VERSION_FIELD_GROUPS;

/** JSON with sorted keys, so two equal values always compare equal. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The field groups that differ between two snapshots (either may be a stored JSON value). */
export function diffVersions(a: Partial<TListingSnapshot> | null | undefined, b: Partial<TListingSnapshot> | null | undefined): TVersionFieldGroup[] {
  const left = (a ?? {}) as Record<string, unknown>;
  const right = (b ?? {}) as Record<string, unknown>;
  return (Object.keys(VERSION_FIELD_GROUPS) as TVersionFieldGroup[]).filter((group) =>
    VERSION_FIELD_GROUPS[group].some((field) => stable(left[field]) !== stable(right[field])),
  );
}

const dateOnly = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);

export const SNAPSHOT_SELECT = {
  ...LISTING_CONTENT_SELECT,
  incentives: {
    where: { supersededAt: null },
    select: { templateId: true, name: true, nameJa: true, legalBasis: true, validFrom: true, validTo: true },
  },
} as const satisfies Prisma.ListingSelect;

type TSnapshotRow = Prisma.ListingGetPayload<{ select: typeof SNAPSHOT_SELECT }>;

export function toSnapshot(row: TSnapshotRow): TListingSnapshot {
  const stored = row.facts && typeof row.facts === "object" && !Array.isArray(row.facts) ? (row.facts as Record<string, unknown>) : {};
  const facts: Record<string, unknown> = { ...stored };
  if (row.areaAcres !== null) facts.areaAcres = row.areaAcres.toString();
  if (row.developer !== null) facts.developer = row.developer;
  if (row.plotsAvailable !== null) facts.plotsAvailable = row.plotsAvailable;
  const incentives = row.incentives
    .map((incentive) => ({ ...incentive, validFrom: dateOnly(incentive.validFrom), validTo: dateOnly(incentive.validTo) }))
    .sort((x, y) => stable(x).localeCompare(stable(y)));
  return {
    kind: row.kind,
    title: row.title,
    titleJa: row.titleJa,
    summary: row.summary,
    summaryJa: row.summaryJa,
    description: row.description,
    sectorIds: [...row.sectorIds].sort(),
    province: row.province,
    district: row.district,
    zone: row.zone,
    investment:
      row.amountMinor === null
        ? null
        : { amountMinor: row.amountMinor.toString(), currency: row.currency, amountUsdCents: row.amountUsdCents?.toString() ?? null },
    instruments: [...row.instruments].sort(),
    stage: row.stage,
    facts,
    tags: row.tags,
    contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone },
    incentives,
  };
}

type TReader = Pick<Prisma.TransactionClient, "listing">;

export async function loadSnapshot(client: TReader, listingId: string): Promise<TListingSnapshot> {
  return toSnapshot(await client.listing.findUniqueOrThrow({ where: { id: listingId }, select: SNAPSHOT_SELECT }));
}

export function completenessOfSnapshot(snapshot: TListingSnapshot): TCompleteness {
  return scoreCompleteness({
    kind: snapshot.kind,
    titleJa: snapshot.titleJa,
    summary: snapshot.summary,
    summaryJa: snapshot.summaryJa,
    description: snapshot.description,
    sectorIds: snapshot.sectorIds,
    province: snapshot.province,
    district: snapshot.district,
    hasAmount: snapshot.investment !== null,
    instruments: snapshot.instruments,
    stage: snapshot.stage,
    incentives: snapshot.incentives,
    contactName: snapshot.contact.name,
    contactEmail: snapshot.contact.email,
    contactPhone: snapshot.contact.phone,
    tags: snapshot.tags,
    facts: snapshot.facts,
  });
}

// ───────────────────────────── change notices for investors ─────────────────────────────

export type TChangeNotice = { changedFields: TVersionFieldGroup[]; changedAt: Date; version: number };

/**
 * For a listing the user saved: what changed since the version they last saw
 * (all versions after it, fields merged, date of the latest), or null.
 */
export async function getChangeNotice(userId: string, listingId: string): Promise<TChangeNotice | null> {
  const saved = await db().savedListing.findUnique({
    where: { userId_listingId: { userId, listingId } },
    select: { seenVersion: true, listing: { select: { version: true, status: true } } },
  });
  if (!saved || saved.listing.status !== "PUBLISHED" || saved.listing.version <= saved.seenVersion) return null;
  const versions = await db().listingVersion.findMany({
    where: { listingId, version: { gt: saved.seenVersion, lte: saved.listing.version } },
    orderBy: { version: "asc" },
    select: { version: true, changedFields: true, createdAt: true },
  });
  if (versions.length === 0) return null;
  const groups = new Set(versions.flatMap((version) => version.changedFields));
  const latest = versions[versions.length - 1]!;
  return {
    changedFields: (Object.keys(VERSION_FIELD_GROUPS) as TVersionFieldGroup[]).filter((group) => groups.has(group)),
    changedAt: latest.createdAt,
    version: latest.version,
  };
}

/** The user has seen the listing as it is now. A no-op when the listing is not saved. */
export async function markSeen(userId: string, listingId: string): Promise<void> {
  const listing = await db().listing.findUnique({ where: { id: listingId }, select: { version: true } });
  if (!listing) return;
  await db().savedListing.updateMany({ where: { userId, listingId, seenVersion: { lt: listing.version } }, data: { seenVersion: listing.version } });
}
