// The records the search box finds besides paragraphs (issue 17): States, organisations, processes, sessions, norms
// and CBMs, resolutions, votes and documents whose codes, names or titles hold every word typed. Parameterised SQL
// (LIKE with escaped wildcards, accents folded in the small reference tables); scoring and ordering are in
// domain/find-records.ts.
import { sql, type SQL } from "drizzle-orm";
import {
  foldText,
  likePattern,
  orderRecordKinds,
  parseRecordQuery,
  rankRecords,
  RECORD_KINDS,
  scoreRecords,
  SHORT_WORD_LENGTH,
  wordStartPattern,
  type FoundRecord,
  type RecordCandidate,
  type RecordKind,
  type RecordQuery,
  voteRecordLabel,
  voteRecordTitle,
} from "../domain/find-records.js";
import { documentPath, LANGUAGE_NAMES } from "../domain/documents.js";
import { formatPartialDate, type PartialDate } from "../domain/partial-date.js";
import { symbolPath } from "../domain/resolution.js";
import { voteEventLabel, voteEventPath } from "../domain/votes.js";
import { UN_REGIONAL_GROUP_LABELS, type UnRegionalGroup } from "../domain/vocabulary.js";
import type { DatePrecision } from "../domain/vocabulary.js";
import { queryRows, type Db } from "./client.js";

/** One kind's answer: how many records match, and the requested slice of them, best first. */
export interface RecordKindResult {
  kind: RecordKind;
  total: number;
  /** The score of the kind's best match (for votes and documents: of the first in their order). */
  best: number;
  records: FoundRecord[];
}

export interface RecordSearch {
  query: RecordQuery;
  /** Kinds with at least one match (and the asked-for kind, even without), the best-matching kind first. */
  kinds: RecordKindResult[];
}

export interface RecordSearchOptions {
  /** Only this kind's records are returned (the others are counted). */
  kind?: RecordKind;
  /** How many records of each returned kind, from `offset` in that kind's order. */
  limit: number;
  offset?: number;
}

// Accented letters folded to plain ones in SQL as domain foldText does in JS (lower() alone is ASCII-only under the C
// collation PGlite uses); typographic apostrophes become straight ones.
const FOLD_PAIRS: [string, string][] = [
  ["ÀÁÂÃÄÅàáâãäå", "aaaaaaaaaaaa"],
  ["ÇçČčĆć", "cccccc"],
  ["ÈÉÊËèéêëĚě", "eeeeeeeeee"],
  ["ÌÍÎÏìíîïİı", "iiiiiiiiii"],
  ["ÑñŃń", "nnnn"],
  ["ÒÓÔÕÖØòóôõöø", "oooooooooooo"],
  ["ÙÚÛÜùúûüŮů", "uuuuuuuuuu"],
  ["ÝýÿŸ", "yyyy"],
  ["ŠšŞşŚś", "ssssss"],
  ["ŽžŹźŻż", "zzzzzz"],
  ["Ğğ", "gg"],
  ["Řř", "rr"],
  ["\u2018\u2019", "''"],
];
const FOLD_FROM = FOLD_PAIRS.map(([from]) => from).join("");
const FOLD_TO = FOLD_PAIRS.map(([, to]) => to).join("");

/** Our own constants as SQL string literals (not parameters: the same two strings would be sent for every column). */
const FOLD_ARGUMENTS = sql.raw([FOLD_FROM, FOLD_TO].map((s) => `'${s.replace(/'/g, "''")}'`).join(", "));

function folded(expression: SQL): SQL {
  return sql`lower(translate(coalesce(${expression}, ''), ${FOLD_ARGUMENTS}))`;
}

/** A word anywhere in the text, or a short word at the start of a word in it (`~*`: a regular expression, any case). */
function wordIn(text: SQL, word: string, operator: "LIKE" | "ILIKE"): SQL {
  if (word.length <= SHORT_WORD_LENGTH) return sql`${text} ~* ${wordStartPattern(word)}`;
  return operator === "LIKE" ? sql`${text} LIKE ${likePattern(word)}` : sql`${text} ILIKE ${likePattern(word)}`;
}

/** Every word is in at least one of the columns (accents and case ignored); false without words. */
function allWordsIn(query: RecordQuery, columns: SQL[]): SQL {
  if (query.words.length === 0) return sql`false`;
  const perWord = query.words.map(
    (w) =>
      sql`(${sql.join(
        columns.map((c) => wordIn(folded(c), w, "LIKE")),
        sql` OR `,
      )})`,
  );
  return sql.join(perWord, sql` AND `);
}

/** "A/RES/74/247" → "74/247", the short form readers type. */
function shortSymbol(symbol: string | null): string | null {
  return symbol ? (/^A\/RES\/(.+)$/.exec(symbol)?.[1] ?? null) : null;
}

function dated(date: string | null, precision: DatePrecision | null): string | null {
  return date && precision ? formatPartialDate({ date, precision } as PartialDate) : null;
}

function joinDetail(parts: (string | null | undefined)[]): string | null {
  const kept = parts.filter((p): p is string => !!p);
  return kept.length ? kept.join(" · ") : null;
}

/** A State's names in the other UN languages (state_names: French, Spanish, Russian, Arabic, Chinese), as one text. */
const OTHER_NAMES = sql`(SELECT string_agg(n.name || ' ' || n.official_name, ' ') FROM state_names n WHERE n.state_iso3 = s.iso3)`;

async function stateCandidates(db: Db, q: RecordQuery): Promise<RecordCandidate[]> {
  const code = /^[a-z]{2,3}$/.test(q.text) ? q.text.toUpperCase() : null;
  const rows = await queryRows<{
    iso3: string;
    iso2: string;
    name: string;
    official_name: string;
    un_regional_group: UnRegionalGroup | null;
    un_status: string;
    un_ga_names: string[];
    also_known_as: string[];
    other_names: string[] | null;
  }>(
    db,
    sql`SELECT s.iso3, s.iso2, s.name, s.official_name, s.un_regional_group, s.un_status, s.un_ga_names, s.also_known_as,
               (SELECT array_agg(x ORDER BY x) FROM state_names n, unnest(ARRAY[n.name, n.official_name]) AS x
                 WHERE n.state_iso3 = s.iso3) AS other_names
        FROM states s
        WHERE ${allWordsIn(q, [
          sql`s.name`,
          sql`s.official_name`,
          sql`s.iso3`,
          sql`array_to_string(s.un_ga_names, ' ')`,
          sql`array_to_string(s.also_known_as, ' ')`,
          OTHER_NAMES,
        ])}
           OR s.iso3 = ${code} OR s.iso2 = ${code}
        ORDER BY s.name`,
  );
  return rows.map((r) => {
    const english = [r.name, r.official_name, ...r.un_ga_names];
    // Found by another name ("UK", "Holy See (Vatican City State)", "Allemagne"): that name is shown too.
    const isFoundInEnglish = q.words.every((w) => english.some((n) => foldText(n).includes(w)));
    const otherName = isFoundInEnglish
      ? undefined
      : [...r.also_known_as, ...(r.other_names ?? [])].find((n) => q.words.every((w) => foldText(n).includes(w)));
    return {
      kind: "state",
      id: r.iso3,
      label: r.name,
      detail: joinDetail([
        r.official_name !== r.name ? r.official_name : null,
        otherName,
        r.iso3,
        r.un_regional_group ? UN_REGIONAL_GROUP_LABELS[r.un_regional_group] : null,
        r.un_status === "observer" ? "non-member observer State" : null,
      ]),
      path: `/states/${r.iso3}`,
      keys: [r.iso3, r.iso2],
      names: [...english, ...r.also_known_as, ...(r.other_names ?? [])],
    };
  });
}

async function organizationCandidates(db: Db, q: RecordQuery): Promise<RecordCandidate[]> {
  const rows = await queryRows<{ id: string; name: string; abbreviation: string | null; classification: string }>(
    db,
    sql`SELECT id, name, abbreviation, classification::text AS classification FROM organizations
        WHERE ${allWordsIn(q, [sql`name`, sql`abbreviation`, sql`id`])}
        ORDER BY name`,
  );
  return rows.map((r) => ({
    kind: "organization",
    id: r.id,
    label: r.name,
    detail: joinDetail([r.abbreviation, r.classification]),
    path: `/organizations/${encodeURIComponent(r.id)}`,
    keys: [r.id, ...(r.abbreviation ? [r.abbreviation] : [])],
    names: [r.name],
  }));
}

async function processCandidates(db: Db, q: RecordQuery): Promise<RecordCandidate[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    short_name: string;
    start_date: string;
    start_precision: DatePrecision;
    end_date: string | null;
    end_precision: DatePrecision | null;
  }>(
    db,
    sql`SELECT id, name, short_name, start_date::text AS start_date, start_precision::text AS start_precision,
               end_date::text AS end_date, end_precision::text AS end_precision
        FROM processes
        WHERE ${allWordsIn(q, [sql`name`, sql`short_name`, sql`id`, sql`mandating_resolutions`, sql`final_reports`])}
        ORDER BY start_date, id`,
  );
  return rows.map((r) => ({
    kind: "process",
    id: r.id,
    label: r.short_name,
    detail: joinDetail([r.name, periodOf(r.start_date, r.start_precision, r.end_date, r.end_precision)]),
    path: `/processes/${encodeURIComponent(r.id)}`,
    keys: [r.id],
    names: [r.name, r.short_name],
  }));
}

function periodOf(
  start: string | null,
  startPrecision: DatePrecision | null,
  end: string | null,
  endPrecision: DatePrecision | null,
): string | null {
  const from = dated(start, startPrecision);
  const to = dated(end, endPrecision);
  if (!from) return to;
  return to && to !== from ? `${from} – ${to}` : from;
}

async function sessionCandidates(db: Db, q: RecordQuery): Promise<RecordCandidate[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    process_short_name: string;
    venue: string | null;
    start_date: string | null;
    start_precision: DatePrecision | null;
    end_date: string | null;
    end_precision: DatePrecision | null;
  }>(
    db,
    sql`SELECT s.id, s.name, p.short_name AS process_short_name, s.venue,
               s.start_date::text AS start_date, s.start_precision::text AS start_precision,
               s.end_date::text AS end_date, s.end_precision::text AS end_precision
        FROM sessions s JOIN processes p ON p.id = s.process_id
        WHERE ${allWordsIn(q, [sql`s.name`, sql`s.id`, sql`p.short_name`, sql`p.name`])}
        ORDER BY s.start_date NULLS LAST, s.id`,
  );
  return rows.map((r) => ({
    kind: "session",
    id: r.id,
    label: r.name,
    detail: joinDetail([
      r.process_short_name,
      periodOf(r.start_date, r.start_precision, r.end_date, r.end_precision),
      r.venue,
    ]),
    path: `/sessions/${encodeURIComponent(r.id)}`,
    keys: [r.id],
    names: [r.name],
  }));
}

async function frameworkItemCandidates(db: Db, q: RecordQuery): Promise<RecordCandidate[]> {
  const rows = await queryRows<{
    id: string;
    code: string;
    short_title: string;
    reference: string | null;
    framework_name: string;
    framework_kind: string;
  }>(
    db,
    sql`SELECT i.id, i.code, i.short_title, i.reference, f.name AS framework_name, f.kind::text AS framework_kind
        FROM framework_items i JOIN frameworks f ON f.id = i.framework_id
        WHERE ${allWordsIn(q, [sql`i.code`, sql`i.id`, sql`i.short_title`, sql`i.reference`, sql`f.name`])}
           OR i.id = ${q.normId}
        ORDER BY f.kind, f.id, i.position`,
  );
  return rows.map((r) => ({
    kind: r.framework_kind === "norms" ? "norm" : "cbm",
    id: r.id,
    label: `${r.code} ${r.short_title}`,
    detail: joinDetail([r.framework_name, r.reference]),
    path: `/norms/${encodeURIComponent(r.id)}`,
    keys: [r.id, r.code],
    names: [r.short_title],
  }));
}

async function resolutionCandidates(db: Db, q: RecordQuery): Promise<RecordCandidate[]> {
  const rows = await queryRows<{
    symbol: string;
    title: string | null;
    adopted_on: string | null;
    topic: string;
    record_type: string;
  }>(
    db,
    sql`SELECT symbol, title, adopted_on::text AS adopted_on, topic::text AS topic, record_type::text AS record_type
        FROM resolutions
        WHERE ${allWordsIn(q, [sql`symbol`, sql`title`, sql`topic::text`, sql`summary`])} OR symbol = ${q.symbol}
        ORDER BY adopted_on DESC NULLS LAST, symbol`,
  );
  return rows.map((r) => ({
    kind: "resolution",
    id: r.symbol,
    // The resolution, its vote and its text share a symbol: each link says which it is.
    label: r.title ? `${r.symbol} — resolution: ${r.title}` : `${r.symbol} — resolution`,
    detail: r.adopted_on ? `adopted ${formatPartialDate({ date: r.adopted_on, precision: "day" })}` : null,
    path: `/resolutions/${symbolPath(r.symbol)}`,
    keys: [r.symbol, ...(shortSymbol(r.symbol) ? [shortSymbol(r.symbol)!] : [])],
    names: r.title ? [r.title] : [],
  }));
}

/**
 * Every word is in the columns' joined text, compared without case but with accents (folding with translate() is too
 * slow for the thousands of votes and documents on PGlite): a word typed without its accents also matches as folded.
 */
function allWordsInText(query: RecordQuery, columns: SQL[]): SQL {
  if (query.words.length === 0) return sql`false`;
  const text = sql`concat_ws(' ', ${sql.join(columns, sql`, `)})`;
  const perWord = query.words.map((word, i) => {
    const typed = query.typedWords[i] ?? word;
    return typed === word
      ? wordIn(text, word, "ILIKE")
      : sql`(${wordIn(text, word, "ILIKE")} OR ${wordIn(text, typed, "ILIKE")})`;
  });
  return sql.join(perWord, sql` AND `);
}

/** A page of rows that carry the count of every match (count(*) OVER ()), or the count alone when no row is asked for. */
async function pageWithTotal<T>(
  db: Db,
  page: Page,
  select: (limit: number, offset: number) => SQL,
  count: SQL,
): Promise<{ rows: (T & { total: number })[]; total: number }> {
  if (page.limit > 0) {
    const rows = await queryRows<T & { total: number }>(db, select(page.limit, page.offset));
    if (rows.length > 0) return { rows, total: Number(rows[0]!.total) };
    if (page.offset === 0) return { rows, total: 0 };
  }
  const [row] = await queryRows<{ n: number }>(db, count);
  return { rows: [], total: Number(row?.n ?? 0) };
}

/** Vote events: an exact symbol first, then newest first. */
async function voteCandidates(db: Db, q: RecordQuery, page: Page): Promise<Slice> {
  const words = allWordsInText(q, [
    sql`v.id`,
    sql`v.symbol`,
    sql`v.source_symbol`,
    sql`v.title`,
    sql`v.description`,
    sql`r.title`,
    sql`r.topic::text`,
  ]);
  const from = sql`FROM vote_events v LEFT JOIN resolutions r ON r.symbol = v.symbol
                   WHERE ${words} OR v.id = ${q.symbol} OR v.symbol = ${q.symbol}`;
  const order = [
    ...(q.symbol ? [sql`(v.id = ${q.symbol} OR v.symbol = ${q.symbol}) DESC`] : []),
    sql`v.date DESC, v.id DESC`,
  ];
  const { rows, total } = await pageWithTotal<{
    id: string;
    symbol: string | null;
    source_symbol: string | null;
    date: string;
    title: string | null;
    description: string | null;
    resolution_title: string | null;
    voeten_rcid: number | null;
    counted_yes: number;
    counted_no: number;
    counted_abstain: number;
  }>(
    db,
    page,
    (limit, offset) =>
      sql`SELECT v.id, v.symbol, v.source_symbol, v.date::text AS date, v.title, v.description, v.voeten_rcid,
                 v.counted_yes, v.counted_no, v.counted_abstain, r.title AS resolution_title,
                 count(*) OVER ()::int AS total ${from}
          ORDER BY ${sql.join(order, sql`, `)}
          LIMIT ${limit} OFFSET ${offset}`,
    sql`SELECT count(*)::int AS n ${from}`,
  );
  const candidates = rows.map((r): RecordCandidate => {
    const fields = {
      symbol: r.symbol,
      date: r.date,
      counted: { yes: r.counted_yes, no: r.counted_no, abstain: r.counted_abstain },
      title: r.title,
      description: r.description,
      resolutionTitle: r.resolution_title,
      voetenRcid: r.voeten_rcid,
    };
    const label = voteEventLabel({ id: r.id, symbol: r.symbol, sourceSymbol: r.source_symbol });
    return {
      kind: "vote",
      id: r.id,
      label: voteRecordLabel(fields),
      // Without a UN symbol, the roll call (and Voeten's code) tells the vote apart.
      detail: joinDetail([r.symbol ? null : label, voteRecordTitle(fields)]),
      path: `/votes/${voteEventPath(r.id)}`,
      keys: [r.id, ...(r.symbol ? [r.symbol] : []), ...(shortSymbol(r.symbol) ? [shortSymbol(r.symbol)!] : [])],
      names: [r.title, r.resolution_title].filter((t): t is string => !!t),
    };
  });
  return { total, candidates };
}

/** Current documents by symbol or title in any stored language, one per document (its English version when that matches). */
async function documentCandidates(db: Db, q: RecordQuery, page: Page): Promise<Slice> {
  const where = sql`d.is_current AND (${allWordsInText(q, [sql`d.slug`, sql`d.symbol`, sql`d.title`])} OR d.symbol = ${q.symbol})`;
  const order = [
    ...(q.symbol ? [sql`(x.symbol = ${q.symbol}) DESC`] : []),
    sql`x.document_date DESC NULLS LAST, x.slug`,
  ];
  const { rows, total } = await pageWithTotal<{
    slug: string;
    symbol: string | null;
    title: string;
    language: string;
    document_date: string | null;
    type: string;
    paragraphs: number;
  }>(
    db,
    page,
    (limit, offset) =>
      sql`SELECT x.*, count(*) OVER ()::int AS total,
                 x.paragraph_count AS paragraphs
          FROM (
            SELECT DISTINCT ON (d.slug) d.paragraph_count, d.slug, d.symbol, d.title, d.language, d.document_date::text AS document_date,
                   d.type::text AS type
            FROM documents d WHERE ${where}
            ORDER BY d.slug, (d.language = 'en') DESC, d.language
          ) x
          ORDER BY ${sql.join(order, sql`, `)}
          LIMIT ${limit} OFFSET ${offset}`,
    sql`SELECT count(DISTINCT d.slug)::int AS n FROM documents d WHERE ${where}`,
  );
  const candidates = rows.map((r): RecordCandidate => ({
    kind: "document",
    id: r.slug,
    label: `${r.symbol ?? r.title} — text (${LANGUAGE_NAMES[r.language]?.english ?? r.language}, ${r.paragraphs.toLocaleString("en")} paragraph${r.paragraphs === 1 ? "" : "s"})`,
    detail: joinDetail([
      r.symbol ? r.title : null,
      r.document_date ? formatPartialDate({ date: r.document_date, precision: "day" }) : null,
      r.type,
    ]),
    path: documentPath(r.slug, r.language),
    keys: [r.slug, ...(r.symbol ? [r.symbol] : []), ...(shortSymbol(r.symbol) ? [shortSymbol(r.symbol)!] : [])],
    names: [r.title],
  }));
  return { total, candidates };
}

interface Page {
  limit: number;
  offset: number;
}

/**
 * A kind only counted is still asked for its first record, whose score places the kind among the others: so the kinds
 * come in the same order whether all are listed or one is chosen (the facets keep the sections' order).
 */
function atLeastOne(page: Page): Page {
  return page.limit > 0 ? page : { limit: 1, offset: 0 };
}

interface Slice {
  total: number;
  candidates: RecordCandidate[];
}

/**
 * The records matching what a reader typed, counted per kind, with `limit` records of each kind (or only of
 * `options.kind`) best first. A query without a word of two letters, a symbol or a norm reference finds nothing.
 */
export async function findRecords(db: Db, input: string, options: RecordSearchOptions): Promise<RecordSearch> {
  const query = parseRecordQuery(input);
  if (query.words.length === 0 && !query.symbol && !query.normId) return { query, kinds: [] };
  const offset = options.offset ?? 0;
  const pageOf = (kind: RecordKind): Page =>
    !options.kind || options.kind === kind ? { limit: options.limit, offset } : { limit: 0, offset: 0 };
  // The small reference tables are read whole (every match), ranked here, then sliced.
  const [small, votes, documents] = await Promise.all([
    Promise.all([
      stateCandidates(db, query),
      organizationCandidates(db, query),
      processCandidates(db, query),
      sessionCandidates(db, query),
      frameworkItemCandidates(db, query),
      resolutionCandidates(db, query),
    ]),
    voteCandidates(db, query, atLeastOne(pageOf("vote"))),
    documentCandidates(db, query, atLeastOne(pageOf("document"))),
  ]);
  // Past the first page of votes or documents, the kind's best match is its first record, read on its own.
  const firstOf = async (kind: "vote" | "document", slice: Slice): Promise<number> => {
    if (pageOf(kind).offset === 0 || slice.total === 0) return scoreRecords(query, slice.candidates)[0]?.score ?? 0;
    const first = await (kind === "vote" ? voteCandidates : documentCandidates)(db, query, { limit: 1, offset: 0 });
    return scoreRecords(query, first.candidates)[0]?.score ?? 0;
  };
  const bestOf = new Map<RecordKind, number>([
    ["vote", await firstOf("vote", votes)],
    ["document", await firstOf("document", documents)],
  ]);
  const byKind = new Map<RecordKind, { total: number; ranked: FoundRecord[]; isSliced: boolean }>();
  const ranked = rankRecords(query, small.flat());
  for (const kind of RECORD_KINDS) {
    if (kind === "vote" || kind === "document") continue;
    const all = ranked.filter((r) => r.kind === kind);
    byKind.set(kind, { total: all.length, ranked: all, isSliced: false });
  }
  // Votes and documents come a page at a time in the database's order, which ranks them already (exact symbol first):
  // re-sorting a page would order it differently from the next.
  byKind.set("vote", { total: votes.total, ranked: scoreRecords(query, votes.candidates), isSliced: true });
  byKind.set("document", { total: documents.total, ranked: scoreRecords(query, documents.candidates), isSliced: true });
  const sliceOf = (kind: RecordKind, ranked: FoundRecord[]) => ranked.slice(0, pageOf(kind).limit);
  const kinds: RecordKindResult[] = [];
  for (const kind of RECORD_KINDS) {
    const found = byKind.get(kind)!;
    if (found.total === 0 && options.kind !== kind) continue;
    const page = pageOf(kind);
    const records = found.isSliced
      ? sliceOf(kind, found.ranked)
      : found.ranked.slice(page.offset, page.offset + page.limit);
    // Ordering the kinds looks at each kind's best match: the first of a kind read in order from the database.
    const best = bestOf.get(kind) ?? found.ranked[0]?.score ?? 0;
    kinds.push({ kind, total: found.total, best, records });
  }
  return { query, kinds: orderRecordKinds(kinds) };
}
