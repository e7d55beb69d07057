// Reference detection in paragraph text: cited document symbols (incl. "its resolutions 43/78 H of 7 December 1988, 53/70 of …").
import { bodyBefore, resolveShortForm, type ResolutionBody } from "./references-bodies.js";
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
  matchedText: string;
}

// "resolution(s)"; the body that adopted it is read from the words before (references-bodies.ts). GA decisions have no symbol of their own.
const TRIGGER = /\bresolutions?\b/gi;
const SHORT_FORM = /^(?:ES-\d{1,2}|\d{1,4})\/\d{1,4}(?: ?[A-Z](?![A-Za-z]))?/;
const SC_FORM = /^\d{1,4} \(\d{4}\)/;
// What may separate two short forms in a list: commas, "and", dates ("of 7 December 1988"), "as well as".
const LIST_GLUE = /^(?:\s|,|;|\band\b|\bas well as\b|\bof\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b|\bof\s+[A-Z][a-z]+\s+\d{4}\b|\bto\b)+/;
const MONTHS = /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;
const ADOPTION_YEAR = /^(?: ?[A-Z](?![A-Za-z]))?\s+of\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(\d{4})\b/;

/** Every document a text cites, once per symbol, in order of first mention. */
export function detectCitations(text: string): DetectedCitation[] {
  return detectResolutionReferences(text).citations;
}

/** The citations of a text, and the resolutions it cites that have no symbol we can name ("Commission on Narcotic Drugs resolution 62/3"). */
export function detectResolutionReferences(text: string): { citations: DetectedCitation[]; unresolved: UnresolvedResolutionReference[] } {
  const found = new Map<string, DetectedCitation>();
  const unresolved: UnresolvedResolutionReference[] = [];
  const add = (symbol: string | null, matchedText: string) => {
    if (symbol && !found.has(symbol)) found.set(symbol, { targetSymbol: symbol, matchedText });
  };
  for (const match of text.matchAll(FULL_SYMBOL)) {
    const raw = match[0].replace(/[.,;:]+$/, "");
    add(normalizeSymbol(raw), raw);
  }
  for (const trigger of text.matchAll(TRIGGER)) {
    const body = bodyBefore(text, trigger.index);
    let rest = text.slice(trigger.index + trigger[0].length);
    for (let guard = 0; guard < 200; guard++) {
      const glue = LIST_GLUE.exec(rest);
      if (glue) rest = rest.slice(glue[0].length);
      const sc = body.issuer === "SC" ? SC_FORM.exec(rest) : null;
      if (sc) {
        add(normalizeSymbol(`S/RES/${sc[0]}`), sc[0]);
        rest = rest.slice(sc[0].length);
        continue;
      }
      const short = SHORT_FORM.exec(rest);
      if (!short || isDateLike(rest)) break;
      const [numbers] = short[0].split(/ ?(?=[A-Z]$)/);
      const year = ADOPTION_YEAR.exec(rest.slice(numbers!.length))?.[1];
      const resolved = resolveShortForm(numbers!, body, year ? Number(year) : null);
      if (resolved.symbol) add(resolved.symbol, short[0]);
      else unresolved.push({ body: resolved.body, matchedText: short[0] });
      rest = rest.slice(short[0].length);
    }
  }
  return { citations: [...found.values()], unresolved };
}

function isDateLike(rest: string): boolean {
  const next = /^\d+\s+(\w+)/.exec(rest);
  return next !== null && MONTHS.test(next[1]!);
}
