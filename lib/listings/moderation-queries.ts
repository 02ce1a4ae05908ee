// The admin moderation queue: submitted listings, oldest first, with what
// changed since the last published version when there is one. Callers check
// the admin role first (requirePageRole("ADMIN")).
import { db } from "@/lib/db/client";
import type { TListingKind } from "./schemas";
import { diffListingFields, type TFieldChange } from "./moderation-diff";
import { diffVersions, loadSnapshot, type TListingSnapshot, type TVersionFieldGroup } from "./versions";

export type TModerationItem = {
  id: string;
  title: string;
  kind: TListingKind;
  agencyName: string;
  submittedAt: Date | null;
  submittedBy: string | null;
  completeness: number;
  summary: string;
  /** null: never published; otherwise the field groups changed since the last published version. */
  changedSincePublished: TVersionFieldGroup[] | null;
  /** null: never published; otherwise each field that differs from the last published version, old and new. */
  fieldChanges: TFieldChange[] | null;
  /** The last published version's number, when there is one. */
  publishedVersion: number | null;
};

export const MODERATION_QUEUE_LIMIT = 50;

export async function listModerationQueue(locale: "en" | "ja"): Promise<{ items: TModerationItem[]; total: number }> {
  const where = { status: "SUBMITTED" as const };
  const [total, rows] = await Promise.all([
    db().listing.count({ where }),
    db().listing.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: MODERATION_QUEUE_LIMIT,
      select: {
        id: true, title: true, titleJa: true, kind: true, summary: true, summaryJa: true, completeness: true, submittedAt: true,
        agency: { select: { name: true, nameJa: true } },
        submittedBy: { select: { name: true } },
        versions: { orderBy: { version: "desc" }, take: 1, select: { snapshot: true, version: true } },
      },
    }),
  ]);
  const ja = locale === "ja";
  const items = await Promise.all(
    rows.map(async (row) => {
      const last = row.versions[0];
      const published = last ? (last.snapshot as Partial<TListingSnapshot>) : null;
      const current = published ? await loadSnapshot(db(), row.id) : null;
      return {
        id: row.id,
        title: (ja && row.titleJa) || row.title,
        kind: row.kind,
        agencyName: (ja && row.agency.nameJa) || row.agency.name,
        submittedAt: row.submittedAt,
        submittedBy: row.submittedBy?.name ?? null,
        completeness: row.completeness,
        summary: (ja && row.summaryJa) || row.summary,
        changedSincePublished: published && current ? diffVersions(published, current) : null,
        fieldChanges: published && current ? diffListingFields(published, current) : null,
        publishedVersion: last?.version ?? null,
      };
    }),
  );
  return { items, total };
}

export async function countSubmittedListings(): Promise<number> {
  return db().listing.count({ where: { status: "SUBMITTED" } });
}
