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
