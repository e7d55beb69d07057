// Documents and their numbered paragraphs: the shapes ingest produces and pages show, and the rules for anchors and labels.
import type { DocumentFormat, DocumentType, MentionKind, ParagraphKind } from "./vocabulary.js";
import { SEARCH_CONFIGS, type SearchConfig } from "./vocabulary.js";

export interface ParsedParagraph {
  /** Stable within the document: "pp-3", "op-5", "op-5-a", "annex-art-7-1"; the permalink fragment. */
  anchor: string;
  /** How people cite it: "pp 3", "op 5", "op 5 (a)", "Article 7, para 1". */
  label: string;
  kind: ParagraphKind;
  /** The heading the paragraph sits under in an annex ("Article 7 Illegal access"), when there is one. */
  heading: string | null;
  text: string;
  /** Footnotes attached to the paragraph, in order. */
  notes: string[];
}

/** What a parser reads from one file, before it is validated and stored. */
export interface ParsedDocument {
  symbol: string | null;
  title: string;
  /** ISO date (adoption or issue), when the document states one. */
  date: string | null;
  /** ISO 639-1 code. */
  language: string;
  type: DocumentType;
  format: DocumentFormat;
  authors: string[];
  paragraphs: ParsedParagraph[];
}

export interface DocumentSummary {
  id: number;
  slug: string;
  symbol: string | null;
  title: string;
  date: string | null;
  language: string;
  type: DocumentType;
  version: number;
  gaSession: number | null;
  paragraphCount: number;
}

export interface DocumentDetail extends DocumentSummary {
  format: DocumentFormat;
  authors: string[];
  processId: string | null;
  processName: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  licence: string;
  attribution: string | null;
  contentHash: string;
  ingestedAt: Date;
  versions: { version: number; contentHash: string; ingestedAt: Date; isCurrent: boolean }[];
  paragraphs: DocumentParagraph[];
}

export interface DocumentParagraph extends ParsedParagraph {
  id: number;
  position: number;
  mentions: ParagraphMention[];
}

export interface ParagraphMention {
  kind: MentionKind;
  targetId: string;
  /** 1 for explicit references; below 1 for keyword topic matches. */
  confidence: number;
  matchedText: string;
}

/** One edge of the citation graph: a paragraph of one document cites another document's symbol. */
export interface Citation {
  fromSlug: string;
  fromSymbol: string | null;
  fromTitle: string;
  fromAnchor: string;
  fromLabel: string;
  targetSymbol: string;
  /** The cited document when it is in the database. */
  targetSlug: string | null;
  targetTitle: string | null;
  matchedText: string;
}

/** The text-search configuration a language is indexed with. */
export function searchConfigOf(language: string): SearchConfig {
  return (SEARCH_CONFIGS as Record<string, SearchConfig>)[language] ?? "simple";
}

/**
 * The URL path of a document: the symbol itself (slashes kept), or the slug of a document without one; a language
 * other than English (the corpus's first language, shown when none is asked for) is named by `?lang=`.
 */
export function documentPath(slug: string, language?: string | null): string {
  const path = `/documents/${slug.split("/").map(encodeURIComponent).join("/")}`;
  return language && language !== DEFAULT_LANGUAGE ? `${path}?lang=${encodeURIComponent(language)}` : path;
}

export function paragraphPermalink(slug: string, anchor: string, language?: string | null): string {
  return `${documentPath(slug, language)}#${anchor}`;
}

/** The language a document is shown in when none is asked for and it exists in it. */
export const DEFAULT_LANGUAGE = "en";

/** The six UN official languages, in the UN's order (alphabetical in English), each named in itself. */
export const UN_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export const LANGUAGE_NAMES: Record<string, { english: string; native: string }> = {
  ar: { english: "Arabic", native: "العربية" },
  zh: { english: "Chinese", native: "中文" },
  en: { english: "English", native: "English" },
  fr: { english: "French", native: "Français" },
  ru: { english: "Russian", native: "Русский" },
  es: { english: "Spanish", native: "Español" },
};

/** A language's name for people: "Français (French)", or the code when it is not one we know. */
export function languageName(language: string): string {
  const names = LANGUAGE_NAMES[language];
  if (!names) return language;
  return names.native === names.english ? names.english : `${names.native} (${names.english})`;
}

/** The writing direction of a language's script: right to left for Arabic (and Hebrew, Persian, Urdu), else left to right. */
export function textDirectionOf(language: string): "rtl" | "ltr" {
  return ["ar", "he", "fa", "ur"].includes(language) ? "rtl" : "ltr";
}

/**
 * How the paragraphs of two language versions of one text correspond. Anchors come from the texts' own structure
 * (preambular order, operative numbers, annex articles), so equal anchors are corresponding paragraphs; an anchor that
 * only one version has is listed, so a reader can be told that a link by position would land elsewhere.
 */
export function compareParagraphAnchors(
  these: readonly string[],
  other: readonly string[],
): { corresponding: number; onlyHere: string[]; onlyThere: string[] } {
  const there = new Set(other);
  const here = new Set(these);
  return {
    corresponding: these.filter((a) => there.has(a)).length,
    onlyHere: these.filter((a) => !there.has(a)),
    onlyThere: other.filter((a) => !here.has(a)),
  };
}

/**
 * Text that looks the same on screen must search the same: PDF and word-processor text carries soft hyphens, zero-width
 * spaces, word joiners, byte-order marks and typographic ligatures (ﬁ, ﬃ) that PostgreSQL's parser keeps
 * inside words, so "Global Plan of Ac\u00adtion" or "Traﬃcking" never matched a phrase typed or pasted from the page.
 * Removes the invisible ones and spells ligatures out; used on stored text and on search queries alike.
 */
export function foldInvisibleCharacters(text: string): string {
  return text
    .replace(/[\u00ad\u200b\u2060\ufeff]/g, "")
    .replace(/[\ufb00-\ufb06]/g, (ligature) => ligature.normalize("NFKC"));
}

/** The slug of a document without a UN symbol: "doc-" and the start of its content hash. */
export function slugWithoutSymbol(contentHash: string): string {
  return `doc-${contentHash.slice(0, 12)}`;
}

/** Gives every anchor a unique value in order, suffixing repeats ("-2", "-3"), so permalinks never collide. */
export function uniqueAnchors(paragraphs: ParsedParagraph[]): ParsedParagraph[] {
  const seen = new Map<string, number>();
  return paragraphs.map((p) => {
    const count = (seen.get(p.anchor) ?? 0) + 1;
    seen.set(p.anchor, count);
    return count === 1 ? p : { ...p, anchor: `${p.anchor}-${count}` };
  });
}

/** Text as stored: NFC, no control characters (which also keeps the highlight markers unique), spaces collapsed. */
export function cleanText(text: string): string {
  return foldInvisibleCharacters(text.normalize("NFC"))
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\ue000\ue001]/g, " ")
    .replace(/\u00a0/g, " ")
    .replace(/[ \t\r\n]+/g, " ")
    .trim();
}
