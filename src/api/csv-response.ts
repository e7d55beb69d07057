// How the API answers with CSV: text from the one writer (domain/csv.ts), `?bom=1` for a byte-order mark, and the
// headers that make browsers save it as a file.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { writeCsv, type CsvCell } from "../domain/csv.js";

/** The query parameter every CSV answer takes. */
export const CsvBomQuery = z.object({
  bom: z.enum(["0", "1"]).optional().openapi({
    description:
      "CSV only: 1 starts the file with a UTF-8 byte-order mark, so spreadsheet programs that guess the encoding (Excel) read accents right",
  }),
});

/** A CSV answer: header row, records in column order or keyed by column, saved as `filename`. */
export function csvResponse(
  c: Context,
  input: {
    filename: string;
    columns: readonly string[];
    rows: readonly (readonly CsvCell[] | Readonly<Record<string, CsvCell>>)[];
    bom: string | undefined;
  },
): Response {
  const text = writeCsv(input.columns, input.rows, { bom: input.bom === "1" });
  return c.body(text, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${input.filename.replace(/[^\w.-]+/g, "_")}"`,
  });
}
