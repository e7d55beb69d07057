// The SQL side of a full dump: every table of the schema in foreign-key order, rows read through a cursor
// as the server's own JSON text (so json columns, arrays and timestamps round-trip exactly), rows written
// back with json_populate_recordset, and serial sequences reset afterwards. Also what a public dump may hold.
// File handling is in ingest/dump.
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
  /** Which rows to read (a public dump reads only published digest issues); every row when absent. */
  rowFilter?: SQL;
  /** Read only `columns` (a public dump leaves some out); a full dump reads whole rows. */
  isColumnSubset?: boolean;
}

/**
 * Tables a public dump (`normwatch export --public`) holds: bundled reference data and published records. The
 * listed columns are left out (they point at accounts or drafts, which stay private), and `where` keeps only
 * published rows. A table is public only when listed here, so a new table stays out until someone decides.
 */
export const PUBLIC_DUMP_TABLES: Record<string, { columnsLeftOut?: string[]; where?: SQL }> = {
  accreditations: {},
  assessments: {},
  audit_log: { columnsLeftOut: ["actor_id", "author_id", "change_id"] },
  calendar_revisions: {},
  cyber_strategy_adoptions: {},
  deadlines: {},
  digest_issues: { columnsLeftOut: ["updated_by", "published_by"], where: sql`status = 'published'` },
  document_citations: {},
  document_paragraphs: {},
  document_unresolved_citations: {},
  documents: {},
  evidence: {},
  framework_items: {},
  frameworks: {},
  instruments: {},
  legal_positions: {},
  memberships: {},
  organizations: {},
  paragraph_mentions: {},
  participation_sources: {},
  process_members: {},
  process_resolutions: {},
  processes: {},
  programmes: {},
  record_sources: {},
  resolutions: {},
  rubric_criteria: {},
  rubrics: { columnsLeftOut: ["created_by"] },
  sessions: {},
  sources: {},
  stakeholder_actions: {},
  state_names: {},
  states: {},
  treaties: {},
  treaty_actions: {},
  update_links: {},
  updates: {},
  vote_events: {},
  voters: {},
};

/** Tables a public dump never holds, and why; with PUBLIC_DUMP_TABLES every schema table is in exactly one list. */
export const PRIVATE_DUMP_TABLES: Record<string, string> = {
  users: "account addresses and password hashes",
  auth_sessions: "signed-in sessions",
  password_tokens: "one-time password links",
  api_tokens: "API token hashes",
  rate_limit_events: "client address hashes",
  instance_secrets: "this instance's signing secrets",
  subscribers: "readers' email addresses",
  alert_subscriptions: "readers' alerts and webhook secrets",
  deliveries: "mail to readers",
  correction_requests: "readers' messages and addresses",
  changes: "drafts and changes under review",
  evidence_candidates: "editors' review queue",
  dataset_imports: "this instance's import bookkeeping",
  corpus_imports: "this instance's import bookkeeping",
};

/** Every table exported by src/db/schema/index.ts, parents before children, ties by name. */
export function listDumpTables(): DumpTable[] {
  const tables = new Map<string, DumpTable>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    if (config.schema && config.schema !== "public") continue;
    // The data version only ever grows (db/data-version.ts): a restore bumps it rather than bringing back an old one.
    if (config.name === "data_version") continue;
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
  const result = (await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * The tables of a public dump, in the same order as a full dump, without the private columns and rows; an
 * import of it needs nothing it leaves out (every reference to an account or a draft is among those columns).
 */
export function listPublicDumpTables(): DumpTable[] {
  const tables: DumpTable[] = [];
  for (const table of listDumpTables()) {
    const rule = PUBLIC_DUMP_TABLES[table.name];
    if (!rule) continue;
    const leftOut = new Set(rule.columnsLeftOut ?? []);
    tables.push({
      ...table,
      columns: table.columns.filter((c) => !leftOut.has(c)),
      serialColumns: table.serialColumns.filter((c) => !leftOut.has(c)),
      dependsOn: table.dependsOn.filter((d) => d in PUBLIC_DUMP_TABLES),
      rowFilter: rule.where,
      isColumnSubset: leftOut.size > 0,
    });
  }
  return tables;
}

/** Rows a dump of this table holds (all, or those its row filter keeps). */
export async function countDumpRows(db: Handle, table: DumpTable): Promise<number> {
  const where = table.rowFilter ? sql`WHERE ${table.rowFilter}` : sql``;
  const result = (await db.execute(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table.name)} ${where}`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/** A full dump reads whole rows; a public one only the dump's columns and rows (a subquery, so row_to_json sees no more). */
function dumpSource(table: DumpTable): SQL {
  return !table.rowFilter && !table.isColumnSubset
    ? sql`${sql.identifier(table.name)} t`
    : sql`(SELECT ${sql.join(
        table.columns.map((c) => sql.identifier(c)),
        sql`, `,
      )} FROM ${sql.identifier(table.name)} ${table.rowFilter ? sql`WHERE ${table.rowFilter}` : sql``}) t`;
}

/**
 * Yields the rows of one table as JSON texts, batchSize at a time, through a cursor so memory stays flat.
 * Must run inside a transaction (cursors live in one).
 */
export async function* readTableRows(tx: Tx, table: DumpTable, batchSize = 1000): AsyncGenerator<string[]> {
  const cursor = sql.identifier(`normwatch_dump_${table.name}`);
  const order: SQL = table.primaryKey.length
    ? sql.join(
        table.primaryKey.map((c) => sql`t.${sql.identifier(c)}`),
        sql`, `,
      )
    : sql`row_to_json(t)::text`;
  const from = dumpSource(table);
  await tx.execute(
    sql`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${from} ORDER BY ${order}`,
  );
  try {
    for (;;) {
      const result = (await tx.execute(
        sql`FETCH ${sql.raw(String(Math.trunc(batchSize)))} FROM ${cursor}`,
      )) as unknown as { rows: { j: string }[] };
      if (result.rows.length === 0) return;
      yield result.rows.map((r) => r.j);
    }
  } finally {
    await tx.execute(sql`CLOSE ${cursor}`);
  }
}

/**
 * Yields the rows of one table as JSON texts like readTableRows, in the same order, but each batch is its own statement
 * continuing after the last primary key read, so no transaction or cursor is held between batches: on embedded PGlite
 * (one connection) other queries run in between. The batches are then not one snapshot; the caller checks that nothing
 * was written meanwhile. A table without a primary key is read in one statement.
 */
export async function* readTableRowsInBatches(
  db: Handle,
  table: DumpTable,
  batchSize = 1000,
): AsyncGenerator<string[]> {
  const from = dumpSource(table);
  if (!table.primaryKey.length) {
    const result = (await db.execute(
      sql`SELECT row_to_json(t)::text AS j FROM ${from} ORDER BY row_to_json(t)::text`,
    )) as unknown as { rows: { j: string }[] };
    if (result.rows.length) yield result.rows.map((r) => r.j);
    return;
  }
  const key = sql.join(
    table.primaryKey.map((c) => sql`t.${sql.identifier(c)}`),
    sql`, `,
  );
  let last: string | undefined;
  for (;;) {
    // The last row read, typed through the table's row type, gives the key to continue after.
    const after = last
      ? sql`WHERE (${key}) > (${sql.join(
          table.primaryKey.map(
            (c) => sql`(json_populate_record(null::${sql.identifier(table.name)}, ${last}::json)).${sql.identifier(c)}`,
          ),
          sql`, `,
        )})`
      : sql``;
    const result = (await db.execute(
      sql`SELECT row_to_json(t)::text AS j FROM ${from} ${after} ORDER BY ${key} LIMIT ${sql.raw(String(Math.trunc(batchSize)))}`,
    )) as unknown as { rows: { j: string }[] };
    if (result.rows.length === 0) return;
    yield result.rows.map((r) => r.j);
    if (result.rows.length < batchSize) return;
    last = result.rows.at(-1)!.j;
  }
}

/** Empties every dump table in one statement (foreign keys between them do not get in the way). */
export async function deleteAllDumpRows(tx: Tx, tables: DumpTable[]): Promise<void> {
  if (tables.length === 0) return;
  await tx.execute(
    sql`TRUNCATE ${sql.join(
      tables.map((t) => sql.identifier(t.name)),
      sql`, `,
    )}`,
  );
}

/** Inserts rows given as JSON object texts; columns missing from the dump take their defaults. */
export async function insertDumpRows(tx: Tx, table: string, columns: string[], rowTexts: string[]): Promise<void> {
  if (rowTexts.length === 0) return;
  const cols = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const payload = `[${rowTexts.join(",")}]`;
  await tx.execute(
    sql`INSERT INTO ${sql.identifier(table)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${payload}::json)`,
  );
}

/** Sets each serial sequence past the largest id, so the next insert after an import does not collide. */
export async function resetSerialSequences(tx: Tx, tables: DumpTable[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.serialColumns) {
      await tx.execute(
        sql`SELECT setval(pg_get_serial_sequence(${table.name}, ${column}), coalesce(max(${sql.identifier(column)}), 0) + 1, false) FROM ${sql.identifier(table.name)}`,
      );
    }
  }
}
