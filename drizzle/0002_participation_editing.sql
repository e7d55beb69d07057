ALTER TYPE "public"."record_kind" ADD VALUE 'deadline';--> statement-breakpoint
ALTER TYPE "public"."record_kind" ADD VALUE 'accreditation';--> statement-breakpoint
ALTER TYPE "public"."record_kind" ADD VALUE 'stakeholder-action';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'deadline';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'accreditation';--> statement-breakpoint
ALTER TYPE "public"."editable_record_kind" ADD VALUE 'stakeholder-action';