// Where a search snippet stands in its paragraph (so the page can mark a cut with "…"), and snippets of the paragraphs
// that cite a norm or a symbol, built around the text the reference detector matched.
import type { Snippet } from "./search.js";

/** Whether a snippet begins where its paragraph begins and ends where it ends. */
export interface SnippetEdges {
  isStart: boolean;
  isEnd: boolean;
}

/** ts_headline joins the fragments of one paragraph with this (db/search.ts HEADLINE_OPTIONS). */
const FRAGMENT_DELIMITER = " … ";

/** Text compared without its spaces: a Chinese paragraph is marked with spaces between words that its text lacks. */
function squash(text: string): string {
  return text.replace(/\s+/g, "");
}

/**
 * Whether the snippet's first fragment starts the paragraph and its last fragment ends it, comparing the texts
 * themselves (so no ellipsis is added to a snippet that is the whole paragraph).
 */
export function snippetEdges(snippet: Snippet, paragraph: string): SnippetEdges {
  const fragments = snippet
    .map((s) => s.text)
    .join("")
    .split(FRAGMENT_DELIMITER);
  const whole = squash(paragraph);
  const first = squash(fragments[0] ?? "");
  const last = squash(fragments[fragments.length - 1] ?? "");
  return { isStart: whole.startsWith(first), isEnd: whole.endsWith(last) };
}

/** Words of a citing paragraph shown before the matched reference, and in all. */
const WORDS_BEFORE = 15;
const WORDS_IN_ALL = 45;

/**
 * A snippet of a paragraph around the reference found in it (matched case-insensitively), the reference marked; the
 * paragraph's opening words when the reference is not found as written.
 */
export function citationSnippet(text: string, matched: string | null): { snippet: Snippet } & SnippetEdges {
  const at = matched ? text.toLowerCase().indexOf(matched.toLowerCase()) : -1;
  if (at < 0) {
    const words = text.split(/(\s+)/);
    const kept = words.slice(0, WORDS_IN_ALL * 2 - 1).join("");
    return { snippet: [{ text: kept, match: false }], isStart: true, isEnd: kept.length === text.length };
  }
  const end = at + matched!.length;
  const beforeText = text.slice(0, at);
  const gap = /\s*$/.exec(beforeText)![0];
  const before = beforeText.slice(0, beforeText.length - gap.length).split(/(?=\s)/);
  const keptBefore = before.slice(Math.max(0, before.length - WORDS_BEFORE)).join("") + gap;
  const after = text.slice(end).split(/(?=\s)/);
  const keptAfter = after.slice(0, Math.max(0, WORDS_IN_ALL - WORDS_BEFORE)).join("");
  const snippet: Snippet = [
    ...(keptBefore ? [{ text: keptBefore.trimStart(), match: false }] : []),
    { text: text.slice(at, end), match: true },
    ...(keptAfter ? [{ text: keptAfter, match: false }] : []),
  ];
  return { snippet, isStart: keptBefore.length === at, isEnd: keptAfter.length === text.length - end };
}
