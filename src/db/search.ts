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

/** Per-configuration match, OR-ed, so each branch can use the GIN index; config names are from our own list. */
function matchCondition(q: string, configs: readonly string[]): SQL {
  const branches = configs.map(
    (c) => sql`(p.search_config = ${c} AND p.tsv @@ websearch_to_tsquery(${sql.raw(`'${c}'`)}::regconfig, ${q}))`,
  );
  return sql`(${sql.join(branches, sql` OR `)})`;
}

/** The configuration ts_headline parses each paragraph with: a constant when only one is searched. */
function headlineConfig(configs: readonly string[]): SQL {
  return configs.length === 1 ? sql.raw(`'${configs[0]}'::regconfig`) : sql`p.search_config::regconfig`;
}

function queryFor(q: string, configs: readonly string[]): SQL {
  if (configs.length === 1) return sql`websearch_to_tsquery(${sql.raw(`'${configs[0]}'`)}::regconfig, ${q})`;
  const cases = configs.map((c) => sql`WHEN ${c} THEN websearch_to_tsquery(${sql.raw(`'${c}'`)}::regconfig, ${q})`);
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

function filterConditions(f: SearchFilters): SQL[] {
  const out: SQL[] = [searchedRows(f).current];
  if (f.type) out.push(sql`d.type = ${f.type}`);
  if (f.processId) out.push(sql`d.process_id = ${f.processId}`);
  if (f.gaSession) out.push(sql`d.ga_session = ${f.gaSession}`);
  if (f.dateFrom) out.push(sql`d.document_date >= ${f.dateFrom}`);
  if (f.dateTo) out.push(sql`d.document_date <= ${f.dateTo}`);
  if (f.language) out.push(sql`d.language = ${f.language}`);
  if (f.document) out.push(sql`d.slug = ${f.document}`);
  if (f.state)
    out.push(
      sql`EXISTS (SELECT 1 FROM paragraph_mentions m WHERE m.paragraph_id = p.id AND m.kind = 'state' AND m.target_id = ${f.state})`,
    );
  if (f.norm) {
    const kinds = f.normTopics ? sql`m.kind IN ('norm', 'norm-topic')` : sql`m.kind = 'norm'`;
    out.push(
      sql`EXISTS (SELECT 1 FROM paragraph_mentions m WHERE m.paragraph_id = p.id AND ${kinds} AND m.target_id = ${f.norm})`,
    );
  }
  return out;
}

const EMPTY: Omit<SearchResult, "isEmptyQuery"> = { total: 0, documents: 0, pageable: 0, hits: [] };

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
  const where = sql.join([matchCondition(q, configs), ...filterConditions(filters)], sql` AND `);
  const from = searchedRows(filters).from;
  // Grouped: each document's paragraphs numbered by rank, the document placed by its best one; only the first
  // perDocument of each are paged through, the others counted.
  const perDocument = page.perDocument && !filters.document ? page.perDocument : null;
  const rows = await queryRows<
    Omit<SearchHit, "snippet" | "date"> & {
      date: string | null;
      headline: string;
      total: number;
      documents: number;
      pageable: number;
    }
  >(
    db,
    sql`WITH hits AS (
          SELECT p.id, p.document_id, ts_rank_cd(p.tsv, ${queryFor(q, configs)}, 4) AS rank
          FROM ${from}
          WHERE ${where}
        ), numbered AS (
          SELECT id, rank,
                 row_number() OVER (PARTITION BY document_id ORDER BY rank DESC, id) AS n,
                 count(*) OVER (PARTITION BY document_id) AS in_document,
                 ${perDocument ? sql`max(rank) OVER (PARTITION BY document_id)` : sql`rank`} AS place, document_id
          FROM hits
        ), shown AS (
          SELECT * FROM numbered ${perDocument ? sql`WHERE n <= ${perDocument}` : sql``}
        ), page AS (
          SELECT id, rank, place, n, in_document, document_id,
                 (SELECT count(*) FROM hits)::int AS total,
                 (SELECT count(DISTINCT document_id) FROM hits)::int AS documents,
                 ${perDocument ? sql`(SELECT count(*) FROM shown)::int` : sql`(SELECT count(*) FROM hits)::int`} AS pageable
          FROM shown ORDER BY place DESC, document_id, n, id LIMIT ${page.limit} OFFSET ${page.offset}
        )
        SELECT d.slug, d.symbol, d.title, d.type, d.document_date::text AS date, d.language, p.anchor, p.label, page.rank::float8 AS rank,
               page.in_document::int AS "inDocument", page.total, page.documents, page.pageable,
               ts_headline(${headlineConfig(configs)}, ${HEADLINE_TEXT}, ${queryFor(q, configs)}, ${HEADLINE_OPTIONS}) AS headline
        FROM page JOIN document_paragraphs p ON p.id = page.id JOIN documents d ON d.id = p.document_id
        ORDER BY page.place DESC, page.document_id, page.n, page.id`,
  );
  // Only an answer without hits needs to know whether the query had any searchable word at all.
  if (rows.length === 0 && !(await hasSearchableWords(db, q, filters.language)))
    return { ...EMPTY, isEmptyQuery: true };
  const counts =
    rows[0] ??
    (page.offset > 0 ? await countHits(db, from, where, perDocument) : { total: 0, documents: 0, pageable: 0 });
  return {
    total: counts.total,
    documents: counts.documents,
    pageable: counts.pageable,
    isEmptyQuery: false,
    hits: rows.map(({ headline, total: _t, documents: _d, pageable: _p, ...hit }) => ({
      ...hit,
      snippet: toSnippet(hit.language === "zh" ? joinChineseWords(headline) : headline),
    })),
  };
}

/** The counts of a page past the last hit (the page itself had no row to carry them). */
async function countHits(
  db: Db,
  from: SQL,
  where: SQL,
  perDocument: number | null,
): Promise<{ total: number; documents: number; pageable: number }> {
  const [row] = await queryRows<{ total: number; documents: number; shown: number }>(
    db,
    sql`WITH per AS (SELECT p.document_id, count(*) AS c FROM ${from} WHERE ${where} GROUP BY p.document_id)
        SELECT coalesce(sum(c), 0)::int AS total, count(*)::int AS documents, coalesce(sum(least(c, ${perDocument ?? 1_000_000})), 0)::int AS shown FROM per`,
  );
  return {
    total: row?.total ?? 0,
    documents: row?.documents ?? 0,
    pageable: perDocument ? (row?.shown ?? 0) : (row?.total ?? 0),
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
