-- Issue 19: States' names in the five other UN languages (world-countries translations), filled by the States dataset
-- import; reference detection matches them in texts in those languages. Documents stored before this migration get
-- their State mentions in those languages from `normwatch documents reindex`.
CREATE TABLE "state_names" (
	"state_iso3" text NOT NULL,
	"language" text NOT NULL,
	"name" text NOT NULL,
	"official_name" text NOT NULL,
	CONSTRAINT "state_names_state_iso3_language_pk" PRIMARY KEY("state_iso3","language"),
	CONSTRAINT "state_names_language" CHECK ("state_names"."language" IN ('ar', 'es', 'fr', 'ru', 'zh'))
);
--> statement-breakpoint
ALTER TABLE "state_names" ADD CONSTRAINT "state_names_state_iso3_states_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."states"("iso3") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TRIGGER "bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "state_names" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
