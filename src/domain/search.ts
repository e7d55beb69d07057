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
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** The query has no searchable words (only stop words or punctuation). */
  isEmptyQuery: boolean;
}
