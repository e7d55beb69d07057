ALTER TYPE "public"."editable_record_kind" ADD VALUE 'legal-position';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'treaty-action';