// Bookkeeping of bundled-dataset imports: which version of each dataset is in the database.
import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const datasetImports = pgTable("dataset_imports", {
  dataset: text("dataset").primaryKey(),
  /** SHA-256 of the dataset's files; a different hash means the bundled data changed. */
  contentHash: text("content_hash").notNull(),
  counts: jsonb("counts").$type<Record<string, ImportCounts>>().notNull(),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
});

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/**
 * Progress of the background import of a bundled document corpus (datasets/corpus): how far it got, so a restart
 * resumes there and every app server can say "1,214 of 1,974 documents"; finished once `finishedAt` is set.
 */
export const corpusImports = pgTable("corpus_imports", {
  corpus: text("corpus").primaryKey(),
  /** SHA-256 of the corpus file; another hash means a new corpus, imported again (unchanged documents are skipped). */
  contentHash: text("content_hash").notNull(),
  total: integer("total").notNull(),
  /** Entries handled so far, in file order; a restart starts after them. */
  processed: integer("processed").notNull(),
  inserted: integer("inserted").notNull(),
  skipped: integer("skipped").notNull(),
  failed: integer("failed").notNull(),
  /** The failed entries with their reasons (file name → reason). */
  failures: jsonb("failures").$type<{ file: string; reason: string }[]>().notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});
