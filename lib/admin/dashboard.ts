// Figures for the admin dashboard, computed from live data on each visit (the
// tables are small enough, and the dashboard is read by a handful of admins).
// Callers check the admin role first (requirePageRole("ADMIN")).
import { db } from "@/lib/db/client";
import { getSectorTaxonomy, sectorName } from "@/lib/listings/sector-taxonomy";

type TLocale = "en" | "ja";

export type TSectorCount = { id: string; name: string; count: number };
export type TProvinceCount = { province: string | null; count: number };
export type TFunnelStage = "suggested" | "approved" | "introduced" | "interest" | "closed";
export type TFunnel = { stages: { stage: TFunnelStage; count: number }[]; closedWon: number; closedLost: number };
export type TAgencyResponse = { agencyId: string; agencyName: string; medianHours: number; interests: number };
export type TResponseTimes = { agencies: TAgencyResponse[]; overallMedianHours: number | null };
export type TWeekCount = { weekStart: string; count: number };

export type TDashboard = {
  listingsBySector: TSectorCount[];
  listingsByProvince: TProvinceCount[];
  funnel: TFunnel;
  responseTimes: TResponseTimes;
  newInvestorsPerWeek: TWeekCount[];
};

/**
 * Published listings per top-level sector: a child sector counts towards its
 * parent, a merged sector towards the one it was merged into, and a listing is
 * counted once per top-level sector even when it names two of its children.
 */
export async function countListingsBySector(locale: TLocale): Promise<TSectorCount[]> {
  const [rows, cachedTaxonomy] = await Promise.all([
    db().$queryRaw<{ listing_id: string; sector_id: string }[]>`
      SELECT l.id AS listing_id, s AS sector_id
      FROM listings l CROSS JOIN LATERAL unnest(l.sector_ids) AS s
      WHERE l.status = 'PUBLISHED'`,
    getSectorTaxonomy(),
  ]);
  // A sector added a moment ago may not be in the cached tree yet.
  const taxonomy = rows.some((row) => !cachedTaxonomy.byId.has(row.sector_id)) ? await getSectorTaxonomy({ fresh: true }) : cachedTaxonomy;
  // Follows merges and parents up to a top-level sector that is still in use.
  const rootOf = (id: string): string => {
    let node = taxonomy.byId.get(id);
    for (let hops = 0; node && hops < 8; hops += 1) {
      const next = node.mergedIntoId ?? node.parentId;
      const nextNode = next ? taxonomy.byId.get(next) : undefined;
      if (!nextNode) break;
      node = nextNode;
    }
    return node?.id ?? id;
  };
  const listingsPerRoot = new Map<string, Set<string>>();
  for (const row of rows) {
    const root = rootOf(row.sector_id);
    const set = listingsPerRoot.get(root) ?? new Set<string>();
    set.add(row.listing_id);
    listingsPerRoot.set(root, set);
  }
  return [...listingsPerRoot.entries()]
    .map(([id, listings]) => {
      const node = taxonomy.byId.get(id);
      return { id, name: node ? sectorName(node, locale) : id, count: listings.size };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, locale));
}

/** Published listings per province; null is "nationwide or not tied to one province". */
export async function countListingsByProvince(): Promise<TProvinceCount[]> {
  const rows = await db().listing.groupBy({ by: ["province"], where: { status: "PUBLISHED" }, _count: { _all: true } });
  return rows.map((row) => ({ province: row.province, count: row._count._all })).sort((a, b) => b.count - a.count);
}

/**
 * The match funnel, each stage counting what reached it (whatever happened
 * next): every match was suggested; approved includes matches later introduced
 * or dismissed by the investor (only approved matches can be); interests are
 * the Interest rows; closed are interests closed won or lost.
 */
export async function countMatchFunnel(): Promise<TFunnel> {
  const [suggested, approved, introduced, interest, closedWon, closedLost] = await Promise.all([
    db().match.count(),
    db().match.count({ where: { status: { in: ["APPROVED", "INTRODUCED", "DISMISSED"] } } }),
    db().match.count({ where: { OR: [{ status: "INTRODUCED" }, { introducedAt: { not: null } }] } }),
    db().interest.count(),
    db().interest.count({ where: { status: "CLOSED_WON" } }),
    db().interest.count({ where: { status: "CLOSED_LOST" } }),
  ]);
  return {
    stages: [
      { stage: "suggested", count: suggested },
      { stage: "approved", count: approved },
      { stage: "introduced", count: introduced },
      { stage: "interest", count: interest },
      { stage: "closed", count: closedWon + closedLost },
    ],
    closedWon,
    closedLost,
  };
}

const roundHours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;

/**
 * Median time from an investor's interest to the agency's first contact
 * (Interest.firstContactAt − createdAt), per agency and overall. Interests not
 * yet answered are left out (they have no response time yet).
 */
export async function measureAgencyResponseTimes(locale: TLocale): Promise<TResponseTimes> {
  const [perAgency, overall] = await Promise.all([
    db().$queryRaw<{ agency_id: string; name: string; name_ja: string | null; median_seconds: number; interests: number }[]>`
      SELECT o.id AS agency_id, o.name, o.name_ja,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (i.first_contact_at - i.created_at)))::float8 AS median_seconds,
             COUNT(*)::int AS interests
      FROM interests i
      JOIN listings l ON l.id = i.listing_id
      JOIN organizations o ON o.id = l.agency_id
      WHERE i.first_contact_at IS NOT NULL
      GROUP BY o.id, o.name, o.name_ja`,
    db().$queryRaw<{ median_seconds: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (first_contact_at - created_at)))::float8 AS median_seconds
      FROM interests WHERE first_contact_at IS NOT NULL`,
  ]);
  const overallSeconds = overall[0]?.median_seconds;
  return {
    agencies: perAgency
      .map((row) => ({
        agencyId: row.agency_id,
        agencyName: (locale === "ja" && row.name_ja) || row.name,
        medianHours: roundHours(Number(row.median_seconds)),
        interests: Number(row.interests),
      }))
      .sort((a, b) => a.medianHours - b.medianHours || a.agencyName.localeCompare(b.agencyName, locale)),
    overallMedianHours: overallSeconds === null || overallSeconds === undefined ? null : roundHours(Number(overallSeconds)),
  };
}

export const INVESTOR_WEEKS = 12;

/** New investor accounts per ISO week (Monday, UTC), the last `weeks` weeks up to `now`, empty weeks included. */
export async function countNewInvestorsPerWeek(options: { weeks?: number; now?: Date } = {}): Promise<TWeekCount[]> {
  const weeks = options.weeks ?? INVESTOR_WEEKS;
  const now = options.now ?? new Date();
  const rows = await db().$queryRaw<{ week_start: string; count: number }[]>`
    WITH weeks AS (
      SELECT generate_series(
        date_trunc('week', (${now}::timestamptz AT TIME ZONE 'UTC')) - make_interval(weeks => ${weeks - 1}::int),
        date_trunc('week', (${now}::timestamptz AT TIME ZONE 'UTC')),
        interval '1 week') AS week_start
    )
    SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week_start, COUNT(u.id)::int AS count
    FROM weeks w
    LEFT JOIN users u ON u.role = 'INVESTOR'
      AND u.created_at >= w.week_start AND u.created_at < w.week_start + interval '1 week'
      AND u.created_at <= (${now}::timestamptz AT TIME ZONE 'UTC')
    GROUP BY w.week_start
    ORDER BY 1`;
  return rows.map((row) => ({ weekStart: row.week_start, count: Number(row.count) }));
}

export async function loadDashboard(locale: TLocale): Promise<TDashboard> {
  const [listingsBySector, listingsByProvince, funnel, responseTimes, newInvestorsPerWeek] = await Promise.all([
    countListingsBySector(locale),
    countListingsByProvince(),
    countMatchFunnel(),
    measureAgencyResponseTimes(locale),
    countNewInvestorsPerWeek(),
  ]);
  return { listingsBySector, listingsByProvince, funnel, responseTimes, newInvestorsPerWeek };
}
