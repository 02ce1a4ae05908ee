-- Search: facet filters inside the search vector, and keyset-paging indexes.
-- Hand-written: Prisma's schema language cannot express any of this, and it
-- ignores expression and partial indexes, so none of it is drift.

-- Facet lexemes. Every filter of the search (kind, stage, province, district,
-- size band, instrument, sector) is also a lexeme of the listing's search
-- vector, e.g. '~k~sez', '~p~punjab', '~s~<sector uuid>'. A search such as
-- "textile in Punjab SEZs" is then ONE tsquery on the GIN index, which
-- intersects the posting lists and skips through the long ones ("fast scan"),
-- instead of AND-ing bitmaps of half the table from low-cardinality btrees.
-- The '~' never comes out of the text parser, so typed words cannot match a
-- facet lexeme. lib/listings/search.ts builds the matching tsquery; the
-- district normalisation must stay the same on both sides.
CREATE FUNCTION kizuna_facet_lexemes(
  kind "ListingKind", stage "Stage", province "Province", district text,
  amount_usd_cents bigint, instruments "Instrument"[], sector_ids uuid[]
) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT array_to_tsvector(array_remove(
    ARRAY[
      '~k~' || lower(kind::text),
      '~g~' || lower(stage::text),
      '~p~' || lower(province::text),
      '~d~' || nullif(btrim(regexp_replace(lower(district), '[^[:alnum:]]+', '-', 'g'), '-'), ''),
      '~b~' || CASE
        WHEN amount_usd_cents < 100000000 THEN 'lt1m'
        WHEN amount_usd_cents < 1000000000 THEN '1m-10m'
        WHEN amount_usd_cents < 10000000000 THEN '10m-100m'
        WHEN amount_usd_cents < 100000000000 THEN '100m-1b'
        WHEN amount_usd_cents >= 100000000000 THEN 'gt1b'
      END
    ]
    || ARRAY(SELECT '~i~' || lower(i::text) FROM unnest(instruments) AS i)
    || ARRAY(SELECT '~s~' || s::text FROM unnest(sector_ids) AS s),
    NULL))
$$;

-- The search vector of the first migration, plus the facet lexemes.
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
    kizuna_facet_lexemes(l.kind, l.stage, l.province, l.district, l.amount_usd_cents, l.instruments, l.sector_ids)
$$;

-- Re-index existing rows: the BEFORE UPDATE trigger recomputes the vector.
UPDATE "listings" SET "search_vector" = NULL;

-- Newest first and largest first, with the id as tie-breaker: search pages by
-- keyset on exactly these keys, so an index walk reads one page of rows however
-- deep the page is. Partial: only published listings are searched.
CREATE INDEX "listings_published_listed_at_idx" ON "listings" ((coalesce("published_at", "created_at")) DESC, "id" DESC)
  WHERE "status" = 'PUBLISHED';

CREATE INDEX "listings_published_size_idx" ON "listings" ((coalesce("amount_usd_cents", -1)) DESC, "id" DESC)
  WHERE "status" = 'PUBLISHED';
