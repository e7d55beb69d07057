// The data version (issue 17): a counter that triggers bump in every transaction that writes public data (migration
// 0006_data_version), read by each app server to know whether what it rendered is still current.
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "./client.js";
import { dataVersion } from "./schema/data-version.js";

/**
 * Tables without the trigger: private or busy bookkeeping that no public page or API answer shows. Every other table
 * must carry it (a test checks), so a migration that adds a public table also adds its trigger:
 * `CREATE TRIGGER "bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "t" FOR EACH STATEMENT
 * EXECUTE FUNCTION "bump_data_version"();`
 */
export const UNVERSIONED_TABLES: readonly string[] = [
  "data_version",
  "auth_sessions",
  "api_tokens",
  "password_tokens",
  "rate_limit_events",
  "deliveries",
  "subscribers",
  "alert_subscriptions",
  "instance_secrets",
  "calendar_revisions",
];

/** The current data version; it grows with every committed write of public data. */
export async function getDataVersion(db: Db): Promise<number> {
  const rows = await db.select({ version: dataVersion.version }).from(dataVersion).where(eq(dataVersion.id, 1));
  return rows[0]?.version ?? 0;
}

/** Tables of the current schema that have no data-version trigger (beyond UNVERSIONED_TABLES, none should). */
export async function listTablesWithoutVersionTrigger(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'bump_data_version')
    ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

interface NotifyingClient {
  listen(channel: string, callback: (payload: string) => void): Promise<unknown>;
}

/**
 * Calls onChange whenever a transaction that wrote public data commits, when the database can say so at once:
 * embedded PGlite delivers the trigger's pg_notify before the writer's COMMIT returns, so this process, the only one
 * that may open the database, cannot miss a write. Answers false (the caller keeps reading the version) on a
 * PostgreSQL server, where a notification reaches other servers later than the commit, and on a database whose
 * trigger does not notify.
 */
export async function listenForDataVersionChanges(db: Db, onChange: () => void): Promise<boolean> {
  const client = (db as unknown as { $client?: Partial<NotifyingClient> & { totalCount?: number } }).$client;
  if (!client || typeof client.listen !== "function" || client.totalCount !== undefined) return false;
  const source = await queryRows<{ notifies: boolean }>(
    db,
    sql`SELECT coalesce(bool_or(prosrc LIKE '%pg_notify%'), false) AS notifies FROM pg_proc WHERE proname = 'bump_data_version'`,
  );
  if (!source[0]?.notifies) return false;
  await (client as NotifyingClient).listen("data_version", () => onChange());
  return true;
}
