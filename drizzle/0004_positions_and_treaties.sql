CREATE TYPE "public"."legal_topic" AS ENUM('sovereignty', 'non-intervention', 'use-of-force', 'self-defence', 'due-diligence', 'state-responsibility', 'attribution', 'countermeasures', 'ihl', 'human-rights');--> statement-breakpoint
CREATE TYPE "public"."treaty_action_kind" AS ENUM('signature', 'ratification', 'accession', 'acceptance', 'approval');--> statement-breakpoint
CREATE TABLE "legal_positions" (
	"id" text PRIMARY KEY NOT NULL,
	"state_iso3" text,
	"organization_id" text,
	"title" text NOT NULL,
	"is_title_descriptive" boolean DEFAULT false NOT NULL,
	"published_on" date NOT NULL,
	"published_precision" date_precision NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"document_url" text,
	"context" text NOT NULL,
	"topics" "legal_topic"[] DEFAULT '{}'::legal_topic[] NOT NULL,
	"notes" text,
	"confidence" "confidence" NOT NULL,
	CONSTRAINT "legal_positions_one_actor" CHECK (("legal_positions"."state_iso3" IS NULL) <> ("legal_positions"."organization_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "treaties" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"short_title" text NOT NULL,
	"resolution_symbol" text,
	"process_id" text,
	"depositary" text,
	"status_url" text,
	"is_status_partial" boolean NOT NULL,
	"coverage_note" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treaty_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"treaty_id" text NOT NULL,
	"state_iso3" text,
	"organization_id" text,
	"party_name" text NOT NULL,
	"signed_on" date,
	"signed_precision" date_precision,
	"consent_on" date,
	"consent_precision" date_precision,
	"kind" "treaty_action_kind" NOT NULL,
	"as_of" date NOT NULL,
	"is_as_of_lower_bound" boolean DEFAULT false NOT NULL,
	"notes" text,
	"confidence" "confidence" NOT NULL,
	CONSTRAINT "treaty_actions_one_party" CHECK (("treaty_actions"."state_iso3" IS NULL) <> ("treaty_actions"."organization_id" IS NULL)),
	CONSTRAINT "treaty_actions_shape" CHECK (("treaty_actions"."kind" = 'signature') = ("treaty_actions"."consent_on" IS NULL) AND ("treaty_actions"."signed_on" IS NOT NULL OR "treaty_actions"."consent_on" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "legal_positions" ADD CONSTRAINT "legal_positions_state_iso3_states_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."states"("iso3") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_positions" ADD CONSTRAINT "legal_positions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treaties" ADD CONSTRAINT "treaties_resolution_symbol_resolutions_symbol_fk" FOREIGN KEY ("resolution_symbol") REFERENCES "public"."resolutions"("symbol") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treaties" ADD CONSTRAINT "treaties_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treaty_actions" ADD CONSTRAINT "treaty_actions_treaty_id_treaties_id_fk" FOREIGN KEY ("treaty_id") REFERENCES "public"."treaties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treaty_actions" ADD CONSTRAINT "treaty_actions_state_iso3_states_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."states"("iso3") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treaty_actions" ADD CONSTRAINT "treaty_actions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_positions_state_idx" ON "legal_positions" USING btree ("state_iso3","published_on");--> statement-breakpoint
CREATE INDEX "legal_positions_published_idx" ON "legal_positions" USING btree ("published_on");--> statement-breakpoint
CREATE INDEX "treaty_actions_treaty_idx" ON "treaty_actions" USING btree ("treaty_id","as_of");--> statement-breakpoint
CREATE INDEX "treaty_actions_state_idx" ON "treaty_actions" USING btree ("state_iso3");