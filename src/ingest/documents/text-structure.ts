// Plain text blocks (from PDF, DOCX, HTML, text or Markdown) → numbered paragraphs and metadata, the way UN texts are laid out.
import type { ParsedDocument, ParsedParagraph } from "../../domain/documents.js";
import { cleanText, uniqueAnchors } from "../../domain/documents.js";
import { MONTH_NAMES } from "../../domain/partial-date.js";
import { documentTypeOfSymbol, parseSymbol } from "../../domain/symbols.js";
import type { DocumentFormat } from "../../domain/vocabulary.js";

const DATE = new RegExp(`\\b(\\d{1,2}) (${MONTH_NAMES.join("|")}) (\\d{4})\\b`);
const SYMBOL_LINE = /^(?:A|S|E)\/[A-Za-z0-9.\-/]+$/;
const OPERATIVE = /^(\d{1,3})\.\s+(\S.*)$/s;
const SUB_ITEM = /^\(([a-z]{1,4})\)\s+(\S.*)$/s;

export interface TextStructureOptions {
  format: DocumentFormat;
  /** Title found by the format itself (HTML <title>, a first heading), preferred over guessing. */
  title?: string | null;
}

/**
 * Reads blocks of text in order. Before the first numbered paragraph, blocks after "The General Assembly," are
 * preambular (pp); "1. …" blocks are operative (op); "(a) …" blocks are sub-items of the last one; other blocks are
 * plain paragraphs. The symbol, date and title come from the first lines when the document states them.
 */
export function structureTextBlocks(rawBlocks: string[], options: TextStructureOptions): ParsedDocument {
  const blocks = rawBlocks.map(cleanText).filter((b) => b.length > 0);
  const head = blocks.slice(0, 15);
  const symbolLine = head.find((b) => SYMBOL_LINE.test(b) && parseSymbol(b));
  const symbol = symbolLine
    ? parseSymbol(symbolLine)!.symbol
    : (head
        .map((b) => /^(?:A|S|E)\/\S+/.exec(b)?.[0])
        .map((s) => (s ? parseSymbol(s) : null))
        .find(Boolean)?.symbol ?? null);
  // A resolution states its adoption date ("Resolution adopted by the General Assembly on 27 December 2019"); prefer it to the issue date.
  const adopted = head.map((b) => (/\badopted by the .+? on (.+)$/i.test(b) ? DATE.exec(b) : null)).find(Boolean);
  const dateMatch = adopted ?? head.map((b) => DATE.exec(b)).find(Boolean);
  const date = dateMatch
    ? `${dateMatch[3]}-${String(MONTH_NAMES.indexOf(dateMatch[2]!) + 1).padStart(2, "0")}-${dateMatch[1]!.padStart(2, "0")}`
    : null;
  const enacting = blocks.findIndex((b) =>
    /^The (General Assembly|Security Council|Human Rights Council)\s*,?$/i.test(b),
  );
  const resolutionTitle =
    symbol && /^\d+\/\d+\.\s+\S/.test(blocks[enacting - 1] ?? "")
      ? blocks[enacting - 1]!.replace(/^\d+\/\d+\.\s+/, "")
      : null;
  const title =
    cleanText(options.title ?? "") ||
    resolutionTitle ||
    head.find((b) => b !== symbolLine && b.length > 12 && !DATE.test(b)) ||
    symbol ||
    "Untitled document";

  const paragraphs: ParsedParagraph[] = [];
  let pp = 0;
  let plain = 0;
  let lastOperative: ParsedParagraph | null = null;
  const start = enacting >= 0 ? enacting + 1 : 0;
  if (enacting > 0)
    for (const b of blocks.slice(0, enacting))
      paragraphs.push({
        anchor: `p-${++plain}`,
        label: `para ${plain}`,
        kind: "text",
        heading: null,
        text: b,
        notes: [],
      });
  for (const block of blocks.slice(start)) {
    const op = OPERATIVE.exec(block);
    const sub = SUB_ITEM.exec(block);
    if (op) {
      lastOperative = {
        anchor: `op-${op[1]}`,
        label: `op ${op[1]}`,
        kind: "operative",
        heading: null,
        text: block,
        notes: [],
      };
      paragraphs.push(lastOperative);
    } else if (sub && lastOperative) {
      paragraphs.push({
        anchor: `${lastOperative.anchor}-${sub[1]}`,
        label: `${lastOperative.label} (${sub[1]})`,
        kind: "sub-item",
        heading: null,
        text: block,
        notes: [],
      });
    } else if (enacting >= 0 && !lastOperative) {
      pp++;
      paragraphs.push({
        anchor: `pp-${pp}`,
        label: `pp ${pp}`,
        kind: "preambular",
        heading: null,
        text: block,
        notes: [],
      });
    } else {
      plain++;
      paragraphs.push({
        anchor: `p-${plain}`,
        label: `para ${plain}`,
        kind: "text",
        heading: null,
        text: block,
        notes: [],
      });
    }
  }
  const parsedSymbol = symbol ? parseSymbol(symbol) : null;
  return {
    symbol,
    title: title.slice(0, 500),
    date,
    language: "en",
    type: (parsedSymbol && documentTypeOfSymbol(parsedSymbol)) ?? "other",
    format: options.format,
    authors: [],
    paragraphs: uniqueAnchors(paragraphs),
  };
}

/** Splits plain text into blocks at blank lines; a line that starts a numbered or lettered paragraph also starts a block. */
export function splitTextBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(current.join(" "));
    current = [];
  };
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    if (/^(\d{1,3}\.|\([a-z]{1,4}\))\s/.test(trimmed)) flush();
    current.push(trimmed);
  }
  flush();
  return blocks;
}
