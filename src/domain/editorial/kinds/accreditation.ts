// An accreditation record: one organisation's application or the counts for a group, as editors write it.
import * as v from "../../vocabulary.js";
import { confidence, listOfIso3, slugHint, type KindSpec } from "./kind.js";

export const accreditationKind: KindSpec = {
  kind: "accreditation",
  label: "accreditation record",
  idField: "id",
  partialDates: [
    { field: "applied", date: "appliedOn", precision: "appliedPrecision" },
    { field: "decided", date: "decidedOn", precision: "decidedPrecision" },
  ],
  fields: [
    { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
    { name: "processId", label: "Process id", type: "text", required: true },
    { name: "sessionId", label: "Session id", type: "text" },
    { name: "isAggregate", label: "Counts for a group (not one organisation)", type: "bool" },
    { name: "organizationName", label: "Organisation", type: "text", hint: "for one organisation's application" },
    { name: "ecosocStatus", label: "ECOSOC status", type: "enum", required: true, options: v.ECOSOC_STATUSES },
    { name: "applied", label: "Applied", type: "partial-date" },
    { name: "decided", label: "Decided", type: "partial-date" },
    { name: "outcome", label: "Outcome", type: "enum", options: v.ACCREDITATION_OUTCOMES },
    { name: "applicants", label: "Applicants (group counts)", type: "int" },
    { name: "accreditedCount", label: "Accredited (group counts)", type: "int" },
    { name: "objectedCount", label: "Objected to (group counts)", type: "int" },
    {
      name: "objectingStates",
      label: "Objecting States made public (ISO3)",
      type: "list",
      hint: "one ISO3 code per line",
    },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [
    {
      isValid: (r) =>
        r["isAggregate"] ? r["organizationName"] === null : r["organizationName"] !== null && r["outcome"] !== null,
      message: 'name the organisation and its outcome, or tick "counts for a group" and leave the organisation blank',
      path: "organizationName",
    },
    {
      isValid: (r) =>
        Number(r["accreditedCount"] ?? 0) + Number(r["objectedCount"] ?? 0) <=
        Number(r["applicants"] ?? Number.MAX_SAFE_INTEGER),
      message: "more accredited and objected than applicants",
      path: "applicants",
    },
    listOfIso3("objectingStates"),
  ],
  references: [
    { field: "processId", target: "process" },
    { field: "sessionId", target: "session", parentField: "processId" },
  ],
  dependents: [],
};
