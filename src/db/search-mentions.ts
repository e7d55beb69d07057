// Paragraphs found by what they cite rather than by their words (issue 17): those citing a document symbol
// (document_citations) or mentioning a norm or a State (paragraph_mentions), with the search page's filters, for a
// query that names a norm or a symbol ("13(c)", "A/RES/74/247") or filters without words (?norm=13c). Also the
// paragraphs' own text, to tell whether a snippet is cut.
import { sql, type SQL } from "drizzle-orm";
import type { SearchFilters, SearchHit, SearchPage, SearchResult } from "../domain/search.js";
import { citationSnippet, type SnippetEdges } from "../domain/search-snippets.js";
import type { DocumentType } from "../domain/vocabulary.js";
import { queryRows, type Db } from "./client.js";
import { documentFilterConditions, normMentionKinds, paragraphMentions } from "./search.js";

/** What the paragraphs must cite, besides the filters' own State and norm. */
export interface CitedTarget {
  /** A framework item id the paragraph references explicitly (mention kind 'norm'), e.g. 13c. */
  normId?: string | undefined;
  /** With normId: also the paragraphs that match the norm's topic by keywords (mention kind 'norm-topic'). */
  normTopics?: boolean | undefined;
  /** A document symbol the paragraph cites, in full (A/RES/74/247). */
  symbol?: string | undefined;
}

export type CitingHit = SearchHit & SnippetEdges;

export interface CitingParagraphs extends SearchResult {
  hits: CitingHit[];
}

function conditionsOf(target: CitedTarget, f: SearchFilters): SQL[] {
  const out: SQL[] = [sql`d.is_current`];
  if (target.symbol)
    out.push(
      sql`EXISTS (SELECT 1 FROM document_citations c WHERE c.paragraph_id = p.id AND c.target_symbol = ${target.symbol})`,
    );
  if (target.normId) out.push(paragraphMentions(normMentionKinds(target.normTopics), target.normId));
  return [...out, ...documentFilterConditions(f)];
}

/** The text the detector matched for what was asked (the symbol, the norm, the State), to mark in the snippet. */
function matchedText(target: CitedTarget, f: SearchFilters): SQL {
  const parts: SQL[] = [];
  if (target.symbol)
    parts.push(
      sql`(SELECT c.matched_text FROM document_citations c WHERE c.paragraph_id = p.id AND c.target_symbol = ${target.symbol} LIMIT 1)`,
    );
  for (const [kind, id] of [
    ["norm", target.normId ?? f.norm],
    ["state", f.state],
  ] as const)
    if (id)
      parts.push(
        sql`(SELECT m.matched_text FROM paragraph_mentions m WHERE m.paragraph_id = p.id AND m.kind::text LIKE ${`${kind}%`}
              AND m.target_id = ${id} ORDER BY m.kind::text LIMIT 1)`,
      );
  return parts.length ? sql`coalesce(${sql.join(parts, sql`, `)})` : sql`NULL::text`;
}

/**
 * The paragraphs that cite the target and pass the filters, newest document first and each document's in their order;
 * grouped like the search (page.perDocument), at most that many of each document are paged through, the rest counted.
 */
export async function listCitingParagraphs(
  db: Db,
  target: CitedTarget,
  filters: SearchFilters,
  page: SearchPage,
): Promise<CitingParagraphs> {
  const perDocument = page.perDocument && !filters.document ? page.perDocument : null;
  const rows = await queryRows<{
    total: number;
    documents: number;
    pageable: number;
    slug: string | null;
    symbol: string | null;
    title: string;
    type: DocumentType;
    date: string | null;
    language: string;
    anchor: string;
    label: string;
    text: string;
    matched: string | null;
    in_document: number;
  }>(
    db,
    sql`WITH found AS MATERIALIZED (
          SELECT p.id, p.position, d.id AS document_id, d.slug, d.language, d.document_date,
                 row_number() OVER (PARTITION BY d.id ORDER BY p.position) AS n,
                 count(*) OVER (PARTITION BY d.id) AS in_document
          FROM document_paragraphs p JOIN documents d ON d.id = p.document_id
          WHERE ${sql.join(conditionsOf(target, filters), sql` AND `)}
        ), counts AS (
          SELECT count(*)::int AS total, count(DISTINCT document_id)::int AS documents,
                 (count(*) FILTER (WHERE ${perDocument ? sql`n <= ${perDocument}` : sql`true`}))::int AS pageable
          FROM found
        ), page AS (
          SELECT * FROM found WHERE ${perDocument ? sql`n <= ${perDocument}` : sql`true`}
          ORDER BY document_date DESC NULLS LAST, slug, language, position
          LIMIT ${page.limit} OFFSET ${page.offset}
        )
        SELECT counts.total, counts.documents, counts.pageable, d.slug, d.symbol, d.title, d.type::text AS type,
               d.document_date::text AS date, d.language, p.anchor, p.label, p.text, page.in_document::int AS in_document,
               ${matchedText(target, filters)} AS matched
        FROM counts LEFT JOIN page ON true
          LEFT JOIN document_paragraphs p ON p.id = page.id LEFT JOIN documents d ON d.id = page.document_id
        ORDER BY page.document_date DESC NULLS LAST, page.slug, page.language, page.position`,
  );
  const counts = rows[0] ?? { total: 0, documents: 0, pageable: 0 };
  return {
    total: counts.total,
    documents: counts.documents,
    pageable: counts.pageable,
    isEmptyQuery: false,
    hits: rows
      .filter((r) => r.slug !== null)
      .map((r) => ({
        slug: r.slug!,
        symbol: r.symbol,
        title: r.title,
        type: r.type,
        date: r.date,
        language: r.language,
        anchor: r.anchor,
        label: r.label,
        rank: 0,
        inDocument: r.in_document,
        ...citationSnippet(r.text, r.matched),
      })),
  };
}

/** The text of each current paragraph asked for, keyed by paragraphKey. */
export async function listParagraphTexts(
  db: Db,
  paragraphs: { slug: string; language: string; anchor: string }[],
): Promise<Map<string, string>> {
  if (paragraphs.length === 0) return new Map();
  const keys = sql.join(
    paragraphs.map((k) => sql`(${k.slug}, ${k.language}, ${k.anchor})`),
    sql`, `,
  );
  const rows = await queryRows<{ slug: string; language: string; anchor: string; text: string }>(
    db,
    sql`SELECT d.slug, d.language, p.anchor, p.text
        FROM document_paragraphs p JOIN documents d ON d.id = p.document_id AND d.is_current
        WHERE (d.slug, d.language, p.anchor) IN (${keys})`,
  );
  return new Map(rows.map((r) => [paragraphKey(r), r.text]));
}

export function paragraphKey(p: { slug: string; language: string; anchor: string }): string {
  return `${p.language} ${p.anchor} ${p.slug}`;
}
