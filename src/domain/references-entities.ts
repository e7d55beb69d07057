// Reference detection for named things: States (every UN spelling, and their names in the five other UN languages),
// norms (explicit "13 (c)" and keyword topics, in the six languages), CBMs, processes.
import { detectOtherLanguageNormReferences, detectOtherLanguageNormTopics } from "./references-norms.js";
import { createStateNameMatcher, type LocalStateName } from "./state-name-matcher.js";
import type { MentionKind } from "./vocabulary.js";

export interface DetectedMention {
  kind: MentionKind;
  targetId: string;
  /** 1 for an explicit reference or a name; below 1 for a keyword topic match. */
  confidence: number;
  matchedText: string;
}

export interface StateNames {
  iso3: string;
  name: string;
  officialName: string;
  /** GA voting-list spellings, upper case ("IRAN (ISLAMIC REPUBLIC OF)"). */
  unGaNames: string[];
  /** Names in Arabic, Chinese, French, Russian and Spanish (issue 19), where known. */
  localNames?: LocalStateName[];
}

export interface ProcessNames {
  id: string;
  name: string;
  shortName: string;
}

/** Everything reference detection needs to know, built once per batch from the database. */
export interface ReferenceVocabulary {
  states: StateNames[];
  processes: ProcessNames[];
  /** Ids of the norms of the 2015 framework by letter ("c" → "13c"), only those present in the database. */
  normIdsByLetter: Map<string, string>;
  /** Framework item id of the global points-of-contact directory CBM, when present. */
  pocDirectoryCbmId: string | null;
}

export interface ReferenceMatcher {
  detect(text: string): DetectedMention[];
}

/** Keyword topics per norm letter: each phrase found adds weight; the norms are paraphrased, so these are only hints. */
const NORM_TOPICS: Record<string, RegExp[]> = {
  b: [/\battribution\b/i, /\ball relevant information\b/i],
  c: [/\binternationally wrongful acts?\b/i, /\bknowingly allow their territory\b/i],
  d: [/\bcriminal (?:or|and) terrorist\b/i, /\bterrorist purposes\b/i],
  e: [/\bright to privacy\b/i, /\bhuman rights\b/i, /\bfreedom of expression\b/i],
  f: [/\bcritical infrastructure\b/i, /\bessential services\b/i],
  g: [/\bprotect(?:ing)? (?:their|its) critical infrastructure\b/i, /\bcritical information infrastructure\b/i],
  h: [/\brequests? for assistance\b/i, /\bmitigate malicious\b/i],
  i: [/\bsupply chains?\b/i, /\bhidden functions\b/i],
  j: [/\bvulnerabilit(?:y|ies)\b/i, /\bresponsible reporting\b/i],
  k: [/\bemergency response teams?\b/i, /\bCERTs?\b/, /\bCSIRTs?\b/],
};

/** Names that are also common words or parts of other phrases, matched only in their exact capitalised form. */
const EXPLICIT_NORM = /\b(?:norms?|paragraph|para\.?)?\s*13\s?\(([a-k])\)/gi;

// "paragraph 13 (c) of resolution 70/237", "13 (c) above": another text's (or this text's own) paragraph.
const OTHER_TEXTS_PARAGRAPH =
  /^\s*(?:above|below|of\s+(?:the\s+present|this|its|that|the|annex)\b(?!\s+(?:2015\s+)?report)|of\s+(?:General Assembly\s+|Council\s+)?(?:resolution|decision|annex|the\s+Convention|article))/i;
// A bare "13 (c)" after "article", "rule", "section"… is that text's own numbering; after "resolution" it is a
// resolution of the first sessions ("resolution 13 (I)" of 1946).
const OTHER_UNIT_BEFORE =
  /\b(?:articles?|rules?|sections?|chapters?|regulations?|principles?|annex|resolutions?|decisions?)\s+(?:[\w().]+,?\s+(?:and|to|or)\s+)?$/i;

export interface ExplicitNormReference {
  start: number;
  end: number;
  /** The norm's letter, lower case (a–k). */
  letter: string;
  matchedText: string;
}

/**
 * The explicit references to a norm of the 2015 report in an English text ("norm 13 (c)", "paragraph 13 (f)", a bare
 * "13 (k)"), leaving out another text's paragraph 13 and a bare "13 (I)"/"13 (b)" that numbers something else: an
 * upper-case letter is a session's roman numeral, and a bare one after "article", "section", "resolution"… is not a norm.
 */
export function findExplicitNormReferences(text: string): ExplicitNormReference[] {
  const found: ExplicitNormReference[] = [];
  for (const match of text.matchAll(EXPLICIT_NORM)) {
    const end = match.index + match[0].length;
    if (OTHER_TEXTS_PARAGRAPH.test(text.slice(end, end + 80))) continue;
    const leading = match[0].length - match[0].trimStart().length;
    const isBare = /^\s*13/.test(match[0]);
    if (isBare && match[1] !== match[1]!.toLowerCase()) continue;
    if (isBare && OTHER_UNIT_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index + leading))) continue;
    found.push({
      start: match.index + leading,
      end,
      letter: match[1]!.toLowerCase(),
      matchedText: match[0].trim(),
    });
  }
  return found;
}

export function createReferenceMatcher(vocabulary: ReferenceVocabulary): ReferenceMatcher {
  const findStates = createStateNameMatcher(vocabulary.states);
  const processPatterns = buildProcessPatterns(vocabulary.processes);
  return {
    detect(text: string): DetectedMention[] {
      const normalized = text.replace(/[’`]/g, "'").replace(/[‐‑–—]/g, "-");
      const mentions = new Map<string, DetectedMention>();
      const add = (m: DetectedMention) => {
        const key = `${m.kind}:${m.targetId}`;
        const current = mentions.get(key);
        if (!current || current.confidence < m.confidence) mentions.set(key, m);
      };
      for (const { iso3, matchedText } of findStates(normalized))
        add({ kind: "state", targetId: iso3, confidence: 1, matchedText });
      const explicitNorms = new Set<string>();
      for (const ref of findExplicitNormReferences(normalized)) {
        const id = vocabulary.normIdsByLetter.get(ref.letter);
        if (id) {
          explicitNorms.add(id);
          add({ kind: "norm", targetId: id, confidence: 1, matchedText: ref.matchedText });
        }
      }
      for (const ref of detectOtherLanguageNormReferences(normalized)) {
        const id = vocabulary.normIdsByLetter.get(ref.letter);
        if (id) {
          explicitNorms.add(id);
          add({ kind: "norm", targetId: id, confidence: 1, matchedText: ref.matchedText.trim() });
        }
      }
      // The other languages' phrases are weighed against the English count of the letter, so a paragraph and its
      // translation get the same confidence when they say the same things.
      const otherTopics = new Map(detectOtherLanguageNormTopics(normalized).map((t) => [t.letter as string, t]));
      for (const [letter, phrases] of Object.entries(NORM_TOPICS)) {
        const id = vocabulary.normIdsByLetter.get(letter);
        if (!id || explicitNorms.has(id)) continue;
        const hits = phrases.map((p) => p.exec(normalized)).filter((m): m is RegExpExecArray => m !== null);
        if (hits.length > 0)
          add({
            kind: "norm-topic",
            targetId: id,
            confidence: topicConfidence(hits.length, phrases.length),
            matchedText: hits[0]![0],
          });
        const other = otherTopics.get(letter);
        if (other)
          add({
            kind: "norm-topic",
            targetId: id,
            confidence: topicConfidence(other.hits, phrases.length),
            matchedText: other.matchedText,
          });
      }
      if (vocabulary.pocDirectoryCbmId) {
        const poc = /\bpoints?[- ]of[- ]contact directory\b/i.exec(normalized);
        if (poc)
          add({ kind: "cbm-topic", targetId: vocabulary.pocDirectoryCbmId, confidence: 0.8, matchedText: poc[0] });
      }
      for (const { id, pattern } of processPatterns) {
        const match = pattern.exec(normalized);
        if (match) add({ kind: "process", targetId: id, confidence: 1, matchedText: match[0] });
      }
      return [...mentions.values()];
    },
  };
}

function topicConfidence(hits: number, phrases: number): number {
  return Math.round((0.4 + 0.4 * (hits / phrases)) * 100) / 100;
}

function buildProcessPatterns(processes: ProcessNames[]): { id: string; pattern: RegExp }[] {
  const out: { id: string; pattern: RegExp }[] = [];
  for (const p of processes) {
    const alternatives = [p.name, p.shortName].map((n) => n.replace(/[‐‑–—]/g, "-")).filter((n) => n.length >= 8);
    const years = /(\d{4})-(\d{4})$/.exec(p.id);
    // "open-ended working group 2021-2025" / "Group of Governmental Experts 2019-2021" as resolutions write them.
    if (years && p.id.startsWith("oewg"))
      alternatives.push(
        `open-ended working group ${years[1]}-${years[2]}`,
        `open-ended working group on security of and in the use of information and communications technologies ${years[1]}-${years[2]}`,
      );
    if (p.id.startsWith("ahc-cybercrime"))
      alternatives.push(
        "Ad Hoc Committee to Elaborate a Comprehensive International Convention on Countering the Use of Information and Communications Technologies for Criminal Purposes",
      );
    const escaped = [...new Set(alternatives)].map((a) =>
      escapeRegExp(a).replace(/\\?-/g, "[-\\s]?").replace(/\s+/g, "\\s+"),
    );
    out.push({ id: p.id, pattern: new RegExp(`(?:${escaped.join("|")})`, "i") });
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
