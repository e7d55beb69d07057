// Readers for the upstream files in ../shared/data (developer machines only): CSV and JSON into plain rows.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

export type CsvRow = Record<string, string>;

export function readCsv(file: string): CsvRow[] {
  return parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true, bom: true }) as CsvRow[];
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

export function sharedPath(sharedDir: string, ...parts: string[]): string {
  return path.join(sharedDir, ...parts);
}

/** Splits a multi-valued field (" ; " in the fact base). */
export function splitList(value: string | undefined, separator = ";"): string[] {
  return (value ?? "")
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
