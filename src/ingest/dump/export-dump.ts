// Writes a dump of the database, read in one consistent snapshot and streamed in batches: the full dump (every
// table, secrets included, so the file is readable by its owner only) or the public one (published data only).
import fs from "node:fs";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Database } from "../../db/client.js";
import { countDumpRows, listDumpTables, listPublicDumpTables, readTableRows, type DumpTable } from "../../db/dump.js";
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
  // Repeatable read: counts in the header and the rows that follow come from the same snapshot.
  return database.db.transaction(
    async (tx) => {
      const header: DumpHeader = {
        format: DUMP_FORMAT,
        formatVersion: DUMP_FORMAT_VERSION,
        appVersion: APP_VERSION,
        createdAt: now().toISOString(),
        ...(options.isPublic ? { public: true } : {}),
        tables: [],
      };
      for (const table of tables)
        header.tables.push({ name: table.name, columns: table.columns, rows: await countDumpRows(tx, table) });
      const rows = header.tables.reduce((n, t) => n + t.rows, 0);
      const lines = Readable.from(dumpLines(tx, tables, header, rows, options.batchSize ?? 1000));
      if (gzip) await pipeline(lines, createGzip(), out);
      else await pipeline(lines, out);
      return { tables: header.tables.map((t) => ({ name: t.name, rows: t.rows })), rows };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

async function* dumpLines(
  tx: Tx,
  tables: DumpTable[],
  header: DumpHeader,
  total: number,
  batchSize: number,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const entry of header.tables) {
    for await (const batch of readTableRows(tx, byName.get(entry.name)!, batchSize)) {
      yield batch.map((row) => formatRowLine(entry.name, row)).join("");
    }
  }
  yield `${JSON.stringify({ end: true, rows: total })}\n`;
}
