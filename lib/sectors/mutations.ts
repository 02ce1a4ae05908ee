// Admin edits of the sector taxonomy (two levels: top-level sectors and their
// children). A merge re-points every listing and investor profile from one
// sector to another in one transaction and keeps the merged sector, marked, so
// old links and saved searches that name it still resolve (match reasons, derived
// on read, name the sector it was merged into).
import { audit } from "@/lib/audit/log";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { invalidateSectorTaxonomy } from "@/lib/listings/sector-taxonomy";
import { scheduleInvestorRematch, scheduleListingRematch } from "@/lib/matching/schedule";
import type { TAddSector, TMergeSectors, TRenameSector } from "./schemas";

type TTx = Prisma.TransactionClient;
type TLockedSector = { id: string; slug: string; name_en: string; name_ja: string; parent_id: string | null; merged_into_id: string | null };

const invalid = (field: string, key: string) => new AppError("VALIDATION", "errors.validation", { fieldErrors: { [field]: [key] } });

function auditMeta(actor: TActiveActor, meta: TRequestMeta) {
  return { actorId: actor.id, ip: meta.ip, userAgent: meta.userAgent };
}

/** Locks the sectors' rows (in id order, so two merges cannot deadlock). */
async function lockSectors(tx: TTx, ids: string[]): Promise<Map<string, TLockedSector>> {
  const rows = await tx.$queryRaw<TLockedSector[]>`
    SELECT id::text, slug, name_en, name_ja, parent_id::text, merged_into_id::text FROM sectors
    WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((row) => [row.id, row]));
}

export type TSectorSaved = { id: string; slug: string; nameEn: string; nameJa: string };

export async function addSector(actor: TActiveActor, input: TAddSector, meta: TRequestMeta): Promise<TSectorSaved> {
  const saved = await db().$transaction(async (tx) => {
    if (await tx.sector.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw invalid("slug", "errors.sectors.slugTaken");
    if (input.parentId) {
      const parent = (await lockSectors(tx, [input.parentId])).get(input.parentId);
      // Two levels only, and never under a sector that no longer exists for new data.
      if (!parent || parent.merged_into_id || parent.parent_id) throw invalid("parentId", "errors.sectors.parentInvalid");
    }
    const sector = await tx.sector.create({
      data: { slug: input.slug, nameEn: input.nameEn, nameJa: input.nameJa, parentId: input.parentId ?? null },
      select: { id: true, slug: true, nameEn: true, nameJa: true },
    });
    await audit({ ...auditMeta(actor, meta), action: "sector.added", targetType: "sector", targetId: sector.id, data: { ...input, parentId: input.parentId ?? null } }, tx);
    return sector;
  });
  invalidateSectorTaxonomy();
  return saved;
}

export async function renameSector(actor: TActiveActor, input: TRenameSector, meta: TRequestMeta): Promise<TSectorSaved> {
  const saved = await db().$transaction(async (tx) => {
    const sector = (await lockSectors(tx, [input.id])).get(input.id);
    if (!sector) throw notFound();
    if (sector.merged_into_id) throw new AppError("CONFLICT", "errors.sectors.merged");
    // The sectors trigger re-indexes the listings that name it (search in both languages).
    const updated = await tx.sector.update({
      where: { id: input.id },
      data: { nameEn: input.nameEn, nameJa: input.nameJa },
      select: { id: true, slug: true, nameEn: true, nameJa: true },
    });
    await audit(
      {
        ...auditMeta(actor, meta),
        action: "sector.renamed",
        targetType: "sector",
        targetId: sector.id,
        data: { from: { nameEn: sector.name_en, nameJa: sector.name_ja }, to: { nameEn: input.nameEn, nameJa: input.nameJa } },
      },
      tx,
    );
    return updated;
  });
  invalidateSectorTaxonomy();
  return saved;
}

export type TSectorsMerged = { sourceId: string; targetId: string; listings: number; investorProfiles: number; children: number };

/**
 * Merges `source` into `target`: listings and investor profiles naming the
 * source name the target instead (once, if they named both), the source's
 * children move under the target, sectors merged earlier into the source now
 * point at the target, and the source is marked merged. Refused: merging into
 * itself, into its own child, into a merged sector, a sector already merged,
 * and moving children under a child (the taxonomy has two levels).
 */
export async function mergeSectors(actor: TActiveActor, input: TMergeSectors, meta: TRequestMeta): Promise<TSectorsMerged> {
  const { sourceId, targetId } = input;
  const result = await db().$transaction(async (tx) => {
    const locked = await lockSectors(tx, [sourceId, targetId]);
    const source = locked.get(sourceId);
    const target = locked.get(targetId);
    if (!source) throw invalid("sourceId", "errors.sectors.unknown");
    if (!target) throw invalid("targetId", "errors.sectors.unknown");
    if (source.merged_into_id) throw invalid("sourceId", "errors.sectors.alreadyMerged");
    if (target.merged_into_id) throw invalid("targetId", "errors.sectors.targetMerged");
    if (target.parent_id === source.id) throw invalid("targetId", "errors.sectors.mergeIntoChild");
    const children = await tx.sector.findMany({ where: { parentId: sourceId, mergedIntoId: null }, select: { id: true } });
    if (children.length > 0 && target.parent_id) throw invalid("targetId", "errors.sectors.childrenNeedTopLevel");

    const listings = await tx.$queryRaw<{ id: string }[]>`
      UPDATE listings SET sector_ids = CASE
          WHEN ${targetId}::uuid = ANY(sector_ids) THEN array_remove(sector_ids, ${sourceId}::uuid)
          ELSE array_replace(sector_ids, ${sourceId}::uuid, ${targetId}::uuid) END
      WHERE ${sourceId}::uuid = ANY(sector_ids)
      RETURNING id::text`;
    const profiles = await tx.$queryRaw<{ id: string }[]>`
      UPDATE investor_profiles SET sector_ids = CASE
          WHEN ${targetId}::uuid = ANY(sector_ids) THEN array_remove(sector_ids, ${sourceId}::uuid)
          ELSE array_replace(sector_ids, ${sourceId}::uuid, ${targetId}::uuid) END
      WHERE ${sourceId}::uuid = ANY(sector_ids)
      RETURNING id::text`;
    await tx.sector.updateMany({ where: { parentId: sourceId }, data: { parentId: targetId } });
    await tx.sector.updateMany({ where: { mergedIntoId: sourceId }, data: { mergedIntoId: targetId } });
    await tx.sector.update({ where: { id: sourceId }, data: { mergedIntoId: targetId } });
    const summary = { sourceId, targetId, listings: listings.length, investorProfiles: profiles.length, children: children.length };
    await audit(
      {
        ...auditMeta(actor, meta),
        action: "sector.merged",
        targetType: "sector",
        targetId: sourceId,
        data: { ...summary, sourceSlug: source.slug, targetSlug: target.slug },
      },
      tx,
    );
    return { summary, listingIds: listings.map((row) => row.id), profileIds: profiles.map((row) => row.id) };
  });
  invalidateSectorTaxonomy();
  // Scores depend on sectors: rescore what changed (after commit; never fails the merge).
  for (const id of result.listingIds) await scheduleListingRematch(id);
  for (const id of result.profileIds) await scheduleInvestorRematch(id);
  return result.summary;
}
