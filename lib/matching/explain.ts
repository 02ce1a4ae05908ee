// Why a stored match was suggested, derived when it is read. Matches no longer
// store their reasons: a row is the pair, its score and the weights version
// that scored it (~100 bytes instead of ~800 with the reasons' jsonb), and
// writing those reasons dominated the matching benchmark. Reasons are cheap to
// recompute with the pure scorer for the page being shown, and they then always
// describe the listing and the profile as they are now (a new incentive, a
// changed ticket range), scored with the weights recorded on the match.
import { db } from "@/lib/db/client";
import { getSectorTaxonomy } from "@/lib/listings/sector-taxonomy";
import { loadInvestors, loadListings } from "./engine";
import { parseMatchingWeights, scoreMatch } from "./score";
import { INITIAL_MATCHING_WEIGHTS, type TMatchInvestor, type TMatchListing, type TMatchingWeights, type TReason } from "./types";

export type TExplainPair = { investorProfileId: string; listingId: string; weightsVersion: number };

/** The key of a pair in explainMatches' result. */
export function matchReasonKey(pair: { investorProfileId: string; listingId: string }): string {
  return `${pair.investorProfileId}:${pair.listingId}`;
}

/**
 * scoreMatch's reasons for each pair, keyed by matchReasonKey. Constant number of
 * queries whatever the page size: profiles, listings (with their incentives in
 * force), the sector tree (cached) and the weights versions involved. A pair whose
 * sides are gone, or that shares no sector any more, gets no reasons.
 */
export async function explainMatches(pairs: readonly TExplainPair[], now: Date = new Date()): Promise<Map<string, TReason[]>> {
  const explained = new Map<string, TReason[]>();
  if (pairs.length === 0) return explained;
  const profileIds = [...new Set(pairs.map((pair) => pair.investorProfileId))];
  const listingIds = [...new Set(pairs.map((pair) => pair.listingId))];
  const versions = [...new Set(pairs.map((pair) => pair.weightsVersion))];
  const [investorRows, listingRows, weightsByVersion, cachedTaxonomy] = await Promise.all([
    loadInvestors(profileIds),
    loadListings(listingIds),
    loadWeights(versions),
    getSectorTaxonomy(),
  ]);
  const investors = new Map(investorRows.map((investor) => [investor.id, investor]));
  const listings = new Map(listingRows.map((listing) => [listing.id, listing]));
  // The tree is cached for a minute: a sector added meanwhile forces one reload
  // rather than being scored as an unknown root.
  const taxonomy = mentionsUnknownSector(investorRows, listingRows, cachedTaxonomy.byId) ? await getSectorTaxonomy({ fresh: true }) : cachedTaxonomy;

  for (const pair of pairs) {
    const investor = investors.get(pair.investorProfileId);
    const listing = listings.get(pair.listingId);
    const weights = weightsByVersion.get(pair.weightsVersion);
    if (!investor || !listing || !weights) {
      explained.set(matchReasonKey(pair), []);
      continue;
    }
    // The match exists already: a listing closed since is still explained, and a
    // dismissal is not a reason to hide why it was suggested.
    const result = scoreMatch({ investor, listing: { ...listing, status: "PUBLISHED" }, sectors: taxonomy.byId, weights, now });
    explained.set(matchReasonKey(pair), result?.reasons ?? []);
  }
  return explained;
}

/** Each version's weights; a version deleted since → the latest (or version 1's defaults on an empty table). */
async function loadWeights(versions: readonly number[]): Promise<Map<number, TMatchingWeights>> {
  const rows = await db().matchingWeights.findMany({ where: { version: { in: [...versions] } }, select: { version: true, weights: true } });
  const byVersion = new Map(rows.map((row) => [row.version, parseMatchingWeights(row.weights)]));
  const missing = versions.filter((version) => !byVersion.has(version));
  if (missing.length === 0) return byVersion;
  const latest = await db().matchingWeights.findFirst({ orderBy: { version: "desc" }, select: { weights: true } });
  const fallback = latest ? parseMatchingWeights(latest.weights) : { ...INITIAL_MATCHING_WEIGHTS };
  for (const version of missing) byVersion.set(version, fallback);
  return byVersion;
}

function mentionsUnknownSector(investors: readonly TMatchInvestor[], listings: readonly TMatchListing[], known: ReadonlyMap<string, unknown>): boolean {
  return [...investors, ...listings].some((side) => side.sectorIds.some((id) => !known.has(id)));
}
