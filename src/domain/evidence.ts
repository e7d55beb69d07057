// Evidence that a State or organisation implements a norm or CBM, as published: its subject, item, citation
// and sources, and the pure rules pages and the API apply to it (a State's status per item, citation links).
import type { PartialDate } from "./partial-date.js";
import type { Source } from "./source.js";
import type { Confidence, EvidenceKind, EvidenceStatus, ReporterKind, SubjectKind } from "./vocabulary.js";

/** The paragraph of an ingested document that an evidence record cites. */
export interface CitedParagraph {
  id: number;
  documentSlug: string;
  documentSymbol: string | null;
  documentTitle: string;
  anchor: string;
  label: string;
}

export interface Evidence {
  id: number;
  subjectKind: SubjectKind;
  /** ISO3 of the State, or the organisation id. */
  subjectId: string;
  subjectName: string;
  itemId: string;
  itemCode: string;
  itemShortTitle: string;
  frameworkId: string;
  kind: EvidenceKind;
  status: EvidenceStatus;
  observed: PartialDate | null;
  quote: string | null;
  paragraph: CitedParagraph | null;
  externalUrl: string | null;
  instrumentId: string | null;
  reporter: ReporterKind;
  reporterName: string | null;
  notes: string | null;
  confidence: Confidence;
  sources: Source[];
}

export interface EvidenceFilter {
  stateIso3?: string | undefined;
  organizationId?: string | undefined;
  itemId?: string | undefined;
  frameworkId?: string | undefined;
  reporter?: ReporterKind | undefined;
  status?: EvidenceStatus | undefined;
  kind?: EvidenceKind | undefined;
}

/** The permalink of a cited paragraph on this site, e.g. /documents/A/RES/78/237#op-4. */
export function paragraphHref(p: Pick<CitedParagraph, "documentSlug" | "anchor">): string {
  return `/documents/${p.documentSlug}#${p.anchor}`;
}

/** Where a reader checks the claim: the cited paragraph's permalink if there is one, else the external URL. */
export function citationHref(e: Pick<Evidence, "paragraph" | "externalUrl">): string | null {
  if (e.paragraph) return paragraphHref(e.paragraph);
  return e.externalUrl;
}

/** Self-reports on one side, "shadow" reports (civil society, researchers, intergovernmental bodies) on the other. */
export function splitByReporter<T extends Pick<Evidence, "reporter">>(evidence: T[]): { self: T[]; shadow: T[] } {
  return { self: evidence.filter((e) => e.reporter === "self"), shadow: evidence.filter((e) => e.reporter !== "self") };
}

export const STATE_STATUS_RULE =
  "A State's status for an item is the status of its most recent published evidence record, by date; undated records count as older than dated ones, and among equals the later record wins.";

/** Orders evidence oldest first under STATE_STATUS_RULE. */
function compareRecency(a: Pick<Evidence, "id" | "observed">, b: Pick<Evidence, "id" | "observed">): number {
  const da = a.observed?.date ?? "";
  const db = b.observed?.date ?? "";
  if (da !== db) return da < db ? -1 : 1;
  return a.id - b.id;
}

export interface StateStatus {
  stateIso3: string;
  name: string;
  status: EvidenceStatus;
  records: number;
}

/** One status per State (see STATE_STATUS_RULE), from that State's evidence for one item; sorted by State name. */
export function deriveStateStatuses(
  evidence: Pick<Evidence, "id" | "observed" | "status" | "subjectKind" | "subjectId" | "subjectName">[],
): StateStatus[] {
  const byState = new Map<string, typeof evidence>();
  for (const e of evidence) {
    if (e.subjectKind !== "state") continue;
    byState.set(e.subjectId, [...(byState.get(e.subjectId) ?? []), e]);
  }
  const out: StateStatus[] = [];
  for (const [iso3, records] of byState) {
    const latest = [...records].sort(compareRecency).at(-1)!;
    out.push({ stateIso3: iso3, name: latest.subjectName, status: latest.status, records: records.length });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** A set of States the roll-up counts over: a UN regional group or an organisation's current State members. */
export interface RollupGroup {
  /** "group:WEOG" or "organization:OSCE". */
  key: string;
  kind: "un-regional-group" | "organization";
  id: string;
  label: string;
  memberIso3s: string[];
}

/** One (State, item, status) combination that has published evidence. */
export interface StateEvidenceFact {
  stateIso3: string;
  itemId: string;
  status: EvidenceStatus;
}
