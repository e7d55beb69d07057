// UN cyber processes (GGEs, OEWGs, the Ad Hoc Committee, the Global Mechanism), as the rest of the code sees them.
import type { PartialDate } from "./partial-date.js";
import type { ResolutionSummary } from "./resolution.js";
import type { SessionSummary } from "./session.js";
import type { Source } from "./source.js";
import type { Confidence, ProcessKind } from "./vocabulary.js";

export interface Process {
  id: string;
  name: string;
  shortName: string;
  kind: ProcessKind;
  parentBody: string | null;
  /** As the source words it, e.g. "A/RES/73/27"; the linked records are in ProcessDetail.resolutions. */
  mandatingResolutions: string;
  start: PartialDate;
  /** Null while the process is still running (open-ended). */
  end: PartialDate | null;
  chairName: string | null;
  chairStateIso3: string | null;
  chairStateName: string | null;
  chairConfidence: Confidence | null;
  /** Membership as the source words it: "open to all Member States", "25 States". */
  membership: string;
  finalReports: string | null;
  outcome: string | null;
  notes: string | null;
  confidence: Confidence;
}

export interface ProcessFilter {
  kind?: ProcessKind | undefined;
  /** ISO day: only processes running on that day (start ≤ day ≤ last day the end can mean, or no end). */
  activeOn?: string | undefined;
}

export interface ProcessStateRef {
  iso3: string;
  name: string;
}

/** A resolution linked to a process and how: "mandate", "related", … */
export interface ProcessResolution extends ResolutionSummary {
  relation: string;
}

export interface ProcessDetail {
  process: Process;
  chairState: ProcessStateRef | null;
  /** Listed members of a closed group (GGEs); empty for open-ended processes or when no list is sourced. */
  memberStates: ProcessStateRef[];
  sessions: SessionSummary[];
  resolutions: ProcessResolution[];
  sources: Source[];
}
