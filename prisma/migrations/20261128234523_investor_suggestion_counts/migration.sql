-- CreateTable
CREATE TABLE "investor_suggestion_counts" (
    "investor_profile_id" UUID NOT NULL,
    "suggestions" INTEGER NOT NULL DEFAULT 0,
    "worst_score" INTEGER,
    "worst_listing_id" UUID,

    CONSTRAINT "investor_suggestion_counts_pkey" PRIMARY KEY ("investor_profile_id")
);

-- AddForeignKey
ALTER TABLE "investor_suggestion_counts" ADD CONSTRAINT "investor_suggestion_counts_investor_profile_id_fkey" FOREIGN KEY ("investor_profile_id") REFERENCES "investor_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Kept exact by statement-level triggers on matches, whatever writes them (the engine, review
-- actions, dismissals, cascades from deleted listings or profiles, TRUNCATE): each statement's
-- transition tables give the SUGGESTED rows it added and removed, per investor. Count rows are
-- locked in investor order, like the engine's writes. Transition tables allow one event per trigger.
--
-- The worst suggestion is read again for every investor a statement touched, once its count row is
-- locked (in investor order), by a statement of its own: under READ COMMITTED that statement takes a
-- fresh snapshot, so a writer that waited for another's lock sees that writer's committed rows, and
-- the last to commit leaves the right value.
CREATE FUNCTION investor_suggestion_worst_refresh(profile_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM investor_suggestion_counts WHERE investor_profile_id = ANY(profile_ids) ORDER BY investor_profile_id FOR UPDATE;
  UPDATE investor_suggestion_counts c
  SET (worst_score, worst_listing_id) = (
    SELECT m.score, m.listing_id FROM matches m
    WHERE m.investor_profile_id = c.investor_profile_id AND m.status = 'SUGGESTED'
    ORDER BY m.score ASC, m.listing_id DESC LIMIT 1)
  WHERE c.investor_profile_id = ANY(profile_ids)
$$;

CREATE FUNCTION matches_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO investor_suggestion_counts AS c (investor_profile_id, suggestions)
  SELECT n.investor_profile_id, count(*) FROM new_rows n WHERE n.status = 'SUGGESTED' GROUP BY 1 ORDER BY 1
  ON CONFLICT (investor_profile_id) DO UPDATE SET suggestions = c.suggestions + EXCLUDED.suggestions;
  PERFORM investor_suggestion_worst_refresh(ARRAY(SELECT DISTINCT n.investor_profile_id FROM new_rows n WHERE n.status = 'SUGGESTED'));
  RETURN NULL;
END $$;

-- A refreshed score (ON CONFLICT DO UPDATE) changes no count but may change the worst.
CREATE FUNCTION matches_count_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO investor_suggestion_counts AS c (investor_profile_id, suggestions)
  SELECT x.investor_profile_id, sum(x.delta) FROM (
    SELECT n.investor_profile_id, 1 AS delta FROM new_rows n WHERE n.status = 'SUGGESTED'
    UNION ALL
    SELECT o.investor_profile_id, -1 FROM old_rows o WHERE o.status = 'SUGGESTED'
  ) x
  GROUP BY 1 HAVING sum(x.delta) <> 0 ORDER BY 1
  ON CONFLICT (investor_profile_id) DO UPDATE SET suggestions = c.suggestions + EXCLUDED.suggestions;
  PERFORM investor_suggestion_worst_refresh(ARRAY(
    SELECT n.investor_profile_id FROM new_rows n WHERE n.status = 'SUGGESTED'
    UNION SELECT o.investor_profile_id FROM old_rows o WHERE o.status = 'SUGGESTED'));
  RETURN NULL;
END $$;

-- A deleted profile's count row may already be gone (its own cascade): update, never insert.
CREATE FUNCTION matches_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE investor_suggestion_counts c SET suggestions = c.suggestions - d.n
  FROM (SELECT o.investor_profile_id, count(*) AS n FROM old_rows o WHERE o.status = 'SUGGESTED' GROUP BY 1 ORDER BY 1) d
  WHERE c.investor_profile_id = d.investor_profile_id;
  PERFORM investor_suggestion_worst_refresh(ARRAY(SELECT DISTINCT o.investor_profile_id FROM old_rows o WHERE o.status = 'SUGGESTED'));
  RETURN NULL;
END $$;

CREATE FUNCTION matches_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM investor_suggestion_counts;
  RETURN NULL;
END $$;

CREATE TRIGGER matches_count_insert AFTER INSERT ON "matches" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matches_count_inserted();
CREATE TRIGGER matches_count_update AFTER UPDATE ON "matches" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matches_count_updated();
CREATE TRIGGER matches_count_delete AFTER DELETE ON "matches" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION matches_count_deleted();
CREATE TRIGGER matches_count_truncate AFTER TRUNCATE ON "matches"
  FOR EACH STATEMENT EXECUTE FUNCTION matches_count_truncated();

INSERT INTO investor_suggestion_counts (investor_profile_id, suggestions)
SELECT investor_profile_id, count(*) FROM matches WHERE status = 'SUGGESTED' GROUP BY 1;
SELECT investor_suggestion_worst_refresh(ARRAY(SELECT investor_profile_id FROM investor_suggestion_counts));
