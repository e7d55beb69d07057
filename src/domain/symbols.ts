// UN document symbols: parses and normalises real symbols (A/RES/74/247, A/C.1/74/L.50/Rev.1, A/AC.290/2021/CRP.2, A/75/816).
import type { DocumentType } from "./vocabulary.js";

export interface SymbolModifier {
  /** Rev (revision), Add (addendum), Corr (corrigendum), Amend (amendment). */
  kind: "Rev" | "Add" | "Corr" | "Amend";
  number: number;
}

export interface DocumentSymbol {
  /** The normalised symbol, e.g. "A/C.1/74/L.50/Rev.1". */
  symbol: string;
  /** The principal organ: A (General Assembly), S (Security Council), E (ECOSOC), ST (Secretariat)… */
  organ: string;
  /** Subsidiary bodies in order, e.g. ["C.1"] (First Committee) or ["AC.290"] or ["HRC"]. */
  bodies: string[];
  /** The session number (GA sessions are numbered; "ES-10" for an emergency special session). */
  session: string | null;
  /** A year used in place of a session (A/AC.290/2021/CRP.2, E/RES/2004/26). */
  year: number | null;
  /** Document series: RES (resolution), DEC (decision), L (limited, drafts), CRP (conference room paper), INF, PV, SR, WP… */
  series: string | null;
  /** The document number within its series or session, e.g. "247", "50", "2". */
  number: string | null;
  modifiers: SymbolModifier[];
  /** The parts of a resolution adopted in parts, as the UN writes them after the number: "B" (A/RES/74/232 B), "A-C" (A/RES/75/254 A-C). */
  part: string | null;
}

const MAX_SYMBOL_LENGTH = 80;
const MODIFIER = /^(REV|ADD|CORR|AMEND)\.(\d{1,3})$/i;
const SERIES_WITH_NUMBER = /^(L|CRP|INF|WP|PV|SR|MISC|NGO)\.(\d{1,4})$/i;
const BARE_SERIES = /^(RES|DEC|INF|PRST)$/i;
const BODY = /^(C|AC|CN|CONF|WG|SUB|HRC|GC)(\.\d{1,4})?$/i;
const ORGAN = /^(A|S|E|ST|UNEP|TD|DP|CCPR|CERD|CAT|CRC|CEDAW|HRC|UNODC)$/i;

/** Parses a UN document symbol; returns null when the text is not a well-formed symbol. */
export function parseSymbol(input: string): DocumentSymbol | null {
  const cleaned = input
    .normalize("NFKC")
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ")
    .trim();
  if (!cleaned || cleaned.length > MAX_SYMBOL_LENGTH) return null;
  // A resolution adopted in parts: A/RES/74/232 B, A/RES/75/254 A-C (one letter, or a range of letters).
  const partMatch = /^(.*\/\d+) ([A-Z](?:-[A-Z])?)$/.exec(cleaned);
  const withoutPart = partMatch ? partMatch[1]! : cleaned;
  // Security Council resolutions carry the year in brackets: S/RES/2341 (2017).
  const scYear = /^(.*\/\d+) ?\((\d{4})\)$/.exec(withoutPart);
  const segments = (scYear ? scYear[1]! : withoutPart).split("/");
  if (segments.some((s) => s === "" || /\s/.test(s))) return null;
  const [organRaw, ...rest] = segments;
  if (!organRaw || !ORGAN.test(organRaw) || rest.length === 0) return null;
  const result: DocumentSymbol = {
    symbol: "",
    organ: organRaw.toUpperCase(),
    bodies: [],
    session: null,
    year: scYear ? Number(scYear[2]) : null,
    series: null,
    number: null,
    modifiers: [],
    part: partMatch ? partMatch[2]! : null,
  };
  const parts: string[] = [result.organ];
  for (const [i, segment] of rest.entries()) {
    const modifier = MODIFIER.exec(segment);
    if (modifier) {
      const kind = (modifier[1]!.charAt(0).toUpperCase() +
        modifier[1]!.slice(1).toLowerCase()) as SymbolModifier["kind"];
      result.modifiers.push({ kind, number: Number(modifier[2]) });
      parts.push(`${kind}.${Number(modifier[2])}`);
      continue;
    }
    if (result.modifiers.length > 0) return null; // nothing but modifiers may follow a modifier
    const seriesNumbered = SERIES_WITH_NUMBER.exec(segment);
    if (/^E?S-\d{1,2}$/i.test(segment) && result.session === null) {
      result.session = segment.toUpperCase();
    } else if (/^\d{4}$/.test(segment) && result.session === null && result.year === null && i < rest.length - 1) {
      result.year = Number(segment);
    } else if (
      /^\d{1,4}$/.test(segment) &&
      result.session === null &&
      result.year === null &&
      i < rest.length - 1 &&
      Number(segment) > 0
    ) {
      result.session = String(Number(segment));
    } else if (
      /^\d{1,5}[A-Z]?$/i.test(segment) &&
      result.number === null &&
      (result.session !== null || result.year !== null || result.series !== null)
    ) {
      result.number = segment.toUpperCase();
    } else if (seriesNumbered && result.number === null) {
      result.series = seriesNumbered[1]!.toUpperCase();
      result.number = String(Number(seriesNumbered[2]));
      parts.push(`${result.series}.${result.number}`);
      continue;
    } else if (BARE_SERIES.test(segment) && result.series === null && result.number === null) {
      result.series = segment.toUpperCase();
    } else if (BODY.test(segment) && result.session === null && result.series === null) {
      result.bodies.push(segment.toUpperCase());
    } else {
      return null;
    }
    parts.push(segment.toUpperCase().replace(/^(\d+)$/, (n) => String(Number(n))));
  }
  if (result.number === null && result.series === null) return null;
  if (result.part !== null && (result.series !== "RES" || result.modifiers.length > 0)) return null;
  result.symbol = parts.join("/") + (scYear ? ` (${scYear[2]})` : "") + (result.part ? ` ${result.part}` : "");
  return result;
}

/** The normalised form of a symbol, or null when it is not one. */
export function normalizeSymbol(input: string): string | null {
  return parseSymbol(input)?.symbol ?? null;
}

/** The document type a symbol alone tells, when it tells one. */
export function documentTypeOfSymbol(symbol: DocumentSymbol): DocumentType | null {
  if (symbol.series === "RES") return "resolution";
  if (symbol.series === "DEC") return "decision";
  if (symbol.series === "L") return "draft-resolution";
  if (symbol.series === "CRP") return "conference-room-paper";
  return null;
}

/** The symbol without its parts: A/RES/75/254 A-C → A/RES/75/254 (what a reader types, and the address every part answers to). */
export function symbolWithoutPart(symbol: string): string {
  return symbol.replace(/ [A-Z](?:-[A-Z])?$/, "");
}

/** The GA session of a GA symbol, as a number (null for emergency special sessions and other organs). */
export function gaSessionOfSymbol(symbol: DocumentSymbol): number | null {
  if (symbol.organ !== "A" || symbol.session === null || !/^\d+$/.test(symbol.session)) return null;
  return Number(symbol.session);
}

/** The symbol of a GA resolution written short in a text: "74/247" → "A/RES/74/247", "ES-10/19" → "A/RES/ES-10/19". */
export function resolutionSymbolFromShortForm(shortForm: string, organ: "GA" | "HRC" | "ECOSOC" = "GA"): string | null {
  const match = /^(ES-\d{1,2}|\d{1,4})\/(\d{1,4})$/.exec(shortForm.trim());
  if (!match) return null;
  const prefix = organ === "HRC" ? "A/HRC/RES" : organ === "ECOSOC" ? "E/RES" : "A/RES";
  return normalizeSymbol(`${prefix}/${match[1]}/${match[2]}`);
}
