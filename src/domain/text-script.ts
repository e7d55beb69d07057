// The script a text is written in (Latin, Cyrillic, Arabic, Han), to check a document's declared language against
// its own text: a file that says Spanish but is written in Chinese characters is mislabelled, whatever it declares.

export type Script = "latin" | "cyrillic" | "arabic" | "han";

const SCRIPT_PATTERNS: Record<Script, RegExp> = {
  latin: /\p{Script=Latin}/gu,
  cyrillic: /\p{Script=Cyrillic}/gu,
  arabic: /\p{Script=Arabic}/gu,
  han: /\p{Script=Han}/gu,
};

/** The script of the six UN languages (and of no other: null for a language whose script we do not check). */
export function scriptOfLanguage(language: string): Script | null {
  switch (language) {
    case "en":
    case "fr":
    case "es":
      return "latin";
    case "ru":
      return "cyrillic";
    case "ar":
      return "arabic";
    case "zh":
      return "han";
    default:
      return null;
  }
}

/**
 * The script most of a text's letters are written in, or null when it has too few letters to say (under 200). Symbols,
 * numbers and the Latin-letter symbols every UN text carries (A/RES/75/240, ICT) weigh little beside its words.
 */
export function dominantScriptOf(text: string): Script | null {
  let best: Script | null = null;
  let bestCount = 0;
  let total = 0;
  for (const script of Object.keys(SCRIPT_PATTERNS) as Script[]) {
    const count = text.match(SCRIPT_PATTERNS[script])?.length ?? 0;
    total += count;
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return total >= 200 ? best : null;
}
