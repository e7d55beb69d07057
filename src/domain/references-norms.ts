// Norm references in the five UN languages besides English (issue 19): explicit references to an item of paragraph 13
// of the 2015 GGE report (A/70/174) as each language writes an item ("norme 13 c)", "norma 13 c)", "пункт 13 c)",
// "الفقرة 13 (ج)"; "第13(c)段" and "13 (c)" are read by the English pattern), and the keyword topics of the English
// detector, translated as the UN's own texts of sessions 75–76 word them (A/RES/75/240 and 76/19 and the resolutions
// cited beside each phrase).
import { normalizeArabic } from "./search-text.js";

export type NormLetter = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j" | "k";

export interface OtherLanguageNormReference {
  letter: NormLetter;
  matchedText: string;
}

export interface OtherLanguageNormTopic {
  letter: NormLetter;
  /** How many of the letter's phrases the text has, out of `phrases` (the English detector's count for the letter). */
  hits: number;
  matchedText: string;
}

// French and Spanish write an item "c)" and Russian "c)" with the Latin letter ("пункте 2 b) статьи 1", A/RES/75/89): the word
// before the number is required, since "13 c)" alone is any list. French "alinéa c) du paragraphe 13" and Spanish
// "apartado c) del párrafo 13" name the item first.
const LATIN_ITEM_AFTER =
  /(?<!\p{L})(?:normes?|paragraphe|par\.|normas?|párrafo|párr\.|норм\p{L}{0,3}|пункт\p{L}{0,2})\s*13\s?\(?([a-k])\)/giu;
const LATIN_ITEM_BEFORE =
  /(?<!\p{L})(?:alinéa|apartado)\s+\(?([a-k])\)\s+(?:du|del)\s+(?:paragraphe|párrafo)\s+13(?!\d)/giu;
// Arabic numbers items with letters in abjad order, (أ) (ب) (ج) … for (a) (b) (c) (as in "الفقرة 2 (ب) من المادة 1",
// A/RES/75/89); presentation forms and tatweel ("هـ") are the same letter, as in the AKN reader. The word before the
// number is required: "البند 13 (ب)" is section 13 (b) of the Headquarters Agreement (A/RES/76/122).
const ARABIC_ITEM = /(?<!\p{L})[وب]?(?:ال|لل)?(?:فقرة|قاعدة|معيار)\s*13\s*\(\s*([\p{Script=Arabic}\u0640]{1,2})\s*\)/gu;
const ABJAD_NORM_LETTERS = ["أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي", "ك"];

/** Explicit references to norm 13 (a)–(k) written the way French, Spanish, Russian and Arabic texts write an item. */
export function detectOtherLanguageNormReferences(text: string): OtherLanguageNormReference[] {
  const out: OtherLanguageNormReference[] = [];
  for (const pattern of [LATIN_ITEM_AFTER, LATIN_ITEM_BEFORE])
    for (const m of text.matchAll(pattern)) out.push({ letter: m[1]!.toLowerCase() as NormLetter, matchedText: m[0] });
  for (const m of text.matchAll(ARABIC_ITEM)) {
    const letter = m[1]!
      .normalize("NFKC")
      .replace(/\u0640/g, "")
      .replace(/[اإآ]/, "أ");
    const index = ABJAD_NORM_LETTERS.indexOf(letter);
    if (index >= 0) out.push({ letter: "abcdefghijk"[index] as NormLetter, matchedText: m[0] });
  }
  return out;
}

/**
 * The English topic phrases of a norm (references-entities.ts), in the same order, as each language writes them; null
 * where the texts gave no wording to check a translation against. Arabic is written here as printed and matched
 * after the search's Arabic folding (on both sides).
 */
const TOPICS: Record<"fr" | "es" | "ru" | "ar" | "zh", Partial<Record<NormLetter, (RegExp | null)[]>>> = {
  fr: {
    // "à des fins criminelles ou terroristes" (A/RES/75/240, 76/19)
    d: [/fins criminelles ou terroristes/i, /fins (?:criminelles ou )?terroristes/i],
    // "droit à la vie privée" (75/176), "droits de l'homme" / "droits humains" (76/19), "liberté d'expression" (75/169)
    e: [/droit à la vie privée/i, /droits (?:de l'homme|humains)/i, /liberté d'expression/i],
    // "infrastructures critiques", "services essentiels" (76/19, 75/291, 75/118)
    f: [/(?<!\p{L})infrastructures? critiques?/iu, /services essentiels/i],
    // "infrastructures informatiques critiques" (76/19)
    g: [null, /infrastructures? informatiques? critiques?/i],
    // "chaîne d'approvisionnement", "dissimulation de fonctionnalités malveillantes" (75/240, 75/130)
    i: [/cha[iî]nes? d'approvisionnement/i, /dissimulation de fonctionnalités/i],
  },
  es: {
    d: [/fines delictivos o terroristas/i, /fines (?:delictivos o )?terroristas/i],
    // "derecho a la privacidad" (75/176, 75/166), "derechos humanos", "libertad de expresión" (75/169)
    e: [/derecho a la privacidad/i, /derechos humanos/i, /libertad de expresión/i],
    // "infraestructura crítica" (76/19), "infraestructuras vitales" (75/291, 75/216), "servicios esenciales"
    f: [/infraestructuras? (?:críticas?|vital(?:es)?)(?!\p{L})/iu, /servicios esenciales/i],
    // "infraestructura de información crítica" (76/19)
    g: [null, /infraestructuras? de (?:la )?información críticas?/i],
    // "cadena de suministro", "funciones ocultas" (75/240), "cadenas mundiales de suministro" (75/130)
    i: [/cadenas? (?:mundiales )?de suministro/i, /funciones ocultas/i],
  },
  ru: {
    // "в преступных или террористических целях" (75/240, 76/19)
    d: [/преступных или террористических/iu, /террористических целях/iu],
    // "право на неприкосновенность частной жизни" (75/176), "права человека", "свобода выражения мнений" (75/169)
    e: [
      /прав\p{L}{0,3} на неприкосновенность частной жизни/iu,
      /прав\p{L}{0,3} человека/iu,
      /свобод\p{L}{0,3} выражения мнений/iu,
    ],
    // "критически важной инфраструктуры", "критически важные объекты инфраструктуры" (76/19, 75/291). 76/19's
    // "основных услуг" for essential services is also the words for basic services (58 paragraphs against 41 in English)
    f: [/критически важн\p{L}*\s+(?:объект\p{L}*\s+)?инфраструктур/iu, null],
    // "критически важной информационной инфраструктуры" (76/19)
    g: [null, /критически важн\p{L}*\s+(?:объект\p{L}*\s+)?информационн\p{L}*\s+инфраструктур/iu],
    // "цепочки поставок", "цепях поставок" (75/130 and others); "скрытых вредоносных функций" (75/240, which words
    // the supply chain otherwise)
    i: [/цеп(?:очк|я|и)\p{L}{0,3}\s+поставок/iu, /скрыт\p{L}* вредоносн\p{L}* функци/iu],
  },
  ar: {
    // "لأغراض إجرامية أو إرهابية" (75/240, 76/19)
    d: [/أغراض إجرامية أو إرهابية/u, /أغراض (?:إجرامية أو )?إرهابية/u],
    // "الحق في الخصوصية" / "لحقهم في الخصوصية" (75/176, 75/166), "حقوق الإنسان", "حرية التعبير" (75/169)
    e: [/حق\p{L}{0,3} في الخصوصية/u, /حقوق الإنسان/u, /حرية التعبير/u],
    // "الهياكل الأساسية الحيوية" (76/19, 75/291), "البنى التحتية الحيوية" (75/216), not "… للمعلومات" (norm g);
    // 76/19's "الخدمات الأساسية" for essential services also means basic services (66 paragraphs against 41)
    f: [/(?:الهياكل الأساسية|البنى التحتية) الحيوية(?!\s+للمعلومات)/u, null],
    // "الهياكل الأساسية الحيوية للمعلومات" (76/19)
    g: [null, /الهياكل الأساسية الحيوية للمعلومات/u],
    // "سلسلة توريد", "وظائف خفية" (75/240), "سلاسل الإمداد" (75/130)
    i: [/(?:سلسلة|سلاسل) (?:ال)?(?:توريد|إمداد)/u, /وظائف خفية/u],
  },
  zh: {
    // "为犯罪或恐怖主义目的" (75/240, 76/19)
    d: [/犯罪或恐怖主义目的/u, /恐怖主义目的/u],
    // "隐私权" (75/176), "人权", "表达自由" (75/169)
    e: [/隐私权/u, /人权/u, /表达自由/u],
    // "关键基础设施" (76/19, 75/216); 76/19's "基本服务" for essential services also means basic services (70 paragraphs)
    f: [/关键基础设施/u, null],
    // "关键信息基础设施" (76/19)
    g: [null, /关键信息基础设施/u],
    // "供应链", "隐藏功能" (75/240, 75/130)
    i: [/供应链/u, /隐藏功能/u],
  },
};

/** The topics patterns with Arabic folded like the text they run on. */
const FOLDED_TOPICS = Object.entries(TOPICS).map(([language, letters]) => ({
  language,
  letters: Object.entries(letters).map(([letter, phrases]) => ({
    letter: letter as NormLetter,
    phrases: phrases.map((p) => (p && language === "ar" ? new RegExp(normalizeArabic(p.source), p.flags) : p)),
  })),
}));

/**
 * The keyword topics of each norm found in a text in French, Spanish, Russian, Arabic or Chinese: per letter, the
 * language with the most phrases found.
 */
export function detectOtherLanguageNormTopics(raw: string): OtherLanguageNormTopic[] {
  const text = raw.replace(/[’`]/g, "'");
  const folded = normalizeArabic(text);
  const best = new Map<NormLetter, OtherLanguageNormTopic>();
  for (const { language, letters } of FOLDED_TOPICS)
    for (const { letter, phrases } of letters) {
      const source = language === "ar" ? folded : text;
      const hits = phrases.map((p) => p?.exec(source) ?? null).filter((m): m is RegExpExecArray => m !== null);
      if (hits.length > 0 && hits.length > (best.get(letter)?.hits ?? 0))
        best.set(letter, { letter, hits: hits.length, matchedText: hits[0]![0] });
    }
  return [...best.values()];
}
