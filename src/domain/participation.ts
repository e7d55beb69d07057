// Participation: accreditation outcomes and stakeholder actions, and the per-session or per-process summary
// of who applied and who was kept out (aggregate counts from a source win over counting named records).
import type { PartialDate } from "./partial-date.js";
import type { Source } from "./source.js";
import type { AccreditationOutcome, Confidence, EcosocStatus, StakeholderActionKind } from "./vocabulary.js";

export interface Accreditation {
  id: string;
  processId: string;
  sessionId: string | null;
  /** True when the source gives only counts for a group ("32 of 86 blocked"), not named organisations. */
  isAggregate: boolean;
  organizationName: string | null;
  ecosocStatus: EcosocStatus;
  applied: PartialDate | null;
  decided: PartialDate | null;
  outcome: AccreditationOutcome | null;
  applicants: number | null;
  accreditedCount: number | null;
  objectedCount: number | null;
  objectingStates: string[];
  notes: string | null;
  confidence: Confidence;
  sources: Source[];
}

/** What the summary reads of each record (a page of the API lists the records; the summary covers every match). */
export type AccreditationFacts = Pick<
  Accreditation,
  | "ecosocStatus"
  | "isAggregate"
  | "organizationName"
  | "outcome"
  | "applicants"
  | "accreditedCount"
  | "objectedCount"
  | "objectingStates"
>;

export interface StakeholderAction {
  id: string;
  processId: string | null;
  sessionId: string | null;
  kind: StakeholderActionKind;
  title: string;
  description: string;
  actedOn: PartialDate | null;
  leadOrganizations: string[];
  signatoryOrganizations: string[];
  signatoryStates: string[];
  signatoryCount: string | null;
  documentSymbol: string | null;
  documentUrl: string | null;
  /** The text as an ingested document (matched by symbol or by the URL it was fetched from), once it is stored. */
  document: { slug: string; title: string } | null;
  notes: string | null;
  confidence: Confidence;
  sources: Source[];
}

export interface AccreditationGroupSummary {
  ecosocStatus: EcosocStatus;
  /** "aggregate": counts as a source reports them; "records": counted from named applications. */
  basis: "aggregate" | "records";
  applicants: number | null;
  accredited: number | null;
  objected: number | null;
  withdrawn: number;
  pending: number;
  /** Objected ÷ applicants, or null when either is unknown. */
  objectedShare: number | null;
  /** Named organisations whose application was objected to (examples when the basis is aggregate). */
  namedObjected: string[];
}

export interface AccreditationSummary {
  groups: AccreditationGroupSummary[];
  /** States whose objections were made public, each once, sorted. */
  objectingStates: string[];
  records: number;
}

const sumOrNull = (values: (number | null)[]) =>
  values.some((x) => x === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);

/** Summarises accreditation records of one session or process, per ECOSOC status. */
export function summarizeAccreditations(records: AccreditationFacts[]): AccreditationSummary {
  const statuses = [...new Set(records.map((r) => r.ecosocStatus))].sort();
  const groups = statuses.map((status): AccreditationGroupSummary => {
    const inGroup = records.filter((r) => r.ecosocStatus === status);
    const aggregates = inGroup.filter((r) => r.isAggregate);
    const named = inGroup.filter((r) => !r.isAggregate);
    const count = (outcome: AccreditationOutcome) => named.filter((r) => r.outcome === outcome).length;
    const namedObjected = named
      .filter((r) => r.outcome === "objected")
      .map((r) => r.organizationName ?? "")
      .sort((a, b) => a.localeCompare(b));
    if (aggregates.length > 0) {
      const applicants = sumOrNull(aggregates.map((a) => a.applicants));
      const objected = sumOrNull(aggregates.map((a) => a.objectedCount));
      return {
        ecosocStatus: status,
        basis: "aggregate",
        applicants,
        accredited: sumOrNull(aggregates.map((a) => a.accreditedCount)),
        objected,
        withdrawn: count("withdrawn"),
        pending: count("pending"),
        objectedShare: shareOf(objected, applicants),
        namedObjected,
      };
    }
    const objected = count("objected");
    return {
      ecosocStatus: status,
      basis: "records",
      applicants: named.length,
      accredited: count("accredited"),
      objected,
      withdrawn: count("withdrawn"),
      pending: count("pending"),
      objectedShare: shareOf(objected, named.length),
      namedObjected,
    };
  });
  const objectingStates = [...new Set(records.flatMap((r) => r.objectingStates))].sort();
  return { groups, objectingStates, records: records.length };
}

function shareOf(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : part / whole;
}
