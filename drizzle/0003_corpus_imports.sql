ALTER TYPE "public"."record_kind" ADD VALUE 'legal-position';--> statement-breakpoint
ALTER TYPE "public"."record_kind" ADD VALUE 'treaty';--> statement-breakpoint
ALTER TYPE "public"."record_kind" ADD VALUE 'treaty-action';--> statement-breakpoint
CREATE TABLE "corpus_imports" (
	"corpus" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"total" integer NOT NULL,
	"processed" integer NOT NULL,
	"inserted" integer NOT NULL,
	"skipped" integer NOT NULL,
	"failed" integer NOT NULL,
	"failures" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
