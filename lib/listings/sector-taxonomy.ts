// The sector tree as search needs it: slug ↔ id, parents, names in both
// languages. It is tiny and read on every search, so it is cached in memory
// for a short while; an unknown slug forces a reload before it is refused, so
// a sector added a moment ago is never rejected.
import { db } from "@/lib/db/client";

export type TSectorNode = {
  id: string;
  slug: string;
  nameEn: string;
  nameJa: string;
  parentId: string | null;
  /** The sector this one was merged into, if any (kept for history). */
  mergedIntoId: string | null;
  sortOrder: number;
};

export type TSectorTaxonomy = {
  nodes: TSectorNode[];
  byId: Map<string, TSectorNode>;
  bySlug: Map<string, TSectorNode>;
  childrenOf: Map<string, TSectorNode[]>;
};

const TTL_MS = 60_000;
let cached: { at: number; taxonomy: Promise<TSectorTaxonomy> } | null = null;

async function loadTaxonomy(): Promise<TSectorTaxonomy> {
  const nodes = await db().sector.findMany({
    orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, nameEn: true, nameJa: true, parentId: true, mergedIntoId: true, sortOrder: true },
  });
  const childrenOf = new Map<string, TSectorNode[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    childrenOf.set(node.parentId, [...(childrenOf.get(node.parentId) ?? []), node]);
  }
  return { nodes, byId: new Map(nodes.map((n) => [n.id, n])), bySlug: new Map(nodes.map((n) => [n.slug, n])), childrenOf };
}

export async function getSectorTaxonomy(options: { fresh?: boolean } = {}): Promise<TSectorTaxonomy> {
  if (!cached || options.fresh || Date.now() - cached.at > TTL_MS) {
    const taxonomy = loadTaxonomy();
    cached = { at: Date.now(), taxonomy };
    taxonomy.catch(() => {
      cached = null;
    });
  }
  return cached.taxonomy;
}

/** Drops this process's cached tree after an admin edit of the taxonomy (other instances reload within TTL_MS). */
export function invalidateSectorTaxonomy(): void {
  cached = null;
}

/**
 * Slugs → the sector ids a filter matches: the sector itself, its children and
 * any sector merged into one of them. Unknown slugs are returned separately
 * (after one reload), so the caller can refuse them with a field error.
 */
export async function resolveSectorSlugs(slugs: string[]): Promise<{ ids: string[]; unknown: string[] }> {
  if (slugs.length === 0) return { ids: [], unknown: [] };
  let taxonomy = await getSectorTaxonomy();
  if (slugs.some((slug) => !taxonomy.bySlug.has(slug))) taxonomy = await getSectorTaxonomy({ fresh: true });
  const ids = new Set<string>();
  const unknown: string[] = [];
  for (const slug of slugs) {
    const node = taxonomy.bySlug.get(slug);
    if (!node) {
      unknown.push(slug);
      continue;
    }
    for (const member of [node, ...(taxonomy.childrenOf.get(node.id) ?? [])]) ids.add(member.id);
  }
  for (const node of taxonomy.nodes) if (node.mergedIntoId && ids.has(node.mergedIntoId)) ids.add(node.id);
  return { ids: [...ids], unknown };
}

export function sectorName(node: TSectorNode, locale: "en" | "ja"): string {
  return locale === "ja" ? node.nameJa : node.nameEn;
}
