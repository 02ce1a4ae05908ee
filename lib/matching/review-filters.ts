// The review queue's filters (sector, agency, minimum score, age), shared by the
// queue page, its counts and "approve all ≥ score", so the bulk action approves
// exactly what the admin is looking at.
import { z } from "zod";
import type { Prisma } from "@/lib/db/client";
import { resolveSectorSlugs } from "@/lib/listings/sector-taxonomy";

export const REVIEW_AGES = ["day", "week", "month", "older"] as const;
export type TReviewAge = (typeof REVIEW_AGES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
const AGE_DAYS: Record<TReviewAge, number> = { day: 1, week: 7, month: 30, older: 30 };

/** Empty strings (an untouched select) mean "no filter". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ZReviewFilters = z.object({
  sector: z.preprocess(blankToUndefined, z.string().trim().max(120).regex(/^[a-z0-9-]+$/).optional()),
  agencyId: z.preprocess(blankToUndefined, z.uuid().optional()),
  minScore: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100).optional()),
  age: z.preprocess(blankToUndefined, z.enum(REVIEW_AGES).optional()),
});
export type TReviewFilters = z.infer<typeof ZReviewFilters>;

/** The where-clause of the filters (status not included: the caller picks it). */
export async function reviewQueueWhere(filters: TReviewFilters, now: Date = new Date()): Promise<Prisma.MatchWhereInput> {
  const and: Prisma.MatchWhereInput[] = [];
  if (filters.sector) {
    // An unknown slug matches nothing rather than everything.
    const { ids } = await resolveSectorSlugs([filters.sector]);
    and.push({ listing: { sectorIds: { hasSome: ids.length ? ids : ["00000000-0000-0000-0000-000000000000"] } } });
  }
  if (filters.agencyId) and.push({ listing: { agencyId: filters.agencyId } });
  if (filters.minScore !== undefined) and.push({ score: { gte: filters.minScore } });
  if (filters.age) {
    const boundary = new Date(now.getTime() - AGE_DAYS[filters.age] * DAY_MS);
    and.push({ createdAt: filters.age === "older" ? { lt: boundary } : { gte: boundary } });
  }
  return { AND: and };
}
