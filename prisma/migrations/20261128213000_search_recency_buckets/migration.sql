-- Search: recency buckets in the search vector.
-- Hand-written: Prisma's schema language cannot express any of this, so none
-- of it is drift.

-- The calendar month of a listing's listed-at date (coalesce(published_at,
-- created_at), the key searches sort on) as a lexeme, e.g. '~r~202611'. A
-- search that needs only the newest N matches (facet counts and relevance
-- candidates, lib/listings/search.ts) ANDs its tsquery with the newest months'
-- lexemes: the GIN scan then skips through the long posting lists of its words
-- to the recent entries, and only those rows are read, instead of every match.
-- A month never changes for a given date, so no row has to be re-indexed as
-- time passes; the vector is rebuilt (trigger) whenever a row changes, e.g.
-- when it is published. The '~' never comes out of the text parser, so typed
-- words cannot match it.
CREATE FUNCTION kizuna_recency_lexeme(listed_at timestamp) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT array_to_tsvector(array_remove(ARRAY['~r~' || to_char(listed_at, 'YYYYMM')], NULL))
$$;

-- The search vector of the search_facets migration, plus the recency bucket.
CREATE OR REPLACE FUNCTION kizuna_listing_search_vector(l "listings") RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT
    setweight(to_tsvector('english', coalesce(l.title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(l.title_ja, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(l.summary, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(l.summary_ja, '')), 'B') ||
    setweight(to_tsvector('english', coalesce((
      SELECT string_agg(s.name_en || ' ' || coalesce(p.name_en, ''), ' ')
      FROM "sectors" s LEFT JOIN "sectors" p ON p.id = s.parent_id
      WHERE s.id = ANY (l.sector_ids)), '')), 'B') ||
    setweight(to_tsvector('simple', coalesce((
      SELECT string_agg(s.name_ja || ' ' || coalesce(p.name_ja, ''), ' ')
      FROM "sectors" s LEFT JOIN "sectors" p ON p.id = s.parent_id
      WHERE s.id = ANY (l.sector_ids)), '')), 'B') ||
    setweight(to_tsvector('simple',
      coalesce(replace(lower(l.province::text), '_', ' '), '') || ' ' || coalesce(l.district, '') || ' ' || coalesce(l.zone, '')), 'C') ||
    setweight(to_tsvector('english', coalesce((
      SELECT string_agg(i.name || ' ' || coalesce(i.legal_basis, ''), ' ')
      FROM "incentives" i WHERE i.listing_id = l.id AND i.superseded_at IS NULL), '')), 'C') ||
    setweight(to_tsvector('english', coalesce(l.description, '')), 'D') ||
    kizuna_facet_lexemes(l.kind, l.stage, l.province, l.district, l.amount_usd_cents, l.instruments, l.sector_ids) ||
    kizuna_recency_lexeme(coalesce(l.published_at, l.created_at))
$$;

-- Re-index existing rows: the BEFORE UPDATE trigger recomputes the vector.
UPDATE "listings" SET "search_vector" = NULL;
