// Finds the States a paragraph names, in the six UN languages (issue 19): English, French and Spanish names as written,
// Russian names in any case ("Российской Федерации"), Arabic names with their prefixes ("وفرنسا", "للصين") after the
// search's Arabic folding, and Chinese names only where they are whole words ("中国", not the 中国 of 发展中国家).
import { normalizeArabic } from "./search-text.js";

/** The five UN languages besides English that States have names in (world-countries translations). */
export const STATE_NAME_LANGUAGES = ["ar", "es", "fr", "ru", "zh"] as const;
export type StateNameLanguage = (typeof STATE_NAME_LANGUAGES)[number];

export interface LocalStateName {
  language: StateNameLanguage;
  name: string;
  officialName: string;
}

/** What the matcher needs of a State: its English names, GA voting-list spellings and names in the other languages. */
export interface NamedState {
  iso3: string;
  name: string;
  officialName: string;
  unGaNames: string[];
  localNames?: LocalStateName[];
}

export interface StateNameMatch {
  iso3: string;
  /** The words that name the State, as written (Arabic: as folded for matching, with any prefix such as و or ب). */
  matchedText: string;
}

/**
 * Names that are also ordinary words, or that upstream gives to the wrong State, seen matching the wrong thing in the
 * texts of sessions 75–76 (measured against the English version of each resolution): never matched alone, only inside
 * a longer name. Arabic مالي is also "financial" (مركز مالي دولي, 31 resolutions), عمان also Amman (إعلان عمان) and
 * world-countries gives الكونغو to the Democratic Republic of the Congo where UN Arabic means the Republic of the Congo
 * (الكاميرون والكونغو, A/RES/75/79); Russian Того is also "of that" («Того, что не видно…», A/RES/75/193); French
 * Salvador is also the Brazilian city (A/RES/75/312); world-countries gives Dominica the Chinese 多米尼加(共和国), which
 * UN Chinese uses for the Dominican Republic (中美洲和多米尼加共和国, A/RES/76/201).
 */
const COMMON_WORDS: Partial<Record<StateNameLanguage, string[]>> = {
  ar: ["مالي", "عمان", "الكونغو"],
  fr: ["Salvador"],
  ru: ["Того"],
  zh: ["多米尼加", "多米尼加共和国"],
};

/**
 * Words and phrases that hold a State's name (as matched, in the folded form for Arabic) but name something else:
 * cities, regions and the like, from the same measurement. Chinese 发展中国家 is "developing countries" where the word
 * segmenter sometimes splits out 中国 (A/RES/75/202); the rest are places: Brasília, Nur-Sultan, the District of
 * Columbia, Algiers, the Maghreb, and جوز الهند (coconut, A/RES/76/223). جمهورية كوريا الشعبية is the start of the UN's
 * Arabic name of the Democratic People's Republic of Korea, whose words world-countries orders differently.
 */
const CONTAINING_WORDS: string[] = [
  "发展中国家",
  "巴西利亚",
  "努尔苏丹",
  "哥伦比亚特区",
  "Бразилиа",
  "округ Колумбия",
  "الجزاءر العاصمة",
  "المغرب العربي",
  "جوز الهند",
  "جمهورية كوريا الشعبية",
];

/** The names that begin alike (same first letters): one sticky pattern, a capture group per name. */
interface Bucket {
  pattern: RegExp;
  /** iso3 of the name in each capture group, in group order. */
  groups: string[];
}

/**
 * A language's names, tried only where `starts` finds a place a name can start, and there only the buckets of the
 * text's first letters (`keysAt`): a few patterns of a few names each rather than one of hundreds, which keeps
 * detection over a whole corpus fast.
 */
interface ScriptIndex {
  starts: RegExp;
  buckets: Map<string, Bucket>;
  keysAt: (text: string, at: number) => string[];
}

/** Where a capitalised Latin or Cyrillic word starts, and where any Arabic word starts. */
const LATIN_CAPITAL = /(?<![\p{L}\p{N}-])(?=\p{Script=Latin})\p{Lu}/gu;
const CYRILLIC_CAPITAL = /(?<![\p{L}\p{N}-])(?=\p{Script=Cyrillic})\p{Lu}/gu;
const ARABIC_WORD = /(?<![\p{L}\p{N}-])\p{Script=Arabic}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARABIC = /\p{Script=Arabic}/u;
const HAN = /\p{Script=Han}/u;

export function createStateNameMatcher(states: NamedState[]): (text: string) => StateNameMatch[] {
  const latin = buildLatinIndex(states);
  const cyrillic = buildIndex(states, "ru", russianPattern, CYRILLIC_CAPITAL, {
    of: (name) => name.slice(0, 3).toLowerCase(),
    at: (text, at) => [text.slice(at, at + 3).toLowerCase()],
  });
  const arabic = buildIndex(states, "ar", arabicPattern, ARABIC_WORD, {
    of: (name) => arabicCore(normalizeArabic(name)).slice(0, 3),
    // The word may carry up to three prefix letters (وبال, ولل): its possible cores are what follows each of them.
    at: (text, at) => {
      const word = /\p{L}+/uy;
      word.lastIndex = at;
      const w = word.exec(text)?.[0] ?? "";
      return [0, 1, 2, 3].map((k) => arabicCore(w.slice(k)).slice(0, 3));
    },
  });
  // Chinese is written without spaces: a name is told from the rest by the word segmenter, not by what is next to it.
  const han = buildIndex(states, "zh", escapeRegExp, null, {
    of: (name) => name.slice(0, 2),
    at: (text, at) => [text.slice(at, at + 2)],
  });
  return (text) => {
    const found: StateNameMatch[] = [];
    const normalized = text.replace(/[’`]/g, "'").replace(/[‐‑–—]/g, "-");
    let end = 0;
    for (const start of normalized.matchAll(LATIN_CAPITAL)) {
      if (start.index < end) continue;
      const pattern = latin.buckets.get(foldLatin(normalized.slice(start.index, start.index + 2)));
      if (!pattern) continue;
      pattern.lastIndex = start.index;
      const match = pattern.exec(normalized) as Match | null;
      if (!match || isInsideOtherWord(normalized, match)) continue;
      const iso3 = latin.byName.get(foldLatin(match[0]));
      if (iso3) found.push({ iso3, matchedText: match[0] });
      end = match.index + match[0].length;
    }
    if (cyrillic && CYRILLIC.test(normalized))
      found.push(...matchScript(cyrillic, normalized.replace(/ё/g, "е").replace(/Ё/g, "Е")));
    if (arabic && ARABIC.test(normalized)) found.push(...matchScript(arabic, normalizeArabic(normalized)));
    if (han && HAN.test(normalized)) {
      let boundaries: Set<number> | null = null;
      // A name followed by 语 is a language (西班牙语, Spanish), as "Spanish" is not Spain in English.
      const isWord = (m: Match) => {
        boundaries ??= wordBoundaries(normalized);
        return (
          boundaries.has(m.index) && boundaries.has(m.index + m[0].length) && normalized[m.index + m[0].length] !== "语"
        );
      };
      found.push(...matchScript(han, normalized, isWord));
    }
    return found;
  };
}

type Match = RegExpExecArray & { index: number };

/**
 * Whether the match is part of one of the CONTAINING_WORDS at that place in the text; an Arabic match is also looked
 * for without its prefix letters ("وجمهورية كوريا" is جمهورية كوريا after و).
 */
function isInsideOtherWord(text: string, m: Match): boolean {
  for (let cut = 0; cut <= 2 && cut < m[0].length - 1; cut++) {
    const matched = m[0].slice(cut);
    for (const word of CONTAINING_WORDS)
      for (let at = word.indexOf(matched); at >= 0; at = word.indexOf(matched, at + 1))
        if (text.startsWith(word, m.index + cut - at)) return true;
  }
  return false;
}

/**
 * The names found where `starts` finds a place one can start (a capital starting a word for Cyrillic, any word for
 * Arabic, a name's first character for Chinese): the longest of the names of the buckets there, if `accept` keeps it
 * and it is not part of one of the CONTAINING_WORDS.
 */
function matchScript(index: ScriptIndex, text: string, accept?: (m: Match) => boolean): StateNameMatch[] {
  const out: StateNameMatch[] = [];
  let end = 0;
  for (const start of text.matchAll(index.starts)) {
    if (start.index < end) continue;
    let best: { match: Match; iso3: string } | null = null;
    for (const key of new Set(index.keysAt(text, start.index))) {
      const bucket = index.buckets.get(key);
      if (!bucket) continue;
      bucket.pattern.lastIndex = start.index;
      const match = bucket.pattern.exec(text) as Match | null;
      if (match && (!best || match[0].length > best.match[0].length)) {
        const group = match.findIndex((g, i) => i > 0 && g !== undefined);
        best = { match, iso3: bucket.groups[group - 1]! };
      }
    }
    if (!best || (accept && !accept(best.match)) || isInsideOtherWord(text, best.match)) continue;
    out.push({ iso3: best.iso3, matchedText: best.match[0] });
    end = best.match.index + best.match[0].length;
  }
  return out;
}

/** English names and GA spellings (as before issue 19) and the French and Spanish names: one pattern, looked up by lower case. */
function buildLatinIndex(states: NamedState[]): { buckets: Map<string, RegExp>; byName: Map<string, string> } {
  const byName = new Map<string, string>();
  const put = (raw: string, iso3: string) => {
    const name = raw.replace(/[’`]/g, "'").replace(/\s+/g, " ").trim();
    if (name.length < 4) return;
    const key = foldLatin(name);
    // A name another State already has (English first) is left to that State rather than guessed.
    if (!byName.has(key)) byName.set(key, iso3);
  };
  for (const s of states) for (const raw of [s.name, s.officialName, ...s.unGaNames]) put(raw, s.iso3);
  for (const s of states)
    for (const n of s.localNames ?? [])
      if (n.language === "fr" || n.language === "es")
        for (const raw of [n.name, n.officialName]) if (!COMMON_WORDS[n.language]?.includes(raw)) put(raw, s.iso3);
  // By their first two letters, longest names first, so "Papua New Guinea" wins over "Guinea" at the same place.
  const byKey = new Map<string, string[]>();
  for (const name of [...byName.keys()].sort((a, b) => b.length - a.length))
    byKey.set(name.slice(0, 2), [...(byKey.get(name.slice(0, 2)) ?? []), name]);
  const buckets = new Map(
    [...byKey].map(([key, names]) => [
      key,
      new RegExp(`(?:${names.map(accentFreePattern).join("|")})(?![\\p{L}\\p{N}-])`, "iuy"),
    ]),
  );
  return { buckets, byName };
}

/**
 * A Latin name folded for comparison: lower case, without accents. Upstream and the UN do not always accent a name
 * alike (world-countries' Spanish "Iran" where UN texts print "Irán", French "Viêt Nam" for the UN's "Viet Nam").
 */
export function foldLatin(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Each Latin letter of the Latin-1 and Latin Extended-A blocks, by the letter it is with its accent removed. */
const ACCENTED = (() => {
  const byBase = new Map<string, string[]>();
  for (let code = 0xc0; code <= 0x17f; code++) {
    const char = String.fromCharCode(code).toLowerCase();
    const base = foldLatin(char);
    if (base !== char && /^[a-z]$/.test(base)) byBase.set(base, [...new Set([...(byBase.get(base) ?? []), char])]);
  }
  return byBase;
})();

/** A folded name as a pattern that matches it with or without accents ("iran" matches Irán and Iran). */
function accentFreePattern(folded: string): string {
  return [...folded].map((c) => (ACCENTED.has(c) ? `[${c}${ACCENTED.get(c)!.join("")}]` : escapeRegExp(c))).join("");
}

/** One capture group per name in the language, longest name first, each written as `patternOf` says. */
function buildIndex(
  states: NamedState[],
  language: StateNameLanguage,
  patternOf: (name: string) => string,
  starts: RegExp | null,
  key: { of: (name: string) => string; at: (text: string, at: number) => string[] },
): ScriptIndex | undefined {
  const entries = new Map<string, { iso3: string; name: string }>();
  const common = new Set(COMMON_WORDS[language] ?? []);
  for (const s of states)
    for (const n of s.localNames ?? []) {
      if (n.language !== language) continue;
      for (const raw of [n.name, n.officialName]) {
        const name = raw.replace(/[’`]/g, "'").replace(/\s+/g, " ").replace(/ё/g, "е").trim();
        if (name.length < 2 || common.has(name)) continue;
        const source = patternOf(name);
        if (!entries.has(source)) entries.set(source, { iso3: s.iso3, name });
      }
    }
  if (entries.size === 0) return undefined;
  const byKey = new Map<string, [string, { iso3: string; name: string }][]>();
  for (const entry of entries) {
    const k = key.of(entry[1].name);
    byKey.set(k, [...(byKey.get(k) ?? []), entry]);
  }
  const buckets = new Map<string, Bucket>();
  for (const [k, list] of byKey) {
    // Longest names first, so "Papua New Guinea" wins over "Guinea" at the same place.
    const sorted = list.sort((a, b) => b[1].name.length - a[1].name.length);
    const alternatives = sorted.map(([source]) => `(${source})`).join("|");
    buckets.set(k, {
      pattern: new RegExp(starts ? `(?:${alternatives})(?![\\p{L}\\p{N}-])` : alternatives, "iuy"),
      groups: sorted.map(([, e]) => e.iso3),
    });
  }
  return {
    // Unspaced (Chinese): wherever a name's first character is.
    starts: starts ?? new RegExp(`[${[...new Set([...entries.values()].map((e) => [...e.name][0]))].join("")}]`, "gu"),
    buckets,
    keysAt: key.at,
  };
}

// Russian: names decline ("Франция", "Франции", "Францией"; "Соединенные Штаты", "Соединенных Штатов"), so each word
// takes the endings of its kind: adjectives before the last word (Российская, Южно-Африканская), nouns (the last word,
// and Маврикий, Федерация). Words ending in -и, -о, -у, -е, -ю (Мали, Перу, Джибути) are foreign and do not decline, and
// nor do words with an apostrophe (д'Ивуар); the parts of a hyphenated word decline each (Гвинеи-Бисау).
const ADJECTIVE = /(?:ая|яя|ое|ее|ий|ый|ой|ые|ие)$/;
const ADJECTIVE_ENDINGS = "(?:ая|яя|ое|ее|ий|ый|ой|ей|ые|ие|ую|юю|ого|его|ому|ему|ом|ем|ых|их|ым|им|ыми|ими|ою|ею)";
const NOUN_ENDINGS = "(?:а|я|ы|и|у|ю|е|ь|й|ой|ей|ою|ею|ом|ем|ов|ев|ам|ям|ами|ями|ах|ях)";

function russianPattern(name: string): string {
  const words = name.replace(/ё/g, "е").split(" ");
  return words
    .map((word, i) =>
      word
        .split("-")
        .map((part) => russianWordPattern(part, i < words.length - 1))
        .join("-"),
    )
    .join("\\s+");
}

function russianWordPattern(word: string, canBeAdjective: boolean): string {
  if (!/^\p{Script=Cyrillic}+$/u.test(word)) return escapeRegExp(word);
  const lower = word.toLowerCase();
  const stem = (drop: number) => escapeRegExp(word.slice(0, word.length - drop));
  if (canBeAdjective && word.length >= 5 && ADJECTIVE.test(lower)) return `${stem(2)}${ADJECTIVE_ENDINGS}`;
  if (lower.endsWith("ство")) return `${stem(1)}(?:о|а|у|ом|е)`;
  if (word.length >= 4 && /[аяыьй]$/.test(lower)) return `${stem(1)}${NOUN_ENDINGS}`;
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return `${stem(0)}${NOUN_ENDINGS}?`;
  return stem(0);
}

// Arabic: matched on text folded as search folds it (alef and hamza forms, alef maqsura, final ha, diacritics, tatweel),
// with the prefixes a name takes: و or ف ("and"), then ب, ل or ك ("in", "for", "as"); ل before the article makes لل
// ("للصين", "to China").
function arabicPattern(name: string): string {
  const folded = normalizeArabic(name).split(" ").map(escapeRegExp).join("\\s+");
  if (folded.startsWith("ال")) return `[وف]?(?:[بك]?ال|لل)${folded.slice(2)}`;
  return `[وف]?[بلك]?${folded}`;
}

/** An Arabic name or word without its article ("الصين" → "صين"). */
function arabicCore(word: string): string {
  return word.startsWith("ال") ? word.slice(2) : word;
}

let segmenter: Intl.Segmenter | null = null;

/** Offsets where a word starts or ends in a text, by Node's ICU word segmenter (which knows Chinese words). */
function wordBoundaries(text: string): Set<number> {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const out = new Set<number>([0, text.length]);
  for (const s of segmenter.segment(text)) {
    out.add(s.index);
    out.add(s.index + s.segment.length);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
