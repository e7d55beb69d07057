// Writes a dump of the database, read in one consistent snapshot and streamed in batches: the full dump (every
// table, secrets included, so the file is readable by its owner only) or the public one (published data only).
import fs from "node:fs";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import { createGzip } from "node:zlib";
import type { Database, Db } from "../../db/client.js";
import { getDataVersion } from "../../db/data-version.js";
import {
  countDumpRows,
  listDumpTables,
  listPublicDumpTables,
  readTableRows,
  readTableRowsInBatches,
  type DumpTable,
} from "../../db/dump.js";
import type { Tx } from "../../db/upsert.js";
import {
  APP_VERSION,
  DUMP_FORMAT,
  DUMP_FORMAT_VERSION,
  formatRowLine,
  isGzipName,
  type DumpHeader,
} from "./dump-format.js";

export interface ExportDumpOptions {
  now?: () => Date;
  batchSize?: number;
  /** Gzip the output; by default when the file name ends in .gz. */
  gzip?: boolean;
  /**
   * Only what anyone may read (listPublicDumpTables): no accounts, password or token hashes, instance or webhook
   * secrets, subscribers, drafts or correction requests. Otherwise every table, and the file is created 0600.
   */
  isPublic?: boolean;
  /**
   * "snapshot" (the default): one read-only REPEATABLE READ transaction, rows through cursors. "batches": no
   * transaction, each batch its own statement, the event loop served between batches, and the data
   * version read before and after, so a write committed meanwhile fails the export with DumpDataChangedError instead
   * of leaving a file whose rows disagree. For embedded PGlite, whose single connection a long transaction would hold:
   * a snapshot of the whole database would stop every page for the length of the export.
   */
  consistency?: "snapshot" | "batches";
}

/** A batched export saw the data change while it read (its file must not be kept). */
export class DumpDataChangedError extends Error {
  constructor(
    readonly before: number,
    readonly after: number,
  ) {
    super(`the data changed during the export (data version ${before} → ${after})`);
  }
}

export interface DumpSummary {
  tables: { name: string; rows: number }[];
  rows: number;
}

/**
 * Exports to a file (written beside it as .partial and renamed when complete, so a failed export never
 * leaves a file that looks whole) or, with "-", to standard output.
 */
export async function exportDump(
  database: Database,
  file: string,
  options: ExportDumpOptions = {},
): Promise<DumpSummary> {
  const gzip = options.gzip ?? isGzipName(file);
  if (file === "-") return exportDumpTo(database, process.stdout, gzip, options);
  const partial = `${file}.partial`;
  try {
    // A new file (never one left by an earlier run, which would keep its mode), owner-only unless public.
    fs.rmSync(partial, { force: true });
    const out = fs.createWriteStream(partial, { flags: "wx", mode: options.isPublic ? 0o644 : 0o600 });
    const summary = await exportDumpTo(database, out, gzip, options);
    fs.renameSync(partial, file);
    return summary;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Writes the dump to a stream (the API's public download collects it; the CLI writes files and standard output). */
export async function exportDumpTo(
  database: Pick<Database, "db">,
  out: Writable,
  gzip: boolean,
  options: ExportDumpOptions,
): Promise<DumpSummary> {
  const tables = options.isPublic ? listPublicDumpTables() : listDumpTables();
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 1000;
  const write = async (
    handle: Db | Tx,
    read: (table: DumpTable) => AsyncGenerator<string[]>,
    check?: () => Promise<void>,
  ): Promise<DumpSummary> => {
    const header: DumpHeader = {
      format: DUMP_FORMAT,
      formatVersion: DUMP_FORMAT_VERSION,
      appVersion: APP_VERSION,
      createdAt: now().toISOString(),
      ...(options.isPublic ? { public: true } : {}),
      tables: [],
    };
    for (const table of tables)
      header.tables.push({ name: table.name, columns: table.columns, rows: await countDumpRows(handle, table) });
    const rows = header.tables.reduce((n, t) => n + t.rows, 0);
    const lines = Readable.from(dumpLines(tables, header, rows, read, check));
    if (gzip) await pipeline(lines, createGzip(), out);
    else await pipeline(lines, out);
    return { tables: header.tables.map((t) => ({ name: t.name, rows: t.rows })), rows };
  };
  if (options.consistency === "batches") {
    const db = database.db;
    const before = await getDataVersion(db);
    return write(
      db,
      async function* (table) {
        for await (const batch of readTableRowsInBatches(db, table, batchSize)) {
          yield batch;
          // Let waiting requests have the database and the event loop before the next batch.
          await nextTurn();
        }
      },
      async () => {
        const after = await getDataVersion(db);
        if (after !== before) throw new DumpDataChangedError(before, after);
      },
    );
  }
  // Repeatable read: counts in the header and the rows that follow come from the same snapshot.
  return database.db.transaction(async (tx) => write(tx, (table) => readTableRows(tx, table, batchSize)), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}

async function* dumpLines(
  tables: DumpTable[],
  header: DumpHeader,
  total: number,
  read: (table: DumpTable) => AsyncGenerator<string[]>,
  check?: () => Promise<void>,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const entry of header.tables) {
    for await (const batch of read(byName.get(entry.name)!)) {
      yield batch.map((row) => formatRowLine(entry.name, row)).join("");
    }
  }
  // Before the end line, so a file read across a change never looks complete.
  await check?.();
  yield `${JSON.stringify({ end: true, rows: total })}\n`;
}
