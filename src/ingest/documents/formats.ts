// Detects a file's format from its bytes and name, and reads it with a well-kept library into a parsed document.
import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { Parser as HtmlTokenizer } from "htmlparser2";
import mammoth from "mammoth";
import { getDocumentProxy } from "unpdf";
import type { ParsedDocument } from "../../domain/documents.js";
import type { DocumentFormat } from "../../domain/vocabulary.js";
import { DocumentParseError, isAkn, parseAkn } from "./akn.js";
import { assertSafeArchive } from "./docx-archive.js";
import { splitTextBlocks, structureTextBlocks } from "./text-structure.js";

export class UnsupportedFormatError extends Error {
  override readonly name = "UnsupportedFormatError";
}

export function detectFormat(bytes: Uint8Array, name: string, contentType?: string | null): DocumentFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 512))
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "")
    .trimStart();
  if (head.startsWith("%PDF-")) return "pdf";
  if (head.startsWith("PK\x03\x04")) {
    if (ext === "docx" || type.includes("wordprocessingml")) return "docx";
    throw new UnsupportedFormatError("a ZIP archive that is not a .docx file");
  }
  if (ext === "pdf" || type === "application/pdf")
    throw new DocumentParseError("named as a PDF but not a PDF file (no %PDF- header)");
  if (ext === "docx") throw new DocumentParseError("named as a DOCX but not a ZIP-based Word file");
  if (ext === "html" || ext === "htm" || type === "text/html" || /^<!doctype html|^<html[\s>]/i.test(head))
    return "html";
  if (ext === "xml" || ext === "akn" || head.startsWith("<?xml") || head.startsWith("<akomaNtoso")) return "akn";
  if (ext === "md" || ext === "markdown" || type === "text/markdown") return "markdown";
  if (ext === "txt" || ext === "text" || type === "text/plain" || (ext === "" && !bytes.subarray(0, 4096).includes(0)))
    return "text";
  throw new UnsupportedFormatError(
    `unsupported file type${ext ? ` .${ext}` : ""}${type ? ` (${type})` : ""}: expected Akoma Ntoso XML, PDF, DOCX, HTML, text or Markdown`,
  );
}

export async function parseDocumentBytes(
  bytes: Uint8Array,
  name: string,
  contentType?: string | null,
): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new DocumentParseError("empty file");
  const format = detectFormat(bytes, name, contentType);
  switch (format) {
    case "akn": {
      const xml = decodeUtf8(bytes);
      if (!isAkn(xml)) throw new UnsupportedFormatError("XML that is not Akoma Ntoso (no <akomaNtoso> root)");
      return parseAkn(xml);
    }
    case "pdf":
      return parsePdf(bytes);
    case "docx":
      return parseDocx(bytes);
    case "html":
      return parseHtml(decodeUtf8(bytes));
    case "markdown":
      return parseMarkdown(decodeUtf8(bytes));
    case "text":
      return structureTextBlocks(splitTextBlocks(decodeUtf8(bytes)), { format: "text" });
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new DocumentParseError("not valid UTF-8 text");
  }
}

async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  let pages: PdfLine[][];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = [];
    for (let n = 1; n <= pdf.numPages; n++)
      pages.push(linesOfPage((await (await pdf.getPage(n)).getTextContent()).items as PdfTextItem[]));
  } catch (error) {
    if (error instanceof Error && error.name === "PasswordException")
      throw new DocumentParseError(
        "unreadable PDF: it is encrypted (password-protected); save it without a password and try again",
      );
    throw new DocumentParseError(`unreadable PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
  const blocks: string[] = [];
  for (const page of pages) {
    const pageBlocks = blocksOfLines(page);
    // A paragraph that runs over a page break: the page ends mid-sentence, so the next page's first block continues it.
    if (blocks.length && pageBlocks.length && !/[.,;:)]$/.test(blocks[blocks.length - 1]!.trim()))
      blocks[blocks.length - 1] += `\n${pageBlocks.shift()!}`;
    blocks.push(...pageBlocks);
  }
  if (blocks.length === 0) throw new DocumentParseError("PDF without extractable text (scanned images need OCR first)");
  return structureTextBlocks(
    blocks.flatMap((b) => splitTextBlocks(b)),
    { format: "pdf" },
  );
}

interface PdfTextItem {
  str?: string;
  transform?: number[];
  hasEOL?: boolean;
}
interface PdfLine {
  y: number;
  text: string;
}

/** Groups text items into lines by their baseline. */
function linesOfPage(items: PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const item of items) {
    if (typeof item.str !== "string" || !item.transform) continue;
    const y = item.transform[5]!;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - y) < 2) last.text += item.str;
    else if (item.str.trim() || last) lines.push({ y, text: item.str });
  }
  return lines.filter((l) => l.text.trim());
}

/** A gap between lines clearly wider than the usual line spacing ends a paragraph. */
function blocksOfLines(lines: PdfLine[]): string[] {
  if (lines.length === 0) return [];
  const gaps = lines
    .slice(1)
    .map((l, i) => Math.abs(lines[i]!.y - l.y))
    .sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 4)] ?? 0;
  const blocks: string[][] = [[lines[0]!.text]];
  for (let i = 1; i < lines.length; i++) {
    const gap = Math.abs(lines[i - 1]!.y - lines[i]!.y);
    if (usual > 0 && gap > usual * 1.4) blocks.push([]);
    blocks[blocks.length - 1]!.push(lines[i]!.text);
  }
  return blocks.map((b) => b.join("\n"));
}

async function parseDocx(bytes: Uint8Array): Promise<ParsedDocument> {
  await assertSafeArchive(bytes);
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch (error) {
    throw new DocumentParseError(`unreadable DOCX: ${error instanceof Error ? error.message : String(error)}`);
  }
  // mammoth separates Word paragraphs with blank lines, so each Word paragraph is one block.
  return structureTextBlocks(value.split(/\n\s*\n/), { format: "docx" });
}

/** Browsers stop nesting at 512 (Blink's parser limit); real pages stay far below. */
export const MAX_HTML_DEPTH = 512;
const HTML_BLOCKS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "td", "th", "pre"]);

function parseHtml(html: string): ParsedDocument {
  // Tree building grows quadratically with nesting (40,000 nested <div> took 35 s), so depth is measured first by a
  // streaming tokenizer, which keeps no tree and runs in linear time.
  const depth = maxHtmlDepth(html);
  if (depth > MAX_HTML_DEPTH)
    throw new DocumentParseError(`refused HTML: elements nested ${depth} deep, over the limit of ${MAX_HTML_DEPTH}`);
  const $ = cheerio.load(html);
  $("script, style, noscript, template, nav, header, footer, form").remove();
  const title = $("title").first().text() || $("h1").first().text() || null;
  const blocks: string[] = [];
  collectLeafBlocks($.root()[0]!, (el) => blocks.push($(el).text()));
  return structureTextBlocks(blocks.length ? blocks : splitTextBlocks($("body").text()), { format: "html", title });
}

function maxHtmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const tokenizer = new HtmlTokenizer(
    {
      onopentag() {
        max = Math.max(max, ++depth);
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  tokenizer.end(html);
  return max;
}

/**
 * Calls `take` on each block element that holds no other block (a <p> in a <td> gives the <p> only), in document
 * order, in one walk of the tree; returns whether the node holds a block.
 */
function collectLeafBlocks(node: AnyNode, take: (leaf: Element) => void): boolean {
  let holdsBlock = false;
  for (const child of "children" in node ? node.children : []) if (collectLeafBlocks(child, take)) holdsBlock = true;
  if (node.type === "tag" && HTML_BLOCKS.has(node.name)) {
    if (!holdsBlock) take(node);
    return true;
  }
  return holdsBlock;
}

function parseMarkdown(markdown: string): ParsedDocument {
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? null;
  const plain = markdown
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]+?)\1/g, "$2")
    .replace(/^\s*[-*+]\s+/gm, "")
    .replace(/^>\s?/gm, "");
  return structureTextBlocks(splitTextBlocks(plain), { format: "markdown", title });
}
