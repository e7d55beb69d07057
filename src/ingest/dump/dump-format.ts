// The Normwatch dump file: NDJSON (gzip when the name ends in .gz) with a header line, one line per row
// and an end line, so a truncated or foreign file is recognised before anything is written.
import fs from "node:fs";
import { z } from "zod";
import { InvalidInputError } from "../../domain/errors.js";

export const DUMP_FORMAT = "normwatch-dump";
/** Bump when a dump written now could not be read by the previous importer. */
export const DUMP_FORMAT_VERSION = 1;

export const APP_VERSION: string = (
  JSON.parse(fs.readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export const DumpHeaderSchema = z.object({
  format: z.literal(DUMP_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.string(),
  /** A public dump (normwatch export --public): published data only, nothing private. */
  public: z.boolean().optional(),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().min(0) })),
});
export type DumpHeader = z.infer<typeof DumpHeaderSchema>;

export const DumpEndSchema = z.object({ end: z.literal(true), rows: z.number().int().min(0) });

/** A row line is exactly `{"t":"<table>","r":<row json>}`; the row text is kept verbatim (json column key order, big numbers). */
const ROW_PREFIX = /^\{"t":"([A-Za-z0-9_]+)","r":/;

export function formatRowLine(table: string, rowJson: string): string {
  return `{"t":"${table}","r":${rowJson}}\n`;
}

export function parseRowLine(line: string): { table: string; rowJson: string } | null {
  const match = ROW_PREFIX.exec(line);
  if (!match || !line.endsWith("}")) return null;
  return { table: match[1]!, rowJson: line.slice(match[0].length, -1) };
}

/** A dump file that cannot be imported: wrong kind of file, corrupt, truncated or from a newer format. */
export class DumpFileError extends InvalidInputError {
  constructor(file: string, problem: string) {
    super(`cannot import ${file}: ${problem}`);
  }
}

export function isGzipName(file: string): boolean {
  return file.endsWith(".gz");
}
