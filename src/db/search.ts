// Ranked paragraph-level full-text search: websearch syntax per language configuration, filters, safe highlights, pagination.
import { sql, type SQL } from "drizzle-orm";
import type { SearchFilters, SearchHit, SearchPage, SearchResult, Snippet } from "../domain/search.js";
import { SEARCH_CONFIGS } from "../domain/vocabulary.js";
import { foldInvisibleCharacters, searchConfigOf } from "../domain/documents.js";
import { joinChineseWords, searchQueryOf } from "../domain/search-text.js";
import { queryRows, type Db } from "./client.js";
import { getDataVersion } from "./data-version.js";

// Private-use characters never stored in text (cleanText removes them), so they can only come from ts_headline.
const START = "\ue000";
const STOP = "\ue001";
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=40, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const ALL_CONFIGS = [...Object.values(SEARCH_CONFIGS), "simple"] as const;

/** The stored documents' languages per database handle, kept while the data version (data-version.ts) holds. */
const storedLanguages = new WeakMap<object, { languages: string[]; version: number }>();

/**
 * The configurations a search without a language filter must look at: those of the current documents'
 * languages (one for the usual English-only corpus, so one index scan instead of one per configuration).
 * Kept per database handle until the data version moves, so an ingest on any app server is seen at once
 * (issue 18); an ingest in this process also forgets it.
 */
async function storedConfigs(db: Db): Promise<string[]> {
  const version = await getDataVersion(db);
  let cached = storedLanguages.get(db);
  if (!cached || cached.version !== version) {
    const rows = await queryRows<{ language: string }>(
      db,
      sql`SELECT DISTINCT language FROM documents WHERE is_current`,
    );
    cached = { languages: rows.map((r) => r.language), version };
    storedLanguages.set(db, cached);
  }
  return [...new Set(cached.languages.map(searchConfigOf))]
    .filter((c) => (ALL_CONFIGS as readonly string[]).includes(c))
    .sort();
}

/** Called after documents are stored or removed, so the next search sees their languages. */
export function forgetStoredLanguages(db: Db): void {
  storedLanguages.delete(db);
}

/** Whether the query has a searchable word in the filter's language (English, the corpus's main language, without one). */
async function hasSearchableWords(db: Db, q: string, language?: string): Promise<boolean> {
  const config = language ? searchConfigOf(language) : "english";
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT numnode(websearch_to_tsquery(${sql.raw(`'${config}'`)}::regconfig, ${q})) AS n`,
  );
  return (row?.n ?? 0) > 0;
}

/** The query in one configuration, a literal from our own list so the planner sees it (and a partial index's predicate). */
function tsqueryIn(config: string, q: string): SQL {
  return sql`websearch_to_tsquery(${sql.raw(`'${config}'`)}::regconfig, ${q})`;
}

/**
 * The matching paragraphs with their rank: one branch per configuration, so each is matched and ranked with its own
 * query (no per-row choice of query) and its index scan only reads paragraphs of that configuration.
 */
function hitsQuery(q: string, configs: readonly string[], f: SearchFilters): SQL {
  const { from } = searchedRows(f);
  const filters = filterConditions(f);
  const branches = configs.map(
    (c) =>
      sql`SELECT p.id, p.document_id, ts_rank_cd(p.tsv, ${tsqueryIn(c, q)}, 4) AS rank FROM ${from}
          WHERE ${sql.join([sql`p.search_config = ${sql.raw(`'${c}'`)}`, sql`p.tsv @@ ${tsqueryIn(c, q)}`, ...filters], sql` AND `)}`,
  );
  return sql.join(branches, sql` UNION ALL `);
}

/** The configuration ts_headline parses each paragraph with: a constant when only one is searched. */
function headlineConfig(configs: readonly string[]): SQL {
  return configs.length === 1 ? sql.raw(`'${configs[0]}'::regconfig`) : sql`p.search_config::regconfig`;
}

/** The query ts_headline marks in a paragraph: that of the paragraph's configuration. */
function headlineQuery(q: string, configs: readonly string[]): SQL {
  if (configs.length === 1) return tsqueryIn(configs[0]!, q);
  const cases = configs.map((c) => sql`WHEN ${sql.raw(`'${c}'`)} THEN ${tsqueryIn(c, q)}`);
  return sql`CASE p.search_config ${sql.join(cases, sql` `)} END`;
}

/** Filters on the document itself need the documents table; the others look at the paragraph only. */
function needsDocumentJoin(f: SearchFilters): boolean {
  return Boolean(f.type || f.processId || f.gaSession || f.dateFrom || f.dateTo || f.language || f.document);
}

/**
 * The rows a search looks at. Without document filters the join is left out: older versions are excluded by
 * their ids instead (an index lookup for the few non-current documents, then a check per matching row),
 * which spares joining every match of a broad query to its document.
 */
function searchedRows(f: SearchFilters): { from: SQL; current: SQL } {
  return needsDocumentJoin(f)
    ? { from: sql`document_paragraphs p JOIN documents d ON d.id = p.document_id`, current: sql`d.is_current` }
    : {
        from: sql`document_paragraphs p`,
        current: sql`p.document_id <> ALL (ARRAY(SELECT id FROM documents WHERE NOT is_current))`,
      };
}

/** A paragraph (alias p) mentions a target of these kinds (kinds: a condition on alias m). */
export function paragraphMentions(kinds: SQL, target: string): SQL {
  return sql`EXISTS (SELECT 1 FROM paragraph_mentions m WHERE m.paragraph_id = p.id AND ${kinds} AND m.target_id = ${target})`;
}

/** The mention kinds a norm filter reads: explicit citations, and topic matches when asked for. */
export function normMentionKinds(withTopics: boolean | undefined): SQL {
  return withTopics ? sql`m.kind IN ('norm', 'norm-topic')` : sql`m.kind = 'norm'`;
}

/** The filters' conditions on a paragraph (alias p) and its document (alias d), besides what is searched. */
export function documentFilterConditions(f: SearchFilters): SQL[] {
  const out: SQL[] = [];
  if (f.type) out.push(sql`d.type = ${f.type}`);
  if (f.processId) out.push(sql`d.process_id = ${f.processId}`);
  if (f.gaSession) out.push(sql`d.ga_session = ${f.gaSession}`);
  if (f.dateFrom) out.push(sql`d.document_date >= ${f.dateFrom}`);
  if (f.dateTo) out.push(sql`d.document_date <= ${f.dateTo}`);
  if (f.language) out.push(sql`d.language = ${f.language}`);
  if (f.document) out.push(sql`d.slug = ${f.document}`);
  if (f.state) out.push(paragraphMentions(sql`m.kind = 'state'`, f.state));
  if (f.norm) out.push(paragraphMentions(normMentionKinds(f.normTopics), f.norm));
  return out;
}

function filterConditions(f: SearchFilters): SQL[] {
  return [searchedRows(f).current, ...documentFilterConditions(f)];
}

const EMPTY: Omit<SearchResult, "isEmptyQuery"> = { total: 0, documents: 0, pageable: 0, hits: [] };

/**
 * The page's rows and the counts, from the matches ranked once: per document its best rank ("place") and number of
 * matches, aggregated in one pass; the counts from those; the page picked from them. Grouped, each document
 * contributes its first perDocument paragraphs by rank, documents ordered by place, so the rows before a document are
 * known from the documents ahead of it and only the paged documents' paragraphs are numbered. Counts come on every
 * row, and on a single row without a hit when the page is past the end.
 */
function pageQuery(hits: SQL, page: SearchPage, perDocument: number | null): SQL {
  const { limit, offset } = page;
  const paged = perDocument
    ? sql`placed AS (
            SELECT document_id, place, in_document,
                   sum(least(in_document, ${perDocument})) OVER (ORDER BY place DESC, document_id ROWS UNBOUNDED PRECEDING)
                     - least(in_document, ${perDocument}) AS before
            FROM docs
          ), paged_docs AS (
            SELECT * FROM placed WHERE before < ${offset + limit} AND before + least(in_document, ${perDocument}) > ${offset}
          ), numbered AS (
            SELECT h.id, h.rank, h.document_id, pd.in_document, pd.before,
                   row_number() OVER (PARTITION BY h.document_id ORDER BY h.rank DESC, h.id) AS n
            FROM hits h JOIN paged_docs pd ON pd.document_id = h.document_id
          ), page AS (
            SELECT id, rank, in_document, before + n - 1 AS position FROM numbered
            WHERE n <= ${perDocument} AND before + n - 1 >= ${offset} AND before + n - 1 < ${offset + limit}
          )`
    : sql`top AS (
            SELECT id, rank, document_id FROM hits ORDER BY rank DESC, document_id, id LIMIT ${limit} OFFSET ${offset}
          ), page AS (
            SELECT t.id, t.rank, docs.in_document, row_number() OVER (ORDER BY t.rank DESC, t.document_id, t.id) AS position
            FROM top t JOIN docs ON docs.document_id = t.document_id
          )`;
  return sql`WITH hits AS MATERIALIZED (${hits}),
          docs AS (SELECT document_id, max(rank) AS place, count(*) AS in_document FROM hits GROUP BY document_id),
          counts AS (
            SELECT coalesce(sum(in_document), 0)::int AS total, count(*)::int AS documents,
                   ${perDocument ? sql`coalesce(sum(least(in_document, ${perDocument})), 0)::int` : sql`coalesce(sum(in_document), 0)::int`} AS pageable
            FROM docs
          ), ${paged}
        SELECT page.id, page.rank, page.in_document, page.position, counts.total, counts.documents, counts.pageable
        FROM counts LEFT JOIN page ON true`;
}

export async function searchParagraphs(
  db: Db,
  query: string,
  filters: SearchFilters,
  page: SearchPage,
): Promise<SearchResult> {
  // A phrase pasted from a PDF may carry a soft hyphen or a ligature; stored text has none (cleanText).
  // Arabic spelling variants folded and Chinese split into words, as the stored text is (domain/search-text.ts).
  const q = searchQueryOf(foldInvisibleCharacters(query));
  const configs = filters.language ? [searchConfigOf(filters.language)] : await storedConfigs(db);
  if (configs.length === 0) return { ...EMPTY, isEmptyQuery: !(await hasSearchableWords(db, q, filters.language)) };
  // Grouped: each document's paragraphs ordered by rank, the document placed by its best one; only the first
  // perDocument of each are paged through, the others counted.
  const perDocument = page.perDocument && !filters.document ? page.perDocument : null;
  const rows = await queryRows<
    Omit<SearchHit, "snippet" | "date"> & {
      date: string | null;
      headline: string | null;
      total: number;
      documents: number;
      pageable: number;
    }
  >(
    db,
    sql`WITH result AS (${pageQuery(hitsQuery(q, configs, filters), page, perDocument)})
        SELECT d.slug, d.symbol, d.title, d.type, d.document_date::text AS date, d.language, p.anchor, p.label,
               result.rank::float8 AS rank, result.in_document::int AS "inDocument", result.total, result.documents, result.pageable,
               CASE WHEN p.id IS NOT NULL THEN ts_headline(${headlineConfig(configs)}, ${HEADLINE_TEXT}, ${headlineQuery(q, configs)}, ${HEADLINE_OPTIONS}) END AS headline
        FROM result LEFT JOIN document_paragraphs p ON p.id = result.id LEFT JOIN documents d ON d.id = p.document_id
        ORDER BY result.position`,
  );
  const counts = rows[0] ?? { total: 0, documents: 0, pageable: 0 };
  // Only an answer without matches needs to know whether the query had any searchable word at all.
  if (counts.total === 0 && !(await hasSearchableWords(db, q, filters.language)))
    return { ...EMPTY, isEmptyQuery: true };
  return {
    total: counts.total,
    documents: counts.documents,
    pageable: counts.pageable,
    isEmptyQuery: false,
    hits: rows
      .filter((r) => r.headline !== null)
      .map(({ headline, total: _t, documents: _d, pageable: _p, ...hit }) => ({
        ...hit,
        snippet: toSnippet(hit.language === "zh" ? joinChineseWords(headline!) : headline!),
      })),
  };
}

/**
 * The text ts_headline marks: Chinese paragraphs as indexed (split into words, so the matched words can be marked; the
 * spaces are taken out again by joinChineseWords), every other paragraph as written (Arabic shows its own spelling,
 * not the normalised one).
 */
const HEADLINE_TEXT = sql`CASE WHEN d.language = 'zh' THEN coalesce(p.search_text, p.text) ELSE p.text END`;

/** Splits ts_headline output at the private-use markers into plain text segments. */
export function toSnippet(headline: string): Snippet {
  const out: Snippet = [];
  let match = false;
  for (const part of headline.split(/([\ue000\ue001])/)) {
    if (part === START) match = true;
    else if (part === STOP) match = false;
    else if (part) out.push({ text: part, match });
  }
  return out;
}
