// Finding records (States, organisations, processes, sessions, norms, CBMs, resolutions, votes, documents) from what a
// reader types in one search box: reading the query, scoring each candidate, and ordering the kinds (issue 17).
import { formatPartialDate } from "./partial-date.js";
import { normalizeSymbol, resolutionSymbolFromShortForm } from "./symbols.js";
import { displayVoteTitle } from "./votes.js";

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
    // The site's menu and pages say "Organizations".
    organization: { one: "Organization", many: "Organizations", oneInText: "organization", inText: "organizations" },
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
  /**
   * The document symbol the query is or holds, in full ("74/247" and "resolution 74/247" → "A/RES/74/247"), or null;
   * a query holding two symbols names neither.
   */
  symbol: string | null;
  /** The norm of the 2015 GGE report the query names ("13(c)", "13c", "norm c", "norm 13 c" → "13c"), or null. */
  normId: string | null;
  /** The norm or symbol the whole query names (besides a word such as "resolution"), whose citing paragraphs answer it. */
  reference: CitedReference | null;
}

/** A norm or a document symbol, as the paragraphs that cite it are asked for (paragraph_mentions, document_citations). */
export type CitedReference =
  { kind: "norm"; normId: string; label: string } | { kind: "symbol"; symbol: string; label: string };

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
  const whole = symbolOf(plain.trim());
  const tokens = plain.split(/\s+/).filter(Boolean);
  const held = [...new Set(tokens.map((t) => (/\d/.test(t) ? symbolOf(t.replace(/[,;.]+$/, "")) : null)))].filter(
    (s): s is string => s !== null,
  );
  const symbol = whole ?? (held.length === 1 ? held[0]! : null);
  const normId = normIdOf(text);
  // Only the symbol and words naming what it is ("resolution 74/247"): the query asks for that document.
  const isSymbolOnly =
    symbol !== null &&
    (whole !== null ||
      tokens.every((t) => symbolOf(t.replace(/[,;.]+$/, "")) === symbol || REFERENCE_WORDS.has(foldText(t))));
  return {
    text,
    words: kept.map(([word]) => word),
    typedWords: kept.map(([, typed]) => typed),
    symbol,
    normId,
    reference: normId
      ? { kind: "norm", normId, label: normLabel(normId) }
      : isSymbolOnly
        ? { kind: "symbol", symbol, label: symbol }
        : null,
  };
}

/** Words that say what a symbol is without narrowing the search ("resolution 74/247", "document A/70/174"). */
const REFERENCE_WORDS = new Set(["resolution", "res", "document", "decision", "ga", "unga"]);

/** "13c" → "13(c)", as the 2015 GGE report numbers its norms. */
export function normLabel(normId: string): string {
  const m = /^(\d+)([a-z])$/.exec(normId);
  return m ? `${m[1]}(${m[2]})` : normId;
}

function symbolOf(text: string): string | null {
  if (!text || text.length > 80) return null;
  const short = resolutionSymbolFromShortForm(text);
  if (short) return short;
  return /^[a-z]{1,6}\/\S/i.test(text) ? normalizeSymbol(text.toUpperCase()) : null;
}

/**
 * The query for the paragraph search, with GA resolution symbols written as texts write them: resolutions cite
 * "resolution 74/247", never "A/RES/74/247", so the full symbol would match no paragraph.
 */
export function paragraphQueryOf(input: string): string {
  return input.replace(/(^|[\s"(])A\/RES\/(\d{1,4}\/\d{1,4})(?=$|[\s")])/gi, "$1$2");
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

/** A vote event as the search box lists it. */
export interface VoteRecordFields {
  symbol: string | null;
  /** The day of the vote, ISO. */
  date: string;
  counted: { yes: number; no: number; abstain: number };
  title: string | null;
  description: string | null;
  /** The fact base's title of the voted resolution, when it is a cyber resolution. */
  resolutionTitle: string | null;
  /** Voeten's roll call number, for votes from his data. */
  voetenRcid: number | null;
}

/**
 * "A/RES/74/247 — vote of 18 December 2019 (79–60–33)": the symbol when there is one, the day and the counts, so a
 * vote's link differs from its resolution's and its text's.
 */
export function voteRecordLabel(v: Pick<VoteRecordFields, "symbol" | "date" | "counted">): string {
  const day = formatPartialDate({ date: v.date, precision: "day" });
  const tally = `${v.counted.yes}–${v.counted.no}–${v.counted.abstain}`;
  return v.symbol ? `${v.symbol} — vote of ${day} (${tally})` : `Vote of ${day} (${tally})`;
}

/** Longest description of Voeten's shown as a title; longer ones are his summaries of the motion, not titles. */
const MAX_DESCRIPTION_TITLE = 160;

/**
 * A vote's title as the search box shows it: the fact base's title of a cyber resolution; for Voeten's roll calls,
 * whose titles are capitalised keyword lists ("U.N., OSCE, COOPERATION"), his description where it is a title in
 * ordinary case ("Cooperation between the UN and the Organization for Security and Cooperation in Europe"), else
 * the keywords in title case ("Protocal I, France", as he spells it); otherwise the title as the votes list shows it.
 */
export function voteRecordTitle(
  v: Pick<VoteRecordFields, "title" | "description" | "resolutionTitle" | "voetenRcid">,
): string | null {
  if (v.resolutionTitle) return v.resolutionTitle;
  const title = v.title?.trim() || null;
  const description = v.description?.trim() || null;
  if (v.voetenRcid !== null && title && title === title.toUpperCase() && /[A-Z]/.test(title)) {
    const isTitleLike =
      description &&
      description !== description.toUpperCase() &&
      description.length <= MAX_DESCRIPTION_TITLE &&
      !isStatement(description);
    return isTitleLike ? displayVoteTitle(description) : keywordTitleCase(title);
  }
  if (title) return displayVoteTitle(title);
  // Some roll calls are described by the verbatim record's words ("The Acting President: I now put to the vote…").
  if (!description || isStatement(description)) return null;
  const shown = displayVoteTitle(description);
  return shown.length <= MAX_DESCRIPTION_TITLE
    ? shown
    : `${shown.slice(0, shown.lastIndexOf(" ", MAX_DESCRIPTION_TITLE))} …`;
}

function isStatement(description: string): boolean {
  return /^[^:]{0,40}President:/.test(description);
}

/** Words kept in capitals in Voeten's keyword titles: acronyms and roman numerals. */
const ACRONYMS = new Set(
  "UN UK US USA USSR UNRWA ICJ IAEA OSCE CSCE PLO UNDP UNEP UNHCR UNICEF UNESCO UNCTAD UNIDO ECOSOC NATO ASEAN OAU OAS SWAPO ANC NPT SALT I II III IV VI VII VIII IX XI XII".split(
    " ",
  ),
);
const SMALL_WORDS = new Set(["of", "and", "by", "in", "the", "to", "for", "with", "on", "a", "an", "or"]);

/** "DENUCLEARIZATION, LATIN AMERICA" → "Denuclearization, Latin America"; "U.N., OSCE, COOPERATION" → "U.N., OSCE, Cooperation". */
export function keywordTitleCase(title: string): string {
  return title
    .split(/(\s+)/)
    .map((word, i) => {
      const bare = word.replace(/[,;:()&]/g, "");
      if (ACRONYMS.has(bare) || bare.includes(".")) return word;
      const lower = word.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(bare.toLowerCase())) return lower;
      const at = lower.search(/[a-z]/);
      return at < 0 || /\d/.test(lower.slice(0, at))
        ? lower
        : lower.slice(0, at) + lower.charAt(at).toUpperCase() + lower.slice(at + 1);
    })
    .join("");
}
