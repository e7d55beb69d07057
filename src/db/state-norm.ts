// One State and one norm or CBM: the paragraphs of stored documents that name both, and the State's own documents
// that mention the item (its statements or submissions, by the documents' authors).
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "./client.js";

export interface StateNormParagraph {
  slug: string;
  symbol: string | null;
  title: string;
  documentDate: string | null;
  anchor: string;
  label: string;
  /** The paragraph's own document is one the State authored (a statement or submission). */
  byTheState: boolean;
}

/**
 * Paragraphs of current documents that mention the item (explicitly, e.g. "13 (c)") and either mention the State or
 * belong to a document the State authored (by code or name); newest documents first, at most `limit`.
 */
export async function listStateNormParagraphs(
  db: Db,
  state: { iso3: string; name: string },
  itemId: string,
  limit = 50,
): Promise<{ items: StateNormParagraph[]; total: number }> {
  // Authors are stored as written at ingest: the State's code (FRA) or its name (France).
  const byTheState = sql`EXISTS (SELECT 1 FROM unnest(d.authors) AS a(author)
    WHERE upper(trim(a.author)) = ${state.iso3} OR lower(trim(a.author)) = lower(${state.name}))`;
  const rows = await queryRows<{
    slug: string;
    symbol: string | null;
    title: string;
    document_date: string | null;
    anchor: string;
    label: string;
    by_the_state: boolean;
    total: number;
  }>(
    db,
    sql`SELECT d.slug, d.symbol, d.title, d.document_date::text AS document_date, p.anchor, p.label,
          ${byTheState} AS by_the_state, count(*) OVER ()::int AS total
        FROM paragraph_mentions m
        JOIN document_paragraphs p ON p.id = m.paragraph_id
        JOIN documents d ON d.id = m.document_id AND d.is_current
        WHERE m.kind = 'norm' AND m.target_id = ${itemId}
          AND (${byTheState}
            OR EXISTS (SELECT 1 FROM paragraph_mentions s
                       WHERE s.paragraph_id = m.paragraph_id AND s.kind = 'state' AND s.target_id = ${state.iso3}))
        ORDER BY d.document_date DESC NULLS LAST, d.slug, p.position
        LIMIT ${limit}`,
  );
  return {
    items: rows.map((r) => ({
      slug: r.slug,
      symbol: r.symbol,
      title: r.title,
      documentDate: r.document_date,
      anchor: r.anchor,
      label: r.label,
      byTheState: r.by_the_state,
    })),
    total: rows[0]?.total ?? 0,
  };
}
