// Akoma Ntoso (AKN4UN) resolutions as the UN publishes them → a parsed document with preambular, operative and annex paragraphs.
import type { ParsedDocument, ParsedParagraph } from "../../domain/documents.js";
import { cleanText, uniqueAnchors } from "../../domain/documents.js";
import { documentTypeOfSymbol, normalizeSymbol, parseSymbol } from "../../domain/symbols.js";
import type { DocumentType } from "../../domain/vocabulary.js";
import { childElements, findFirst, parseXml, textOf, type XmlElement } from "./xml-tree.js";

export class DocumentParseError extends Error {
  override readonly name = "DocumentParseError";
}

const LANGUAGES: Record<string, string> = {
  eng: "en",
  fra: "fr",
  spa: "es",
  rus: "ru",
  ara: "ar",
  zho: "zh",
  chi: "zh",
  fre: "fr",
};
const AUTHORS: Record<string, string> = {
  ga: "General Assembly",
  sc: "Security Council",
  ecosoc: "Economic and Social Council",
};
const SKIP_IN_TEXT = new Set(["num", "authorialNote", "list", "subheading", "heading", "point", "img"]);
const POINT_SKIP = new Set(["num", "authorialNote", "list", "img"]);

export function isAkn(text: string): boolean {
  return /<akomaNtoso[\s>]/.test(text.slice(0, 4000));
}

export function parseAkn(xml: string): ParsedDocument {
  const root = parseXml(xml);
  if (root.name !== "akomaNtoso") throw new DocumentParseError(`not Akoma Ntoso: root element is <${root.name}>`);
  const doc = childElements(root)[0];
  if (!doc) throw new DocumentParseError("Akoma Ntoso document without a document element");
  const meta = findFirst(doc, "meta");
  const work = meta ? findFirst(meta, "FRBRWork") : null;
  const expression = meta ? findFirst(meta, "FRBRExpression") : null;
  const symbol = readSymbol(doc, work);
  const statementName = doc.attributes["name"] ?? "";
  const type: DocumentType =
    statementName === "resolution"
      ? "resolution"
      : statementName === "decision"
        ? "decision"
        : ((symbol ? documentTypeOfSymbol(parseSymbol(symbol)!) : null) ?? "other");
  const preface = findFirst(doc, "preface");
  const titleEl = preface ? findFirst(preface, "docTitle") : null;
  // The Arabic texts open the title with the dash that follows the number on the printed page ("75/240 - التطورات…").
  const title = cleanText(titleEl ? textOf(titleEl) : "").replace(/^[-–]\s*/, "") || symbol || "Untitled document";
  const dateAttr = work ? findFirst(work, "FRBRdate")?.attributes["date"] : undefined;
  const languageCode = expression ? findFirst(expression, "FRBRlanguage")?.attributes["language"] : undefined;
  const authorHref = work ? findFirst(work, "FRBRauthor")?.attributes["href"]?.replace(/^#/, "") : undefined;

  const paragraphs: ParsedParagraph[] = [];
  if (doc.name === "documentCollection") {
    // Resolutions adopted in parts (74/250 A and B): each component statement is read under its own prefix.
    const components = childElements(root, "components")[0] ?? findFirst(doc, "components");
    const statements = components
      ? childElements(components)
          .map((c) => childElements(c)[0])
          .filter((s): s is XmlElement => s !== undefined)
      : [];
    statements.forEach((statement, i) => readStatement(statement, `${partLetter(statement, i)}-`, paragraphs));
  } else {
    readStatement(doc, "", paragraphs);
  }
  return {
    symbol,
    title,
    date: dateAttr && /^\d{4}-\d{2}-\d{2}$/.test(dateAttr) ? dateAttr : null,
    language: (languageCode && LANGUAGES[languageCode]) ?? "en",
    type,
    format: "akn",
    authors: authorHref && AUTHORS[authorHref.toLowerCase()] ? [AUTHORS[authorHref.toLowerCase()]!] : [],
    paragraphs: uniqueAnchors(paragraphs.filter((p) => p.text.length > 0)),
  };
}

function readStatement(statement: XmlElement, prefix: string, paragraphs: ParsedParagraph[]): void {
  const preamble = childElements(statement, "preamble")[0];
  if (preamble) readPreamble(preamble, prefix, null, paragraphs);
  const body = childElements(statement, "mainBody")[0] ?? childElements(statement, "body")[0];
  if (body) new BodyWalker(paragraphs, prefix, false).walk(body);
  const attachments = childElements(statement, "attachments")[0];
  if (attachments) {
    childElements(attachments).forEach((attachment, i) => {
      const annexBody = findFirst(attachment, "mainBody") ?? attachment;
      new BodyWalker(paragraphs, `${prefix}annex${i + 1}-`, true).walk(annexBody);
    });
  }
}

/** The part letter of a component resolution, from its FRBR URI (".../74-250A/") or its position. */
function partLetter(statement: XmlElement, index: number): string {
  const uri = findFirst(statement, "FRBRuri")?.attributes["value"] ?? "";
  return (/-\d+([A-Z])\/?$/.exec(uri)?.[1] ?? String.fromCharCode(97 + index)).toLowerCase();
}

/**
 * The symbol as the document states it: the `docNumber` marked `#symbol` ("A/RES/74/232 B", "A/RES/75/254 A-C": parts
 * included, so the parts of a resolution adopted in parts stay apart), else the cover page's first number, else the FRBR
 * work URI (/unga/2022-12-07/77-37/, 75-254A-C, S-32-1), which for some later parts omits the letter (75-242 for 75/242 B).
 */
function readSymbol(doc: XmlElement, work: XmlElement | null): string | null {
  const front = [findFirst(doc, "coverPage"), findFirst(doc, "preface")].filter((el): el is XmlElement => el !== null);
  const marked =
    front
      .map((el) => findFirstWith(el, "docNumber", (n) => n.attributes["refersTo"] === "#symbol"))
      .find((el) => el !== null) ?? null;
  const fromMarked = marked ? normalizeSymbol(cleanText(textOf(marked))) : null;
  if (fromMarked) return fromMarked;
  const cover = findFirst(doc, "coverPage");
  const docNumber = cover ? findFirst(cover, "docNumber") : null;
  const fromCover = docNumber ? normalizeSymbol(cleanText(textOf(docNumber))) : null;
  if (fromCover) return fromCover;
  // FRBR work URI: /akn/un/statement/deliberation/unga/2022-12-07/77-37/
  const uri = work ? findFirst(work, "FRBRuri")?.attributes["value"] : undefined;
  const match = uri ? /\/unga\/[\d-]+\/((?:E?S-)?\d+)-(\d+)([A-Z](?:-[A-Z])?)?\/?$/i.exec(uri) : null;
  return match ? normalizeSymbol(`A/RES/${match[1]}/${match[2]}${match[3] ? ` ${match[3].toUpperCase()}` : ""}`) : null;
}

/** The first element named `name` (depth first, in document order) that satisfies `test`. */
function findFirstWith(el: XmlElement, name: string, test: (el: XmlElement) => boolean): XmlElement | null {
  for (const child of childElements(el)) {
    if (child.name === name && test(child)) return child;
    const found = findFirstWith(child, name, test);
    if (found) return found;
  }
  return null;
}

function readPreamble(preamble: XmlElement, prefix: string, heading: string | null, out: ParsedParagraph[]): void {
  let n = 0;
  for (const el of childElements(preamble)) {
    if (el.name === "formula") continue;
    const text = cleanText(textOf(el, SKIP_IN_TEXT));
    if (!text) continue;
    n++;
    out.push({
      anchor: `${prefix}pp-${n}`,
      label: `${labelPrefix(prefix)}pp ${n}`,
      kind: "preambular",
      heading,
      text,
      notes: notesOf(el),
    });
  }
}

/** Walks a mainBody (or an annex) in document order, numbering paragraphs under the current section prefix. */
class BodyWalker {
  private unnumbered = 0;
  private headings = 0;
  private crossHeadings = 0;
  private heading: string | null = null;
  private article: string | null = null;
  private lastOperative: { anchor: string; label: string } | null = null;

  constructor(
    private readonly out: ParsedParagraph[],
    private readonly prefix: string,
    private readonly isAnnex: boolean,
  ) {}

  walk(container: XmlElement): void {
    for (const el of childElements(container)) this.visit(el);
  }

  private visit(el: XmlElement): void {
    switch (el.name) {
      case "paragraph":
        return this.paragraph(el);
      case "section":
      case "subsection":
      case "hcontainer":
      case "chapter":
      case "article": {
        const num = cleanText(textOf(childElements(el, "num")[0] ?? ""));
        const title = cleanText(textOf(childElements(el, "subheading")[0] ?? childElements(el, "heading")[0] ?? ""));
        const heading = [num, title].filter(Boolean).join(" ");
        if (heading) this.pushHeading(heading);
        const sub = new BodyWalker(this.out, num ? `${this.prefix}sec-${slugPart(num)}-` : this.prefix, this.isAnnex);
        sub.heading = heading || this.heading;
        return sub.walk(el);
      }
      case "crossHeading": {
        const text = cleanText(textOf(el, SKIP_IN_TEXT));
        if (!text) return;
        this.crossHeadings++;
        this.out.push({
          anchor: `${this.prefix}pp-${this.crossHeadings}`,
          label: `${labelPrefix(this.prefix)}pp ${this.crossHeadings}`,
          kind: "preambular",
          heading: this.heading,
          text,
          notes: notesOf(el),
        });
        return;
      }
      case "num":
      case "subheading":
      case "heading":
        return;
      default: {
        const text = cleanText(textOf(el, SKIP_IN_TEXT));
        if (text) this.pushUnnumbered(text, notesOf(el));
      }
    }
  }

  private paragraph(el: XmlElement): void {
    const subheading = childElements(el, "subheading")[0] ?? childElements(el, "heading")[0];
    const content = childElements(el).filter(
      (c) => c.name !== "num" && c.name !== "subheading" && c.name !== "heading",
    );
    if (subheading && content.length === 0) return this.pushHeading(cleanText(textOf(subheading)));
    const list = findFirst(el, "list");
    const intro = list ? findFirst(list, "intro") : null;
    const fullText = cleanText(
      list
        ? textOf(intro ?? "", SKIP_IN_TEXT) +
            " " +
            textOf({ ...el, children: content.filter((c) => c.name !== "list") }, SKIP_IN_TEXT)
        : textOf(el, SKIP_IN_TEXT),
    );
    // The Arabic texts carry no <num>: the number opens the text ("1 -\t تقرر …"); read it so op 1 is op 1 in every language.
    const numEl = childElements(el, "num")[0];
    const inline = numEl ? null : INLINE_NUMBER.exec(fullText);
    // "5.", and in Arabic "54-": the number without its punctuation.
    const num = inline ? inline[1]! : cleanText(textOf(numEl ?? "")).replace(/\s*[.\-–]$/, "");
    const text = inline ? fullText.slice(inline[0].length) : fullText;
    const notes = notesOf(el);
    let anchor: string;
    const item = /^\([a-z]{1,4}\)$/.test(num) ? num : leadingItem(text);
    if (/^\d+$/.test(num) && !this.isAnnex) {
      anchor = `${this.prefix}op-${num}`;
      this.out.push({
        anchor,
        label: `${labelPrefix(this.prefix)}op ${num}`,
        kind: "operative",
        heading: this.heading,
        text,
        notes,
      });
      this.lastOperative = { anchor, label: `${labelPrefix(this.prefix)}op ${num}` };
    } else if (!this.isAnnex && item && this.lastOperative) {
      // Sub-items printed as separate unnumbered paragraphs after their operative paragraph (74/28 op 1 (a)).
      anchor = `${this.lastOperative.anchor}-${slugPart(item)}`;
      this.out.push({
        anchor,
        label: `${this.lastOperative.label} ${item}`,
        kind: "sub-item",
        heading: this.heading,
        text,
        notes,
      });
    } else if (this.isAnnex && this.article) {
      const leading = num || leadingItem(text);
      anchor = `${this.prefix}art-${this.article}-${leading ? slugPart(leading) : `p${++this.unnumbered}`}`;
      this.out.push({
        anchor,
        label: `${labelPrefix(this.prefix)}Article ${this.article}${leading ? (/^\d+$/.test(leading) ? `, para ${leading}` : ` ${leading}`) : ""}`,
        kind: "annex",
        heading: this.heading,
        text,
        notes,
      });
    } else {
      anchor = `${this.prefix}p-${++this.unnumbered}`;
      this.out.push({
        anchor,
        label: `${labelPrefix(this.prefix)}${num ? num : `para ${this.unnumbered}`}`,
        kind: this.isAnnex ? "annex" : "text",
        heading: this.heading,
        text,
        notes,
      });
    }
    if (list) this.points(list, anchor, this.out[this.out.length - 1]!.label);
  }

  private points(list: XmlElement, parentAnchor: string, parentLabel: string): void {
    for (const point of childElements(list, "point")) {
      const num = cleanText(textOf(childElements(point, "num")[0] ?? ""));
      const letter = num.replace(/[().\s]/g, "") || String(this.out.length);
      const anchor = `${parentAnchor}-${slugPart(letter)}`;
      const label = `${parentLabel} ${num || `(${letter})`}`;
      const nested = findFirst(point, "list");
      const text = cleanText(textOf(nested ? (findFirst(nested, "intro") ?? point) : point, POINT_SKIP));
      this.out.push({ anchor, label, kind: "sub-item", heading: this.heading, text, notes: notesOf(point) });
      if (nested) this.points(nested, anchor, label);
    }
  }

  private pushHeading(text: string): void {
    if (!text) return;
    const article = /^Article (\d+)\.?$/i.exec(text);
    if (article) this.article = article[1]!;
    else if (/^(Chapter|Annex|Preamble)\b/i.test(text)) this.article = null;
    const continuesArticle =
      !article && !/^(Chapter|Annex|Preamble)\b/i.test(text) && /^Article \d+\.?$/i.test(this.heading ?? "");
    this.heading = continuesArticle ? `${this.heading} — ${text}` : text;
    this.headings++;
    this.out.push({
      anchor: `${this.prefix}h-${this.headings}`,
      label: `${labelPrefix(this.prefix)}heading`,
      kind: "heading",
      heading: null,
      text,
      notes: [],
    });
  }

  private pushUnnumbered(text: string, notes: string[]): void {
    this.unnumbered++;
    this.out.push({
      anchor: `${this.prefix}p-${this.unnumbered}`,
      label: `${labelPrefix(this.prefix)}para ${this.unnumbered}`,
      kind: this.isAnnex ? "annex" : "text",
      heading: this.heading,
      text,
      notes,
    });
  }
}

function notesOf(el: XmlElement): string[] {
  const notes: string[] = [];
  const visit = (node: XmlElement) => {
    for (const child of childElements(node)) {
      if (child.name === "authorialNote") {
        const text = cleanText(textOf(child));
        if (text) notes.push(text);
      } else if (child.name !== "list") visit(child);
    }
  };
  visit(el);
  return notes;
}

/** A paragraph number written at the start of the text, as the Arabic versions print it: "1 - ", "12 -". */
const INLINE_NUMBER = /^(\d{1,3}) ?[-–] ?/;

/**
 * The item letter a sub-item's text opens with, as "(a)": "(a) " in English, Chinese and Spanish, "a) " in French, and
 * in Arabic a letter in abjad order ("(أ) ", "(ب) ", "(ج) " are (a), (b), (c)), so a sub-item has the same anchor in every language.
 */
function leadingItem(text: string): string | null {
  const latin = /^\(([a-z]{1,4})\)\s/.exec(text) ?? /^([a-z])\)\s/.exec(text);
  if (latin) return `(${latin[1]})`;
  const arabic = /^\((\S{1,3}?)\)\s/.exec(text)?.[1];
  // Presentation forms ("ﻫ" U+FEEB) and tatweel ("هـ") are the same letter.
  const index = arabic ? ABJAD.indexOf(arabic.normalize("NFKC").replace(/\u0640/g, "")) : -1;
  return index >= 0 ? `(${String.fromCharCode(97 + index)})` : null;
}

/** Arabic item letters in the order the UN texts use for (a)–(z). */
const ABJAD = [
  "أ",
  "ب",
  "ج",
  "د",
  "ه",
  "و",
  "ز",
  "ح",
  "ط",
  "ي",
  "ك",
  "ل",
  "م",
  "ن",
  "س",
  "ع",
  "ف",
  "ص",
  "ق",
  "ر",
  "ش",
  "ت",
  "ث",
  "خ",
  "ذ",
  "ض",
];

function slugPart(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "x"
  );
}

function labelPrefix(prefix: string): string {
  const part = /^([a-z])-/.exec(prefix);
  if (part) return `${part[1]!.toUpperCase()}, ${labelPrefix(prefix.slice(2))}`;
  const annex = /^annex(\d+)-/.exec(prefix);
  const section = [...prefix.matchAll(/sec-([a-z0-9-]+?)-(?=sec-|$|op|pp|p-)/g)].map((m) => m[1]!.toUpperCase());
  return [
    annex ? `Annex${annex[1] === "1" ? "" : ` ${annex[1]}`}, ` : "",
    section.length ? `section ${section.join(".")}, ` : "",
  ].join("");
}
