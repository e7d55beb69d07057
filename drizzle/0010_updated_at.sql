-- Issue 18: when each row of the lists the API offers `since` on last changed. Existing rows get the time this
-- migration runs; from then on the trigger below stamps every update that changes a row.
ALTER TABLE "organizations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "states" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "resolutions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "vote_events" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "accreditations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "stakeholder_actions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- The API's `since` (issue 18): updated_at is stamped by this trigger on every UPDATE that changes a row, whoever
-- writes it (importers, editors publishing a change, a restore), and left alone by one that changes nothing (a
-- re-import of the same data). Rows that existed before this migration carry the time it ran. Compared as jsonb,
-- since json columns (vote_events.cross_check) have no equality operator.
CREATE FUNCTION "touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_jsonb(NEW) - 'updated_at' IS DISTINCT FROM to_jsonb(OLD) - 'updated_at' THEN
    NEW."updated_at" := now();
  ELSE
    NEW."updated_at" := OLD."updated_at";
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['states', 'organizations', 'processes', 'sessions', 'resolutions', 'vote_events',
    'deadlines', 'accreditations', 'stakeholder_actions', 'evidence', 'instruments', 'programmes']
  LOOP
    EXECUTE format('CREATE TRIGGER "touch_updated_at" BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION "touch_updated_at"()', t);
  END LOOP;
END
$$;
