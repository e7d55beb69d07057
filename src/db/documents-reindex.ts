// Queries for re-deriving what is computed from stored paragraphs (the search columns, references) without the files.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "./client.js";
import type { Tx } from "./upsert.js";

/** A stored document version as a reindex needs it. */
export interface DocumentToReindex {
  id: number;
  symbol: string | null;
  language: string;
}

/** Every stored document version (current or not), oldest first. */
export async function listDocumentsToReindex(db: Db): Promise<DocumentToReindex[]> {
  return queryRows<DocumentToReindex>(db, sql`SELECT id, symbol, language FROM documents ORDER BY id`);
}

/** A stored paragraph with the columns derived from its text. */
export interface ParagraphToReindex {
  id: number;
  position: number;
  text: string;
  /** Footnotes, one per line, as stored. */
  notes: string;
  searchText: string | null;
  searchNotes: string | null;
  searchConfig: string;
}

export async function listParagraphsToReindex(db: Db | Tx, documentId: number): Promise<ParagraphToReindex[]> {
  const rows = await queryRows<{
    id: number;
    position: number;
    text: string;
    notes: string;
    search_text: string | null;
    search_notes: string | null;
    search_config: string;
  }>(
    db as Db,
    sql`SELECT id, position, text, notes, search_text, search_notes, search_config
        FROM document_paragraphs WHERE document_id = ${documentId} ORDER BY position`,
  );
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    text: r.text,
    notes: r.notes,
    searchText: r.search_text,
    searchNotes: r.search_notes,
    searchConfig: r.search_config,
  }));
}

/** Writes paragraphs' search columns (the stored tsvector, generated from them, follows) in one statement. */
export async function updateParagraphSearchColumns(
  tx: Tx,
  rows: { id: number; searchText: string | null; searchNotes: string | null; searchConfig: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows
      .slice(i, i + CHUNK)
      .map((r) => sql`(${r.id}::int, ${r.searchText}::text, ${r.searchNotes}::text, ${r.searchConfig}::text)`);
    await tx.execute(
      sql`UPDATE document_paragraphs p SET search_text = v.search_text, search_notes = v.search_notes, search_config = v.search_config
          FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, search_text, search_notes, search_config)
          WHERE p.id = v.id`,
    );
  }
}

const CHUNK = 500;
