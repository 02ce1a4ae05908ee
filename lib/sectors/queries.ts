// Reads of the sector taxonomy (two levels) for pickers, named in the reader's
// language. Merged sectors are left out: new listings use the surviving one.
import { db } from "@/lib/db/client";

export type TSectorOption = { id: string; name: string };
export type TSectorGroup = TSectorOption & { children: TSectorOption[] };

export async function listSectorsForPicker(locale: "en" | "ja"): Promise<TSectorGroup[]> {
  const rows = await db().sector.findMany({
    where: { mergedIntoId: null },
    orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }, { id: "asc" }],
    select: { id: true, nameEn: true, nameJa: true, parentId: true },
  });
  const name = (row: { nameEn: string; nameJa: string }) => (locale === "ja" ? row.nameJa : row.nameEn);
  const groups = new Map<string, TSectorGroup>();
  for (const row of rows) if (!row.parentId) groups.set(row.id, { id: row.id, name: name(row), children: [] });
  for (const row of rows) {
    if (!row.parentId) continue;
    const parent = groups.get(row.parentId);
    // A child of a merged parent is still offered, on its own.
    if (parent) parent.children.push({ id: row.id, name: name(row) });
    else groups.set(row.id, { id: row.id, name: name(row), children: [] });
  }
  return [...groups.values()];
}

export type TAdminSector = {
  id: string;
  slug: string;
  nameEn: string;
  nameJa: string;
  parentId: string | null;
  mergedIntoId: string | null;
  listings: number;
  investorProfiles: number;
};

/** Every sector (merged ones too) with how many listings and investor profiles name it, parents before their children. Admins only. */
export async function listSectorsForAdmin(): Promise<TAdminSector[]> {
  const rows = await db().$queryRaw<
    { id: string; slug: string; name_en: string; name_ja: string; parent_id: string | null; merged_into_id: string | null; listings: number; investor_profiles: number }[]
  >`
    SELECT s.id::text, s.slug, s.name_en, s.name_ja, s.parent_id::text, s.merged_into_id::text,
      (SELECT COUNT(*)::int FROM listings l WHERE l.sector_ids @> ARRAY[s.id]) AS listings,
      (SELECT COUNT(*)::int FROM investor_profiles p WHERE p.sector_ids @> ARRAY[s.id]) AS investor_profiles
    FROM sectors s
    ORDER BY s.sort_order, s.name_en, s.id`;
  const sectors = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    nameEn: row.name_en,
    nameJa: row.name_ja,
    parentId: row.parent_id,
    mergedIntoId: row.merged_into_id,
    listings: Number(row.listings),
    investorProfiles: Number(row.investor_profiles),
  }));
  const ids = new Set(sectors.map((sector) => sector.id));
  const tops = sectors.filter((sector) => !sector.parentId || !ids.has(sector.parentId));
  return tops.flatMap((top) => [top, ...sectors.filter((sector) => sector.parentId === top.id)]);
}
