// Reads one bundled JSON dataset file (an array of records) and validates every record against its schema (a bad
// record is reported with its file and position), and turns a dataset's partial dates into their two stored columns.
import fs from "node:fs";
import type { z } from "zod";
import { parsePartialDate } from "../domain/partial-date.js";

export function readDatasetFile<S extends z.ZodType>(file: string, schema: S): z.infer<S>[] {
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as unknown[];
  return raw.map((record, i) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success)
      throw new Error(
        `${file} record ${i}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`,
      );
    return parsed.data;
  });
}

/** "2021", "2021-06" or "2021-06-30" (or null) as the date and precision columns it is stored in. */
export function dateParts(text: string | null) {
  const value = parsePartialDate(text);
  return { date: value?.date ?? null, precision: value?.precision ?? null };
}
