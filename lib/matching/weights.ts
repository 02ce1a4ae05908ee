// Matching weights as admins edit them: every save is a new version (never an
// update, so each stored match keeps the version it was scored with), audited,
// followed by a queued full recompute. The preview scores one sample investor's
// candidates with the current and the proposed settings side by side and writes
// nothing.
import { z } from "zod";
import { audit } from "@/lib/audit/log";
import type { TActiveActor } from "@/lib/auth/guards";
import type { TRequestMeta } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { candidateListingIds, reachableSectorIds } from "./candidates";
import { loadInvestors, loadListings, loadMatchingContext, type TMatchingContext } from "./engine";
import { scheduleRecomputeAll } from "./schedule";
import { compareMatches, scoreMatch } from "./score";
import { MATCH_CRITERIA, type TMatchingWeights } from "./types";

export const PREVIEW_SIZE = 10;
export const MAX_PER_INVESTOR_LIMIT = 1000;

const ZWeight = z.coerce.number({ error: "errors.field.integer" }).int("errors.field.integer").min(0, "errors.field.range").max(100, "errors.field.range");

const ZWeightsShape = z.object({
  sector: ZWeight,
  ticket: ZWeight,
  location: ZWeight,
  instrument: ZWeight,
  stage: ZWeight,
  incentive: ZWeight,
  freshness: ZWeight,
  completeness: ZWeight,
  threshold: ZWeight,
  maxPerInvestor: z.coerce
    .number({ error: "errors.field.integer" })
    .int("errors.field.integer")
    .min(1, "errors.field.range")
    .max(MAX_PER_INVESTOR_LIMIT, "errors.field.range"),
});

const sumsTo100 = (value: TMatchingWeights) => MATCH_CRITERIA.reduce((sum, criterion) => sum + (value[criterion] ?? 0), 0) === 100;

/** The settings form: eight integer weights summing to 100, the threshold and the cap per investor. */
export const ZMatchingSettings = ZWeightsShape.refine(sumsTo100, { message: "errors.match.weightsSum", path: ["weights"] });
export type TMatchingSettings = z.infer<typeof ZMatchingSettings>;

export const ZMatchingPreview = ZWeightsShape.extend({ profileId: z.uuid("errors.field.invalidId") }).refine(sumsTo100, {
  message: "errors.match.weightsSum",
  path: ["weights"],
});

function weightsOf(settings: TMatchingSettings): TMatchingWeights {
  return Object.fromEntries(MATCH_CRITERIA.map((criterion) => [criterion, settings[criterion]])) as TMatchingWeights;
}

function requireAdmin(actor: TActiveActor): TActiveActor {
  if (actor.role !== "ADMIN") throw forbidden();
  return actor;
}

// ───────────────────────────── reads ─────────────────────────────

export type TWeightsVersionDto = {
  version: number;
  weights: Record<string, number>;
  threshold: number;
  maxPerInvestor: number;
  createdAt: string;
  createdByName: string | null;
};

/** Newest first. Versions are few (one per save), so the list is capped, not paged. */
export async function listWeightVersions(limit = 50): Promise<TWeightsVersionDto[]> {
  const rows = await db().matchingWeights.findMany({
    orderBy: { version: "desc" },
    take: limit,
    select: { version: true, weights: true, threshold: true, maxPerInvestor: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((row) => ({
    version: row.version,
    weights: row.weights as Record<string, number>,
    threshold: row.threshold,
    maxPerInvestor: row.maxPerInvestor,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdBy?.name ?? null,
  }));
}

export type TSampleInvestorDto = { profileId: string; name: string; organization: string | null };

/** Investors to preview with: onboarded profiles, the most recently updated first. */
export async function listSampleInvestors(limit = 100): Promise<TSampleInvestorDto[]> {
  const rows = await db().investorProfile.findMany({
    where: { sectorIds: { isEmpty: false }, user: { status: "ACTIVE" } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, user: { select: { name: true, organization: { select: { name: true } } } } },
  });
  return rows.map((row) => ({ profileId: row.id, name: row.user.name, organization: row.user.organization?.name ?? null }));
}

// ───────────────────────────── save ─────────────────────────────

export type TSavedWeights = { version: number; recomputeQueued: boolean };

export async function saveMatchingWeights(actor: TActiveActor, input: TMatchingSettings, meta: TRequestMeta): Promise<TSavedWeights> {
  requireAdmin(actor);
  const weights = weightsOf(input);
  const version = await db().$transaction(async (tx) => {
    const previous = await tx.matchingWeights.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const row = await tx.matchingWeights.create({
      data: { weights, threshold: input.threshold, maxPerInvestor: input.maxPerInvestor, createdById: actor.id },
      select: { version: true },
    });
    await audit(
      {
        actorId: actor.id,
        action: "matching.weights.saved",
        targetType: "matching_weights",
        targetId: String(row.version),
        ip: meta.ip,
        userAgent: meta.userAgent,
        data: { version: row.version, previousVersion: previous?.version ?? null, weights, threshold: input.threshold, maxPerInvestor: input.maxPerInvestor },
      },
      tx,
    );
    return row.version;
  });
  // After commit: the job loads the latest version when it runs.
  return { version, recomputeQueued: await scheduleRecomputeAll() };
}

// ───────────────────────────── preview ─────────────────────────────

export type TPreviewEntry = { listingId: string; title: string; score: number; rank: number };
export type TPreviewRow = {
  listingId: string;
  title: string;
  current: { score: number; rank: number } | null;
  proposed: { score: number; rank: number } | null;
  /** entering: only in the proposed top N; leaving: only in the current one. */
  change: "same" | "up" | "down" | "entering" | "leaving";
};
export type TWeightsPreview = {
  profileId: string;
  currentVersion: number;
  candidates: number;
  rows: TPreviewRow[];
};

type TSettingsForScoring = Pick<TMatchingContext, "weights" | "threshold">;

function topN(scored: { listingId: string; score: number }[], size: number) {
  return new Map(
    scored
      .sort(compareMatches)
      .slice(0, size)
      .map((entry, index) => [entry.listingId, { score: entry.score, rank: index + 1 }] as const),
  );
}

/**
 * The sample investor's top PREVIEW_SIZE under the latest saved settings and
 * under the proposed ones, from the same candidates at the same instant.
 * Review decisions are ignored on purpose: the preview compares scores.
 */
export async function previewMatchingWeights(
  actor: TActiveActor,
  input: TMatchingSettings & { profileId: string },
  options: { locale?: "en" | "ja" } = {},
): Promise<TWeightsPreview> {
  requireAdmin(actor);
  const context = await loadMatchingContext();
  const [investor] = await loadInvestors([input.profileId]);
  if (!investor) throw notFound();
  const dismissed = await db().match.findMany({ where: { investorProfileId: input.profileId, status: "DISMISSED" }, select: { listingId: true } });
  const scoringInvestor = { ...investor, dismissedListingIds: new Set(dismissed.map((row) => row.listingId)) };
  const listingIds = await candidateListingIds({ profileId: input.profileId, reachableSectorIds: reachableSectorIds(investor.sectorIds, context.sectors) });
  const listings = await loadListings(listingIds);

  const score = (settings: TSettingsForScoring) =>
    listings.flatMap((listing) => {
      const result = scoreMatch({ investor: scoringInvestor, listing, sectors: context.sectors, weights: settings.weights, now: context.now });
      return result && result.score >= settings.threshold ? [{ listingId: listing.id, score: result.score }] : [];
    });
  const current = topN(score(context), PREVIEW_SIZE);
  const proposed = topN(score({ weights: weightsOf(input), threshold: input.threshold }), PREVIEW_SIZE);

  const ids = [...new Set([...proposed.keys(), ...current.keys()])];
  const titles = new Map(
    (await db().listing.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, titleJa: true } })).map((row) => [
      row.id,
      options.locale === "ja" && row.titleJa ? row.titleJa : row.title,
    ]),
  );
  const rows: TPreviewRow[] = ids.map((listingId) => {
    const before = current.get(listingId) ?? null;
    const after = proposed.get(listingId) ?? null;
    const change: TPreviewRow["change"] = !before ? "entering" : !after ? "leaving" : after.rank < before.rank ? "up" : after.rank > before.rank ? "down" : "same";
    return { listingId, title: titles.get(listingId) ?? "", current: before, proposed: after, change };
  });
  // Proposed order first, then what leaves, by its current rank.
  rows.sort((a, b) => (a.proposed?.rank ?? 100 + (a.current?.rank ?? 0)) - (b.proposed?.rank ?? 100 + (b.current?.rank ?? 0)));
  return { profileId: input.profileId, currentVersion: context.weightsVersion, candidates: listings.length, rows };
}
