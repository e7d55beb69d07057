// The contract every bundled dataset importer fulfils, so the seed runner can treat them alike.
import type { ImportCounts } from "../db/schema/imports.js";
import type { Tx } from "../db/upsert.js";

export interface DatasetImporter {
  /** Stable name, the key in dataset_imports. */
  name: string;
  /** Files (relative to the datasets folder) whose content decides whether a re-import is needed. */
  files: string[];
  /** Imports inside the transaction it is given; returns counts per table. */
  run(tx: Tx, datasetsDir: string): Promise<Record<string, ImportCounts>>;
}
