// Finding records (States, organisations, processes, sessions, norms, CBMs, resolutions, votes, documents) from what a
// reader types in one search box: reading the query, scoring each candidate, and ordering the kinds (issue 17).
import { normalizeSymbol, resolutionSymbolFromShortForm } from "./symbols.js";

/** The kinds of record the search box finds besides paragraphs, in the order shown when scores tie. */
export const RECORD_KINDS = [
  "state",
  "resolution",
  "vote",
  "norm",
  "cbm",
  "process",
  "session",
  "organization",
  "document",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Names of each kind: `one` and `many` in headings and facets, `oneInText` and `inText` inside a sentence. */
export const RECORD_KIND_LABELS: Record<RecordKind, { one: string; many: string; oneInText: string; inText: string }> =
  {
    state: { one: "State", many: "States", oneInText: "State", inText: "States" },
    resolution: { one: "Resolution", many: "Resolutions", oneInText: "resolution", inText: "resolutions" },
    vote: { one: "Vote", many: "Votes", oneInText: "vote", inText: "votes" },
    norm: { one: "Norm", many: "Norms", oneInText: "norm", inText: "norms" },
    cbm: { one: "CBM", many: "CBMs", oneInText: "CBM", inText: "CBMs" },
    process: { one: "Process", many: "Processes", oneInText: "process", inText: "processes" },
    session: { one: "Session", many: "Sessions", oneInText: "session", inText: "sessions" },
    organization: { one: "Organisation", many: "Organisations", oneInText: "organisation", inText: "organisations" },
    document: { one: "Document", many: "Documents", oneInText: "document", inText: "documents" },
  };

/** "1 vote", "1,234 votes", "2 CBMs". */
export function countOfKind(n: number, kind: RecordKind): string {
  const label = RECORD_KIND_LABELS[kind];
  return `${n.toLocaleString("en")} ${n === 1 ? label.oneInText : label.inText}`;
}

/** What the reader typed, read once for every kind. */
export interface RecordQuery {
  /** The query folded (lower case, no accents, single spaces), without search syntax (quotes, OR, -excluded). */
  text: string;
  /** Folded words every record must contain (one-letter words left out: "norm c" is read as a norm below). */
  words: string[];
  /** The same words as typed (lower case, accents kept), for columns compared without folding; same order as `words`. */
  typedWords: string[];
  /** The document symbol the query is, in full ("74/247" → "A/RES/74/247"), or null. */
  symbol: string | null;
  /** The norm of the 2015 GGE report the query names ("13(c)", "13c", "norm c", "norm 13 c" → "13c"), or null. */
  normId: string | null;
}

/** One found record: what it is, how it is named, and the site page it links to. */
export interface FoundRecord {
  kind: RecordKind;
  id: string;
  label: string;
  /** A short second line: official name and code, dates, framework, title… */
  detail: string | null;
  /** The site page, e.g. /states/FRA or /votes/A/RES/74/247. */
  path: string;
  /** How well it matches: 100 exact code or symbol, 90 exact name, 70 a name starts with the query, 50 every word in a name, 20 otherwise. */
  score: number;
}

/** A candidate as the database returns it, before scoring. */
export interface RecordCandidate {
  kind: RecordKind;
  id: string;
  label: string;
  detail: string | null;
  path: string;
  /** Codes, ids and symbols that are an exact match when typed whole (ISO3, 13c, A/RES/74/247, 74/247). */
  keys: string[];
  /** The record's names and titles (a name match ranks above a match in other text). */
  names: string[];
}

const MAX_WORDS = 10;

/** Lower case without accents or repeated spaces, so "Côte d'Ivoire" and "cote d'ivoire" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Reads a query as typed in the search box; the same query serves the paragraph search, so its syntax is stripped. */
export function parseRecordQuery(input: string): RecordQuery {
  const plain = input
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/"/g, " ")
    .split(/\s+/)
    .filter((w) => w && w !== "OR" && !/^-./.test(w))
    .join(" ");
  const text = foldText(plain);
  const pairs = new Map<string, string>();
  for (const typed of plain.toLowerCase().split(/\s+/)) {
    const word = foldText(typed);
    if ((word.length >= 2 || /^\d$/.test(word)) && !pairs.has(word))
      pairs.set(word, typed.replace(/[\u2018\u2019]/g, "'"));
  }
  const kept = [...pairs].slice(0, MAX_WORDS);
  return {
    text,
    words: kept.map(([word]) => word),
    typedWords: kept.map(([, typed]) => typed),
    symbol: symbolOf(plain.trim()),
    normId: normIdOf(text),
  };
}

function symbolOf(text: string): string | null {
  if (!text || text.length > 80) return null;
  const short = resolutionSymbolFromShortForm(text);
  if (short) return short;
  return /^[a-z]{1,6}\/\S/i.test(text) ? normalizeSymbol(text.toUpperCase()) : null;
}

/** The eleven norms of A/70/174 para 13 are (a)–(k); a bare letter ("c") is not a norm reference. */
function normIdOf(text: string): string | null {
  const m = /^(norms? ?)?(13 ?)?\(?([a-k])\)?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  return `13${m[3]}`;
}

/** The score of a candidate (see FoundRecord.score); every candidate already matched the query in the database. */
export function scoreRecord(
  query: RecordQuery,
  candidate: Pick<RecordCandidate, "kind" | "id" | "keys" | "names">,
): number {
  const keys = candidate.keys.map(foldText);
  if (keys.includes(query.text)) return 100;
  if (query.symbol && keys.includes(foldText(query.symbol))) return 100;
  if (query.normId && candidate.kind === "norm" && candidate.id === query.normId) return 100;
  const names = candidate.names.map(foldText);
  if (query.text && names.includes(query.text)) return 90;
  if (query.text && names.some((n) => n.startsWith(query.text))) return 70;
  if (query.words.length > 0 && query.words.every((w) => names.some((n) => n.includes(w)))) return 50;
  return 20;
}

/** Scores candidates and orders them best first (ties keep the database's order: newest, or by name). */
export function rankRecords(query: RecordQuery, candidates: RecordCandidate[]): FoundRecord[] {
  return candidates
    .map((c, i) => ({ record: toFound(c, scoreRecord(query, c)), i }))
    .sort((a, b) => b.record.score - a.record.score || a.i - b.i)
    .map((x) => x.record);
}

/** Scores candidates already in their order (a page of a longer list ordered in the database), keeping that order. */
export function scoreRecords(query: RecordQuery, candidates: RecordCandidate[]): FoundRecord[] {
  return candidates.map((c) => toFound(c, scoreRecord(query, c)));
}

function toFound(c: RecordCandidate, score: number): FoundRecord {
  return { kind: c.kind, id: c.id, label: c.label, detail: c.detail, path: c.path, score };
}

/** The kinds found, in the order to show them: the kind with the best match first, then the usual order. */
export function orderRecordKinds<T extends { kind: RecordKind; total: number; best: number }>(kinds: T[]): T[] {
  return [...kinds].sort((a, b) => b.best - a.best || RECORD_KINDS.indexOf(a.kind) - RECORD_KINDS.indexOf(b.kind));
}

/** Words this short match only at the start of a word ("EU" is not the "eu" of "Équateur", "UN" not the "un" of "fund"). */
export const SHORT_WORD_LENGTH = 2;

/** A regular expression (PostgreSQL syntax) for a short word at the start of a word, its characters taken literally. */
export function wordStartPattern(word: string): string {
  return `\\m${word.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`)}`;
}

/** Escapes LIKE wildcards so a typed % or _ is matched as itself. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
