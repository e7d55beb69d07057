CREATE TABLE "data_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "data_version_single_row" CHECK ("data_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "data_version" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Bumped by every statement that writes a table the public site shows, in the writer's transaction, so every app
-- server sees the new version exactly when the data commits. Private, busy tables (sign-ins, tokens, rate limits,
-- the mail queue, subscribers, calendar SEQUENCE bookkeeping) are left out: they never change a public page.
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version" SET "version" = "version" + 1 WHERE "id" = 1;
  -- Delivered at commit (never for a rollback): lets an embedded server skip reading the version while it holds.
  PERFORM pg_notify('data_version', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      AND c.relname NOT IN ('data_version', 'auth_sessions', 'api_tokens', 'password_tokens', 'rate_limit_events',
        'deliveries', 'subscribers', 'alert_subscriptions', 'instance_secrets', 'calendar_revisions')
  LOOP
    EXECUTE format('CREATE TRIGGER "bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"()', t);
  END LOOP;
END
$$;
