// Evidence that a State or organisation implements a norm or CBM, always with a cited paragraph or URL.
import * as v from "../../vocabulary.js";
import { confidence, exactlyOneOf, type KindSpec } from "./kind.js";

export const evidenceKind: KindSpec = {
  kind: "evidence",
  label: "evidence",
  idField: null,
  partialDates: [{ field: "observed", date: "observedOn", precision: "observedPrecision" }],
  fields: [
    { name: "stateIso3", label: "State (ISO3)", type: "iso3", hint: "a State or an organisation, not both" },
    { name: "organizationId", label: "Organisation id", type: "text" },
    { name: "itemId", label: "Norm or CBM id", type: "text", required: true },
    { name: "kind", label: "Kind of evidence", type: "enum", required: true, options: v.EVIDENCE_KINDS },
    { name: "status", label: "Status", type: "enum", required: true, options: v.EVIDENCE_STATUSES },
    { name: "observed", label: "Date", type: "partial-date" },
    { name: "quote", label: "Short quote", type: "longtext" },
    {
      name: "paragraphId",
      label: "Cited paragraph id",
      type: "int",
      hint: "a paragraph of an ingested document; or give a URL",
    },
    { name: "externalUrl", label: "Source URL", type: "url" },
    { name: "instrumentId", label: "Instrument id", type: "text" },
    { name: "reporter", label: "Reported by", type: "enum", required: true, options: v.REPORTER_KINDS },
    { name: "reporterName", label: "Reporter's name", type: "text" },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [
    exactlyOneOf("stateIso3", "organizationId", "give a State or an organisation, not both"),
    {
      isValid: (r) => r["paragraphId"] !== null || r["externalUrl"] !== null,
      message: "evidence needs a source: a cited paragraph or a URL",
      path: "externalUrl",
    },
  ],
  references: [
    { field: "stateIso3", target: "state" },
    { field: "organizationId", target: "organization" },
    { field: "itemId", target: "framework-item" },
    { field: "instrumentId", target: "instrument" },
    { field: "paragraphId", target: "document-paragraph" },
  ],
  dependents: [],
};
