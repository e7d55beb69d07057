// Reference detection in paragraph text: cited document symbols (incl. "its resolutions 43/78 H of 7 December 1988, 53/70 of …").
import {
  bodyBefore,
  resolveShortForm,
  type BodyContext,
  type ResolutionBody,
  type ResolvedShortForm,
} from "./references-bodies.js";
import { normalizeSymbol } from "./symbols.js";

export interface DetectedCitation {
  /** Normalised symbol of the cited document, e.g. "A/RES/53/70". */
  targetSymbol: string;
  /** The words that cite it, as written ("43/78 H", "A/75/816"). */
  matchedText: string;
}

// A full symbol starts with an organ and a slash, e.g. A/75/816, A/C.1/74/L.50/Rev.1, S/RES/2341 (2017).
const FULL_SYMBOL = /\b(?:A|S|E|ST|UNEP|TD|DP)\/[A-Za-z0-9.-]+(?:\/[A-Za-z0-9.-]+)+(?: \(\d{4}\))?/g;
/** "Commission on Narcotic Drugs resolution 62/3": a resolution of a body without symbols, or a number that fits no named body. */
export interface UnresolvedResolutionReference {
  body: ResolutionBody | "unknown";
  /** The body's name as the text writes it ("Commission on Narcotic Drugs"); null when the words name none. */
  bodyName: string | null;
  /** The number as written ("62/3", "26/4 B", "第12/3号"). */
  matchedText: string;
}

// "resolution(s)"; the body that adopted it is read from the words before (references-bodies.ts). GA decisions have no symbol of their own.
const TRIGGER = /\bresolutions?\b/gi;
const SHORT_FORM = /^(?:ES-\d{1,2}|\d{1,4})\/\d{1,4}(?: ?[A-Z](?![A-Za-z]))?/;
const SC_FORM = /^\d{1,4} \(\d{4}\)/;
// What may separate two short forms in a list: commas, "and", dates ("of 7 December 1988"), "as well as".
const LIST_GLUE =
  /^(?:\s|,|;|\band\b|\bas well as\b|\bof\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b|\bof\s+[A-Z][a-z]+\s+\d{4}\b|\bto\b)+/;
const MONTHS = /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;
const ADOPTION_YEAR = /^(?: ?[A-Z](?![A-Za-z]))?\s+of\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(\d{4})\b/;

/** Every document a text cites, once per symbol, in order of first mention. */
export function detectCitations(text: string): DetectedCitation[] {
  return detectResolutionReferences(text).citations;
}

/** The citations of a text, and the resolutions it cites that have no symbol we can name ("Commission on Narcotic Drugs resolution 62/3"). */
export function detectResolutionReferences(text: string): {
  citations: DetectedCitation[];
  unresolved: UnresolvedResolutionReference[];
} {
  const found = new Map<string, DetectedCitation>();
  const unresolved: UnresolvedResolutionReference[] = [];
  for (const r of locateResolutionReferences(text)) {
    if (r.symbol === null) unresolved.push({ body: r.body, bodyName: r.bodyName, matchedText: r.matchedText });
    else if (!found.has(r.symbol)) found.set(r.symbol, { targetSymbol: r.symbol, matchedText: r.matchedText });
  }
  return { citations: [...found.values()], unresolved };
}

/** One place in a text that cites a resolution or document: where, the words, the symbol (null: none we can name). */
export type LocatedReference = { start: number; end: number; matchedText: string } & (
  { symbol: string } | ({ symbol: null } & Omit<UnresolvedResolutionReference, "matchedText">)
);

type AddReference = (
  resolved: { symbol: string | null } & Partial<ResolvedShortForm>,
  words: string,
  at: number,
) => void;

/**
 * Every citation of a text with its place (start inclusive, end exclusive), each occurrence, in the order the
 * detectors find them (full symbols, then English "resolution(s)" lists, then the other languages): what pages need
 * to turn the cited words themselves into links. A full symbol that does not parse is left out.
 */
export function locateResolutionReferences(text: string): LocatedReference[] {
  const located: LocatedReference[] = [];
  const add: AddReference = (resolved, matchedText, start) => {
    const place = { matchedText, start, end: start + matchedText.length };
    if (resolved.symbol) located.push({ ...place, symbol: resolved.symbol });
    else if (resolved.body)
      located.push({ ...place, symbol: null, body: resolved.body, bodyName: resolved.bodyName ?? null });
  };
  for (const match of text.matchAll(FULL_SYMBOL)) {
    const raw = match[0].replace(/[.,;:]+$/, "");
    add({ symbol: normalizeSymbol(raw) }, raw, match.index);
  }
  for (const trigger of text.matchAll(TRIGGER)) {
    const body = bodyBefore(text, trigger.index);
    let offset = trigger.index + trigger[0].length;
    for (let guard = 0; guard < 200; guard++) {
      const glue = LIST_GLUE.exec(text.slice(offset));
      if (glue) offset += glue[0].length;
      const rest = text.slice(offset);
      const sc = body.issuer === "SC" ? SC_FORM.exec(rest) : null;
      if (sc) {
        add({ symbol: normalizeSymbol(`S/RES/${sc[0]}`) }, sc[0], offset);
        offset += sc[0].length;
        continue;
      }
      const short = SHORT_FORM.exec(rest);
      if (!short || isDateLike(rest)) break;
      const [numbers] = short[0].split(/ ?(?=[A-Z]$)/);
      const year = ADOPTION_YEAR.exec(rest.slice(numbers!.length))?.[1];
      add(resolveShortForm(numbers!, body, year ? Number(year) : null), short[0], offset);
      offset += short[0].length;
    }
  }
  detectOtherLanguageReferences(text, add);
  return located;
}

// The same citations in the other UN languages (issue 19): "résolution(s)", "resolución/resoluciones", "резолюция" in
// any case, Arabic "القرار/القرارات"; a list goes on over "et", "y", "и", "و", commas and dates ("du 9 décembre 1981",
// "de 9 de diciembre de 1981", "от 9 декабря 1981 года", "المؤرخ 9 كانون الأول/ديسمبر 1981"). The adopting body is
// not read in these languages: a short form resolves as the General Assembly's.
const OTHER_TRIGGER =
  /(?<!\p{L})(?:résolutions?|resoluci(?:ón|ones)|резолюци(?:я|и|ю|ей|ям|ями|ях)|(?:ال|و?ب?ال)?قرار(?:ات|ها|يها|ين|اتها)?)(?!\p{L})/giu;
const OTHER_GLUE =
  /^(?:[\s,;]|(?:et|y|e|и|а также|و|وكذلك)(?!\p{L})|(?:du|de|del|от|المؤرخ|المؤرخة|المؤرخين)?\s*\d{1,2}(?:er)?\s+[\p{L}\s/]{3,40}?\s\d{4}(?:\s*года|\s*г\.)?|\p{Lu}(?!\p{L})|(?:ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء)(?!\p{L}))+/u;
// Part letters written in the language's own script ("43/78 Н", "43/78 حاء") are skipped like the dates around them.
// Chinese: "第75/240号决议", and lists "第36/103号、1988年12月7日第43/78H号……决议"; "第75/564号决定" is a decision, not cited.
const CHINESE_SHORT_FORM = /第((?:ES-\d{1,2}|\d{1,4})\/\d{1,4}) ?([A-Z])?号/g;
const GENERAL_ASSEMBLY_CONTEXT: BodyContext = { issuer: null, clauseBody: null };

function detectOtherLanguageReferences(text: string, add: AddReference): void {
  const resolve = (numbers: string, matchedText: string, start: number) =>
    add(resolveShortForm(numbers, GENERAL_ASSEMBLY_CONTEXT, null), matchedText, start);
  for (const trigger of text.matchAll(OTHER_TRIGGER)) {
    let offset = trigger.index + trigger[0].length;
    for (let guard = 0; guard < 200; guard++) {
      const glue = OTHER_GLUE.exec(text.slice(offset));
      if (glue) offset += glue[0].length;
      const short = SHORT_FORM.exec(text.slice(offset));
      if (!short) break;
      // The part letter is left out, as in English ("43/78 H" cites A/RES/43/78).
      resolve(short[0].split(/ ?(?=[A-Z]$)/)[0]!, short[0], offset);
      offset += short[0].length;
    }
  }
  for (const match of text.matchAll(CHINESE_SHORT_FORM)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 2000);
    const resolution = after.search(/决议/);
    const decision = after.search(/决定|。|；/);
    if (resolution >= 0 && (decision < 0 || resolution < decision)) resolve(match[1]!, match[0], match.index);
  }
}

function isDateLike(rest: string): boolean {
  const next = /^\d+\s+(\w+)/.exec(rest);
  return next !== null && MONTHS.test(next[1]!);
}
