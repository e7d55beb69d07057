// Candidate evidence: when an ingested document is attributed to a State and a paragraph mentions a norm or CBM,
// an editor is offered a candidate. These are the pure rules: attribution, what becomes a candidate, the draft.
import type { EditorialRecordFields } from "./editorial/records.js";
import type { ReferenceMatcher } from "./references-entities.js";
import type { DocumentType, EvidenceKind, MentionKind } from "./vocabulary.js";

export const ATTRIBUTION_RULE =
  "A document is attributed to a State when one of its authors is that State (its ISO3 code, or an author line naming exactly one State); when no author names a State, a statement, submission, letter, consultation response or national strategy whose title names exactly one State is attributed to that State. Resolutions and reports of UN bodies are never attributed to a State.";

/** Document types written by a State (or on its behalf) whose title usually names it. */
const NATIONAL_TYPES: ReadonlySet<DocumentType> = new Set([
  "statement",
  "submission",
  "letter",
  "consultation-response",
  "national-strategy",
]);

export interface DocumentForAttribution {
  authors: string[];
  type: DocumentType;
  title: string;
}

function statesNamedIn(text: string, matcher: ReferenceMatcher): string[] {
  return [
    ...new Set(
      matcher
        .detect(text)
        .filter((m) => m.kind === "state")
        .map((m) => m.targetId),
    ),
  ];
}

/** The States a document is attributed to under ATTRIBUTION_RULE (often none). */
export function attributedStates(
  doc: DocumentForAttribution,
  matcher: ReferenceMatcher,
  knownIso3s: ReadonlySet<string>,
): string[] {
  const fromAuthors = new Set<string>();
  for (const author of doc.authors) {
    const trimmed = author.trim();
    if (/^[A-Z]{3}$/.test(trimmed) && knownIso3s.has(trimmed)) {
      fromAuthors.add(trimmed);
      continue;
    }
    const named = statesNamedIn(trimmed, matcher);
    if (named.length === 1) fromAuthors.add(named[0]!);
  }
  if (fromAuthors.size > 0) return [...fromAuthors].sort();
  if (!NATIONAL_TYPES.has(doc.type)) return [];
  const inTitle = statesNamedIn(doc.title, matcher);
  return inTitle.length === 1 ? inTitle : [];
}

/** The mention kinds that name a norm or CBM: explicit ("13 (c)") or by topic keywords. */
export const CANDIDATE_MENTION_KINDS = ["norm", "norm-topic", "cbm-topic"] as const satisfies readonly MentionKind[];

export interface ParagraphMention {
  paragraphId: number;
  kind: MentionKind;
  targetId: string;
  confidence: number;
  matchedText: string;
  text: string;
}

export interface CandidateProposal {
  paragraphId: number;
  stateIso3: string;
  itemId: string;
  matchKind: "explicit" | "topic";
  score: number;
  excerpt: string;
}

const EXCERPT_LENGTH = 400;

/** Up to EXCERPT_LENGTH characters of the paragraph around the matched words, marked with … where cut. */
export function excerptAround(text: string, matched: string, length = EXCERPT_LENGTH): string {
  if (text.length <= length) return text;
  const at = Math.max(0, text.toLowerCase().indexOf(matched.toLowerCase()));
  const start = Math.max(0, Math.min(at - Math.floor(length / 3), text.length - length));
  const body = text.slice(start, start + length).trim();
  return `${start > 0 ? "…" : ""}${body}${start + length < text.length ? "…" : ""}`;
}

/** One candidate per (paragraph, State, item) for every norm or CBM mention, for every attributed State. */
export function proposeCandidates(stateIso3s: string[], mentions: ParagraphMention[]): CandidateProposal[] {
  const out = new Map<string, CandidateProposal>();
  for (const m of mentions) {
    if (!(CANDIDATE_MENTION_KINDS as readonly string[]).includes(m.kind)) continue;
    for (const iso3 of stateIso3s) {
      const key = `${m.paragraphId}|${iso3}|${m.targetId}`;
      const proposal: CandidateProposal = {
        paragraphId: m.paragraphId,
        stateIso3: iso3,
        itemId: m.targetId,
        matchKind: m.kind === "norm" ? "explicit" : "topic",
        score: m.confidence,
        excerpt: excerptAround(m.text, m.matchedText),
      };
      const current = out.get(key);
      if (!current || current.score < proposal.score) out.set(key, proposal);
    }
  }
  return [...out.values()];
}

export interface CandidateContext {
  id: number;
  stateIso3: string;
  itemId: string;
  paragraphId: number;
  matchKind: string;
  score: number;
  excerpt: string;
  documentType: DocumentType;
  documentDate: string | null;
}

function evidenceKindOf(type: DocumentType): EvidenceKind {
  if (type === "national-strategy") return "strategy";
  if (type === "report") return "report";
  return "statement";
}

/**
 * The evidence record an editor starts from. The status is "planned", the most cautious one: a State naming a
 * norm shows commitment, not implementation; the editor raises it after reading the paragraph.
 */
export function evidenceDraftFromCandidate(c: CandidateContext): EditorialRecordFields {
  return {
    stateIso3: c.stateIso3,
    organizationId: null,
    itemId: c.itemId,
    kind: evidenceKindOf(c.documentType),
    status: "planned",
    observed: c.documentDate,
    quote: c.excerpt,
    paragraphId: c.paragraphId,
    externalUrl: null,
    instrumentId: null,
    reporter: "self",
    reporterName: null,
    notes: `Drafted from candidate #${c.id} (${c.matchKind === "explicit" ? "explicit reference" : "topic match"}, score ${c.score}); check the status and the quote against the paragraph.`,
    confidence: "medium",
  };
}
