// Which body adopted a resolution cited as "resolution 52/5": read from the words before it and checked against the number.
import { normalizeSymbol } from "./symbols.js";

/** Bodies whose resolutions GA texts cite by number. Only GA, HRC, ECOSOC, SC and the Commission on Human Rights have symbols. */
export const RESOLUTION_BODIES = [
  "GA",
  "HRC",
  "ECOSOC",
  "SC",
  "CHR",
  "CCPCJ",
  "CND",
  "CPD",
  "CSW",
  "CSocD",
  "treaty-conference",
  "other",
] as const;
export type ResolutionBody = (typeof RESOLUTION_BODIES)[number];

const BODY_NAMES: [RegExp, ResolutionBody][] = [
  [/\bGeneral Assembly\b/g, "GA"],
  [/\bHuman Rights Council\b/g, "HRC"],
  [/\bEconomic and Social Council\b/g, "ECOSOC"],
  [/\bSecurity Council\b/g, "SC"],
  [/\bCommission on Human Rights\b/g, "CHR"],
  [/\bCommission on Crime Prevention and Criminal Justice\b/g, "CCPCJ"],
  [/\bCommission on Narcotic Drugs\b/g, "CND"],
  [/\bCommission on Population and Development\b/g, "CPD"],
  [/\bCommission on the Status of Women\b/g, "CSW"],
  [/\bCommission for Social Development\b/g, "CSocD"],
  // Treaty bodies and conferences: "Conference of the Parties to the Convention on Biological Diversity", "Conference of the States Parties to …".
  [
    /\bConference of (?:the )?(?:States )?Parties\b(?: (?:to|serving as)[^;,]{0,120}?(?:Convention|Protocol|Agreement|Treaty)(?: [A-Z][\w-]*| on| against| of| the| and| for| to| in)*)?/g,
    "treaty-conference",
  ],
  [
    /\b(?:World Health Assembly|United Nations Environment Assembly|Governing Council|Executive Board|Board of Governors|General Conference|Commission on International Trade Law|Council of Europe|Human Rights Committee|Trade and Development Board|Council of the [A-Z][\w ]+)\b/g,
    "other",
  ],
];

/** What may stand between a body's name and "resolution(s)" when the body adopted it: "in its", ", through its", "resolutions, in particular". */
const ISSUER_GLUE =
  /^(?:\s*,)?\s*(?:(?:in|through|by|under|with) its\s+|its\s+|of\s+|(?:report\s+)?submitted pursuant to\s+(?:its\s+)?|including(?: the most recent,)?\s+|resolutions?,?\s+(?:in particular|including|notably|and)\s+|and its\s+)?$/;
/** "Council resolution", "Commission resolution": the last Council or Commission the paragraph named. */
const SHORT_NAME = /\b(Council|Commission|Assembly)\s*(?:,\s*)?(?:(?:in|through|by) its\s+)?$/;
const LEAD_LENGTH = 200;
/** GA resolutions carry session/number symbols from session 31 (1976); earlier ones read 217 A (III). */
const FIRST_GA_SHORT_FORM_SESSION = 31;
const LAST_PLAUSIBLE_SESSION = 99;

export interface BodyContext {
  /** The body the words name as adopting the resolution ("Human Rights Council in its resolution"); null when none. */
  issuer: ResolutionBody | null;
  /** The last body named in the same clause, adopting or not ("Human Rights Council resolutions on the subject, including resolution"). */
  clauseBody: ResolutionBody | null;
  /** Each of those bodies' names as the text writes them ("Commission on Narcotic Drugs"), for a reference we cannot resolve. */
  names?: Partial<Record<ResolutionBody, string>>;
}

/** The bodies around a "resolution(s)" trigger at `index`, read from the words of its clause before it. */
export function bodyBefore(text: string, index: number): BodyContext {
  let lead = text.slice(Math.max(0, index - LEAD_LENGTH), index);
  const clauseBreak = Math.max(lead.lastIndexOf(";"), lead.lastIndexOf(". "));
  if (clauseBreak >= 0) lead = lead.slice(clauseBreak + 1);
  let best: { body: ResolutionBody; start: number; end: number; name: string } | null = null;
  for (const [pattern, body] of BODY_NAMES) {
    for (const m of lead.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!best || end > best.end || (end === best.end && m.index < best.start))
        best = { body, start: m.index, end, name: nameAsWritten(m[0]) };
    }
  }
  const clauseBody = best?.body ?? null;
  const names: Partial<Record<ResolutionBody, string>> = best ? { [best.body]: best.name } : {};
  if (best && ISSUER_GLUE.test(lead.slice(best.end))) return { issuer: best.body, clauseBody, names };
  const short = SHORT_NAME.exec(lead);
  if (short && (!best || short.index >= best.end)) {
    const named = lastNamed(text.slice(0, index - lead.length + short.index), short[1]!);
    if (named?.name) names[named.body] = named.name;
    return { issuer: named?.body ?? null, clauseBody, names };
  }
  const issuer = /\bits\s+(?:own\s+)?$/.test(lead) ? "GA" : null;
  if (clauseBody !== null) return { issuer, clauseBody, names };
  // A long list: "Human Rights Council resolutions 28/16 of 26 March 2015, … and resolutions 32/13 of 1 July 2016" names
  // the body further back in the same clause; it is tried only when the number cannot be the General Assembly's.
  const earlier = lastBodyIn(text.slice(clauseStartBefore(text, index - lead.length), index - lead.length));
  if (earlier) names[earlier.body] = earlier.name;
  return { issuer, clauseBody: earlier?.body ?? null, names };
}

/** Where the clause holding `index` starts: after the last ";" or sentence end before it. */
function clauseStartBefore(text: string, index: number): number {
  const before = text.slice(0, index);
  return Math.max(before.lastIndexOf(";"), before.lastIndexOf(". ")) + 1;
}

/** The body named last in a text, if any. */
function lastBodyIn(text: string): { body: ResolutionBody; name: string } | null {
  let best: { body: ResolutionBody; end: number; name: string } | null = null;
  for (const [pattern, body] of BODY_NAMES) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!best || end > best.end) best = { body, end, name: nameAsWritten(m[0]) };
    }
  }
  return best;
}

/** A matched body name without the joining words the pattern may take after it ("… against Corruption in" → "… against Corruption"). */
function nameAsWritten(matched: string): string {
  return matched.replace(/(?: (?:on|against|of|the|and|for|to|in))+$/, "");
}

/** The last Council or Commission named before a bare "Council resolution" (General Assembly texts say "the Council" for HRC or ECOSOC). */
function lastNamed(before: string, word: string): { body: ResolutionBody; name: string | null } | null {
  if (word === "Assembly") return { body: "GA", name: null };
  let best: { body: ResolutionBody; at: number; name: string } | null = null;
  for (const [pattern, body] of BODY_NAMES) {
    for (const m of before.matchAll(pattern)) {
      if (!m[0].includes(word)) continue;
      if (!best || m.index > best.at) best = { body, at: m.index, name: nameAsWritten(m[0]) };
    }
  }
  return best;
}

export interface ResolvedShortForm {
  /** The symbol, or null when the body has no symbol of its own or the number cannot be the named body's. */
  symbol: string | null;
  body: ResolutionBody | "unknown";
  /** The body's name as the text writes it, when it names one ("Commission on Narcotic Drugs"). */
  bodyName: string | null;
}

/**
 * Resolves "52/5" (or "2019/19", "ES-10/19") under a named body, checking the number fits it: a GA session/number is
 * 31–99 and the year of an adoption date that follows must be the session's; ECOSOC and the Commission on Human
 * Rights number by year; an HRC session is at most 99. A number that fits no named body stays unresolved.
 */
export function resolveShortForm(
  shortForm: string,
  context: BodyContext,
  adoptedYear: number | null,
): ResolvedShortForm {
  const named = (r: Omit<ResolvedShortForm, "bodyName">): ResolvedShortForm => ({
    ...r,
    bodyName: r.body === "unknown" ? null : (context.names?.[r.body] ?? null),
  });
  const first = resolveUnder(shortForm, context.issuer, adoptedYear);
  // A number that cannot be the GA's ("its resolution 42/22 of 26 September 2019") may be the clause's other body's.
  if (first.symbol || context.clauseBody === null || context.clauseBody === context.issuer) return named(first);
  const second = resolveUnder(shortForm, context.clauseBody, adoptedYear);
  return named(second.symbol ? second : first);
}

function resolveUnder(
  shortForm: string,
  body: ResolutionBody | null,
  adoptedYear: number | null,
): Omit<ResolvedShortForm, "bodyName"> {
  const m = /^(ES-\d{1,2}|S-\d{1,2}|\d{1,4})\/(\d{1,4})$/.exec(shortForm.trim());
  if (!m) return { symbol: null, body: "unknown" };
  const [, first, number] = m as unknown as [string, string, string];
  const isSpecial = /^E?S-/.test(first);
  const session = isSpecial ? null : Number(first);
  const isYear = session !== null && session >= 1946;
  const symbol = (prefix: string) => normalizeSymbol(`${prefix}/${first}/${number}`);
  switch (body) {
    case "HRC":
      if (
        session !== null &&
        !isYear &&
        session <= LAST_PLAUSIBLE_SESSION &&
        (adoptedYear === null || adoptedYear >= 2006)
      )
        return { symbol: symbol("A/HRC/RES"), body };
      break;
    case "ECOSOC":
      if (isYear) return { symbol: symbol("E/RES"), body };
      break;
    case "CHR":
      if (isYear) return { symbol: symbol("E/CN.4/RES"), body };
      break;
    case "GA":
    case "SC":
    case null:
      break;
    default:
      return { symbol: null, body };
  }
  if (isPlausibleGaShortForm(session, isSpecial, adoptedYear)) return { symbol: symbol("A/RES"), body: "GA" };
  return { symbol: null, body: body === null || body === "GA" || body === "SC" ? "unknown" : body };
}

function isPlausibleGaShortForm(session: number | null, isSpecial: boolean, adoptedYear: number | null): boolean {
  if (isSpecial) return true;
  if (session === null || session < FIRST_GA_SHORT_FORM_SESSION || session > LAST_PLAUSIBLE_SESSION) return false;
  // Session N opens in September of 1945 + N and closes the September after.
  return adoptedYear === null || adoptedYear === 1945 + session || adoptedYear === 1946 + session;
}

/**
 * How a page names a cited resolution it cannot link to: "resolution 61/2 of the Commission on Narcotic Drugs", or
 * "resolution 4/6 (adopting body not identified)" when it is not read from the words before the number.
 */
export function describeUnresolvedReference(reference: { bodyName: string | null; matchedText: string }): string {
  // The number without the words around it in other languages ("第12/3号" is resolution 12/3).
  const number = /(?:ES-\d{1,2}|\d{1,4})\/\d{1,4}(?: ?[A-Z](?![A-Za-z]))?/.exec(reference.matchedText)?.[0];
  const name = `resolution ${number ?? reference.matchedText}`;
  return reference.bodyName ? `${name} of the ${reference.bodyName}` : `${name} (adopting body not identified)`;
}
