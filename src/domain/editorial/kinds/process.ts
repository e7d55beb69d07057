// A UN process (GGE, OEWG, Ad Hoc Committee…) as editors write it.
import * as v from "../../vocabulary.js";
import { confidence, endNotBeforeStart, slugId, startEndPartialDates, type KindSpec } from "./kind.js";

export const processKind: KindSpec = {
  kind: "process",
  label: "process",
  idField: "id",
  partialDates: startEndPartialDates,
  fields: [
    slugId,
    { name: "name", label: "Name", type: "text", required: true },
    { name: "shortName", label: "Short name", type: "text", required: true },
    { name: "kind", label: "Kind", type: "enum", required: true, options: v.PROCESS_KINDS },
    { name: "parentBody", label: "Parent body", type: "text" },
    { name: "mandatingResolutions", label: "Mandating resolutions", type: "text", required: true },
    { name: "start", label: "Start", type: "partial-date", required: true },
    { name: "end", label: "End", type: "partial-date" },
    { name: "chairName", label: "Chair", type: "text" },
    { name: "chairStateIso3", label: "Chair's State (ISO3)", type: "iso3" },
    { name: "chairConfidence", label: "Confidence in the chair", type: "enum", options: v.CONFIDENCE_LEVELS },
    { name: "membership", label: "Membership", type: "text", required: true },
    { name: "finalReports", label: "Final reports", type: "longtext" },
    { name: "outcome", label: "Outcome", type: "longtext" },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [endNotBeforeStart()],
  references: [{ field: "chairStateIso3", target: "state" }],
  dependents: [
    { relation: "sessions", fields: ["processId"], label: "sessions" },
    { relation: "process-members", fields: ["processId"], label: "member States" },
    { relation: "process-resolutions", fields: ["processId"], label: "linked resolutions" },
  ],
};
