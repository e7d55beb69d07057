// Runs a search from user input: an empty or wordless query gets a helpful message instead of an error.
import type { Db } from "../db/client.js";
import { searchParagraphs } from "../db/search.js";
import type { SearchFilters, SearchPage, SearchResult } from "../domain/search.js";

export interface SearchAnswer extends SearchResult {
  query: string;
  /** Tells the reader what to do when there is nothing to show. */
  message: string | null;
}

export async function runSearch(
  db: Db,
  rawQuery: string,
  filters: SearchFilters,
  page: SearchPage,
): Promise<SearchAnswer> {
  // Control characters (NUL among them) cannot reach PostgreSQL text and never carry meaning in a query.
  const query = rawQuery.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (!query)
    return {
      query,
      total: 0,
      documents: 0,
      pageable: 0,
      hits: [],
      isEmptyQuery: true,
      message: 'Type words to search every paragraph, e.g. critical infrastructure, or "ad hoc committee".',
    };
  const result = await searchParagraphs(db, query, filters, page);
  if (result.isEmptyQuery)
    return {
      ...result,
      query,
      message: 'The query has only very common words (such as "the" or "of") or punctuation; add a more specific word.',
    };
  if (result.total === 0)
    return { ...result, query, message: "No paragraph matches. Try fewer words, another spelling, or remove filters." };
  return { ...result, query, message: null };
}
