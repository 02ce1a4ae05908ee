-- An investor's matches in compareMatches order (score descending, then listing id) straight from the
-- index: the listing rematch reads each candidate investor's Nth suggestion and trims the full ones
-- without visiting the table, and My matches pages in that order.
-- DropIndex
DROP INDEX "matches_investor_profile_id_status_score_idx";

-- CreateIndex
CREATE INDEX "matches_investor_profile_id_status_score_listing_id_idx" ON "matches"("investor_profile_id", "status", "score" DESC, "listing_id");
