// A joint action by stakeholders (statement, letter, proposal) as editors write it.
import * as v from "../../vocabulary.js";
import { confidence, listOfIso3, slugHint, type KindSpec } from "./kind.js";

export const stakeholderActionKind: KindSpec = {
  kind: "stakeholder-action",
  label: "stakeholder action",
  idField: "id",
  partialDates: [{ field: "acted", date: "actedOn", precision: "actedPrecision" }],
  fields: [
    { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
    { name: "processId", label: "Process id", type: "text", hint: "blank when the sources do not say" },
    { name: "sessionId", label: "Session id", type: "text" },
    { name: "kind", label: "Kind", type: "enum", required: true, options: v.STAKEHOLDER_ACTION_KINDS },
    { name: "title", label: "Title", type: "text", required: true },
    { name: "description", label: "Description", type: "longtext", required: true },
    { name: "acted", label: "Date", type: "partial-date" },
    { name: "leadOrganizations", label: "Led by", type: "list", hint: "one organisation per line" },
    { name: "signatoryOrganizations", label: "Signatory organisations", type: "list", hint: "one per line" },
    { name: "signatoryStates", label: "Signatory States (ISO3)", type: "list", hint: "one ISO3 code per line" },
    { name: "signatoryCount", label: "Signatories as the sources count them", type: "text" },
    { name: "documentSymbol", label: "Document symbol", type: "text" },
    { name: "documentUrl", label: "Text URL", type: "url" },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [listOfIso3("signatoryStates")],
  references: [
    { field: "processId", target: "process" },
    { field: "sessionId", target: "session", parentField: "processId" },
  ],
  dependents: [],
};
