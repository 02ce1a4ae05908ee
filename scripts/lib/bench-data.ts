// Synthetic listings for the search benchmark, generated set-based in SQL
// (generate_series): a million rows in well under a few minutes. Text mixes
// real sector names, places and a small business vocabulary with skewed
// frequencies, so a word like "industrial" matches most rows, "dairy" a few
// per cent and a district name well under one per cent — as in real data.
import pg from "pg";

/** (province, district, weight): Punjab is half of all listings, as on the platform today. */
const PLACES: [string, string, number][] = [
  ["PUNJAB", "Lahore", 9], ["PUNJAB", "Faisalabad", 8], ["PUNJAB", "Sheikhupura", 5], ["PUNJAB", "Sialkot", 4],
  ["PUNJAB", "Gujranwala", 4], ["PUNJAB", "Multan", 4], ["PUNJAB", "Rawalpindi", 3], ["PUNJAB", "Bahawalpur", 2],
  ["PUNJAB", "Sahiwal", 2], ["PUNJAB", "Kasur", 2], ["PUNJAB", "Vehari", 1], ["PUNJAB", "Rahim Yar Khan", 2],
  ["PUNJAB", "Jhang", 1], ["PUNJAB", "Sargodha", 2], ["PUNJAB", "Quaid-e-Azam Apparel Park", 1],
  ["SINDH", "Karachi", 9], ["SINDH", "Hyderabad", 4], ["SINDH", "Sukkur", 2], ["SINDH", "Thatta", 1], ["SINDH", "Nooriabad", 2], ["SINDH", "Dhabeji", 2],
  ["KHYBER_PAKHTUNKHWA", "Peshawar", 4], ["KHYBER_PAKHTUNKHWA", "Nowshera", 3], ["KHYBER_PAKHTUNKHWA", "Mardan", 2],
  ["KHYBER_PAKHTUNKHWA", "Haripur", 2], ["KHYBER_PAKHTUNKHWA", "Swat", 1],
  ["BALOCHISTAN", "Quetta", 3], ["BALOCHISTAN", "Gwadar", 3], ["BALOCHISTAN", "Chagai", 1], ["BALOCHISTAN", "Hub", 1],
  ["ISLAMABAD", "Islamabad", 5],
  ["GILGIT_BALTISTAN", "Gilgit", 1], ["GILGIT_BALTISTAN", "Skardu", 1],
  ["AZAD_JAMMU_KASHMIR", "Mirpur", 2], ["AZAD_JAMMU_KASHMIR", "Muzaffarabad", 1],
];

const NOUNS = ["park", "hub", "cluster", "plant", "estate", "facility", "corridor", "complex", "campus", "terminal", "zone", "works"];
const QUALIFIERS = ["export", "greenfield", "brownfield", "expansion", "modernisation", "processing", "integrated", "bonded", "smart", "green"];
/** Body vocabulary, most frequent first; picked with a skew (index = n·u³). */
const BODY = [
  "investment", "infrastructure", "power", "road", "access", "water", "gas", "plots", "land", "developer", "tenants",
  "motorway", "port", "airport", "labour", "workforce", "training", "utilities", "connection", "grid", "substation",
  "warehouse", "container", "rail", "freight", "customs", "exemption", "tax", "holiday", "incentive", "lease",
  "purchase", "financing", "equity", "debt", "partner", "sponsor", "feasibility", "study", "approval", "board",
  "environmental", "clearance", "capacity", "tonnes", "megawatt", "acres", "boundary", "wall", "sewerage", "treatment",
  "effluent", "drainage", "housing", "school", "clinic", "security", "fibre", "broadband", "solar", "rooftop",
  "biomass", "cold", "chain", "storage", "packaging", "automation", "robotics", "quality", "certification", "halal",
  "organic", "yarn", "denim", "garments", "leather", "surgical", "instruments", "sports", "goods", "cement", "glass",
  "ceramics", "furniture", "paper", "printing", "plastics", "rubber", "tyres", "batteries", "electronics", "assembly",
  "mobile", "phones", "appliances", "pumps", "motors", "tractors", "implements", "seeds", "fertiliser", "irrigation",
  "orchards", "citrus", "mango", "rice", "wheat", "sugar", "cotton", "livestock", "poultry", "fisheries", "copper",
  "gold", "marble", "granite", "coal", "lithium", "gemstones", "tourism", "hotel", "resort", "hospital", "pharmacy",
  "vaccine", "laboratory", "software", "data", "centre", "cloud", "semiconductor", "design", "startup", "incubator",
];
const KIND_WORDS: Record<string, string> = {
  SEZ: "special economic zone",
  INDUSTRIAL_ESTATE: "industrial estate",
  PLOT: "plot",
  NATIONAL_PROJECT: "national project",
  PROVINCIAL_PROJECT: "provincial project",
};
const KIND_WORDS_JA: Record<string, string> = {
  SEZ: "経済特区",
  INDUSTRIAL_ESTATE: "工業団地",
  PLOT: "区画",
  NATIONAL_PROJECT: "国家プロジェクト",
  PROVINCIAL_PROJECT: "州プロジェクト",
};
const INCENTIVE_TEXT =
  "One-time customs-duty exemption on capital goods Special Economic Zones Act 2012 5-year income-tax exemption";

function sqlArray(values: string[]): string {
  return `(ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]::text[])`;
}

/**
 * One INSERT … SELECT generate_series for ids [from, to]. The text is built
 * from constant arrays (generated here from the lists above, not from input),
 * and the weighted search vector is computed inline, exactly as the
 * migration's kizuna_listing_search_vector would (the trigger is disabled for
 * the load: calling it row by row is ten times slower).
 */
export function insertSql(from: number, to: number): string {
  // Place i (1-based) fills `weight` slots: a uniform pick among slots is a weighted pick.
  const slots = PLACES.flatMap(([, , weight], index) => Array.from({ length: weight }, () => index + 1));
  return `
WITH sec AS (
  SELECT array_agg(s.id ORDER BY s.sort_order, s.slug) AS ids,
         array_agg(s.name_en ORDER BY s.sort_order, s.slug) AS en,
         array_agg(s.name_en || ' ' || coalesce(p.name_en, '') ORDER BY s.sort_order, s.slug) AS en_full,
         array_agg(s.name_ja || ' ' || coalesce(p.name_ja, '') ORDER BY s.sort_order, s.slug) AS ja_full,
         array_agg(s.name_ja ORDER BY s.sort_order, s.slug) AS ja,
         count(*)::int AS n
  FROM sectors s LEFT JOIN sectors p ON p.id = s.parent_id
  WHERE s.merged_into_id IS NULL
),
ag AS (SELECT array_agg(id ORDER BY code) AS ids, count(*)::int AS n FROM organizations WHERE kind = 'AGENCY'),
place AS (SELECT ${sqlArray(PLACES.map(([province]) => province))} AS prov, ${sqlArray(PLACES.map(([, district]) => district))} AS dist,
                 ARRAY[${slots.join(",")}]::int[] AS slot),
r AS (
  SELECT g,
    random() AS u_kind, random() AS u_place, random() AS u_s1, random() AS u_s2, random() AS u_two,
    random() AS u_amt, random() AS u_amt_null, random() AS u_stage, random() AS u_status, random() AS u_ind,
    random() AS u_noun, random() AS u_qual, random() AS u_ja, random() AS u_pub, random() AS u_ag,
    random() AS u_i1, random() AS u_i2, random() AS u_i3,
    ARRAY[random(), random(), random(), random(), random(), random(), random(), random(), random(), random(), random(), random()] AS u_body
  FROM generate_series(${from}, ${to}) AS g
),
d AS (
  SELECT r.g,
    (ARRAY['SEZ','INDUSTRIAL_ESTATE','PLOT','NATIONAL_PROJECT','PROVINCIAL_PROJECT'])[1 + floor(5 * r.u_kind ^ 1.3)::int] AS kind,
    place.slot[1 + floor(${slots.length} * r.u_place)::int] AS pi,
    1 + floor(sec.n * r.u_s1 ^ 2)::int AS s1,
    CASE WHEN r.u_two < 0.4 THEN 1 + floor(sec.n * r.u_s2)::int END AS s2,
    CASE WHEN r.u_amt_null < 0.15 THEN NULL ELSE floor(10 ^ (7 + 5 * r.u_amt))::bigint END AS usd_cents,
    (ARRAY['CONCEPT','FEASIBILITY','READY','UNDER_CONSTRUCTION','OPERATING'])[1 + floor(5 * r.u_stage)::int] AS stage,
    CASE WHEN r.u_status < 0.95 THEN 'PUBLISHED' WHEN r.u_status < 0.97 THEN 'DRAFT' WHEN r.u_status < 0.99 THEN 'SUBMITTED' ELSE 'CLOSED' END AS status,
    ${sqlArray(NOUNS)}[1 + floor(${NOUNS.length} * r.u_noun)::int] AS noun,
    ${sqlArray(QUALIFIERS)}[1 + floor(${QUALIFIERS.length} * r.u_qual)::int] AS qual,
    r.u_ind < 0.7 AS industrial,
    r.u_ja < 0.3 AS has_ja,
    -- Listings arrive over time (one every ~150 s over ~5 years for a million), so the
    -- physical order follows the publication date as it does on a live platform.
    now() - make_interval(secs => 150 * (1000000 - r.g) + 600 * r.u_pub) AS published_at,
    ag.ids[1 + floor(ag.n * r.u_ag)::int] AS agency_id,
    array_remove(ARRAY[
      (ARRAY['EQUITY','DEBT','JOINT_VENTURE','PPP','PLOT_PURCHASE','PLOT_LEASE'])[1 + floor(6 * r.u_i1)::int],
      CASE WHEN r.u_i2 < 0.5 THEN (ARRAY['EQUITY','DEBT','JOINT_VENTURE','PPP','PLOT_PURCHASE','PLOT_LEASE'])[1 + floor(6 * r.u_i2 * 2)::int] END,
      CASE WHEN r.u_i3 < 0.2 THEN (ARRAY['EQUITY','DEBT','JOINT_VENTURE','PPP','PLOT_PURCHASE','PLOT_LEASE'])[1 + floor(6 * r.u_i3 * 5)::int] END
    ], NULL) AS instruments,
    (SELECT string_agg(${sqlArray(BODY)}[1 + floor(${BODY.length} * u ^ 3)::int], ' ') FROM unnest(r.u_body) AS u) AS body
  FROM r, sec, ag, place
),
t AS (
  SELECT d.*, sec.en[d.s1] AS s1_en, sec.ja[d.s1] AS s1_ja, sec.en[d.s2] AS s2_en,
    place.prov[d.pi] AS province, place.dist[d.pi] AS district,
    CASE d.kind ${Object.entries(KIND_WORDS).map(([kind, words]) => `WHEN '${kind}' THEN '${words}'`).join(" ")} END AS kind_words,
    CASE d.kind ${Object.entries(KIND_WORDS_JA).map(([kind, words]) => `WHEN '${kind}' THEN '${words}'`).join(" ")} END AS kind_ja,
    sec.en_full[d.s1] || ' ' || coalesce(sec.en_full[d.s2], '') AS sector_en,
    sec.ja_full[d.s1] || ' ' || coalesce(sec.ja_full[d.s2], '') AS sector_ja,
    ARRAY_REMOVE(ARRAY[sec.ids[d.s1], CASE WHEN d.s2 <> d.s1 THEN sec.ids[d.s2] END], NULL) AS sector_ids
  FROM d, sec, place
),
x AS (
  SELECT t.*,
    initcap(t.district) || ' ' || t.s1_en || ' ' || t.qual || ' ' || t.noun || ' ' || t.g AS title,
    CASE WHEN t.has_ja THEN t.s1_ja || '・' || t.kind_ja || '（' || t.district || '）' END AS title_ja,
    'A ' || t.qual || ' ' || t.kind_words || ' in ' || t.district || ' for ' || lower(t.s1_en) ||
      coalesce(' and ' || lower(t.s2_en), '') || CASE WHEN t.industrial THEN ' with industrial ' ELSE ' with ' END ||
      split_part(t.body, ' ', 1) || ' and ' || split_part(t.body, ' ', 2) || '.' AS summary,
    'The ' || t.noun || ' offers ' || t.body || '. Contact the agency for ' || split_part(t.body, ' ', 3) || ' details.' AS description
  FROM t
)
INSERT INTO listings (id, slug, kind, status, agency_id, title, title_ja, summary, description, sector_ids, province, district,
  amount_minor, currency, amount_usd_cents, instruments, stage, published_at, submitted_at, completeness, created_at, updated_at, search_vector)
SELECT gen_random_uuid(), 'bench-' || x.g, x.kind::"ListingKind", x.status::"ListingStatus", x.agency_id, x.title, x.title_ja, x.summary, x.description,
  x.sector_ids, x.province::"Province", x.district, x.usd_cents, 'USD', x.usd_cents, x.instruments::"Instrument"[], x.stage::"Stage",
  CASE WHEN x.status IN ('PUBLISHED','CLOSED') THEN x.published_at END, x.published_at, 60, x.published_at, x.published_at,
  setweight(to_tsvector('english', x.title), 'A') ||
  setweight(to_tsvector('simple', coalesce(x.title_ja, '')), 'A') ||
  setweight(to_tsvector('english', x.summary), 'B') ||
  setweight(to_tsvector('english', x.sector_en), 'B') ||
  setweight(to_tsvector('simple', x.sector_ja), 'B') ||
  setweight(to_tsvector('simple', replace(lower(x.province), '_', ' ') || ' ' || x.district), 'C') ||
  setweight(to_tsvector('english', CASE WHEN x.kind IN ('SEZ','INDUSTRIAL_ESTATE') THEN '${INCENTIVE_TEXT}' ELSE '' END), 'C') ||
  setweight(to_tsvector('english', x.description), 'D') ||
  kizuna_facet_lexemes(x.kind::"ListingKind", x.stage::"Stage", x.province::"Province", x.district, x.usd_cents, x.instruments::"Instrument"[], x.sector_ids) ||
  kizuna_recency_lexeme(x.published_at::timestamp(3))
FROM x`;
}

export type TGenerateOptions = { databaseUrl: string; count: number; workers?: number; log?: (message: string) => void };

/**
 * Adds `count` synthetic listings (ids continue after existing bench rows).
 * Secondary indexes are dropped during the load and rebuilt after it (much
 * faster than maintaining GIN indexes row by row), then the table is analysed.
 */
export async function generateListings(options: TGenerateOptions): Promise<{ seconds: number }> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  try {
    const existing = await admin.query<{ n: string }>("SELECT count(*)::text AS n FROM listings WHERE slug LIKE 'bench-%'");
    const offset = Number(existing.rows[0]?.n ?? 0);
    const indexes = await admin.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i WHERE i.indrelid = 'listings'::regclass AND NOT i.indisprimary AND NOT i.indisunique`,
    );
    for (const index of indexes.rows) await admin.query(`DROP INDEX ${index.name}`);
    await admin.query("ALTER TABLE listings DISABLE TRIGGER listings_search_vector");
    try {
      const workers = Math.max(1, options.workers ?? 2);
      const chunk = 100_000;
      const ranges: [number, number][] = [];
      for (let from = offset + 1; from <= offset + options.count; from += chunk) {
        ranges.push([from, Math.min(from + chunk - 1, offset + options.count)]);
      }
      let done = 0;
      await Promise.all(
        Array.from({ length: workers }, async (_, worker) => {
          const client = new pg.Client({ connectionString: options.databaseUrl });
          await client.connect();
          try {
            await client.query(`SELECT setseed(${(worker + 1) / (workers + 1)})`);
            for (let i = worker; i < ranges.length; i += workers) {
              const [from, to] = ranges[i]!;
              await client.query(insertSql(from, to));
              done += to - from + 1;
              log(`  generated ${done.toLocaleString("en")} / ${options.count.toLocaleString("en")}`);
            }
          } finally {
            await client.end();
          }
        }),
      );
    } finally {
      await admin.query("ALTER TABLE listings ENABLE TRIGGER listings_search_vector");
      log("  rebuilding indexes…");
      const queue = [...indexes.rows];
      await Promise.all(
        [0, 1].map(async () => {
          const client = new pg.Client({ connectionString: options.databaseUrl });
          await client.connect();
          try {
            await client.query("SET maintenance_work_mem = '512MB'");
            for (let index = queue.shift(); index; index = queue.shift()) await client.query(index.def);
          } finally {
            await client.end();
          }
        }),
      );
    }
    await admin.query("VACUUM ANALYZE listings");
  } finally {
    await admin.end();
  }
  return { seconds: (performance.now() - started) / 1000 };
}
