// What a paragraph search takes and gives: filters, ranked hits with highlighted snippets as plain text.
import type { DocumentType } from "./vocabulary.js";

export interface SearchFilters {
  type?: DocumentType | undefined;
  processId?: string | undefined;
  gaSession?: number | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  language?: string | undefined;
  /** ISO3 of a State the paragraph names. */
  state?: string | undefined;
  /** Framework item id of a norm the paragraph references explicitly, or (with normTopics) by topic. */
  norm?: string | undefined;
  normTopics?: boolean | undefined;
  /** Only the paragraphs of this document (its slug, e.g. A/RES/77/37). */
  document?: string | undefined;
}

/** How a page of results is cut: paragraph by paragraph, or at most `perDocument` paragraphs of each document. */
export interface SearchPage {
  limit: number;
  offset: number;
  /** Group by document: its best paragraphs together, the rest counted ("12 paragraphs in A/RES/77/37"). */
  perDocument?: number | undefined;
}

/** A highlighted snippet as plain text segments; `match` marks the words that matched. Never HTML. */
export type Snippet = { text: string; match: boolean }[];

export interface SearchHit {
  slug: string;
  symbol: string | null;
  title: string;
  type: DocumentType;
  date: string | null;
  language: string;
  anchor: string;
  label: string;
  rank: number;
  snippet: Snippet;
  /** How many paragraphs of this hit's document match (every paragraph counted, shown or not). */
  inDocument: number;
}

export interface SearchResult {
  /** Matching paragraphs. */
  total: number;
  /** Documents with a matching paragraph. */
  documents: number;
  /** Rows the pages go through: `total`, or with grouping the paragraphs shown (at most perDocument per document). */
  pageable: number;
  hits: SearchHit[];
  /** The query has no searchable words (only stop words or punctuation). */
  isEmptyQuery: boolean;
}
