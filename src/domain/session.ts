// Sessions: one meeting of a process, with dates at the precision the source gives.
import type { PartialDate } from "./partial-date.js";
import type { Source } from "./source.js";
import type { Confidence, ProcessKind, SessionKind } from "./vocabulary.js";

export interface SessionSummary {
  id: string;
  processId: string;
  name: string;
  kind: SessionKind;
  start: PartialDate | null;
  end: PartialDate | null;
  venue: string | null;
}

export interface Session extends SessionSummary {
  processShortName: string;
  processKind: ProcessKind;
  notes: string | null;
  confidence: Confidence;
}

export interface SessionFilter {
  processId?: string | undefined;
  kind?: SessionKind | undefined;
  /** ISO day: sessions that end on or after it (by the last day their dates can mean). */
  from?: string | undefined;
  /** ISO day: sessions that start on or before it. */
  to?: string | undefined;
  /** ISO day ("today"): sessions whose start can still lie on or after it, soonest first. */
  upcomingFrom?: string | undefined;
}

export interface SessionDetail {
  session: Session;
  processName: string;
  sources: Source[];
}
