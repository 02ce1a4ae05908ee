// The sector taxonomy settings: add, rename in both languages, merge — each
// validated, audited and in one transaction; the search taxonomy sees the change at once.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { z } from "zod";
import { invokeAction, type TActionSpec } from "@/lib/http/action";
import { getSectorTaxonomy, resolveSectorSlugs } from "@/lib/listings/sector-taxonomy";
import { addSectorSpec, mergeSectorsSpec, renameSectorSpec } from "@/lib/sectors/actions";
import { TEST_META, actorFor, createAgency, createInvestorWithProfile, createSearchListing, createSector, createUser } from "../support/factories";

let adminId: string;
let agencyId: string;
const suffix = () => randomUUID().slice(0, 8);

beforeAll(async () => {
  adminId = (await createUser({ role: "ADMIN", totp: true, label: "sectors-admin" })).id;
  agencyId = (await createAgency("Sectors agency")).id;
});

async function run<S extends z.ZodType, O>(spec: TActionSpec<S, O>, input: Record<string, unknown>) {
  return invokeAction(spec, { actor: await actorFor(adminId), meta: TEST_META }, input);
}

const lastAudit = (action: string, targetId: string) =>
  db().auditLog.findFirst({ where: { action, targetId }, orderBy: { id: "desc" }, select: { actorId: true, data: true } });

describe("addSector", () => {
  it("adds a top-level sector and a child, audited, and search knows the slug at once", async () => {
    await getSectorTaxonomy(); // warm the cache: the add must invalidate it
    const slug = `test-added-${suffix()}`;
    const parent = await run(addSectorSpec, { slug, nameEn: "Added sector", nameJa: "追加セクター" });
    expect(parent.ok).toBe(true);
    if (!parent.ok) return;
    const child = await run(addSectorSpec, { slug: `${slug}-child`, nameEn: "Added child", nameJa: "追加の下位", parentId: parent.data.id });
    expect(child.ok).toBe(true);
    if (!child.ok) return;
    expect(await db().sector.findUnique({ where: { id: child.data.id }, select: { parentId: true, nameJa: true } })).toEqual({ parentId: parent.data.id, nameJa: "追加の下位" });
    expect((await getSectorTaxonomy()).bySlug.has(slug)).toBe(true);
    expect((await resolveSectorSlugs([slug])).ids.sort()).toEqual([parent.data.id, child.data.id].sort());
    expect(await lastAudit("sector.added", child.data.id)).toMatchObject({ actorId: adminId, data: { slug: `${slug}-child`, parentId: parent.data.id } });
  });

  it("refuses a duplicate slug, a malformed slug, missing names and a parent that is a child, with field errors and no row", async () => {
    const existing = await createSector("Existing");
    const { slug } = await db().sector.findUniqueOrThrow({ where: { id: existing.id }, select: { slug: true } });
    const before = await db().sector.count();
    expect(await run(addSectorSpec, { slug, nameEn: "Dup", nameJa: "重複" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { slug: ["errors.sectors.slugTaken"] } });
    expect(await run(addSectorSpec, { slug: "Bad Slug!", nameEn: "X", nameJa: "X" })).toMatchObject({ ok: false, fieldErrors: { slug: ["errors.sectors.slugFormat"] } });
    expect(await run(addSectorSpec, { slug: `test-${suffix()}`, nameEn: " ", nameJa: "" })).toMatchObject({
      ok: false,
      fieldErrors: { nameEn: ["errors.field.required"], nameJa: ["errors.field.required"] },
    });
    const parent = await createSector("Parent");
    const child = await createSector("Child", parent.id);
    expect(await run(addSectorSpec, { slug: `test-${suffix()}`, nameEn: "Grandchild", nameJa: "孫", parentId: child.id })).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ["errors.sectors.parentInvalid"] },
    });
    expect(await db().sector.count()).toBe(before + 2);
  });
});

describe("renameSector", () => {
  it("renames in both languages, audits old and new names, and search finds listings by the new name", async () => {
    const sector = await createSector("Rename me");
    const word = `Renamedword${suffix().replace(/[0-9]/g, "x")}`;
    const listing = await createSearchListing({ agencyId, title: `Rename listing ${suffix()}`, sectorIds: [sector.id] });
    const result = await run(renameSectorSpec, { id: sector.id, nameEn: word, nameJa: "新しい名前" });
    expect(result).toMatchObject({ ok: true, data: { nameEn: word, nameJa: "新しい名前" } });
    expect(await lastAudit("sector.renamed", sector.id)).toMatchObject({ data: { from: { nameEn: sector.nameEn }, to: { nameEn: word, nameJa: "新しい名前" } } });
    expect((await getSectorTaxonomy()).byId.get(sector.id)?.nameEn).toBe(word);
    const hits = await db().$queryRaw<{ id: string }[]>`SELECT id::text FROM listings WHERE search_vector @@ plainto_tsquery('simple', ${word})`;
    expect(hits.map((hit) => hit.id)).toContain(listing.id);
  });

  it("refuses empty names and an unknown sector", async () => {
    const sector = await createSector("Keep name");
    expect(await run(renameSectorSpec, { id: sector.id, nameEn: "", nameJa: "名前" })).toMatchObject({ ok: false, fieldErrors: { nameEn: ["errors.field.required"] } });
    expect(await run(renameSectorSpec, { id: randomUUID(), nameEn: "A", nameJa: "B" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db().sector.findUniqueOrThrow({ where: { id: sector.id }, select: { nameEn: true } })).nameEn).toBe(sector.nameEn);
  });
});

describe("mergeSectors", () => {
  it("re-points listings and profiles (once when they named both), moves children, keeps the source marked, audits, and keeps matches", async () => {
    const source = await createSector("Merge source");
    const target = await createSector("Merge target");
    const child = await createSector("Source child", source.id);
    const earlier = await createSector("Merged earlier");
    await db().sector.update({ where: { id: earlier.id }, data: { mergedIntoId: source.id } });
    const onlySource = await createSearchListing({ agencyId, title: `Merge only ${suffix()}`, sectorIds: [source.id, child.id] });
    const both = await createSearchListing({ agencyId, title: `Merge both ${suffix()}`, sectorIds: [source.id, target.id] });
    const untouched = await createSearchListing({ agencyId, title: `Merge none ${suffix()}`, sectorIds: [child.id] });
    const investor = await createInvestorWithProfile("merge");
    await db().investorProfile.update({ where: { id: investor.profileId }, data: { sectorIds: [target.id, source.id] } });
    await db().match.create({ data: { investorProfileId: investor.profileId, listingId: onlySource.id, score: 70, status: "APPROVED", weightsVersion: 1 } });

    const result = await run(mergeSectorsSpec, { sourceId: source.id, targetId: target.id });
    expect(result).toMatchObject({ ok: true, data: { listings: 2, investorProfiles: 1, children: 1 } });

    const sectorIdsOf = async (id: string) => (await db().listing.findUniqueOrThrow({ where: { id }, select: { sectorIds: true } })).sectorIds;
    expect(await sectorIdsOf(onlySource.id)).toEqual([target.id, child.id]);
    expect(await sectorIdsOf(both.id)).toEqual([target.id]);
    expect(await sectorIdsOf(untouched.id)).toEqual([child.id]);
    expect((await db().investorProfile.findUniqueOrThrow({ where: { id: investor.profileId }, select: { sectorIds: true } })).sectorIds).toEqual([target.id]);
    const rows = await db().sector.findMany({ where: { id: { in: [source.id, child.id, earlier.id] } }, select: { id: true, parentId: true, mergedIntoId: true } });
    expect(Object.fromEntries(rows.map((row) => [row.id, [row.parentId, row.mergedIntoId]]))).toEqual({
      [source.id]: [null, target.id],
      [child.id]: [target.id, null],
      [earlier.id]: [null, target.id],
    });
    expect(await db().match.count({ where: { investorProfileId: investor.profileId, listingId: onlySource.id, status: "APPROVED" } })).toBe(1);
    expect(await lastAudit("sector.merged", source.id)).toMatchObject({ actorId: adminId, data: { targetId: target.id, listings: 2, investorProfiles: 1 } });
    // The old slug still finds what moved (search resolves merged sectors).
    const { slug } = await db().sector.findUniqueOrThrow({ where: { id: source.id }, select: { slug: true } });
    expect((await resolveSectorSlugs([slug])).ids).toContain(source.id);
    const targetSlug = (await db().sector.findUniqueOrThrow({ where: { id: target.id }, select: { slug: true } })).slug;
    expect((await resolveSectorSlugs([targetSlug])).ids).toEqual(expect.arrayContaining([target.id, child.id, source.id, earlier.id]));
  });

  it("refuses merging into itself, into its own child, a merged sector either way, and children under a child — changing nothing", async () => {
    const parent = await createSector("Refuse parent");
    const child = await createSector("Refuse child", parent.id);
    const otherParent = await createSector("Other parent");
    const otherChild = await createSector("Other child", otherParent.id);
    const gone = await createSector("Gone");
    await db().sector.update({ where: { id: gone.id }, data: { mergedIntoId: otherParent.id } });
    const listing = await createSearchListing({ agencyId, title: `Refuse ${suffix()}`, sectorIds: [parent.id] });
    const auditsBefore = await db().auditLog.count({ where: { action: "sector.merged" } });

    expect(await run(mergeSectorsSpec, { sourceId: parent.id, targetId: parent.id })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { targetId: ["errors.sectors.mergeSelf"] } });
    expect(await run(mergeSectorsSpec, { sourceId: parent.id, targetId: child.id })).toMatchObject({ ok: false, fieldErrors: { targetId: ["errors.sectors.mergeIntoChild"] } });
    expect(await run(mergeSectorsSpec, { sourceId: parent.id, targetId: otherChild.id })).toMatchObject({ ok: false, fieldErrors: { targetId: ["errors.sectors.childrenNeedTopLevel"] } });
    expect(await run(mergeSectorsSpec, { sourceId: gone.id, targetId: parent.id })).toMatchObject({ ok: false, fieldErrors: { sourceId: ["errors.sectors.alreadyMerged"] } });
    expect(await run(mergeSectorsSpec, { sourceId: parent.id, targetId: gone.id })).toMatchObject({ ok: false, fieldErrors: { targetId: ["errors.sectors.targetMerged"] } });
    expect(await run(mergeSectorsSpec, { sourceId: randomUUID(), targetId: parent.id })).toMatchObject({ ok: false, fieldErrors: { sourceId: ["errors.sectors.unknown"] } });

    expect((await db().listing.findUniqueOrThrow({ where: { id: listing.id }, select: { sectorIds: true } })).sectorIds).toEqual([parent.id]);
    expect((await db().sector.findUniqueOrThrow({ where: { id: parent.id }, select: { mergedIntoId: true } })).mergedIntoId).toBeNull();
    expect(await db().auditLog.count({ where: { action: "sector.merged" } })).toBe(auditsBefore);
  });

  it("merges a child into another top-level sector", async () => {
    const parent = await createSector("Child merge parent");
    const child = await createSector("Child merge child", parent.id);
    const target = await createSector("Child merge target");
    expect(await run(mergeSectorsSpec, { sourceId: child.id, targetId: target.id })).toMatchObject({ ok: true, data: { children: 0 } });
  });
});
