// What the database says about the running installation, for /readyz and /metrics: does it answer, are the
// migrations applied, and how the delivery queue stands. Plain counts, cheap enough to ask on every scrape.
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { DeliveryKind, DeliveryStatus } from "../domain/vocabulary.js";
import { queryRows, type Db } from "./client.js";
import { MIGRATIONS_FOLDER } from "./migrate.js";

/** Throws when the database does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`SELECT 1`);
}

export interface MigrationStatus {
  /** Migrations in drizzle/ (the ones this version of the code expects). */
  expected: number;
  /** Of those, how many the database has not applied yet. */
  pending: number;
}

/**
 * Compares drizzle/ with Drizzle's own bookkeeping table, the way its migrator decides what to apply: every
 * migration newer than the last one applied is pending (all of them before the first run).
 */
export async function getMigrationStatus(
  db: Db,
  migrationsFolder: string = MIGRATIONS_FOLDER,
): Promise<MigrationStatus> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!exists?.present) return { expected: migrations.length, pending: migrations.length };
  const [last] = await queryRows<{ created_at: string | number | null }>(
    db,
    sql`SELECT max(created_at) AS created_at FROM drizzle.__drizzle_migrations`,
  );
  const lastApplied = Number(last?.created_at ?? 0);
  return { expected: migrations.length, pending: migrations.filter((m) => m.folderMillis > lastApplied).length };
}

export interface DeliveryCount {
  kind: DeliveryKind;
  status: DeliveryStatus;
  count: number;
  /** Of the queued ones, how many are due (their next attempt is not in the future). */
  due: number;
}

/** Messages per kind and status: the queue (queued, sending) and the outcomes (sent, failed, bounced). */
export async function countDeliveries(db: Db, now: Date): Promise<DeliveryCount[]> {
  const rows = await queryRows<{
    kind: DeliveryKind;
    status: DeliveryStatus;
    count: string | number;
    due: string | number;
  }>(
    db,
    sql`
    SELECT kind, status, count(*) AS count,
           count(*) FILTER (WHERE status = 'queued' AND next_attempt_at <= ${now.toISOString()}::timestamptz) AS due
    FROM deliveries GROUP BY kind, status ORDER BY kind, status`,
  );
  return rows.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.count), due: Number(r.due) }));
}
