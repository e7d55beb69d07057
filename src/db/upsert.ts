// Idempotent writes by natural key, reporting inserted / updated / unchanged / deleted counts.
import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { ImportCounts } from "./schema/imports.js";
import type { Db } from "./client.js";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Handle = Db | Tx;

export function emptyCounts(): ImportCounts {
  return { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
}

export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  return {
    inserted: a.inserted + b.inserted,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    deleted: a.deleted + b.deleted,
  };
}

/**
 * Makes `table` hold exactly `rows` (by the natural key `keys`): inserts new rows, updates changed ones,
 * leaves equal ones alone and, when `deleteMissing` is set, deletes rows no longer in the data.
 * Meant for reference tables of up to a few thousand rows, which it reads whole.
 */
export async function syncRows<T extends PgTable>(
  db: Handle,
  table: T,
  keys: PgColumn[],
  rows: Record<string, unknown>[],
  options: {
    deleteMissing?: boolean;
    scope?: SQL;
    /**
     * Rows (incoming or already stored) for which this returns true are left exactly as they are: never
     * inserted, updated or deleted, and counted as unchanged. Used for records editors have changed.
     */
    isLocked?: (row: Record<string, unknown>) => boolean;
  } = {},
): Promise<ImportCounts> {
  const counts = emptyCounts();
  const keyNames = keys.map((k) => propertyOf(table, k));
  const keyOf = (row: Record<string, unknown>) => JSON.stringify(keyNames.map((k) => row[k] ?? null));
  const query = db.select().from(table as PgTable);
  const existing = (await (options.scope ? query.where(options.scope) : query)) as Record<string, unknown>[];
  const byKey = new Map(existing.map((row) => [keyOf(row), row]));
  const seen = new Set<string>();
  const inserts: Record<string, unknown>[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (seen.has(key)) throw new Error(`duplicate key ${key} in rows for ${tableName(table)}`);
    seen.add(key);
    const current = byKey.get(key);
    if (options.isLocked && (options.isLocked(row) || (current && options.isLocked(current)))) {
      counts.unchanged++;
    } else if (!current) {
      inserts.push(row);
      counts.inserted++;
    } else if (Object.keys(row).some((k) => !isSameValue(row[k], current[k]))) {
      await db
        .update(table)
        .set(row as never)
        .where(matchKey(keys, keyNames, row));
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
    await db.insert(table).values(inserts.slice(i, i + INSERT_CHUNK) as never);
  }
  if (options.deleteMissing) {
    for (const [key, row] of byKey) {
      if (seen.has(key) || options.isLocked?.(row)) continue;
      await db.delete(table).where(matchKey(keys, keyNames, row));
      counts.deleted++;
    }
  }
  return counts;
}

const INSERT_CHUNK = 500;

function tableName(table: PgTable): string {
  return (table as unknown as Record<symbol, string>)[Symbol.for("drizzle:Name")] ?? "table";
}

function matchKey(keys: PgColumn[], names: string[], row: Record<string, unknown>): SQL {
  const parts = keys.map((column, i) => eq(column, row[names[i]!] as never));
  return parts.length === 1 ? parts[0]! : and(...parts)!;
}

function propertyOf(table: PgTable, column: PgColumn): string {
  for (const [name, value] of Object.entries(table)) if (value === column) return name;
  throw new Error(`column ${column.name} is not in the table`);
}

function isSameValue(a: unknown, b: unknown): boolean {
  if (a === undefined) return true;
  if (a instanceof Date || b instanceof Date)
    return new Date(a as string).getTime() === new Date(b as string).getTime();
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
