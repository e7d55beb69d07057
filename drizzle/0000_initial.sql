CREATE TYPE "public"."adoption_method" AS ENUM('recorded-vote', 'without-vote');--> statement-breakpoint
CREATE TYPE "public"."confidence" AS ENUM('high', 'medium');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'month', 'year');--> statement-breakpoint
CREATE TYPE "public"."decision_record_type" AS ENUM('resolution', 'decision');--> statement-breakpoint
CREATE TYPE "public"."framework_kind" AS ENUM('norms', 'cbms');--> statement-breakpoint
CREATE TYPE "public"."organization_classification" AS ENUM('intergovernmental', 'regional', 'treaty', 'un-body', 'ngo', 'company', 'academic');--> statement-breakpoint
CREATE TYPE "public"."process_kind" AS ENUM('gge', 'oewg', 'ahc', 'permanent-mechanism');--> statement-breakpoint
CREATE TYPE "public"."record_kind" AS ENUM('state', 'organization', 'membership', 'process', 'session', 'resolution', 'framework', 'framework-item', 'cyber-strategy');--> statement-breakpoint
CREATE TYPE "public"."resolution_topic" AS ENUM('ict-security', 'cybercrime', 'cybercrime-related');--> statement-breakpoint
CREATE TYPE "public"."session_kind" AS ENUM('organizational', 'substantive', 'informal-consultation', 'intersessional', 'intersessional-multistakeholder', 'regional-consultation', 'signing-ceremony');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('dataset', 'web-page', 'document');--> statement-breakpoint
CREATE TYPE "public"."un_regional_group" AS ENUM('AFRICAN', 'ASIA_PACIFIC', 'EEG', 'GRULAC', 'WEOG');--> statement-breakpoint
CREATE TYPE "public"."un_status" AS ENUM('member', 'observer', 'non-member');--> statement-breakpoint
CREATE TYPE "public"."motion_kind" AS ENUM('resolution', 'paragraph', 'amendment', 'unspecified');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'editor');--> statement-breakpoint
CREATE TYPE "public"."change_operation" AS ENUM('create', 'update', 'withdraw');--> statement-breakpoint
CREATE TYPE "public"."change_status" AS ENUM('draft', 'in_review', 'published', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."correction_status" AS ENUM('open', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."editable_record_kind" AS ENUM('process', 'session', 'resolution', 'organization', 'membership');--> statement-breakpoint
CREATE TYPE "public"."document_format" AS ENUM('akn', 'pdf', 'docx', 'html', 'text', 'markdown');--> statement-breakpoint
CREATE TYPE "public"."document_type" AS ENUM('resolution', 'decision', 'draft-resolution', 'report', 'chairs-summary', 'statement', 'submission', 'letter', 'consultation-response', 'national-strategy', 'conference-room-paper', 'note', 'other');--> statement-breakpoint
CREATE TYPE "public"."mention_kind" AS ENUM('state', 'norm', 'norm-topic', 'cbm-topic', 'process');--> statement-breakpoint
CREATE TYPE "public"."paragraph_kind" AS ENUM('preambular', 'operative', 'sub-item', 'annex', 'heading', 'text');--> statement-breakpoint
CREATE TYPE "public"."accreditation_outcome" AS ENUM('accredited', 'objected', 'withdrawn', 'pending');--> statement-breakpoint
CREATE TYPE "public"."deadline_kind" AS ENUM('accreditation-window', 'no-objection-period', 'written-input-call', 'nomination-call', 'stakeholder-registration');--> statement-breakpoint
CREATE TYPE "public"."ecosoc_status" AS ENUM('ecosoc', 'non-ecosoc', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."participation_record_kind" AS ENUM('deadline', 'accreditation', 'stakeholder-action');--> statement-breakpoint
CREATE TYPE "public"."stakeholder_action_kind" AS ENUM('joint-letter', 'joint-statement', 'joint-submission', 'consultation-response', 'written-input', 'stakeholder-meeting');--> statement-breakpoint
CREATE TYPE "public"."update_link_kind" AS ENUM('process', 'session', 'state', 'norm', 'resolution', 'document', 'deadline');--> statement-breakpoint
CREATE TABLE "record_sources" (
	"record_kind" "record_kind" NOT NULL,
	"record_id" text NOT NULL,
	"source_id" text NOT NULL,
	"note" text,
	CONSTRAINT "record_sources_record_kind_record_id_source_id_pk" PRIMARY KEY("record_kind","record_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "source_kind" NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"dataset_path" text,
	"licence" text NOT NULL,
	"attribution" text,
	"retrieved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cyber_strategy_adoptions" (
	"state_iso3" text PRIMARY KEY NOT NULL,
	"first_adopted_on" date,
	"first_adopted_precision" date_precision,
	"strategies_total" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"state_iso3" text,
	"member_organization_id" text,
	"role" text DEFAULT 'member' NOT NULL,
	"start_date" date,
	"start_precision" date_precision,
	"end_date" date,
	"end_precision" date_precision,
	"is_current" boolean DEFAULT true NOT NULL,
	CONSTRAINT "memberships_natural_key" UNIQUE NULLS NOT DISTINCT("organization_id","state_iso3","member_organization_id","role"),
	CONSTRAINT "memberships_one_member" CHECK (("memberships"."state_iso3" IS NULL) <> ("memberships"."member_organization_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"abbreviation" text,
	"classification" "organization_classification" NOT NULL,
	"bloc_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"founded_year" integer,
	"wikidata_id" text,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "states" (
	"iso3" text PRIMARY KEY NOT NULL,
	"iso2" text NOT NULL,
	"iso_numeric" text NOT NULL,
	"name" text NOT NULL,
	"official_name" text NOT NULL,
	"un_status" "un_status" NOT NULL,
	"un_regional_group" "un_regional_group",
	"admitted_on" date,
	"un_ga_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"region" text,
	"subregion" text,
	"latitude" double precision,
	"longitude" double precision,
	"flag" text,
	CONSTRAINT "states_iso3_format" CHECK ("states"."iso3" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "framework_items" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"short_title" text NOT NULL,
	"reference" text,
	"instrument" text,
	"notes" text,
	"confidence" "confidence" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "framework_kind" NOT NULL,
	"body" text NOT NULL,
	"instrument" text
);
--> statement-breakpoint
CREATE TABLE "process_members" (
	"process_id" text NOT NULL,
	"state_iso3" text NOT NULL,
	CONSTRAINT "process_members_process_id_state_iso3_pk" PRIMARY KEY("process_id","state_iso3")
);
--> statement-breakpoint
CREATE TABLE "process_resolutions" (
	"process_id" text NOT NULL,
	"resolution_symbol" text NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "process_resolutions_process_id_resolution_symbol_pk" PRIMARY KEY("process_id","resolution_symbol")
);
--> statement-breakpoint
CREATE TABLE "processes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" "process_kind" NOT NULL,
	"parent_body" text,
	"mandating_resolutions" text NOT NULL,
	"start_date" date NOT NULL,
	"start_precision" date_precision NOT NULL,
	"end_date" date,
	"end_precision" date_precision,
	"chair_name" text,
	"chair_state_iso3" text,
	"chair_confidence" "confidence",
	"membership" text NOT NULL,
	"final_reports" text,
	"outcome" text,
	"notes" text,
	"confidence" "confidence" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"symbol" text PRIMARY KEY NOT NULL,
	"record_type" "decision_record_type" NOT NULL,
	"topic" "resolution_topic" NOT NULL,
	"ga_session" integer,
	"adopted_on" date,
	"title" text,
	"committee" text,
	"adoption_method" "adoption_method",
	"adoption_note" text,
	"yes" integer,
	"no" integer,
	"abstain" integer,
	"first_committee_vote" text,
	"summary" text,
	"notes" text,
	"confidence" "confidence" NOT NULL,
	CONSTRAINT "resolutions_totals_nonnegative" CHECK (coalesce("resolutions"."yes", 0) >= 0 AND coalesce("resolutions"."no", 0) >= 0 AND coalesce("resolutions"."abstain", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" "session_kind" NOT NULL,
	"start_date" date,
	"start_precision" date_precision,
	"end_date" date,
	"end_precision" date_precision,
	"venue" text,
	"notes" text,
	"confidence" "confidence" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataset_imports" (
	"dataset" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"counts" jsonb NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vote_events" (
	"id" text PRIMARY KEY NOT NULL,
	"symbol" text,
	"source_symbol" text,
	"date" date NOT NULL,
	"session" integer NOT NULL,
	"special_session" text,
	"body" text DEFAULT 'General Assembly' NOT NULL,
	"motion_kind" "motion_kind" NOT NULL,
	"title" text,
	"description" text,
	"reported_yes" integer,
	"reported_no" integer,
	"reported_abstain" integer,
	"counted_yes" integer NOT NULL,
	"counted_no" integer NOT NULL,
	"counted_abstain" integer NOT NULL,
	"counted_absent" integer NOT NULL,
	"votes" text NOT NULL,
	"sponsors" json DEFAULT '[]'::json NOT NULL,
	"voeten_rcid" integer,
	"issue_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_important_vote" boolean,
	"source_ids" text[] NOT NULL,
	"cross_check" json,
	CONSTRAINT "vote_events_votes_format" CHECK ("vote_events"."votes" ~ '^[YNAX-]*$')
);
--> statement-breakpoint
CREATE TABLE "voters" (
	"code" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"state_iso3" text,
	"is_historical" boolean NOT NULL,
	"source_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instance_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rate_limit_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"author_id" integer,
	"record_kind" "editable_record_kind" NOT NULL,
	"record_id" text NOT NULL,
	"operation" "change_operation" NOT NULL,
	"change_id" integer,
	"diff" jsonb NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"record_kind" "editable_record_kind" NOT NULL,
	"record_id" text,
	"operation" "change_operation" NOT NULL,
	"proposed" jsonb,
	"base" jsonb,
	"sources" jsonb NOT NULL,
	"summary" text NOT NULL,
	"status" "change_status" NOT NULL,
	"author_id" integer NOT NULL,
	"reviewer_id" integer,
	"review_note" text,
	"correction_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "correction_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"record_kind" "editable_record_kind" NOT NULL,
	"record_id" text NOT NULL,
	"message" text NOT NULL,
	"evidence_url" text,
	"email" text,
	"status" "correction_status" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" integer,
	"resolution_note" text,
	"change_id" integer
);
--> statement-breakpoint
CREATE TABLE "document_citations" (
	"paragraph_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"target_symbol" text NOT NULL,
	"matched_text" text NOT NULL,
	CONSTRAINT "document_citations_paragraph_id_target_symbol_pk" PRIMARY KEY("paragraph_id","target_symbol")
);
--> statement-breakpoint
CREATE TABLE "document_paragraphs" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"position" integer NOT NULL,
	"anchor" text NOT NULL,
	"label" text NOT NULL,
	"kind" "paragraph_kind" NOT NULL,
	"heading" text,
	"text" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"search_config" text NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(CASE search_config WHEN 'english' THEN 'english'::regconfig WHEN 'french' THEN 'french'::regconfig WHEN 'spanish' THEN 'spanish'::regconfig WHEN 'russian' THEN 'russian'::regconfig WHEN 'arabic' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END, text), 'A') || setweight(to_tsvector(CASE search_config WHEN 'english' THEN 'english'::regconfig WHEN 'french' THEN 'french'::regconfig WHEN 'spanish' THEN 'spanish'::regconfig WHEN 'russian' THEN 'russian'::regconfig WHEN 'arabic' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END, notes), 'D')) STORED NOT NULL,
	CONSTRAINT "document_paragraphs_anchor_key" UNIQUE("document_id","anchor")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"symbol" text,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"is_current" boolean NOT NULL,
	"type" "document_type" NOT NULL,
	"format" "document_format" NOT NULL,
	"title" text NOT NULL,
	"document_date" date,
	"ga_session" integer,
	"process_id" text,
	"session_id" text,
	"authors" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_id" text,
	"source_url" text,
	"licence" text NOT NULL,
	"attribution" text,
	"content_hash" text NOT NULL,
	"text_hash" text NOT NULL,
	"byte_size" integer NOT NULL,
	"paragraph_count" integer NOT NULL,
	"ingested_at" timestamp with time zone NOT NULL,
	CONSTRAINT "documents_version_key" UNIQUE("slug","language","version")
);
--> statement-breakpoint
CREATE TABLE "paragraph_mentions" (
	"paragraph_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"kind" "mention_kind" NOT NULL,
	"target_id" text NOT NULL,
	"confidence" real NOT NULL,
	"matched_text" text NOT NULL,
	CONSTRAINT "paragraph_mentions_paragraph_id_kind_target_id_pk" PRIMARY KEY("paragraph_id","kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "accreditations" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"session_id" text,
	"is_aggregate" boolean NOT NULL,
	"organization_name" text,
	"ecosoc_status" "ecosoc_status" NOT NULL,
	"applied_on" date,
	"applied_precision" date_precision,
	"decided_on" date,
	"decided_precision" date_precision,
	"outcome" "accreditation_outcome",
	"applicants" integer,
	"accredited_count" integer,
	"objected_count" integer,
	"objecting_states" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"confidence" "confidence" NOT NULL,
	CONSTRAINT "accreditations_shape" CHECK (("accreditations"."is_aggregate" AND "accreditations"."organization_name" IS NULL) OR (NOT "accreditations"."is_aggregate" AND "accreditations"."organization_name" IS NOT NULL AND "accreditations"."outcome" IS NOT NULL)),
	CONSTRAINT "accreditations_counts" CHECK (coalesce("accreditations"."accredited_count", 0) + coalesce("accreditations"."objected_count", 0) <= coalesce("accreditations"."applicants", 2147483647))
);
--> statement-breakpoint
CREATE TABLE "calendar_revisions" (
	"uid" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"sequence" integer NOT NULL,
	"modified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadlines" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"session_id" text,
	"kind" "deadline_kind" NOT NULL,
	"title" text NOT NULL,
	"opens_on" date,
	"opens_precision" date_precision,
	"closes_on" date,
	"closes_precision" date_precision,
	"closes_time" text,
	"time_zone" text,
	"is_rolling" boolean DEFAULT false NOT NULL,
	"eligibility" text,
	"notes" text,
	"confidence" "confidence" NOT NULL,
	CONSTRAINT "deadlines_time_has_zone" CHECK ("deadlines"."closes_time" IS NULL OR "deadlines"."time_zone" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "participation_sources" (
	"record_kind" "participation_record_kind" NOT NULL,
	"record_id" text NOT NULL,
	"source_id" text NOT NULL,
	"note" text,
	CONSTRAINT "participation_sources_record_kind_record_id_source_id_pk" PRIMARY KEY("record_kind","record_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "stakeholder_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text,
	"session_id" text,
	"kind" "stakeholder_action_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"acted_on" date,
	"acted_precision" date_precision,
	"lead_organizations" text[] DEFAULT '{}'::text[] NOT NULL,
	"signatory_organizations" text[] DEFAULT '{}'::text[] NOT NULL,
	"signatory_states" text[] DEFAULT '{}'::text[] NOT NULL,
	"signatory_count" text,
	"document_symbol" text,
	"document_url" text,
	"notes" text,
	"confidence" "confidence" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "update_links" (
	"update_id" integer NOT NULL,
	"record_kind" "update_link_kind" NOT NULL,
	"record_id" text NOT NULL,
	CONSTRAINT "update_links_update_id_record_kind_record_id_pk" PRIMARY KEY("update_id","record_kind","record_id")
);
--> statement-breakpoint
CREATE TABLE "updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body_markdown" text NOT NULL,
	"published_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "updates_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "record_sources" ADD CONSTRAINT "record_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cyber_strategy_adoptions" ADD CONSTRAINT "cyber_strategy_adoptions_state_iso3_states_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."states"("iso3") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_state_iso3_states_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."states"("iso3") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_member_organization_id_organizations_id_fk" FOREIGN KEY ("member_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_items" ADD CONSTRAINT "framework_items_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_members" ADD CONSTRAINT "process_members_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_members" ADD CONSTRAINT "process_members_state_iso3_states_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."states"("iso3") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_resolutions" ADD CONSTRAINT "process_resolutions_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_resolutions" ADD CONSTRAINT "process_resolutions_resolution_symbol_resolutions_symbol_fk" FOREIGN KEY ("resolution_symbol") REFERENCES "public"."resolutions"("symbol") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processes" ADD CONSTRAINT "processes_chair_state_iso3_states_iso3_fk" FOREIGN KEY ("chair_state_iso3") REFERENCES "public"."states"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voters" ADD CONSTRAINT "voters_state_iso3_states_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."states"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_tokens" ADD CONSTRAINT "password_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_citations" ADD CONSTRAINT "document_citations_paragraph_id_document_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."document_paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_citations" ADD CONSTRAINT "document_citations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_paragraphs" ADD CONSTRAINT "document_paragraphs_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraph_mentions" ADD CONSTRAINT "paragraph_mentions_paragraph_id_document_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."document_paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraph_mentions" ADD CONSTRAINT "paragraph_mentions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_sources" ADD CONSTRAINT "participation_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_actions" ADD CONSTRAINT "stakeholder_actions_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_actions" ADD CONSTRAINT "stakeholder_actions_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_links" ADD CONSTRAINT "update_links_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_sources_source_idx" ON "record_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "memberships_state_idx" ON "memberships" USING btree ("state_iso3");--> statement-breakpoint
CREATE UNIQUE INDEX "states_iso2_idx" ON "states" USING btree ("iso2");--> statement-breakpoint
CREATE INDEX "states_group_idx" ON "states" USING btree ("un_regional_group");--> statement-breakpoint
CREATE INDEX "framework_items_framework_idx" ON "framework_items" USING btree ("framework_id","position");--> statement-breakpoint
CREATE INDEX "process_members_state_idx" ON "process_members" USING btree ("state_iso3");--> statement-breakpoint
CREATE INDEX "resolutions_adopted_idx" ON "resolutions" USING btree ("adopted_on");--> statement-breakpoint
CREATE INDEX "sessions_process_idx" ON "sessions" USING btree ("process_id","start_date");--> statement-breakpoint
CREATE INDEX "vote_events_symbol_idx" ON "vote_events" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "vote_events_date_idx" ON "vote_events" USING btree ("date");--> statement-breakpoint
CREATE INDEX "vote_events_session_idx" ON "vote_events" USING btree ("session");--> statement-breakpoint
CREATE INDEX "voters_state_idx" ON "voters" USING btree ("state_iso3");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_idx" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "auth_sessions_user_idx" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "password_tokens_user_idx" ON "password_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rate_limit_events_key_idx" ON "rate_limit_events" USING btree ("key","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "audit_log_record_idx" ON "audit_log" USING btree ("record_kind","record_id","at");--> statement-breakpoint
CREATE INDEX "changes_status_idx" ON "changes" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "changes_record_idx" ON "changes" USING btree ("record_kind","record_id");--> statement-breakpoint
CREATE INDEX "correction_requests_status_idx" ON "correction_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "document_citations_target_idx" ON "document_citations" USING btree ("target_symbol");--> statement-breakpoint
CREATE INDEX "document_citations_document_idx" ON "document_citations" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_paragraphs_position_idx" ON "document_paragraphs" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "document_paragraphs_tsv_idx" ON "document_paragraphs" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "documents_content_hash_idx" ON "documents" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "documents_symbol_idx" ON "documents" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "documents_current_idx" ON "documents" USING btree ("is_current","document_date");--> statement-breakpoint
CREATE INDEX "paragraph_mentions_target_idx" ON "paragraph_mentions" USING btree ("kind","target_id");--> statement-breakpoint
CREATE INDEX "accreditations_process_idx" ON "accreditations" USING btree ("process_id","session_id");--> statement-breakpoint
CREATE INDEX "deadlines_process_idx" ON "deadlines" USING btree ("process_id","closes_on");--> statement-breakpoint
CREATE INDEX "participation_sources_source_idx" ON "participation_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "stakeholder_actions_process_idx" ON "stakeholder_actions" USING btree ("process_id","acted_on");--> statement-breakpoint
CREATE INDEX "update_links_record_idx" ON "update_links" USING btree ("record_kind","record_id");--> statement-breakpoint
CREATE INDEX "updates_published_idx" ON "updates" USING btree ("published_on");