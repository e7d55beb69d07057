// Where a plain text names a UN document ("resolution 74/247", A/70/174), a GA decision or a norm ("norm 13 (c)"),
// and where each place links to, given what the page knows to exist: pages never link to an address that answers 404.
import { documentPath } from "./documents.js";
import { findExplicitNormReferences } from "./references-entities.js";
import { locateResolutionReferences } from "./references.js";
import { symbolPath } from "./resolution.js";
import { symbolWithoutPart } from "./symbols.js";

/** What a place in a text refers to. */
export type TextReferenceTarget =
  /** A document symbol, normalised ("A/RES/74/247", "A/70/174", "A/HRC/RES/47/16"). */
  | { kind: "symbol"; symbol: string }
  /** A GA decision as the resolution records name it ("decision 75/564"): decisions have no document symbol. */
  | { kind: "decision"; symbol: string }
  /** One of the eleven norms of the 2015 report, by its letter ("c" for 13 (c)). */
  | { kind: "norm"; letter: string };

/** A place in a text (start inclusive, end exclusive) and what it refers to. */
export interface TextReference {
  start: number;
  end: number;
  target: TextReferenceTarget;
}

/** What exists to link to, as the database says (see db/link-targets.ts); everything else stays plain text. */
export interface KnownLinkTargets {
  /** Symbols with a resolution page (/resolutions/…), decisions included ("decision 75/564"). */
  resolutions: ReadonlySet<string>;
  /** Symbol → slug of a stored document; a bare symbol (A/RES/75/254) also names a document stored in parts (… A-C). */
  documents: ReadonlyMap<string, string>;
  /** Symbol → ids of its recorded vote events, oldest first. */
  votes: ReadonlyMap<string, readonly string[]>;
  /** Norm letter → framework item id ("c" → "13c"). */
  norms: ReadonlyMap<string, string>;
}

export const NO_LINK_TARGETS: KnownLinkTargets = {
  resolutions: new Set(),
  documents: new Map(),
  votes: new Map(),
  norms: new Map(),
};

/** A piece of a linked text: words as they are, or words with the address they link to. */
export type TextPiece = string | { text: string; href: string };

// "decision 75/564", "decisions 75/564 and 77/512": GA decisions, which the reference detector leaves out (no symbol).
const DECISION_TRIGGER = /\bdecisions?\s+/g;
const DECISION_NUMBER = /^(\d{1,3}\/\d{3})(?![\d/])/;
const DECISION_GLUE = /^(?:,\s*|\s+and\s+|,\s+and\s+)/;

/** Every reference of a text, in order, none overlapping (the longer wins where two detectors read the same words). */
export function findTextReferences(text: string): TextReference[] {
  const found: TextReference[] = [];
  for (const r of locateResolutionReferences(text))
    if (r.symbol !== null) found.push({ start: r.start, end: r.end, target: { kind: "symbol", symbol: r.symbol } });
  for (const trigger of text.matchAll(DECISION_TRIGGER)) {
    let offset = trigger.index + trigger[0].length;
    for (let guard = 0; guard < 50; guard++) {
      const number = DECISION_NUMBER.exec(text.slice(offset));
      if (!number) break;
      const symbol = `decision ${number[1]}`;
      found.push({ start: offset, end: offset + number[0].length, target: { kind: "decision", symbol } });
      offset += number[0].length;
      const glue = DECISION_GLUE.exec(text.slice(offset));
      if (!glue) break;
      offset += glue[0].length;
    }
  }
  for (const ref of findExplicitNormReferences(text))
    found.push({ start: ref.start, end: ref.end, target: { kind: "norm", letter: ref.letter } });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextReference[] = [];
  for (const r of found) if (!kept.length || r.start >= kept[kept.length - 1]!.end) kept.push(r);
  return kept;
}

/** The symbols a page must look up to link these texts (decisions included), each once. */
export function symbolsToLookUp(texts: readonly (string | null | undefined)[]): string[] {
  const symbols = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const r of findTextReferences(text)) if (r.target.kind !== "norm") symbols.add(r.target.symbol);
  }
  return [...symbols];
}

/** Where a symbol links: its resolution page, else its stored document, else its recorded vote; null when none exists. */
export function hrefOfSymbol(symbol: string, known: KnownLinkTargets): string | null {
  if (known.resolutions.has(symbol)) return `/resolutions/${symbolPath(symbol)}`;
  const slug = known.documents.get(symbol) ?? known.documents.get(symbolWithoutPart(symbol));
  if (slug) return documentPath(slug);
  const vote = known.votes.get(symbol)?.[0];
  return vote ? `/votes/${symbolPath(vote)}` : null;
}

export function hrefOfReference(target: TextReferenceTarget, known: KnownLinkTargets): string | null {
  if (target.kind === "norm") {
    const id = known.norms.get(target.letter);
    return id ? `/norms/${encodeURIComponent(id)}` : null;
  }
  if (target.kind === "decision")
    return known.resolutions.has(target.symbol) ? `/resolutions/${symbolPath(target.symbol)}` : null;
  return hrefOfSymbol(target.symbol, known);
}

/**
 * The text cut into plain pieces and linked pieces. `currentHref` is the page itself: a reference to it stays plain
 * (a resolution's own symbol in its summary, "13 (c)" on the norm's page).
 */
export function linkText(text: string, known: KnownLinkTargets, currentHref?: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const r of findTextReferences(text)) {
    const href = hrefOfReference(r.target, known);
    if (!href || href === currentHref) continue;
    if (r.start > at) pieces.push(text.slice(at, r.start));
    pieces.push({ text: text.slice(r.start, r.end), href });
    at = r.end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return pieces;
}
