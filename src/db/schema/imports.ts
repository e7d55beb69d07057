// Bookkeeping of bundled-dataset imports: which version of each dataset is in the database.
import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

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
