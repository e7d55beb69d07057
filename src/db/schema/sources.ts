// Where every record comes from: sources, and the relation that attaches them to records of any kind.
import { date, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { recordKind, sourceKind } from "./enums.js";

export const sources = pgTable("sources", {
  /** Natural key: the URL of a web page, or `dataset:<path>` for a bundled dataset. */
  id: text("id").primaryKey(),
  kind: sourceKind("kind").notNull(),
  title: text("title").notNull(),
  url: text("url"),
  /** Dataset file in datasets/ the record was imported from, for bundled data. */
  datasetPath: text("dataset_path"),
  licence: text("licence").notNull(),
  attribution: text("attribution"),
  retrievedOn: date("retrieved_on"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const recordSources = pgTable(
  "record_sources",
  {
    recordKind: recordKind("record_kind").notNull(),
    recordId: text("record_id").notNull(),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
    /** What this source supports, when it supports only part of the record. */
    note: text("note"),
  },
  (t) => [
    primaryKey({ columns: [t.recordKind, t.recordId, t.sourceId] }),
    index("record_sources_source_idx").on(t.sourceId),
  ],
);
