// The text a search indexes and queries, for the scripts PostgreSQL's parsers do not handle (issue 19): Arabic spelling
// variants folded, Chinese split into words. Applied to stored paragraphs and to queries alike, in every language, so a
// query in one script finds its words wherever they are and leaves the other scripts as they are.

const ARABIC_MARKS = /\u0640|[\u064b-\u065f]|\u0670/g; // tatweel, harakat (fatha, damma, kasra, tanwin, shadda, sukun…), superscript alef
const ARABIC_LETTERS = /[\u0600-\u06ff]/;
const HAN_RUN = /\p{Script=Han}+/gu;
const HAS_HAN = /\p{Script=Han}/u;

/**
 * Arabic folded to one spelling per word, the way the texts and their readers vary it: tatweel and diacritics removed,
 * alef with hamza or madda (أ إ آ ٱ) to bare alef, hamza on a seat (ؤ ئ, ىء, يء) to hamza, alef maqsura (ى) to ya, and
 * a word-final ha written for ta marbuta (المدينه) to ta marbuta. PostgreSQL's Arabic stemmer folds some of these itself but
 * not the hamza seats, alef maqsura or final ha (مسؤولية and مسئولية, الدولى and الدولي, المدينه and المدينة stem apart);
 * it does strip ta marbuta, so folding ha into it (rather than the reverse, which defeats the stemmer) keeps المدينة → مدين.
 */
export function normalizeArabic(text: string): string {
  if (!ARABIC_LETTERS.test(text)) return text;
  return text
    .replace(ARABIC_MARKS, "")
    .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
    .replace(/[\u0649\u064a]\u0621/g, "\u0621")
    .replace(/[\u0624\u0626]/g, "\u0621")
    .replace(/\u0649/g, "\u064a")
    .replace(/\u0647(?![\u0600-\u06ff])/g, "\u0629");
}

let segmenter: Intl.Segmenter | null = null;

/** The words of a run of Chinese characters, by Node's ICU dictionary segmenter ("国际安全" → 国际, 安全). */
export function segmentChineseWords(run: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  return [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/**
 * A paragraph's text as the search index reads it: Arabic normalised and every run of Chinese characters split into
 * space-separated words, so PostgreSQL's `simple` parser (which has no Chinese segmentation and would otherwise index
 * whole clauses) indexes words. Null when the text needs no change (English, French, Spanish, Russian), so only the
 * paragraphs that need it store a second copy.
 */
export function searchTextOf(text: string): string | null {
  const out = segmentChinese(normalizeArabic(text), () => true);
  return out === text ? null : out;
}

/**
 * A query analysed like the stored text. A run of Chinese characters typed without spaces ("国际安全") becomes a phrase
 * of its words ("\"国际 安全\"") so it matches them next to each other, as written; inside quotes the words are only
 * separated. Queries in other scripts come back unchanged.
 */
export function searchQueryOf(query: string): string {
  return segmentChinese(
    normalizeArabic(query),
    (offset) => (query.slice(0, offset).match(/"/g)?.length ?? 0) % 2 === 1,
  );
}

/** Splits the Chinese runs of a text into words; a run outside quotes (`isQuoted` false) becomes a quoted phrase. */
function segmentChinese(text: string, isQuoted: (offset: number) => boolean): string {
  if (!HAS_HAN.test(text)) return text;
  return text
    .replace(HAN_RUN, (run, offset: number) => {
      const words = segmentChineseWords(run).join(" ");
      return words.includes(" ") && !isQuoted(offset) ? ` "${words}" ` : ` ${words} `;
    })
    .replace(/ {2,}/g, " ")
    .trim();
}

/**
 * Removes the spaces the segmentation put between Chinese characters, for showing indexed text (a snippet) to people;
 * private-use highlight markers (U+E000, U+E001) next to the space are kept where they are.
 */
export function joinChineseWords(text: string): string {
  return text.replace(
    /([\p{Script=Han}\u3000-\u303f\uff00-\uffef][\ue000\ue001]?) ([\ue000\ue001]?)(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu,
    "$1$2",
  );
}
