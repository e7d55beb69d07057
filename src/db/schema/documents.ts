// Documents (every version), their numbered paragraphs with a stored full-text vector, citations and mentions (issue 4).
import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  serial,
  date,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import type { ResolutionBody } from "../../domain/references-bodies.js";
import * as v from "../../domain/vocabulary.js";
import { processes, sessions } from "./processes.js";
import { sources } from "./sources.js";

export const documentType = pgEnum("document_type", v.DOCUMENT_TYPES);
export const documentFormat = pgEnum("document_format", v.DOCUMENT_FORMATS);
export const paragraphKind = pgEnum("paragraph_kind", v.PARAGRAPH_KINDS);
export const mentionKind = pgEnum("mention_kind", v.MENTION_KINDS);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** One version of one document in one language; the newest version of a (slug, language) is current. */
export const documents = pgTable(
  "documents",
  {
    id: serial("id").primaryKey(),
    /** The URL key: the UN symbol when there is one, else "doc-" and the start of the content hash. */
    slug: text("slug").notNull(),
    symbol: text("symbol"),
    language: text("language").notNull(),
    version: integer("version").notNull(),
    isCurrent: boolean("is_current").notNull(),
    type: documentType("type").notNull(),
    format: documentFormat("format").notNull(),
    title: text("title").notNull(),
    documentDate: date("document_date"),
    gaSession: integer("ga_session"),
    processId: text("process_id").references(() => processes.id, { onDelete: "set null" }),
    sessionId: text("session_id").references(() => sessions.id, { onDelete: "set null" }),
    authors: text("authors")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sourceId: text("source_id").references(() => sources.id, { onDelete: "restrict" }),
    sourceUrl: text("source_url"),
    licence: text("licence").notNull(),
    attribution: text("attribution"),
    /** SHA-256 of the file as received; the same bytes are never imported twice. */
    contentHash: text("content_hash").notNull(),
    /** SHA-256 of the extracted paragraphs; a re-saved file with the same text is not a new version. */
    textHash: text("text_hash").notNull(),
    byteSize: integer("byte_size").notNull(),
    paragraphCount: integer("paragraph_count").notNull(),
    ingestedAt: timestamp("ingested_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("documents_version_key").on(t.slug, t.language, t.version),
    index("documents_content_hash_idx").on(t.contentHash),
    index("documents_symbol_idx").on(t.symbol),
    index("documents_current_idx").on(t.isCurrent, t.documentDate),
  ],
);

export const documentParagraphs = pgTable(
  "document_paragraphs",
  {
    id: serial("id").primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    anchor: text("anchor").notNull(),
    label: text("label").notNull(),
    kind: paragraphKind("kind").notNull(),
    heading: text("heading"),
    text: text("text").notNull(),
    /** Footnotes, one per line (stored text has no other line breaks). */
    notes: text("notes").notNull().default(""),
    /** The text as the index reads it when that differs (Arabic normalised, Chinese split into words: domain/search-text.ts); null otherwise. */
    searchText: text("search_text"),
    /** The footnotes as the index reads them, likewise. */
    searchNotes: text("search_notes"),
    /** The text-search configuration of the document's language (english, french, spanish, russian, arabic, simple). */
    searchConfig: text("search_config").notNull(),
    /** Paragraph text (weight A) and footnotes (weight D), as the index reads them, stemmed with the paragraph's configuration; GIN-indexed. */
    tsv: tsvector("tsv")
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          `setweight(to_tsvector(CASE search_config WHEN 'english' THEN 'english'::regconfig WHEN 'french' THEN 'french'::regconfig WHEN 'spanish' THEN 'spanish'::regconfig WHEN 'russian' THEN 'russian'::regconfig WHEN 'arabic' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END, coalesce(search_text, text)), 'A') || setweight(to_tsvector(CASE search_config WHEN 'english' THEN 'english'::regconfig WHEN 'french' THEN 'french'::regconfig WHEN 'spanish' THEN 'spanish'::regconfig WHEN 'russian' THEN 'russian'::regconfig WHEN 'arabic' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END, coalesce(search_notes, notes)), 'D')`,
        ),
      ),
  },
  (t) => [
    unique("document_paragraphs_anchor_key").on(t.documentId, t.anchor),
    index("document_paragraphs_position_idx").on(t.documentId, t.position),
    // One full-text index per configuration (a search runs one branch per configuration, each reading only its own
    // paragraphs): a query's words stemmed for one language no longer walk the postings of the others.
    ...[...Object.values(v.SEARCH_CONFIGS), "simple"].map((c) =>
      index(`document_paragraphs_tsv_${c}_idx`)
        .using("gin", t.tsv)
        .where(sql.raw(`search_config = '${c}'`)),
    ),
  ],
);

/** A paragraph cites a document by its symbol; the cited document may or may not be in the database. */
export const documentCitations = pgTable(
  "document_citations",
  {
    paragraphId: integer("paragraph_id")
      .notNull()
      .references(() => documentParagraphs.id, { onDelete: "cascade" }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    targetSymbol: text("target_symbol").notNull(),
    matchedText: text("matched_text").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.paragraphId, t.targetSymbol] }),
    index("document_citations_target_idx").on(t.targetSymbol),
    index("document_citations_document_idx").on(t.documentId),
  ],
);

/**
 * A paragraph cites a resolution that has no symbol we can name (issue 15): one of a body without symbols ("Commission
 * on Narcotic Drugs resolution 61/2"), or a number that fits no named body. Kept apart from document_citations, whose
 * rows are edges to a document symbol, so nothing is ever given a made-up symbol.
 */
export const documentUnresolvedCitations = pgTable(
  "document_unresolved_citations",
  {
    paragraphId: integer("paragraph_id")
      .notNull()
      .references(() => documentParagraphs.id, { onDelete: "cascade" }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    /** The adopting body read from the words before the number (domain/references-bodies.ts), or "unknown". */
    body: text("body").$type<ResolutionBody | "unknown">().notNull(),
    /** The body's name as the text writes it; null when the words name none. */
    bodyName: text("body_name"),
    /** The number as written ("61/2"). */
    matchedText: text("matched_text").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.paragraphId, t.body, t.matchedText] }),
    index("document_unresolved_citations_document_idx").on(t.documentId),
  ],
);

/** A State, norm, CBM or process a paragraph names; topic matches carry a confidence below 1. */
export const paragraphMentions = pgTable(
  "paragraph_mentions",
  {
    paragraphId: integer("paragraph_id")
      .notNull()
      .references(() => documentParagraphs.id, { onDelete: "cascade" }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    kind: mentionKind("kind").notNull(),
    targetId: text("target_id").notNull(),
    confidence: real("confidence").notNull(),
    matchedText: text("matched_text").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.paragraphId, t.kind, t.targetId] }),
    index("paragraph_mentions_target_idx").on(t.kind, t.targetId),
  ],
);
