-- Trigram operator classes are needed by an index below.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('INVESTOR', 'STAFF', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('PENDING', 'ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('en', 'ja');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('INVESTOR_FIRM', 'AGENCY');

-- CreateEnum
CREATE TYPE "NotificationMode" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST');

-- CreateEnum
CREATE TYPE "AuthTokenPurpose" AS ENUM ('EMAIL_VERIFICATION', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "Province" AS ENUM ('PUNJAB', 'SINDH', 'KHYBER_PAKHTUNKHWA', 'BALOCHISTAN', 'ISLAMABAD', 'GILGIT_BALTISTAN', 'AZAD_JAMMU_KASHMIR');

-- CreateEnum
CREATE TYPE "Instrument" AS ENUM ('EQUITY', 'DEBT', 'JOINT_VENTURE', 'PPP', 'PLOT_PURCHASE', 'PLOT_LEASE');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('CONCEPT', 'FEASIBILITY', 'READY', 'UNDER_CONSTRUCTION', 'OPERATING');

-- CreateEnum
CREATE TYPE "Currency" AS ENUM ('USD', 'PKR', 'JPY');

-- CreateEnum
CREATE TYPE "ListingKind" AS ENUM ('SEZ', 'INDUSTRIAL_ESTATE', 'PLOT', 'NATIONAL_PROJECT', 'PROVINCIAL_PROJECT');

-- CreateEnum
CREATE TYPE "ListingStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'CLOSED');

-- CreateEnum
CREATE TYPE "MatchStatus" AS ENUM ('SUGGESTED', 'APPROVED', 'REJECTED', 'INTRODUCED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "InterestStatus" AS ENUM ('NEW', 'CONTACTED', 'MEETING', 'TERM_SHEET', 'CLOSED_WON', 'CLOSED_LOST');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "name_ja" TEXT,
    "country" CHAR(2) NOT NULL DEFAULT 'PK',
    "province" "Province",
    "website" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'PENDING',
    "organization_id" UUID,
    "country" CHAR(2),
    "locale" "Locale" NOT NULL DEFAULT 'en',
    "email_verified_at" TIMESTAMP(3),
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "totp_secret_enc" TEXT,
    "totp_enabled_at" TIMESTAMP(3),
    "notification_mode" "NotificationMode" NOT NULL DEFAULT 'IMMEDIATE',
    "last_sign_in_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "purpose" "AuthTokenPurpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_codes" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_events" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_limit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sectors" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ja" TEXT NOT NULL,
    "parent_id" UUID,
    "merged_into_id" UUID,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sectors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "investor_profiles" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "sector_ids" UUID[],
    "ticket_min_usd_cents" BIGINT,
    "ticket_max_usd_cents" BIGINT,
    "ticket_currency" "Currency" NOT NULL DEFAULT 'USD',
    "ticket_range" int8range,
    "anywhere_in_pakistan" BOOLEAN NOT NULL DEFAULT true,
    "provinces" "Province"[],
    "districts" TEXT[],
    "instruments" "Instrument"[],
    "stages" "Stage"[],
    "horizon_years" INTEGER,
    "thesis" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'en',
    "onboarded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "investor_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "listings" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "ListingKind" NOT NULL,
    "status" "ListingStatus" NOT NULL DEFAULT 'DRAFT',
    "agency_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "title_ja" TEXT,
    "summary" TEXT NOT NULL,
    "summary_ja" TEXT,
    "description" TEXT,
    "sector_ids" UUID[],
    "province" "Province",
    "district" TEXT,
    "zone" TEXT,
    "amount_minor" BIGINT,
    "currency" "Currency" NOT NULL DEFAULT 'USD',
    "amount_usd_cents" BIGINT,
    "instruments" "Instrument"[],
    "stage" "Stage" NOT NULL,
    "area_acres" DECIMAL(12,2),
    "developer" TEXT,
    "plots_available" INTEGER,
    "facts" JSONB NOT NULL DEFAULT '{}',
    "tags" TEXT[],
    "contact_name" TEXT,
    "contact_email" TEXT,
    "contact_phone" TEXT,
    "completeness" INTEGER NOT NULL DEFAULT 0,
    "source_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "review_comment" TEXT,
    "created_by_id" UUID,
    "submitted_by_id" UUID,
    "submitted_at" TIMESTAMP(3),
    "published_by_id" UUID,
    "published_at" TIMESTAMP(3),
    "closed_by_id" UUID,
    "closed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "search_vector" tsvector,

    CONSTRAINT "listings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "listing_versions" (
    "id" UUID NOT NULL,
    "listing_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changed_fields" TEXT[],
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "listing_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incentive_templates" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ja" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "description" TEXT,
    "source_note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incentive_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incentives" (
    "id" UUID NOT NULL,
    "listing_id" UUID NOT NULL,
    "template_id" UUID,
    "name" TEXT NOT NULL,
    "name_ja" TEXT,
    "legal_basis" TEXT,
    "valid_from" DATE,
    "valid_to" DATE,
    "superseded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incentives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "matching_weights" (
    "version" SERIAL NOT NULL,
    "weights" JSONB NOT NULL,
    "threshold" INTEGER NOT NULL DEFAULT 40,
    "max_per_investor" INTEGER NOT NULL DEFAULT 100,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "matching_weights_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "matches" (
    "id" UUID NOT NULL,
    "investor_profile_id" UUID NOT NULL,
    "listing_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "status" "MatchStatus" NOT NULL DEFAULT 'SUGGESTED',
    "weights_version" INTEGER NOT NULL,
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMP(3),
    "review_note" TEXT,
    "introduced_by_id" UUID,
    "introduced_at" TIMESTAMP(3),
    "dismissed_at" TIMESTAMP(3),
    "dismiss_reason" TEXT,
    "scored_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "matches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interests" (
    "id" UUID NOT NULL,
    "investor_profile_id" UUID NOT NULL,
    "listing_id" UUID NOT NULL,
    "message" TEXT,
    "status" "InterestStatus" NOT NULL DEFAULT 'NEW',
    "first_contact_at" TIMESTAMP(3),
    "status_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "interests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interest_notes" (
    "id" UUID NOT NULL,
    "interest_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interest_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_listings" (
    "user_id" UUID NOT NULL,
    "listing_id" UUID NOT NULL,
    "seen_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_listings_pkey" PRIMARY KEY ("user_id","listing_id")
);

-- CreateTable
CREATE TABLE "saved_searches" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "alert" BOOLEAN NOT NULL DEFAULT true,
    "baseline_at" TIMESTAMP(3),
    "last_run_at" TIMESTAMP(3),
    "seen_listing_ids" UUID[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_searches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "read_at" TIMESTAMP(3),
    "emailed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT,
    "template" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'en',
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exchange_rates" (
    "id" UUID NOT NULL,
    "base" "Currency" NOT NULL,
    "quote" "Currency" NOT NULL,
    "rate" DECIMAL(18,8) NOT NULL,
    "as_of" DATE NOT NULL,
    "source" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_code_key" ON "organizations"("code");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_kind_name_key" ON "organizations"("kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_role_status_idx" ON "users"("role", "status");

-- CreateIndex
CREATE INDEX "users_organization_id_idx" ON "users"("organization_id");

-- CreateIndex
CREATE INDEX "users_created_at_idx" ON "users"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "auth_tokens_token_hash_key" ON "auth_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "auth_tokens_user_id_purpose_idx" ON "auth_tokens"("user_id", "purpose");

-- CreateIndex
CREATE INDEX "recovery_codes_user_id_idx" ON "recovery_codes"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "rate_limit_events_bucket_key_created_at_idx" ON "rate_limit_events"("bucket", "key", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sectors_slug_key" ON "sectors"("slug");

-- CreateIndex
CREATE INDEX "sectors_parent_id_idx" ON "sectors"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "investor_profiles_user_id_key" ON "investor_profiles"("user_id");

-- CreateIndex
CREATE INDEX "investor_profiles_sector_ids_idx" ON "investor_profiles" USING GIN ("sector_ids");

-- CreateIndex
CREATE INDEX "investor_profiles_ticket_range_idx" ON "investor_profiles" USING GIST ("ticket_range");

-- CreateIndex
CREATE INDEX "investor_profiles_updated_at_idx" ON "investor_profiles"("updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "listings_slug_key" ON "listings"("slug");

-- CreateIndex
CREATE INDEX "listings_sector_ids_idx" ON "listings" USING GIN ("sector_ids");

-- CreateIndex
CREATE INDEX "listings_search_vector_idx" ON "listings" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "listings_title_trgm_idx" ON "listings" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "listings_status_published_at_idx" ON "listings"("status", "published_at" DESC);

-- CreateIndex
CREATE INDEX "listings_status_amount_usd_cents_idx" ON "listings"("status", "amount_usd_cents");

-- CreateIndex
CREATE INDEX "listings_agency_id_status_idx" ON "listings"("agency_id", "status");

-- CreateIndex
CREATE INDEX "listings_province_district_idx" ON "listings"("province", "district");

-- CreateIndex
CREATE UNIQUE INDEX "listing_versions_listing_id_version_key" ON "listing_versions"("listing_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "incentive_templates_code_key" ON "incentive_templates"("code");

-- CreateIndex
CREATE INDEX "incentives_listing_id_superseded_at_idx" ON "incentives"("listing_id", "superseded_at");

-- CreateIndex
CREATE INDEX "incentives_valid_to_idx" ON "incentives"("valid_to");

-- CreateIndex
CREATE INDEX "matches_status_score_idx" ON "matches"("status", "score" DESC);

-- CreateIndex
CREATE INDEX "matches_investor_profile_id_status_score_idx" ON "matches"("investor_profile_id", "status", "score" DESC);

-- CreateIndex
CREATE INDEX "matches_listing_id_idx" ON "matches"("listing_id");

-- CreateIndex
CREATE UNIQUE INDEX "matches_investor_profile_id_listing_id_key" ON "matches"("investor_profile_id", "listing_id");

-- CreateIndex
CREATE INDEX "interests_listing_id_status_idx" ON "interests"("listing_id", "status");

-- CreateIndex
CREATE INDEX "interests_status_created_at_idx" ON "interests"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "interests_investor_profile_id_listing_id_key" ON "interests"("investor_profile_id", "listing_id");

-- CreateIndex
CREATE INDEX "interest_notes_interest_id_created_at_idx" ON "interest_notes"("interest_id", "created_at");

-- CreateIndex
CREATE INDEX "saved_listings_listing_id_idx" ON "saved_listings"("listing_id");

-- CreateIndex
CREATE INDEX "saved_searches_user_id_idx" ON "saved_searches"("user_id");

-- CreateIndex
CREATE INDEX "saved_searches_alert_last_run_at_idx" ON "saved_searches"("alert", "last_run_at");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at" DESC);

-- CreateIndex
CREATE INDEX "email_outbox_status_created_at_idx" ON "email_outbox"("status", "created_at");

-- CreateIndex
CREATE INDEX "email_outbox_to_address_created_at_idx" ON "email_outbox"("to_address", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_actor_id_created_at_idx" ON "audit_log"("actor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_target_type_target_id_idx" ON "audit_log"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "audit_log_action_created_at_idx" ON "audit_log"("action", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "exchange_rates_base_quote_as_of_key" ON "exchange_rates"("base", "quote", "as_of");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sectors" ADD CONSTRAINT "sectors_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "sectors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sectors" ADD CONSTRAINT "sectors_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "sectors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "investor_profiles" ADD CONSTRAINT "investor_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listings" ADD CONSTRAINT "listings_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listings" ADD CONSTRAINT "listings_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listings" ADD CONSTRAINT "listings_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listings" ADD CONSTRAINT "listings_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listings" ADD CONSTRAINT "listings_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listing_versions" ADD CONSTRAINT "listing_versions_listing_id_fkey" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listing_versions" ADD CONSTRAINT "listing_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incentives" ADD CONSTRAINT "incentives_listing_id_fkey" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incentives" ADD CONSTRAINT "incentives_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "incentive_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "matching_weights" ADD CONSTRAINT "matching_weights_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "matches" ADD CONSTRAINT "matches_investor_profile_id_fkey" FOREIGN KEY ("investor_profile_id") REFERENCES "investor_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "matches" ADD CONSTRAINT "matches_listing_id_fkey" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "matches" ADD CONSTRAINT "matches_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "matches" ADD CONSTRAINT "matches_introduced_by_id_fkey" FOREIGN KEY ("introduced_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interests" ADD CONSTRAINT "interests_investor_profile_id_fkey" FOREIGN KEY ("investor_profile_id") REFERENCES "investor_profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interests" ADD CONSTRAINT "interests_listing_id_fkey" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interest_notes" ADD CONSTRAINT "interest_notes_interest_id_fkey" FOREIGN KEY ("interest_id") REFERENCES "interests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interest_notes" ADD CONSTRAINT "interest_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_listings" ADD CONSTRAINT "saved_listings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_listings" ADD CONSTRAINT "saved_listings_listing_id_fkey" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ───── Hand-written: what Prisma's schema language cannot express ─────


-- Row rules as triggers rather than CHECK constraints: the WASM schema engine
-- panics while describing CHECK constraints through the pg driver adapter, and
-- Prisma's schema cannot declare them anyway. Errors use SQLSTATE 23514
-- (check_violation), as a CHECK would.
CREATE FUNCTION kizuna_listings_validate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- EIPP-style rule: a listing has at most two sectors.
  IF cardinality(NEW.sector_ids) > 2 THEN
    RAISE EXCEPTION 'a listing has at most two sectors' USING ERRCODE = 'check_violation', CONSTRAINT = 'listings_max_two_sectors';
  END IF;
  IF NEW.amount_minor < 0 OR NEW.amount_usd_cents < 0 THEN
    RAISE EXCEPTION 'investment size cannot be negative' USING ERRCODE = 'check_violation', CONSTRAINT = 'listings_amount_non_negative';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER listings_validate BEFORE INSERT OR UPDATE ON "listings"
  FOR EACH ROW EXECUTE FUNCTION kizuna_listings_validate();

-- Weighted search vector: A title (en, ja); B summary and sector names in both
-- languages; C location and current incentives; D description. English text is
-- stemmed; Japanese text is indexed as whole tokens ('simple').
CREATE FUNCTION kizuna_listing_search_vector(l "listings") RETURNS tsvector
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
    setweight(to_tsvector('english', coalesce(l.description, '')), 'D')
$$;

CREATE FUNCTION kizuna_listings_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := kizuna_listing_search_vector(NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER listings_search_vector BEFORE INSERT OR UPDATE ON "listings"
  FOR EACH ROW EXECUTE FUNCTION kizuna_listings_search_trigger();

-- Incentive or sector-name changes re-index the listings they belong to.
CREATE FUNCTION kizuna_incentives_touch_listing() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "listings" SET search_vector = kizuna_listing_search_vector("listings")
  WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.listing_id ELSE NEW.listing_id END;
  RETURN NULL;
END $$;

CREATE TRIGGER incentives_reindex_listing AFTER INSERT OR UPDATE OR DELETE ON "incentives"
  FOR EACH ROW EXECUTE FUNCTION kizuna_incentives_touch_listing();

CREATE FUNCTION kizuna_sectors_touch_listings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name_en IS DISTINCT FROM OLD.name_en OR NEW.name_ja IS DISTINCT FROM OLD.name_ja THEN
    UPDATE "listings" SET search_vector = kizuna_listing_search_vector("listings")
    WHERE sector_ids && ARRAY[NEW.id] OR sector_ids && ARRAY(SELECT id FROM "sectors" WHERE parent_id = NEW.id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sectors_reindex_listings AFTER UPDATE ON "sectors"
  FOR EACH ROW EXECUTE FUNCTION kizuna_sectors_touch_listings();

-- Ticket size as an int8range in USD cents for GiST overlap; open ends are unbounded.
CREATE FUNCTION kizuna_investor_ticket_range() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.ticket_min_usd_cents > NEW.ticket_max_usd_cents THEN
    RAISE EXCEPTION 'ticket minimum exceeds maximum' USING ERRCODE = 'check_violation', CONSTRAINT = 'investor_profiles_ticket_order';
  END IF;
  NEW.ticket_range := int8range(NEW.ticket_min_usd_cents, NEW.ticket_max_usd_cents, '[]');
  RETURN NEW;
END $$;

CREATE TRIGGER investor_profiles_ticket_range BEFORE INSERT OR UPDATE ON "investor_profiles"
  FOR EACH ROW EXECUTE FUNCTION kizuna_investor_ticket_range();
