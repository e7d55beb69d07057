// The SQL side of a full dump: every table of the schema in foreign-key order, rows read through a cursor
// as the server's own JSON text (so json columns, arrays and timestamps round-trip exactly), rows written
// back with json_populate_recordset, and serial sequences reset afterwards. File handling is in ingest/dump.
import { getTableConfig, PgSerial, PgTable } from "drizzle-orm/pg-core";
import { is, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client.js";
import * as schema from "./schema/index.js";
import type { Tx } from "./upsert.js";

type Handle = Db | Tx;

export interface DumpTable {
  name: string;
  /** Column names in schema order, generated columns left out (they cannot be written). */
  columns: string[];
  primaryKey: string[];
  serialColumns: string[];
  /** Tables this one references (other than itself). */
  dependsOn: string[];
}

/** Every table exported by src/db/schema/index.ts, parents before children, ties by name. */
export function listDumpTables(): DumpTable[] {
  const tables = new Map<string, DumpTable>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    if (config.schema && config.schema !== "public") continue;
    const columns = config.columns.filter((c) => !c.generated);
    const primaryKey = columns.filter((c) => c.primary).map((c) => c.name);
    for (const pk of config.primaryKeys) primaryKey.push(...pk.columns.map((c) => c.name));
    const dependsOn = new Set<string>();
    for (const fk of config.foreignKeys) {
      const target = getTableConfig(fk.reference().foreignTable).name;
      if (target !== config.name) dependsOn.add(target);
    }
    tables.set(config.name, {
      name: config.name,
      columns: columns.map((c) => c.name),
      primaryKey,
      serialColumns: columns.filter((c) => is(c, PgSerial) || c.generatedIdentity).map((c) => c.name),
      dependsOn: [...dependsOn].sort(),
    });
  }
  return orderByDependencies([...tables.values()]);
}

function orderByDependencies(tables: DumpTable[]): DumpTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: DumpTable[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (table: DumpTable, path: string[]) => {
    const seen = state.get(table.name);
    if (seen === "done") return;
    if (seen === "visiting") throw new Error(`foreign keys form a cycle: ${[...path, table.name].join(" → ")}`);
    state.set(table.name, "visiting");
    for (const dep of table.dependsOn) {
      const parent = byName.get(dep);
      if (parent) visit(parent, [...path, table.name]);
    }
    state.set(table.name, "done");
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, []);
  return ordered;
}

export async function countTableRows(db: Handle, table: string): Promise<number> {
  const result = (await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Yields the rows of one table as JSON texts, batchSize at a time, through a cursor so memory stays flat.
 * Must run inside a transaction (cursors live in one).
 */
export async function* readTableRows(tx: Tx, table: DumpTable, batchSize = 1000): AsyncGenerator<string[]> {
  const cursor = sql.identifier(`normwatch_dump_${table.name}`);
  const order: SQL = table.primaryKey.length
    ? sql.join(table.primaryKey.map((c) => sql`t.${sql.identifier(c)}`), sql`, `)
    : sql`row_to_json(t)::text`;
  await tx.execute(sql`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${sql.identifier(table.name)} t ORDER BY ${order}`);
  try {
    for (;;) {
      const result = (await tx.execute(sql`FETCH ${sql.raw(String(Math.trunc(batchSize)))} FROM ${cursor}`)) as unknown as { rows: { j: string }[] };
      if (result.rows.length === 0) return;
      yield result.rows.map((r) => r.j);
    }
  } finally {
    await tx.execute(sql`CLOSE ${cursor}`);
  }
}

/** Empties every dump table in one statement (foreign keys between them do not get in the way). */
export async function deleteAllDumpRows(tx: Tx, tables: DumpTable[]): Promise<void> {
  if (tables.length === 0) return;
  await tx.execute(sql`TRUNCATE ${sql.join(tables.map((t) => sql.identifier(t.name)), sql`, `)}`);
}

/** Inserts rows given as JSON object texts; columns missing from the dump take their defaults. */
export async function insertDumpRows(tx: Tx, table: string, columns: string[], rowTexts: string[]): Promise<void> {
  if (rowTexts.length === 0) return;
  const cols = sql.join(columns.map((c) => sql.identifier(c)), sql`, `);
  const payload = `[${rowTexts.join(",")}]`;
  await tx.execute(
    sql`INSERT INTO ${sql.identifier(table)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${payload}::json)`,
  );
}

/** Sets each serial sequence past the largest id, so the next insert after an import does not collide. */
export async function resetSerialSequences(tx: Tx, tables: DumpTable[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.serialColumns) {
      await tx.execute(sql`SELECT setval(pg_get_serial_sequence(${table.name}, ${column}), coalesce(max(${sql.identifier(column)}), 0) + 1, false) FROM ${sql.identifier(table.name)}`);
    }
  }
}
