// Restores a dump into a migrated database in one transaction: the tables are emptied, rows inserted in
// foreign-key order in batches, serial sequences reset. Any problem rolls everything back.
import fs from "node:fs";
import readline from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { Database } from "../../db/client.js";
import type { Tx } from "../../db/upsert.js";
import { ConflictError } from "../../domain/errors.js";
import {
  countTableRows,
  deleteAllDumpRows,
  insertDumpRows,
  listDumpTables,
  resetSerialSequences,
  type DumpTable,
} from "../../db/dump.js";
import {
  DUMP_FORMAT,
  DUMP_FORMAT_VERSION,
  DumpEndSchema,
  DumpFileError,
  DumpHeaderSchema,
  parseRowLine,
  type DumpHeader,
} from "./dump-format.js";
import type { DumpSummary } from "./export-dump.js";

export interface ImportDumpOptions {
  batchSize?: number;
  /** Replace the rows of a database that already holds data; without it such a database is refused. */
  replace?: boolean;
}

export async function importDump(
  database: Database,
  file: string,
  options: ImportDumpOptions = {},
): Promise<DumpSummary> {
  if (!fs.existsSync(file)) throw new DumpFileError(file, "no such file");
  const lines = readLines(file);
  try {
    const first = await lines.next();
    if (first.done) throw new DumpFileError(file, "the file is empty");
    const header = parseHeader(file, first.value);
    const tables = planTables(file, header);
    const batchSize = options.batchSize ?? 500;
    return await database.db.transaction(async (tx) => {
      if (!options.replace) await refuseNonEmpty(tx);
      await deleteAllDumpRows(tx, listDumpTables());
      const seen = new Map<string, number>();
      let current: { entry: DumpHeader["tables"][number]; batch: string[] } | undefined;
      const flush = async () => {
        if (current?.batch.length) await insertDumpRows(tx, current.entry.name, current.entry.columns, current.batch);
        if (current) current.batch = [];
      };
      let lineNumber = 1;
      for (;;) {
        const next = await lines.next();
        if (next.done)
          throw new DumpFileError(file, `the file ends at line ${lineNumber} without its end line: it is truncated`);
        lineNumber++;
        const line = next.value;
        const row = parseRowLine(line);
        if (!row) {
          const end = DumpEndSchema.safeParse(parseJson(file, line, lineNumber));
          if (!end.success) throw new DumpFileError(file, `line ${lineNumber} is neither a row nor the end line`);
          await flush();
          checkCounts(file, header, seen, end.data.rows);
          break;
        }
        checkJson(file, line, lineNumber);
        if (current?.entry.name !== row.table) {
          await flush();
          const entry = tables.get(row.table);
          if (!entry)
            throw new DumpFileError(
              file,
              `line ${lineNumber} holds a row of table "${row.table}", which the header does not list`,
            );
          if (seen.has(row.table))
            throw new DumpFileError(
              file,
              `rows of table "${row.table}" are split across the file (line ${lineNumber})`,
            );
          current = { entry, batch: [] };
        }
        seen.set(row.table, (seen.get(row.table) ?? 0) + 1);
        current.batch.push(row.rowJson);
        if (current.batch.length >= batchSize) await flush();
      }
      await resetSerialSequences(tx, listDumpTables());
      const summary = header.tables.map((t) => ({ name: t.name, rows: seen.get(t.name) ?? 0 }));
      return { tables: summary, rows: summary.reduce((n, t) => n + t.rows, 0) };
    });
  } finally {
    await lines.return(undefined);
  }
}

async function refuseNonEmpty(tx: Tx): Promise<void> {
  for (const table of listDumpTables()) {
    const rows = await countTableRows(tx, table.name);
    if (rows > 0)
      throw new ConflictError(
        `the database already holds data (table "${table.name}" has ${rows} rows); pass --replace to replace all of it with the dump`,
      );
  }
}

async function* readLines(file: string): AsyncGenerator<string, void, undefined> {
  const fd = fs.openSync(file, "r");
  const magic = Buffer.alloc(2);
  const read = fs.readSync(fd, magic, 0, 2, 0);
  fs.closeSync(fd);
  const isGzip = read === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  let input: Readable = fs.createReadStream(file);
  if (isGzip) input = input.pipe(createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  // Errors of the gunzip stream are not forwarded by pipe(): surface them through the line reader.
  const failed = new Promise<never>((_, reject) => input.on("error", reject));
  failed.catch(() => {});
  const iterator = rl[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), failed]).catch((error: unknown) => {
        throw new DumpFileError(
          file,
          isGzip ? `the gzip data is corrupt or cut short (${(error as Error).message})` : (error as Error).message,
        );
      });
      if (next.done) return;
      if (next.value.length > 0) yield next.value;
    }
  } finally {
    rl.close();
    input.destroy();
  }
}

function parseJson(file: string, line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new DumpFileError(
      file,
      lineNumber === 1
        ? "it is not a Normwatch dump (the first line is not JSON)"
        : `line ${lineNumber} is not valid JSON: the file is corrupt`,
    );
  }
}

function checkJson(file: string, line: string, lineNumber: number): void {
  const value = parseJson(file, line, lineNumber);
  if (typeof value !== "object" || value === null || typeof (value as { r?: unknown }).r !== "object") {
    throw new DumpFileError(file, `line ${lineNumber} is not a row object: the file is corrupt`);
  }
}

function parseHeader(file: string, line: string): DumpHeader {
  const value = parseJson(file, line, 1) as { format?: unknown; formatVersion?: unknown };
  if (value?.format !== DUMP_FORMAT)
    throw new DumpFileError(file, `it is not a Normwatch dump (no "format": "${DUMP_FORMAT}" header)`);
  if (typeof value.formatVersion === "number" && value.formatVersion > DUMP_FORMAT_VERSION) {
    throw new DumpFileError(
      file,
      `it was written in dump format ${value.formatVersion}, newer than this Normwatch reads (format ${DUMP_FORMAT_VERSION}); upgrade Normwatch to import it`,
    );
  }
  const parsed = DumpHeaderSchema.safeParse(value);
  if (!parsed.success)
    throw new DumpFileError(
      file,
      `its header is malformed (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`,
    );
  return parsed.data;
}

/** Checks every table and column of the dump exists here, and that parents come before children. */
function planTables(file: string, header: DumpHeader): Map<string, DumpHeader["tables"][number]> {
  const schema = new Map<string, DumpTable>(listDumpTables().map((t) => [t.name, t]));
  const plan = new Map<string, DumpHeader["tables"][number]>();
  for (const entry of header.tables) {
    const table = schema.get(entry.name);
    if (!table)
      throw new DumpFileError(
        file,
        `it holds table "${entry.name}", which this database does not have (a dump from a newer Normwatch?)`,
      );
    const unknown = entry.columns.filter((c) => !table.columns.includes(c));
    if (unknown.length)
      throw new DumpFileError(
        file,
        `table "${entry.name}" has columns this database does not have: ${unknown.join(", ")}`,
      );
    const late = table.dependsOn.filter((dep) => header.tables.some((t) => t.name === dep) && !plan.has(dep));
    if (late.length)
      throw new DumpFileError(file, `table "${entry.name}" comes before the tables it references (${late.join(", ")})`);
    plan.set(entry.name, entry);
  }
  return plan;
}

function checkCounts(file: string, header: DumpHeader, seen: Map<string, number>, total: number): void {
  for (const entry of header.tables) {
    const rows = seen.get(entry.name) ?? 0;
    if (rows !== entry.rows)
      throw new DumpFileError(
        file,
        `table "${entry.name}" has ${rows} rows, but the header promises ${entry.rows}: the file is incomplete`,
      );
  }
  const sum = [...seen.values()].reduce((n, r) => n + r, 0);
  if (sum !== total) throw new DumpFileError(file, `the end line counts ${total} rows, but the file holds ${sum}`);
}
