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
export const EXPLICIT_NORM = /\b(?:norms?|paragraph|para\.?)?\s*13\s?\(([a-k])\)/gi;

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
      for (const match of normalized.matchAll(EXPLICIT_NORM)) {
        const id = vocabulary.normIdsByLetter.get(match[1]!.toLowerCase());
        if (id) {
          explicitNorms.add(id);
          add({ kind: "norm", targetId: id, confidence: 1, matchedText: match[0].trim() });
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
