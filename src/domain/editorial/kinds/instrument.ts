// A national or organisational instrument (strategy, law, policy) as editors write it.
import * as v from "../../vocabulary.js";
import { confidence, exactlyOneOf, slugHint, type KindSpec } from "./kind.js";

export const instrumentKind: KindSpec = {
  kind: "instrument",
  label: "instrument",
  idField: "id",
  partialDates: [
    { field: "adopted", date: "adoptedOn", precision: "adoptedPrecision" },
    { field: "superseded", date: "supersededOn", precision: "supersededPrecision" },
  ],
  fields: [
    { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
    { name: "stateIso3", label: "State (ISO3)", type: "iso3", hint: "a State or an organisation, not both" },
    { name: "organizationId", label: "Organisation id", type: "text" },
    { name: "kind", label: "Kind", type: "enum", required: true, options: v.INSTRUMENT_KINDS },
    { name: "title", label: "Title", type: "text", required: true },
    { name: "status", label: "Status", type: "enum", required: true, options: v.INSTRUMENT_STATUSES },
    { name: "adopted", label: "Adopted", type: "partial-date" },
    { name: "superseded", label: "Superseded", type: "partial-date" },
    { name: "documentId", label: "Document id", type: "int", hint: "the ingested text, if any" },
    { name: "url", label: "URL", type: "url" },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [exactlyOneOf("stateIso3", "organizationId", "give a State or an organisation, not both")],
  references: [
    { field: "stateIso3", target: "state" },
    { field: "organizationId", target: "organization" },
    { field: "documentId", target: "document" },
  ],
  dependents: [{ relation: "assessments", fields: ["instrumentId"], label: "assessments" }],
};
