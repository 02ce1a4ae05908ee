// Synthetic investors (with their users) and the matching-relevant spread of
// synthetic listings for `npm run bench:match`, generated set-based in SQL over
// the real seeded sector tree. Listings themselves come from bench-data.ts (the
// search benchmark's generator); this file then gives them what matching reads
// and search does not care about: publication dates over the last two years,
// completeness, and incentives (some open-ended, some lapsing, a few expired).
import pg from "pg";

/** (province, weight): where Japanese investors look first, as in the listings' spread. */
const PROVINCES: [string, number][] = [
  ["PUNJAB", 45], ["SINDH", 25], ["KHYBER_PAKHTUNKHWA", 10], ["BALOCHISTAN", 8], ["ISLAMABAD", 7], ["AZAD_JAMMU_KASHMIR", 3], ["GILGIT_BALTISTAN", 2],
];
const DISTRICTS = ["Lahore", "Karachi", "Faisalabad", "Islamabad", "Peshawar", "Sialkot", "Gwadar", "Hyderabad", "Multan", "Quetta"];
const INSTRUMENTS = ["EQUITY", "DEBT", "JOINT_VENTURE", "PPP", "PLOT_PURCHASE", "PLOT_LEASE"];
const STAGES = ["CONCEPT", "FEASIBILITY", "READY", "UNDER_CONSTRUCTION", "OPERATING"];
const INCENTIVES: [string, string][] = [
  ["10-year income-tax exemption (SEZ Act 2012)", "10年間の法人所得税免除（2012年経済特区法）"],
  ["One-time customs-duty exemption on capital goods", "資本財の関税一回限り免除"],
  ["Sales-tax exemption on plant and machinery", "設備・機械の売上税免除"],
  ["Provincial electricity-duty waiver", "州電力税の免除"],
];

const text = (values: readonly string[]) => `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]::text[]`;

/** One INSERT … SELECT generate_series for users and their investor profiles, ids [from, to]. */
function investorSql(from: number, to: number): string {
  const provinceSlots = PROVINCES.flatMap(([province, weight]) => Array.from({ length: weight }, () => province));
  return `
WITH sec AS (
  SELECT array_agg(s.id ORDER BY s.sort_order, s.slug) FILTER (WHERE s.parent_id IS NULL) AS tops,
         array_agg(s.id ORDER BY s.sort_order, s.slug) FILTER (WHERE s.parent_id IS NOT NULL) AS kids
  FROM sectors s WHERE s.merged_into_id IS NULL
),
r AS (
  SELECT g, random() AS u_n, random() AS u1, random() AS u2, random() AS u3, random() AS u_tk, random() AS u_min, random() AS u_w,
    random() AS u_any, random() AS u_np, random() AS u_p1, random() AS u_p2, random() AS u_d, random() AS u_dd,
    random() AS u_ni, random() AS u_i1, random() AS u_i2, random() AS u_i3, random() AS u_ns, random() AS u_s, random() AS u_sl, random() AS u_loc
  FROM generate_series(${from}, ${to}) AS g
),
-- Sectors: one to three picks; one pick in four is a whole top-level sector, the rest a sub-sector.
d AS (
  SELECT r.g,
    ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[
      CASE WHEN r.u1 < 0.25 THEN sec.tops[1 + floor(cardinality(sec.tops) * r.u1 / 0.25)::int] ELSE sec.kids[1 + floor(cardinality(sec.kids) * (r.u1 - 0.25) / 0.75)::int] END,
      CASE WHEN r.u_n < 0.55 THEN CASE WHEN r.u2 < 0.25 THEN sec.tops[1 + floor(cardinality(sec.tops) * r.u2 / 0.25)::int] ELSE sec.kids[1 + floor(cardinality(sec.kids) * (r.u2 - 0.25) / 0.75)::int] END END,
      CASE WHEN r.u_n < 0.2 THEN CASE WHEN r.u3 < 0.25 THEN sec.tops[1 + floor(cardinality(sec.tops) * r.u3 / 0.25)::int] ELSE sec.kids[1 + floor(cardinality(sec.kids) * (r.u3 - 0.25) / 0.75)::int] END END
    ]) AS x WHERE x IS NOT NULL) AS sector_ids,
    -- Ticket: 10% none, 8% a minimum only, 5% a maximum only; USD 316k–1bn, ranges 2×–30× wide.
    CASE WHEN r.u_tk < 0.10 OR (r.u_tk >= 0.18 AND r.u_tk < 0.23) THEN NULL ELSE floor(10 ^ (7.5 + 3.5 * r.u_min))::bigint END AS tmin,
    CASE WHEN r.u_tk < 0.18 THEN NULL
         WHEN r.u_tk < 0.23 THEN floor(10 ^ (8 + 3.5 * r.u_min))::bigint
         ELSE floor(floor(10 ^ (7.5 + 3.5 * r.u_min)) * 10 ^ (0.3 + 1.2 * r.u_w))::bigint END AS tmax,
    r.u_any < 0.3 AS anywhere,
    CASE WHEN r.u_any < 0.3 OR r.u_np < 0.1 THEN ARRAY[]::text[]
         ELSE ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[
           (${text(provinceSlots)})[1 + floor(${provinceSlots.length} * r.u_p1)::int],
           CASE WHEN r.u_np < 0.45 THEN (${text(provinceSlots)})[1 + floor(${provinceSlots.length} * r.u_p2)::int] END]) AS x WHERE x IS NOT NULL) END AS provinces,
    CASE WHEN r.u_any >= 0.3 AND r.u_d < 0.2 THEN ARRAY[(${text(DISTRICTS)})[1 + floor(${DISTRICTS.length} * r.u_dd)::int]] ELSE ARRAY[]::text[] END AS districts,
    CASE WHEN r.u_ni < 0.15 THEN ARRAY[]::text[]
         ELSE ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[
           (${text(INSTRUMENTS)})[1 + floor(6 * r.u_i1)::int],
           CASE WHEN r.u_i2 < 0.5 THEN (${text(INSTRUMENTS)})[1 + floor(6 * r.u_i2 * 2)::int] END,
           CASE WHEN r.u_i3 < 0.2 THEN (${text(INSTRUMENTS)})[1 + floor(6 * r.u_i3 * 5)::int] END]) AS x WHERE x IS NOT NULL) END AS instruments,
    CASE WHEN r.u_ns < 0.2 THEN ARRAY[]::text[]
         ELSE (${text(STAGES)})[1 + floor(5 * r.u_s)::int : least(5, 1 + floor(5 * r.u_s)::int + floor(2.5 * r.u_sl)::int)] END AS stages,
    CASE WHEN r.u_loc < 0.85 THEN 'ja' ELSE 'en' END AS locale
  FROM r, sec
),
u AS (
  INSERT INTO users (id, email, name, password_hash, role, status, country, locale, email_verified_at, created_at, updated_at)
  SELECT gen_random_uuid(), 'bench-investor-' || d.g || '@bench.invalid', 'Bench investor ' || d.g, '!bench: no password',
    'INVESTOR', 'ACTIVE', 'JP', d.locale::"Locale", now(), now(), now()
  FROM d
  RETURNING id, email
)
INSERT INTO investor_profiles (id, user_id, sector_ids, ticket_min_usd_cents, ticket_max_usd_cents, anywhere_in_pakistan, provinces, districts,
  instruments, stages, locale, onboarded_at, created_at, updated_at)
SELECT gen_random_uuid(), u.id, d.sector_ids, d.tmin, d.tmax, d.anywhere, d.provinces::"Province"[], d.districts,
  d.instruments::"Instrument"[], d.stages::"Stage"[], d.locale::"Locale", now(), now(), now()
FROM d JOIN u ON u.email = 'bench-investor-' || d.g || '@bench.invalid'`;
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Adds `count` synthetic investors (users + profiles), continuing after existing bench investors; two sessions in parallel. */
export async function generateInvestors(options: { databaseUrl: string; count: number; log?: (line: string) => void }): Promise<{ seconds: number }> {
  const started = performance.now();
  const offset = await withClient(options.databaseUrl, async (client) =>
    Number((await client.query<{ n: string }>("SELECT count(*)::text AS n FROM users WHERE email LIKE 'bench-investor-%'")).rows[0]?.n ?? 0),
  );
  const chunk = 25_000;
  const ranges: [number, number][] = [];
  for (let from = offset + 1; from <= offset + options.count; from += chunk) ranges.push([from, Math.min(from + chunk - 1, offset + options.count)]);
  let done = 0;
  await Promise.all(
    [0, 1].map((worker) =>
      withClient(options.databaseUrl, async (client) => {
        await client.query(`SELECT setseed(${(worker + 1) / 7})`);
        for (let i = worker; i < ranges.length; i += 2) {
          const [from, to] = ranges[i]!;
          await client.query(investorSql(from, to));
          done += to - from + 1;
          options.log?.(`  investors ${done.toLocaleString("en")} / ${options.count.toLocaleString("en")}`);
        }
      }),
    ),
  );
  await withClient(options.databaseUrl, async (client) => {
    await client.query("VACUUM ANALYZE users");
    await client.query("VACUUM ANALYZE investor_profiles");
  });
  return { seconds: (performance.now() - started) / 1000 };
}

/**
 * Gives the bench listings numbered [from, to] (slug `bench-<n>`) what matching
 * reads: a publication date within the last two years (more recent ones more
 * frequent), an edit since for a third of them, completeness 20–100, and
 * incentives on about half (open-ended, lapsing in 1–15 years, or expired).
 */
export async function prepareListingsForMatching(options: { databaseUrl: string; from: number; to: number }): Promise<void> {
  await withClient(options.databaseUrl, async (client) => {
    await client.query("SELECT setseed(0.42)");
    await client.query("ALTER TABLE listings DISABLE TRIGGER listings_search_vector");
    await client.query("ALTER TABLE incentives DISABLE TRIGGER incentives_reindex_listing");
    try {
      await client.query(
        `UPDATE listings l SET
           published_at = CASE WHEN l.published_at IS NOT NULL THEN x.published END,
           updated_at = CASE WHEN x.u_edit < 0.33 THEN x.published + (now() - x.published) * x.u_when ELSE x.published END,
           completeness = 20 + floor(81 * x.u_done)::int
         FROM (SELECT id, now() - interval '730 days' * random() ^ 1.5 AS published, random() AS u_edit, random() AS u_when, random() AS u_done
               FROM listings WHERE slug ~ '^bench-[0-9]+$' AND substring(slug from 7)::int BETWEEN $1 AND $2) x
         WHERE l.id = x.id`,
        [options.from, options.to],
      );
      await client.query(
        `INSERT INTO incentives (id, listing_id, name, name_ja, legal_basis, valid_from, valid_to, created_at)
         SELECT gen_random_uuid(), l.id, (${text(INCENTIVES.map(([en]) => en))})[1 + (k + n) % 4], (${text(INCENTIVES.map(([, ja]) => ja))})[1 + (k + n) % 4], 'Synthetic',
           (now() - interval '1 day' * floor(2000 * random()))::date,
           CASE WHEN u < 0.3 THEN NULL WHEN u < 0.4 THEN (now() - interval '1 day' * floor(1 + 700 * random()))::date
                ELSE (now() + interval '1 day' * floor(365 + 5000 * random()))::date END,
           now()
         FROM listings l
         CROSS JOIN LATERAL (SELECT floor(4 * random())::int AS k, random() AS u, random() AS has, random() AS second WHERE l.id IS NOT NULL) pickk
         CROSS JOIN LATERAL generate_series(1, CASE WHEN pickk.has < 0.5 THEN 0 WHEN pickk.second < 0.3 THEN 2 ELSE 1 END) AS n
         WHERE l.slug ~ '^bench-[0-9]+$' AND substring(l.slug from 7)::int BETWEEN $1 AND $2`,
        [options.from, options.to],
      );
    } finally {
      await client.query("ALTER TABLE listings ENABLE TRIGGER listings_search_vector");
      await client.query("ALTER TABLE incentives ENABLE TRIGGER incentives_reindex_listing");
    }
    await client.query("VACUUM ANALYZE listings");
    await client.query("VACUUM ANALYZE incentives");
  });
}
