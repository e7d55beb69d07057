// General Assembly resolutions and decisions on ICTs and cybercrime, with adoption and vote totals.
import type { Source } from "./source.js";
import type { AdoptionMethod, Confidence, DecisionRecordType, ProcessKind, ResolutionTopic } from "./vocabulary.js";

export interface ResolutionSummary {
  /** Document symbol ("A/RES/74/247") or a decision number ("decision 74/567"). */
  symbol: string;
  recordType: DecisionRecordType;
  topic: ResolutionTopic;
  gaSession: number | null;
  adoptedOn: string | null;
  title: string | null;
  committee: string | null;
  adoptionMethod: AdoptionMethod | null;
  adoptionNote: string | null;
  yes: number | null;
  no: number | null;
  abstain: number | null;
}

export interface Resolution extends ResolutionSummary {
  firstCommitteeVote: string | null;
  summary: string | null;
  notes: string | null;
  confidence: Confidence;
}

export interface ResolutionFilter {
  topic?: ResolutionTopic | undefined;
  gaSession?: number | undefined;
}

export interface ResolutionProcessLink {
  processId: string;
  shortName: string;
  kind: ProcessKind;
  relation: string;
}

export interface ResolutionDetail {
  resolution: Resolution;
  processes: ResolutionProcessLink[];
  sources: Source[];
}

/** True when the GA took a recorded vote with totals (so a per-State vote page can exist). */
export function hasRecordedVote(r: ResolutionSummary): boolean {
  return r.adoptionMethod === "recorded-vote" && r.yes !== null;
}

/** "79–60–33" (yes–no–abstain), or null without totals. */
export function formatVoteTotals(r: Pick<ResolutionSummary, "yes" | "no" | "abstain">): string | null {
  if (r.yes === null || r.no === null || r.abstain === null) return null;
  return `${r.yes}–${r.no}–${r.abstain}`;
}

/** Path form of a symbol for site addresses: each segment encoded, the slashes kept ("decision%2074/567"). */
export function symbolPath(symbol: string): string {
  return symbol.split("/").map(encodeURIComponent).join("/");
}
