// Search over published listings: full text (weighted tsvector, GIN), filters,
// facet counts and keyset pagination, in ONE SQL statement per page.
//
// How it stays fast at a million listings (docs/PERFORMANCE.md has the figures):
// - Filtering. Every filter is also a lexeme of the search vector ('~p~punjab',
//   see the search_facets migration), so words and filters are one tsquery and
//   one GIN scan, which skips through long posting lists instead of AND-ing
//   bitmaps of half the table.
// - Counting. A block sample of about sampleRows rows (TABLESAMPLE SYSTEM,
//   REPEATABLE so a shared URL shows the same numbers) estimates the matches.
//   Few → count them exactly (at most exactCountCap rows are read); more →
//   facet counts from the newest exactCountCap matches (or, for dense searches
//   beyond orderedMax, the first the index finds), scaled to the estimate; very
//   many → from the sample itself. Totals and counts are then flagged approximate. Either way
//   the work is bounded, whatever the query.
// - Recent months first. The newest matches are looked for through the
//   recency lexemes ('~r~YYYYMM', migration search_recency_buckets): the two
//   newest months, then as many older ones as their rate says are needed, then
//   (rarely) everything older, so about exactCountCap rows are read rather
//   than every match.
// - Relevance. Only a bounded candidate set is ranked: the relevanceCandidates
//   newest matches, with ts_rank_cd (title A > summary and sectors B > place and
//   incentives C > description D) plus a bonus for a title hit. Results then
//   continue with the older matches, newest first, so paging still returns
//   every match exactly once.
// - Paging is by keyset (opaque cursor), never OFFSET: a deep page costs what
//   the first one does.
// - Typos: when the words find almost nothing, a second statement adds a
//   spelling correction against sector, place and kind names and trigram word
//   similarity on titles (pg_trgm).
import { db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TLocale } from "@/lib/i18n/config";
import type { TListingCard } from "./queries";
import { SIZE_BANDS, SIZE_BAND_KEYS, type TFilterKey, type TSearchParams } from "./search-schema";
import { correctSpelling, vocabularyFrom } from "./search-spelling";
import { getSectorTaxonomy, resolveSectorSlugs, sectorName, type TSectorTaxonomy } from "./sector-taxonomy";
import { INSTRUMENTS, LISTING_KINDS, PROVINCES, STAGES } from "./schemas";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { isUuid } from "@/lib/http/validation";

/** Tunables; the benchmark may override them to show the trade-off. */
export const SEARCH_TUNING = {
  /** Rows read by the counting sample. */
  sampleRows: 2_000,
  /**
   * Up to this many matches are counted exactly. It bounds the rows a keyword
   * search reads at any table size (the newest exactCountCap + 1), so it is
   * what keeps a filtered search from growing with the table: 500 (was 1,000)
   * keeps the growth from 100k to 1M listings within 1.5×. Beyond it, totals
   * show as "about N", facets scaled from the newest 500 matches.
   */
  exactCountCap: 500,
  /**
   * Up to this many estimated matches, the newest exactCountCap + 1 are read
   * (all of them when there are no more): exact counts up to exactCountCap,
   * else facets from the newest exactCountCap (scaled), and the relevance
   * candidates come from the same read. Sparse searches (fewer than about
   * exactCountCap / 2 matches a month) find them month by month and read about
   * that many rows; denser ones read every match.
   */
  orderedMax: 5_000,
  /**
   * Up to this many, sparse searches still read the newest matches month by
   * month; denser ones take facet counts from the first exactCountCap matches
   * the index yields (scaled). Beyond it, from the sample.
   */
  prefixMax: 30_000,
  /** Searches with at most this many estimated matches a month (about exactCountCap / 2) are read month by month (see orderedMax). */
  sparsePerMonth: 250,
  /** Most months of recency lexemes in one tsquery; a wider window reads all older matches instead. */
  recencyMonthsMax: 36,
  /** Newest matches ranked by relevance. */
  relevanceCandidates: 500,
  /** Fewer full-text matches than this turn on typo tolerance. */
  fuzzyBelow: 3,
  /** Districts listed in the district facet. */
  districtFacetSize: 40,
};

export type TSearchViewer = { locale: TLocale };

/** A result card: TListingCard plus what the page and the API need to link and filter. */
export type TSearchItem = TListingCard & {
  instruments: string[];
  sectors: { slug: string; name: string }[];
  /** Relevance score when sorted by relevance (higher is better), else null. */
  score: number | null;
};

export type TFacetValue = { value: string; count: number };
export type TSectorFacet = { slug: string; name: string; count: number; children: TSectorFacet[] };
export type TDistrictFacet = { province: string | null; district: string; count: number };

export type TSearchFacets = {
  sector: TSectorFacet[];
  province: TFacetValue[];
  district: TDistrictFacet[];
  kind: TFacetValue[];
  stage: TFacetValue[];
  instrument: TFacetValue[];
  size: TFacetValue[];
};

export type TSearchResult = {
  items: TSearchItem[];
  total: number;
  /** "eq": exact; "approx": an estimate (broad searches); "gte": at least this many. */
  totalRelation: "eq" | "approx" | "gte";
  /** True when the facet counts are estimates (scaled from a sample of the matches). */
  approximate: boolean;
  facets: TSearchFacets;
  nextCursor: string | null;
  /** Set when typo tolerance rewrote the query ("dariy" → "dairy"). */
  correctedQuery: string | null;
};

// ───────────────────────────── cursor ─────────────────────────────

/** [sort-key kind, …values]: n = listed-at keyset, s = size keyset, r = relevance rank phase. */
type TCursor =
  | { k: "n"; at: string; id: string }
  | { k: "s"; size: string; id: string }
  | { k: "r"; rank: number; id: string; boundAt: string; boundId: string };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;

function encodeSearchCursor(cursor: TCursor): string {
  const values =
    cursor.k === "n" ? [cursor.k, cursor.at, cursor.id] : cursor.k === "s" ? [cursor.k, cursor.size, cursor.id] : [cursor.k, cursor.rank, cursor.id, cursor.boundAt, cursor.boundId];
  return encodeCursor(values);
}

const badCursor = () => new AppError("VALIDATION", "errors.validation", { fieldErrors: { cursor: ["errors.search.cursor"] } });

/** The page cursor for `sort`; one that does not decode to that sort's shape is a 422. */
function readSearchCursor(raw: string | undefined, sort: TEffectiveSort): TCursor | null {
  if (!raw) return null;
  const cursor = decodeCursor(raw, (values) => {
    if (!Array.isArray(values)) return null;
    const [k, a, b, c, d] = values as unknown[];
    const isAt = (value: unknown): value is string => typeof value === "string" && TIMESTAMP.test(value);
    if (k === "n" && (sort === "newest" || sort === "relevance") && isAt(a) && isUuid(b)) return { k, at: a, id: b } as TCursor;
    if (k === "s" && sort === "size" && typeof a === "string" && /^-?\d{1,19}$/.test(a) && isUuid(b)) return { k, size: a, id: b } as TCursor;
    if (k === "r" && sort === "relevance" && typeof a === "number" && Number.isFinite(a) && isUuid(b) && isAt(c) && isUuid(d)) {
      return { k, rank: a, id: b, boundAt: c, boundId: d } as TCursor;
    }
    return null;
  });
  if (!cursor) throw badCursor();
  return cursor;
}

// ───────────────────────────── SQL pieces ─────────────────────────────

type TEffectiveSort = "relevance" | "newest" | "size";

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

/** English stemming for latin text; Japanese is indexed as whole tokens ('simple'), so both are tried. */
function tsQuery(q: string): Prisma.Sql {
  if (JAPANESE.test(q)) return Prisma.sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
  return Prisma.sql`websearch_to_tsquery('english', ${q})`;
}

/** `rank` reads the candidate row `c` (search_vector, title). */
type TTextMatch = { rank: Prisma.Sql };

/**
 * The match on the search vector: the words (if any) AND the facet filters
 * (if any), as one tsquery so that one GIN scan does all the filtering.
 */
function vectorMatch(q: string | undefined, corrected: string | null, facets: string | null): { where: Prisma.Sql | null; text: TTextMatch | null } {
  const facetQuery = facets === null ? null : Prisma.sql`${facets}::tsquery`;
  const withFacets = (query: Prisma.Sql) => (facetQuery ? Prisma.sql`(${query} && ${facetQuery})` : query);
  if (!q) return { where: facetQuery ? Prisma.sql`l.search_vector @@ ${facetQuery}` : null, text: null };
  const query = tsQuery(q);
  if (corrected === null) {
    return { where: Prisma.sql`l.search_vector @@ ${withFacets(query)}`, text: { rank: rankExpression(query) } };
  }
  // Typo tolerance: the original words, the corrected ones, or a title that looks like the query.
  const either = Prisma.sql`(${query} || ${tsQuery(corrected)})`;
  const titleLike = facetQuery ? Prisma.sql`(${q} <% l.title AND l.search_vector @@ ${facetQuery})` : Prisma.sql`${q} <% l.title`;
  return {
    where: Prisma.sql`(l.search_vector @@ ${withFacets(either)} OR ${titleLike})`,
    text: { rank: Prisma.sql`(${rankExpression(either)} + word_similarity(${q}, c.title))` },
  };
}

/** Weights {D, C, B, A}; a title hit adds 1 so it always outranks body-only hits. */
function rankExpression(query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(ts_rank_cd('{0.05,0.2,0.4,1.0}'::float4[], c.search_vector, ${query}) + CASE WHEN ts_filter(c.search_vector, '{a}') @@ ${query} THEN 1 ELSE 0 END)`;
}

/** The same normalisation as the migration's kizuna_facet_lexemes: lower case, runs of other characters → "-". */
export function districtLexeme(district: string): string {
  return district
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

const LEXEME = /^~[a-z]~[\p{L}\p{N}_-]+$/u;

/**
 * Filters → a tsquery over the facet lexemes (see the search_facets migration):
 * OR within a filter, AND across filters. Every lexeme comes from a validated
 * enum, a sector id or a normalised district, and is checked again here, so
 * the text can be passed as a parameter cast to tsquery.
 */
export function facetTsQuery(params: Pick<TSearchParams, TFilterKey>, sectorIds: string[]): string | null {
  const groups: string[][] = [];
  const add = (prefix: string, values: string[]) => {
    if (values.length) groups.push(values.map((value) => `~${prefix}~${value.toLowerCase()}`));
  };
  add("k", params.kind);
  add("g", params.stage);
  add("p", params.province);
  // A district that normalises to nothing matches nothing ("~d~-" is never indexed).
  if (params.district !== undefined) add("d", [districtLexeme(params.district) || "-"]);
  add("b", params.size);
  add("i", params.instrument);
  add("s", sectorIds);
  if (groups.length === 0) return null;
  const quote = (lexeme: string) => {
    if (!LEXEME.test(lexeme) && lexeme !== "~d~-") throw new Error(`unexpected facet lexeme ${lexeme}`);
    return `'${lexeme}'`;
  };
  return groups.map((group) => (group.length === 1 ? quote(group[0]!) : `(${group.map(quote).join(" | ")})`)).join(" & ");
}

const LISTED_AT = Prisma.sql`coalesce(l.published_at, l.created_at)`;

/** The recency lexeme of a timestamp, quoted for a tsquery: the migration's kizuna_recency_lexeme. */
const recencyLexeme = (at: Prisma.Sql) => Prisma.sql`quote_literal('~r~' || to_char(${at}, 'YYYYMM'))`;
const SIZE_KEY = Prisma.sql`coalesce(l.amount_usd_cents, -1)`;

/** The band of l.amount_usd_cents, as the facet keys. */
const SIZE_BAND_CASE = Prisma.sql`CASE ${Prisma.join(
  SIZE_BAND_KEYS.map((band) => {
    const [min, max] = SIZE_BANDS[band];
    if (min === null) return Prisma.sql`WHEN l.amount_usd_cents < ${max} THEN ${band}`;
    if (max === null) return Prisma.sql`WHEN l.amount_usd_cents >= ${min} THEN ${band}`;
    return Prisma.sql`WHEN l.amount_usd_cents < ${max} THEN ${band}`;
  }),
  " ",
)} END`;

function filterWhere(match: Prisma.Sql | null): Prisma.Sql {
  return match ? Prisma.sql`l.status = 'PUBLISHED' AND ${match}` : Prisma.sql`l.status = 'PUBLISHED'`;
}

// Prisma creates list columns without a default: a row written without them holds NULL, not {}.
const FACET_COLUMNS = Prisma.sql`l.id, l.kind, l.province, l.district, l.stage,
  coalesce(l.instruments, '{}') AS instruments, coalesce(l.sector_ids, '{}') AS sector_ids, ${SIZE_BAND_CASE} AS band,
  ${LISTED_AT} AS listed_at, ${SIZE_KEY} AS size_key`;

/**
 * Counting CTEs (see the module comment): s = sample, est = estimate from it,
 * m = the first exactCountCap + 1 matches found (only run when the estimate is
 * at most prefixMax), src = what the facets are counted over, fc = facet rows
 * [dimension, key, count]. Modes: "complete" (the sample is the whole table),
 * "exact" (m holds every match), "prefix" (facets from m, scaled to the
 * estimate), "estimate" (facets from the sample, scaled).
 */
function countingCtes(where: Prisma.Sql): Prisma.Sql {
  const { sampleRows, exactCountCap, orderedMax, prefixMax, sparsePerMonth, recencyMonthsMax } = SEARCH_TUNING;
  const need = exactCountCap + 1;
  return Prisma.sql`
  rel AS (SELECT greatest(c.reltuples, 1)::float8 AS rows FROM pg_class c WHERE c.oid = 'listings'::regclass),
  s AS MATERIALIZED (
    SELECT ${FACET_COLUMNS}
    FROM listings l TABLESAMPLE SYSTEM ((SELECT least(100, 100.0 * ${sampleRows}::int / rows)::float4 FROM rel)) REPEATABLE (7)
    WHERE ${where}
  ),
  est AS (
    SELECT count(*)::float8 * (SELECT greatest(1, rows / ${sampleRows}::int) FROM rel) AS estimate,
           (SELECT greatest(1, rows / ${sampleRows}::int) FROM rel) AS sample_scale,
           (SELECT rows <= ${sampleRows}::int FROM rel) AS complete
    FROM s
  ),
  -- Up to orderedMax estimated matches: the newest exactCountCap + 1 of them (all of them
  -- when there are no more), found month by month through the recency lexemes ('~r~YYYYMM',
  -- migration search_recency_buckets) so that only about that many rows are read:
  -- m1 = the two newest months; m2 = as many older months as m1's rate says are needed;
  -- m3 = everything older than what m1 and m2 covered (all matches when few are expected).
  -- Months are contiguous, so the newest rows of m1 ∪ m2 ∪ m3 are the newest matches.
  span AS (
    SELECT date_trunc('month', n.at) - interval '1 month' AS start1, n.at AS newest, date_trunc('month', o.at) AS oldest
    FROM (SELECT (SELECT ${LISTED_AT} FROM listings l WHERE l.status = 'PUBLISHED' ORDER BY ${LISTED_AT} DESC, l.id DESC LIMIT 1) AS at) n,
         (SELECT (SELECT ${LISTED_AT} FROM listings l WHERE l.status = 'PUBLISHED' ORDER BY ${LISTED_AT} ASC, l.id ASC LIMIT 1) AS at) o
  ),
  -- Month by month only pays when a month holds at most sparsePerMonth matches
  -- (estimated from the sample: its count over the span of its dates); then it also serves up
  -- to prefixMax estimated matches. Denser searches read all matches up to orderedMax.
  -- (The middle 80 % of the sampled dates, so that a few outliers do not stretch the span;
  -- beyond orderedMax only if the sample also has recent matches, so the first months find some.)
  sparse AS (
    SELECT coalesce(sp.start1 > sp.oldest
      AND (h.n < 5 OR e.estimate * 0.8 / greatest(1, (h.p90 - h.p10) / 2629800) <= ${sparsePerMonth}::int), false) AS sparse,
      coalesce(h.newest >= sp.start1 - interval '2 months', false) AS recent_hits
    FROM est e, span sp, (
      SELECT count(*) AS n, max(listed_at) AS newest,
        percentile_cont(0.1) WITHIN GROUP (ORDER BY extract(epoch FROM listed_at)) AS p10,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM listed_at)) AS p90
      FROM s) h
  ),
  st AS (
    SELECT ordered, ordered AND sparse.sparse AS staged, sp.*,
      (${recencyLexeme(Prisma.sql`sp.newest`)} || ' | ' || ${recencyLexeme(Prisma.sql`sp.start1`)})::tsquery AS b1
    FROM (SELECT NOT e.complete AND (e.estimate <= ${orderedMax}::int OR (e.estimate <= ${prefixMax}::int AND x.sparse AND x.recent_hits)) AS ordered
          FROM est e, sparse x) o, sparse, span sp
  ),
  m1 AS MATERIALIZED (
    SELECT ${FACET_COLUMNS} FROM listings l
    WHERE (SELECT staged FROM st) AND ${where} AND l.search_vector @@ (SELECT b1 FROM st)
  ),
  w2 AS (
    SELECT x.n1, greatest(x.start2, st.oldest) AS start2,
      x.start2 IS NOT NULL AND greatest(x.start2, st.oldest) > st.start1 - ${recencyMonthsMax}::int * interval '1 month' AS run2,
      x.start2 IS NOT NULL AND x.start2 <= st.oldest AS reaches_oldest
    FROM st, LATERAL (
      SELECT n1.n AS n1, CASE WHEN NOT st.staged OR n1.n >= ${need}::int THEN NULL
        WHEN n1.n = 0 THEN st.oldest
        ELSE date_trunc('month', st.start1 - (extract(epoch FROM st.newest - st.start1) * (${need}::int - n1.n) * 1.2 / n1.n) * interval '1 second')
      END AS start2
      FROM (SELECT count(*)::int AS n FROM m1) n1
    ) x
  ),
  b2 AS (
    SELECT (SELECT string_agg(${recencyLexeme(Prisma.sql`g`)}, ' | ')
      FROM generate_series(w2.start2, st.start1 - interval '1 month', interval '1 month') g)::tsquery AS b2
    FROM st, w2 WHERE w2.run2
  ),
  m2 AS MATERIALIZED (
    SELECT ${FACET_COLUMNS} FROM listings l
    WHERE (SELECT run2 FROM w2) AND ${where} AND l.search_vector @@ (SELECT b2 FROM b2)
  ),
  w3 AS (
    SELECT CASE WHEN NOT st.staged THEN st.ordered WHEN w2.run2 AND w2.reaches_oldest THEN false
        ELSE w2.n1 + (SELECT count(*) FROM m2) < ${need}::int END AS run3,
      CASE WHEN NOT st.staged THEN 'infinity'::timestamp WHEN w2.run2 THEN w2.start2 ELSE st.start1 END AS before
    FROM st, w2
  ),
  m3 AS MATERIALIZED (
    SELECT * FROM (
      SELECT ${FACET_COLUMNS} FROM listings l
      WHERE (SELECT run3 FROM w3) AND ${where}
      OFFSET 0
    ) x WHERE x.listed_at < (SELECT before FROM w3)
  ),
  m AS MATERIALIZED (
    SELECT * FROM (SELECT * FROM m1 UNION ALL SELECT * FROM m2 UNION ALL SELECT * FROM m3) x
    ORDER BY x.listed_at DESC, x.id DESC LIMIT ${need}::int
  ),
  -- More: the first exactCountCap + 1 matches the index finds, as a sample for the facets.
  p AS MATERIALIZED (
    SELECT ${FACET_COLUMNS} FROM listings l
    WHERE (SELECT NOT e.complete AND NOT st.ordered AND e.estimate <= ${prefixMax}::int FROM est e, st) AND ${where}
    LIMIT ${exactCountCap + 1}::int
  ),
  how AS (
    SELECT mode,
      mode IN ('exact', 'complete') AS pool,
      mode IN ('exact', 'complete', 'newest') AS recent,
      CASE mode WHEN 'newest' THEN greatest(e.estimate, mn.n) / mn.n WHEN 'prefix' THEN greatest(e.estimate, pn.n) / pn.n
        WHEN 'estimate' THEN e.sample_scale ELSE 1 END AS scale,
      (mode = 'newest' AND e.estimate < mn.n) OR (mode = 'prefix' AND e.estimate < pn.n) AS at_least
    FROM est e, (SELECT count(*)::float8 AS n FROM m) mn, (SELECT count(*)::float8 AS n FROM p) pn,
      LATERAL (SELECT CASE
        WHEN e.complete THEN 'complete'
        WHEN (SELECT ordered FROM st) THEN CASE WHEN mn.n <= ${exactCountCap}::int THEN 'exact' ELSE 'newest' END
        WHEN e.estimate <= ${prefixMax}::int THEN 'prefix'
        ELSE 'estimate' END AS mode) x
  ),
  src AS (
    SELECT * FROM m WHERE (SELECT mode IN ('exact', 'newest') FROM how)
    UNION ALL
    SELECT * FROM p WHERE (SELECT mode = 'prefix' FROM how)
    UNION ALL
    SELECT * FROM s WHERE (SELECT mode IN ('complete', 'estimate') FROM how)
  ),
  fc AS (
    SELECT 'total' AS dim, NULL::json AS k, count(*)::int AS c FROM src
    UNION ALL SELECT 'kind', to_json(kind), count(*)::int FROM src GROUP BY kind
    UNION ALL SELECT 'province', to_json(province), count(*)::int FROM src GROUP BY province
    UNION ALL SELECT 'district', json_build_array(province, district), count(*)::int FROM src WHERE district IS NOT NULL GROUP BY province, district
    UNION ALL SELECT 'stage', to_json(stage), count(*)::int FROM src GROUP BY stage
    UNION ALL SELECT 'instruments', to_json(instruments), count(*)::int FROM src GROUP BY instruments
    UNION ALL SELECT 'sectors', to_json(sector_ids), count(*)::int FROM src GROUP BY sector_ids
    UNION ALL SELECT 'size', to_json(band), count(*)::int FROM src WHERE band IS NOT NULL GROUP BY band
  )`;
}

/**
 * Where page rows come from. When the counting CTEs hold every match (exact
 * or complete-sample mode), the page is cut from them in memory; otherwise
 * (a broad search) an index walk over the listings finds the page quickly.
 * Both branches are planned; a one-time filter runs exactly one of them.
 */
type TSource = { from: Prisma.Sql; where: Prisma.Sql; id: Prisma.Sql; listedAt: Prisma.Sql; sizeKey: Prisma.Sql };

/**
 * "all": src holds every match (exact or complete modes). "newest": src holds
 * at least the newest exactCountCap + 1 matches (also in "newest" mode), which
 * covers a first page by date and the relevance candidates.
 */
function sources(where: Prisma.Sql, counting: boolean, covers: "all" | "newest" = "all"): TSource[] {
  const table = (condition: Prisma.Sql): TSource => ({ from: Prisma.sql`listings l`, where: condition, id: Prisma.sql`l.id`, listedAt: LISTED_AT, sizeKey: SIZE_KEY });
  if (!counting) return [table(where)];
  const flag = covers === "all" ? Prisma.sql`(SELECT pool FROM how)` : Prisma.sql`(SELECT recent FROM how)`;
  return [
    { from: Prisma.sql`src`, where: flag, id: Prisma.sql`src.id`, listedAt: Prisma.sql`src.listed_at`, sizeKey: Prisma.sql`src.size_key` },
    table(Prisma.sql`NOT ${flag} AND ${where}`),
  ];
}

/** Ids with their sort keys from each source, ordered and limited, then merged. */
function orderedIds(
  list: TSource[],
  options: { by: "listed" | "size"; extra?: (source: TSource) => Prisma.Sql; limit: Prisma.Sql | null },
): Prisma.Sql {
  const parts = list.map((source) => {
    const key = options.by === "size" ? source.sizeKey : source.listedAt;
    const extra = options.extra ? Prisma.sql`AND ${options.extra(source)}` : Prisma.empty;
    const limit = options.limit ? Prisma.sql`LIMIT ${options.limit}` : Prisma.empty;
    return Prisma.sql`(SELECT ${source.id} AS id, ${source.listedAt} AS listed_at, ${source.sizeKey} AS size_key
      FROM ${source.from} WHERE ${source.where} ${extra}
      ORDER BY ${key} DESC, ${source.id} DESC ${limit})`;
  });
  return Prisma.join(parts, " UNION ALL ");
}

/** The page: ids in order with their sort keys and phase ('r' ranked, 't' tail, 'n' listed-at, 's' size). */
function pageCtes(options: {
  sort: TEffectiveSort;
  cursor: TCursor | null;
  where: Prisma.Sql;
  text: TTextMatch | null;
  limit: number;
  counting: boolean;
}): Prisma.Sql {
  const { cursor, text } = options;
  const take = options.limit + 1;
  const list = sources(options.where, options.counting);
  // The newest matches in src can serve a first page only if they are at least a page long.
  const newest = sources(options.where, options.counting, cursor || take > SEARCH_TUNING.exactCountCap + 1 ? "all" : "newest");
  const candidateSource = sources(options.where, options.counting, cursor ? "all" : "newest");
  const noBound = Prisma.sql`bound AS (SELECT NULL::text AS listed_at, NULL::uuid AS id)`;
  if (options.sort === "size") {
    const after = cursor?.k === "s" ? (source: TSource) => Prisma.sql`(${source.sizeKey}, ${source.id}) < (${cursor.size}::bigint, ${cursor.id}::uuid)` : undefined;
    return Prisma.sql`
  pg AS (
    SELECT u.id, 's'::text AS phase, NULL::float4 AS rank, u.listed_at::text AS listed_at, u.size_key::text AS size_key,
           row_number() OVER (ORDER BY u.size_key DESC, u.id DESC) AS ord
    FROM (${orderedIds(list, { by: "size", extra: after, limit: Prisma.sql`${take}::int` })}) u
    ORDER BY u.size_key DESC, u.id DESC LIMIT ${take}::int
  ),
  ${noBound}`;
  }
  if (options.sort === "newest" || !text || cursor?.k === "n") {
    // Newest first; also the tail of a relevance search once its ranked candidates are used up.
    const after = cursor?.k === "n" ? (source: TSource) => Prisma.sql`(${source.listedAt}, ${source.id}) < (${cursor.at}::timestamp(3), ${cursor.id}::uuid)` : undefined;
    const phase = options.sort === "relevance" && text ? "t" : "n";
    return Prisma.sql`
  pg AS (
    SELECT u.id, ${phase}::text AS phase, NULL::float4 AS rank, u.listed_at::text AS listed_at, NULL::text AS size_key,
           row_number() OVER (ORDER BY u.listed_at DESC, u.id DESC) AS ord
    FROM (${orderedIds(newest, { by: "listed", extra: after, limit: Prisma.sql`${take}::int` })}) u
    ORDER BY u.listed_at DESC, u.id DESC LIMIT ${take}::int
  ),
  ${noBound}`;
  }
  // Relevance: rank the newest RELEVANCE_CANDIDATES matches (or, on later pages,
  // exactly the candidates of the first page: those at or after its boundary).
  const candidates = Math.min(SEARCH_TUNING.relevanceCandidates, SEARCH_TUNING.exactCountCap);
  const firstPage = cursor?.k !== "r";
  const inCandidates =
    cursor?.k === "r" ? (source: TSource) => Prisma.sql`(${source.listedAt}, ${source.id}) >= (${cursor.boundAt}::timestamp(3), ${cursor.boundId}::uuid)` : undefined;
  const afterRank = cursor?.k === "r" ? Prisma.sql`WHERE (c.rank, c.id) < (${cursor.rank}::float4, ${cursor.id}::uuid)` : Prisma.empty;
  const olderThanBound = (source: TSource) =>
    Prisma.sql`(SELECT count(*) FROM ranked) < ${take}::int
      ${firstPage ? Prisma.sql`AND (SELECT count(*) FROM cand) >= ${candidates}::int` : Prisma.empty}
      AND (${source.listedAt}, ${source.id}) < ((SELECT at FROM bound), (SELECT id FROM bound))`;
  return Prisma.sql`
  cand_ids AS (
    SELECT u.id, u.listed_at FROM (${orderedIds(candidateSource, { by: "listed", extra: inCandidates, limit: firstPage ? Prisma.sql`${candidates}::int` : null })}) u
    ${firstPage ? Prisma.sql`ORDER BY u.listed_at DESC, u.id DESC LIMIT ${candidates}::int` : Prisma.empty}
  ),
  cand AS MATERIALIZED (
    SELECT c.id, i.listed_at, ${text.rank}::float4 AS rank
    FROM cand_ids i JOIN listings c ON c.id = i.id
  ),
  bound AS (
    ${
      firstPage
        ? Prisma.sql`SELECT listed_at AS at, listed_at::text AS listed_at, id FROM cand ORDER BY listed_at ASC, id ASC LIMIT 1`
        : Prisma.sql`SELECT ${cursor.boundAt}::timestamp(3) AS at, ${cursor.boundAt}::text AS listed_at, ${cursor.boundId}::uuid AS id`
    }
  ),
  ranked AS (
    SELECT c.id, 'r'::text AS phase, c.rank, c.listed_at::text AS listed_at, NULL::text AS size_key,
           row_number() OVER (ORDER BY c.rank DESC, c.id DESC) AS ord
    FROM cand c ${afterRank}
    ORDER BY c.rank DESC, c.id DESC LIMIT ${take}::int
  ),
  tail AS (
    SELECT u.id, 't'::text AS phase, NULL::float4 AS rank, u.listed_at::text AS listed_at, NULL::text AS size_key,
           ${take}::int + row_number() OVER (ORDER BY u.listed_at DESC, u.id DESC) AS ord
    FROM (${orderedIds(list, { by: "listed", extra: olderThanBound, limit: Prisma.sql`${take}::int` })}) u
    ORDER BY u.listed_at DESC, u.id DESC LIMIT ${take}::int
  ),
  pg AS (SELECT * FROM (SELECT * FROM ranked UNION ALL SELECT * FROM tail) u ORDER BY ord LIMIT ${take}::int)`;
}

// ───────────────────────────── the statement ─────────────────────────────

type TRow = {
  facets: [string, unknown, number][] | null;
  mode: "exact" | "complete" | "newest" | "prefix" | "estimate" | "none";
  scale: number;
  at_least: boolean;
  bound: { listed_at: string | null; id: string | null } | null;
  items: TItemRow[] | null;
};

type TItemRow = {
  id: string;
  phase: "r" | "t" | "n" | "s";
  rank: number | null;
  listed_at: string;
  size_key: string | null;
  slug: string;
  kind: string;
  title: string;
  title_ja: string | null;
  summary: string;
  summary_ja: string | null;
  province: string | null;
  district: string | null;
  stage: string;
  amount_usd_cents: string | null;
  area_acres: string | null;
  instruments: string[];
  sector_ids: string[];
  published_at: string | null;
  agency_name: string;
  agency_name_ja: string | null;
};

function statement(options: { where: Prisma.Sql; page: Prisma.Sql; facets: boolean }): Prisma.Sql {
  const counting = options.facets ? Prisma.sql`${countingCtes(options.where)},` : Prisma.empty;
  return Prisma.sql`
WITH
  ${counting}
  ${options.page}
SELECT
  ${options.facets ? Prisma.sql`(SELECT json_agg(json_build_array(dim, k, c)) FROM fc)` : Prisma.sql`NULL::json`} AS facets,
  ${options.facets ? Prisma.sql`(SELECT mode FROM how)` : Prisma.sql`'none'`} AS mode,
  ${options.facets ? Prisma.sql`(SELECT scale FROM how)` : Prisma.sql`1::float8`} AS scale,
  ${options.facets ? Prisma.sql`(SELECT at_least FROM how)` : Prisma.sql`false`} AS at_least,
  (SELECT row_to_json(b) FROM bound b) AS bound,
  (SELECT json_agg(json_build_object(
      'id', p.id, 'phase', p.phase, 'rank', p.rank, 'listed_at', p.listed_at, 'size_key', p.size_key,
      'slug', l.slug, 'kind', l.kind, 'title', l.title, 'title_ja', l.title_ja, 'summary', l.summary, 'summary_ja', l.summary_ja,
      'province', l.province, 'district', l.district, 'stage', l.stage, 'amount_usd_cents', l.amount_usd_cents::text,
      'area_acres', l.area_acres::text, 'instruments', coalesce(l.instruments, '{}'), 'sector_ids', coalesce(l.sector_ids, '{}'),
      'published_at', to_char(l.published_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'agency_name', o.name, 'agency_name_ja', o.name_ja
    ) ORDER BY p.ord)
   FROM pg p JOIN listings l ON l.id = p.id JOIN organizations o ON o.id = l.agency_id) AS items`;
}

// ───────────────────────────── results ─────────────────────────────

function toItem(row: TItemRow, taxonomy: TSectorTaxonomy, locale: TLocale): TSearchItem {
  const ja = locale === "ja";
  const sectors = row.sector_ids
    .map((id) => taxonomy.byId.get(id))
    .filter((node) => node !== undefined)
    .map((node) => ({ slug: node.slug, name: sectorName(node, locale) }));
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: (ja && row.title_ja) || row.title,
    summary: (ja && row.summary_ja) || row.summary,
    province: row.province,
    district: row.district,
    stage: row.stage,
    amountUsdCents: row.amount_usd_cents === null ? null : BigInt(row.amount_usd_cents),
    areaAcres: row.area_acres,
    agencyName: (ja && row.agency_name_ja) || row.agency_name,
    sectorNames: sectors.map((sector) => sector.name),
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    instruments: row.instruments,
    sectors,
    score: row.phase === "r" ? row.rank : null,
  };
}

/** Two significant digits for estimates: 76,160 → 76,000. */
function roundEstimate(value: number): number {
  if (value < 100) return Math.round(value);
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

function buildFacets(rows: [string, unknown, number][], scale: number, taxonomy: TSectorTaxonomy, locale: TLocale): { total: number; facets: TSearchFacets } {
  const count = (value: number) => (scale === 1 ? value : roundEstimate(value * scale));
  const tallies = { kind: new Map<string, number>(), province: new Map<string, number>(), stage: new Map<string, number>(), instrument: new Map<string, number>(), size: new Map<string, number>() };
  const sectorCounts = new Map<string, number>();
  const district: TDistrictFacet[] = [];
  let total = 0;
  for (const [dim, key, c] of rows) {
    if (dim === "total") total = c;
    else if (dim === "district") {
      const [province, name] = key as [string | null, string];
      district.push({ province, district: name, count: count(c) });
    } else if (dim === "instruments") {
      for (const instrument of key as string[]) tallies.instrument.set(instrument, (tallies.instrument.get(instrument) ?? 0) + c);
    } else if (dim === "sectors") {
      // A listing counts once for each of its sectors and once for each of their parents.
      const ids = new Set<string>();
      for (const id of key as string[]) {
        const node = taxonomy.byId.get(id);
        if (!node) continue;
        ids.add(node.mergedIntoId ?? node.id);
        if (node.parentId) ids.add(node.parentId);
      }
      for (const id of ids) sectorCounts.set(id, (sectorCounts.get(id) ?? 0) + c);
    } else if (key !== null) {
      const map = tallies[dim as "kind" | "province" | "stage" | "size"];
      map?.set(String(key), (map.get(String(key)) ?? 0) + c);
    }
  }
  const values = (order: readonly string[], map: Map<string, number>): TFacetValue[] =>
    order.map((value) => ({ value, count: count(map.get(value) ?? 0) }));
  const sectorFacet = (id: string): TSectorFacet | null => {
    const node = taxonomy.byId.get(id)!;
    const children = (taxonomy.childrenOf.get(id) ?? []).map((child) => sectorFacet(child.id)).filter((facet): facet is TSectorFacet => facet !== null);
    const value = sectorCounts.get(id) ?? 0;
    if (value === 0 && children.length === 0) return null;
    return { slug: node.slug, name: sectorName(node, locale), count: count(value), children };
  };
  const sector = taxonomy.nodes
    .filter((node) => !node.parentId && !node.mergedIntoId)
    .map((node) => sectorFacet(node.id))
    .filter((facet): facet is TSectorFacet => facet !== null);
  return {
    total: count(total),
    facets: {
      sector,
      province: values(PROVINCES, tallies.province),
      district: district.sort((a, b) => b.count - a.count || a.district.localeCompare(b.district)).slice(0, SEARCH_TUNING.districtFacetSize),
      kind: values(LISTING_KINDS, tallies.kind),
      stage: values(STAGES, tallies.stage),
      instrument: values(INSTRUMENTS, tallies.instrument),
      size: values(SIZE_BAND_KEYS, tallies.size),
    },
  };
}

const EMPTY_FACETS: TSearchFacets = { sector: [], province: [], district: [], kind: [], stage: [], instrument: [], size: [] };

function buildStatement(options: { params: TSearchParams; sectorIds: string[]; corrected: string | null; facets: boolean }) {
  const { params } = options;
  const match = vectorMatch(params.q, options.corrected, facetTsQuery(params, options.sectorIds));
  const text = match.text;
  const sort: TEffectiveSort = params.sort === "relevance" && !text ? "newest" : params.sort;
  const cursor = readSearchCursor(params.cursor, sort);
  const where = filterWhere(match.where);
  const page = pageCtes({ sort, cursor, where, text, limit: params.limit, counting: options.facets });
  return { sql: statement({ where, page, facets: options.facets }), cursor };
}

/** The statement searchListings would run first (no typo correction), for EXPLAIN in the benchmark. */
export async function searchStatementFor(params: TSearchParams): Promise<Prisma.Sql> {
  const { ids } = await resolveSectorSlugs(params.sector);
  return buildStatement({ params, sectorIds: ids, corrected: null, facets: true }).sql;
}

async function runSearch(options: {
  params: TSearchParams;
  viewer: TSearchViewer;
  sectorIds: string[];
  corrected: string | null;
  facets: boolean;
  taxonomy: TSectorTaxonomy;
}): Promise<TSearchResult> {
  const { params } = options;
  const { sql, cursor } = buildStatement(options);
  const [row] = await db().$queryRaw<TRow[]>(sql);
  if (!row) throw new Error("search statement returned no row");

  const itemRows = row.items ?? [];
  const shown = itemRows.slice(0, params.limit);
  const last = shown[shown.length - 1];
  let nextCursor: string | null = null;
  if (itemRows.length > params.limit && last) {
    if (last.phase === "s") nextCursor = encodeSearchCursor({ k: "s", size: last.size_key ?? "-1", id: last.id });
    else if (last.phase === "r") {
      const boundAt = cursor?.k === "r" ? cursor.boundAt : row.bound?.listed_at;
      const boundId = cursor?.k === "r" ? cursor.boundId : row.bound?.id;
      if (!boundAt || !boundId || last.rank === null) throw new Error("relevance page without a candidate boundary");
      nextCursor = encodeSearchCursor({ k: "r", rank: last.rank, id: last.id, boundAt, boundId });
    } else nextCursor = encodeSearchCursor({ k: "n", at: last.listed_at, id: last.id });
  }

  const counted = options.facets
    ? buildFacets(row.facets ?? [], row.scale, options.taxonomy, options.viewer.locale)
    : { total: 0, facets: EMPTY_FACETS };
  return {
    items: shown.map((item) => toItem(item, options.taxonomy, options.viewer.locale)),
    total: counted.total,
    approximate: row.mode === "newest" || row.mode === "prefix" || row.mode === "estimate",
    totalRelation: row.mode === "newest" || row.mode === "prefix" || row.mode === "estimate" ? (row.at_least ? "gte" : "approx") : "eq",
    facets: counted.facets,
    nextCursor,
    correctedQuery: options.corrected,
  };
}

let vocabulary: { at: number; words: string[] } | null = null;

async function spellingVocabulary(taxonomy: TSectorTaxonomy): Promise<string[]> {
  if (vocabulary && Date.now() - vocabulary.at < 60_000) return vocabulary.words;
  const words = vocabularyFrom([
    ...taxonomy.nodes.map((node) => node.nameEn),
    ...PROVINCES.map((province) => province.replace(/_/g, " ")),
    "special economic zone industrial estate plot national provincial project",
  ]);
  vocabulary = { at: Date.now(), words };
  return words;
}

/** Refuses unknown sector slugs with a field error (searchListings does the same). */
export async function assertKnownSectors(slugs: string[]): Promise<void> {
  const { unknown } = await resolveSectorSlugs(slugs);
  if (unknown.length) {
    throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { sector: ["errors.search.unknownSector"] }, params: { sector: unknown.join(", ") } });
  }
}

/**
 * Published listings matching the parameters, one page of them, with the
 * total and facet counts (unless `facets: false`, e.g. for the CSV export).
 * Unknown sector slugs are a validation error, like any unknown value.
 */
export async function searchListings(
  params: TSearchParams,
  viewer: TSearchViewer,
  options: { facets?: boolean } = {},
): Promise<TSearchResult> {
  await assertKnownSectors(params.sector);
  const [{ ids: sectorIds }, taxonomy] = await Promise.all([resolveSectorSlugs(params.sector), getSectorTaxonomy()]);
  const facets = options.facets ?? true;
  const search = (corrected: string | null, withFacets: boolean) =>
    runSearch({ params, viewer, sectorIds, corrected, facets: withFacets, taxonomy });
  const result = await search(null, facets);
  // Typo tolerance only when the words found almost nothing, and only for a first page
  // or a page that was itself corrected (the same decision is taken again on each page).
  if (!params.q || !needsFuzzy(result, facets)) return result;
  const corrected = correctSpelling(params.q, await spellingVocabulary(taxonomy)) ?? params.q;
  const fuzzy = await search(corrected, facets);
  return fuzzy.items.length > result.items.length || fuzzy.total > result.total
    ? { ...fuzzy, correctedQuery: corrected === params.q ? null : corrected }
    : result;
}

function needsFuzzy(result: TSearchResult, facets: boolean): boolean {
  if (facets) return !result.approximate && result.total < SEARCH_TUNING.fuzzyBelow;
  return result.items.length < SEARCH_TUNING.fuzzyBelow && result.nextCursor === null;
}

/** Every page of a search, for the CSV export: keyset pages without facets, at most `max` rows. */
export async function* iterateSearch(params: TSearchParams, viewer: TSearchViewer, options: { max: number; pageSize?: number }): AsyncGenerator<TSearchItem> {
  let cursor: string | undefined = undefined;
  let sent = 0;
  const pageSize = options.pageSize ?? 500;
  while (sent < options.max) {
    const page: TSearchResult = await searchListings({ ...params, cursor, limit: Math.min(pageSize, options.max - sent) }, viewer, { facets: false });
    for (const item of page.items) {
      yield item;
      sent += 1;
    }
    if (!page.nextCursor || page.items.length === 0) return;
    cursor = page.nextCursor;
  }
}

/** JSON-safe form of a result (BigInt → decimal string of USD cents, Date → ISO), for the API. */
export function serializeSearchResult(result: TSearchResult) {
  return {
    ...result,
    items: result.items.map((item) => ({
      ...item,
      amountUsdCents: item.amountUsdCents === null ? null : item.amountUsdCents.toString(),
      publishedAt: item.publishedAt?.toISOString() ?? null,
    })),
  };
}
