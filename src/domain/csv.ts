// The one CSV writer of every export (API, CLI): RFC 4180 through csv-stringify, CRLF after every record, an optional
// byte-order mark for spreadsheet users, and text that a spreadsheet would run as a formula defused (OWASP).
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so spreadsheet programs that guess the encoding read UTF-8 (`?bom=1`). */
  bom?: boolean;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number written as text ("-0.5", "+1e3") is read as that number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Text that starts like a formula gets a leading apostrophe, so the spreadsheet shows it as text. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * The CSV text of a header row and records, each record either in column order or keyed by column name.
 * Numbers and booleans are written as they are; null and undefined as empty fields.
 */
export function writeCsv(
  columns: readonly string[],
  rows: readonly (readonly CsvCell[] | Readonly<Record<string, CsvCell>>)[],
  options: CsvOptions = {},
): string {
  const records = rows.map((row) => (isCellList(row) ? [...row] : columns.map((column) => row[column])));
  return stringify([[...columns], ...records], {
    bom: options.bom ?? false,
    record_delimiter: "windows",
    quote_record_delimiter: true,
    cast: { string: defuseFormula, boolean: (value) => (value ? "true" : "false") },
  });
}

function isCellList(row: readonly CsvCell[] | Readonly<Record<string, CsvCell>>): row is readonly CsvCell[] {
  return Array.isArray(row);
}

/** Whether a query asks for a byte-order mark: `bom=1` or `bom=true`. */
export function wantsBom(value: string | undefined): boolean {
  return value === "1" || value === "true";
}
