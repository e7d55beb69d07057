CREATE TYPE "public"."assessment_rating" AS ENUM('met', 'partly', 'not-met', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."candidate_status" AS ENUM('open', 'accepted', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."evidence_kind" AS ENUM('strategy', 'law', 'agency', 'policy', 'statement', 'survey-answer', 'report', 'practice');--> statement-breakpoint
CREATE TYPE "public"."evidence_status" AS ENUM('planned', 'in-progress', 'implemented', 'regressed');--> statement-breakpoint
CREATE TYPE "public"."instrument_kind" AS ENUM('strategy', 'law', 'agency', 'policy');--> statement-breakpoint
CREATE TYPE "public"."instrument_status" AS ENUM('in-progress', 'adopted', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."reporter_kind" AS ENUM('self', 'civil-society', 'researcher', 'intergovernmental');--> statement-breakpoint
CREATE TYPE "public"."alert_channel" AS ENUM('email', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."alert_frequency" AS ENUM('instant', 'daily', 'weekly');--> statement-breakpoint
CREATE TYPE "public"."alert_target_kind" AS ENUM('state', 'process', 'norm', 'document', 'search');--> statement-breakpoint
CREATE TYPE "public"."delivery_kind" AS ENUM('digest', 'alert', 'confirmation');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('queued', 'sending', 'sent', 'failed', 'bounced');--> statement-breakpoint
CREATE TYPE "public"."digest_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."subscriber_status" AS ENUM('pending', 'active', 'unsubscribed', 'bounced');--> statement-breakpoint
ALTER TYPE "public"."record_kind" ADD VALUE 'evidence';--> statement-breakpoint
ALTER TYPE "public"."record_kind" ADD VALUE 'instrument';--> statement-breakpoint
ALTER TYPE "public"."record_kind" ADD VALUE 'assessment';--> statement-breakpoint
ALTER TYPE "public"."record_kind" ADD VALUE 'programme';--> statement-breakpoint
ALTER TYPE "public"."record_kind" ADD VALUE 'update';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'framework';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'framework-item';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'evidence';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'instrument';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'assessment';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'programme';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'update';--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"instrument_id" text NOT NULL,
	"criterion_id" integer NOT NULL,
	"rating" "assessment_rating" NOT NULL,
	"paragraph_id" integer,
	"external_url" text,
	"quote" text,
	"note" text,
	"assessed_on" date NOT NULL,
	CONSTRAINT "assessments_key" UNIQUE("instrument_id","criterion_id"),
	CONSTRAINT "assessments_cited" CHECK ("assessments"."rating" = 'unknown' OR "assessments"."paragraph_id" IS NOT NULL OR "assessments"."external_url" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"state_iso3" text,
	"organization_id" text,
	"item_id" text NOT NULL,
	"kind" "evidence_kind" NOT NULL,
	"status" "evidence_status" NOT NULL,
	"observed_on" date,
	"observed_precision" date_precision,
	"quote" text,
	"paragraph_id" integer,
	"external_url" text,
	"instrument_id" text,
	"reporter" "reporter_kind" NOT NULL,
	"reporter_name" text,
	"notes" text,
	"confidence" "confidence" NOT NULL,
	CONSTRAINT "evidence_subject" CHECK (("evidence"."state_iso3" IS NULL) <> ("evidence"."organization_id" IS NULL)),
	CONSTRAINT "evidence_cited" CHECK ("evidence"."paragraph_id" IS NOT NULL OR "evidence"."external_url" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "evidence_candidates" (
	"id" serial PRIMARY KEY NOT NULL,
	"paragraph_id" integer NOT NULL,
	"state_iso3" text NOT NULL,
	"item_id" text NOT NULL,
	"match_kind" text NOT NULL,
	"score" real NOT NULL,
	"excerpt" text NOT NULL,
	"status" "candidate_status" NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"change_id" integer,
	CONSTRAINT "evidence_candidates_key" UNIQUE("paragraph_id","state_iso3","item_id")
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"id" text PRIMARY KEY NOT NULL,
	"state_iso3" text,
	"organization_id" text,
	"kind" "instrument_kind" NOT NULL,
	"title" text NOT NULL,
	"status" "instrument_status" NOT NULL,
	"adopted_on" date,
	"adopted_precision" date_precision,
	"superseded_on" date,
	"superseded_precision" date_precision,
	"document_id" integer,
	"url" text,
	"notes" text,
	"confidence" "confidence" NOT NULL,
	CONSTRAINT "instruments_subject" CHECK (("instruments"."state_iso3" IS NULL) <> ("instruments"."organization_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" text PRIMARY KEY NOT NULL,
	"iati_identifier" text,
	"title" text NOT NULL,
	"description" text,
	"funders" text[] DEFAULT '{}'::text[] NOT NULL,
	"implementers" text[] DEFAULT '{}'::text[] NOT NULL,
	"beneficiary_states" text[] DEFAULT '{}'::text[] NOT NULL,
	"region" text,
	"start_on" date,
	"start_precision" date_precision,
	"end_on" date,
	"end_precision" date_precision,
	"budget" numeric(16, 2),
	"currency" text,
	"item_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"url" text,
	"notes" text,
	"confidence" "confidence" NOT NULL,
	CONSTRAINT "programmes_iati_identifier_unique" UNIQUE("iati_identifier"),
	CONSTRAINT "programmes_currency" CHECK ("programmes"."currency" IS NULL OR "programmes"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "rubric_criteria" (
	"id" serial PRIMARY KEY NOT NULL,
	"rubric_id" integer NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"guidance" text NOT NULL,
	CONSTRAINT "rubric_criteria_key" UNIQUE("rubric_id","code")
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	CONSTRAINT "rubrics_version_key" UNIQUE("slug","version")
);
--> statement-breakpoint
CREATE TABLE "alert_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"subscriber_id" integer NOT NULL,
	"target_kind" "alert_target_kind" NOT NULL,
	"target_id" text NOT NULL,
	"channel" "alert_channel" NOT NULL,
	"webhook_url" text,
	"webhook_secret" text,
	"frequency" "alert_frequency" NOT NULL,
	"checked_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_subscriptions_key" UNIQUE("subscriber_id","target_kind","target_id","channel"),
	CONSTRAINT "alert_subscriptions_webhook" CHECK ("alert_subscriptions"."channel" <> 'webhook' OR ("alert_subscriptions"."webhook_url" IS NOT NULL AND "alert_subscriptions"."webhook_secret" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" "delivery_kind" NOT NULL,
	"digest_issue_id" integer,
	"alert_subscription_id" integer,
	"subscriber_id" integer,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"body_html" text,
	"status" "delivery_status" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"message_id" text,
	"queued_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "deliveries_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "digest_issues" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"title" text NOT NULL,
	"body_markdown" text NOT NULL,
	"status" "digest_status" NOT NULL,
	"composed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer,
	"published_at" timestamp with time zone,
	"published_by" integer,
	CONSTRAINT "digest_issues_slug_unique" UNIQUE("slug"),
	CONSTRAINT "digest_issues_period" CHECK ("digest_issues"."period_end" > "digest_issues"."period_start")
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"status" "subscriber_status" NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"bounced_at" timestamp with time zone,
	CONSTRAINT "subscribers_email_lower" CHECK ("subscribers"."email" = lower("subscribers"."email"))
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_criterion_id_rubric_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."rubric_criteria"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_paragraph_id_document_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."document_paragraphs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_state_iso3_states_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."states"("iso3") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_paragraph_id_document_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."document_paragraphs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_candidates" ADD CONSTRAINT "evidence_candidates_paragraph_id_document_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."document_paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_candidates" ADD CONSTRAINT "evidence_candidates_state_iso3_states_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."states"("iso3") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_candidates" ADD CONSTRAINT "evidence_candidates_item_id_framework_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."framework_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_candidates" ADD CONSTRAINT "evidence_candidates_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_state_iso3_states_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."states"("iso3") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_subscriptions" ADD CONSTRAINT "alert_subscriptions_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_digest_issue_id_digest_issues_id_fk" FOREIGN KEY ("digest_issue_id") REFERENCES "public"."digest_issues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_alert_subscription_id_alert_subscriptions_id_fk" FOREIGN KEY ("alert_subscription_id") REFERENCES "public"."alert_subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_issues" ADD CONSTRAINT "digest_issues_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_issues" ADD CONSTRAINT "digest_issues_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_item_idx" ON "evidence" USING btree ("item_id","state_iso3");--> statement-breakpoint
CREATE INDEX "evidence_state_idx" ON "evidence" USING btree ("state_iso3","item_id");--> statement-breakpoint
CREATE INDEX "evidence_candidates_status_idx" ON "evidence_candidates" USING btree ("status","detected_at");--> statement-breakpoint
CREATE INDEX "instruments_state_idx" ON "instruments" USING btree ("state_iso3","kind");--> statement-breakpoint
CREATE INDEX "alert_subscriptions_due_idx" ON "alert_subscriptions" USING btree ("frequency","checked_until");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "deliveries_digest_idx" ON "deliveries" USING btree ("digest_issue_id","status");--> statement-breakpoint
CREATE INDEX "digest_issues_published_idx" ON "digest_issues" USING btree ("status","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_email_idx" ON "subscribers" USING btree ("email");