// A capacity-building programme as editors write it.
import { confidence, endNotBeforeStart, isIso4217, listOfIso3, slugHint, type KindSpec } from "./kind.js";

export const programmeKind: KindSpec = {
  kind: "programme",
  label: "capacity-building programme",
  idField: "id",
  partialDates: [
    { field: "start", date: "startOn", precision: "startPrecision" },
    { field: "end", date: "endOn", precision: "endPrecision" },
  ],
  fields: [
    { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
    { name: "iatiIdentifier", label: "IATI identifier", type: "text" },
    { name: "title", label: "Title", type: "text", required: true },
    { name: "description", label: "Description", type: "longtext" },
    { name: "funders", label: "Funders", type: "list", hint: "one per line" },
    { name: "implementers", label: "Implementers", type: "list", hint: "one per line" },
    { name: "beneficiaryStates", label: "Beneficiary States (ISO3)", type: "list", hint: "one ISO3 code per line" },
    { name: "region", label: "Region", type: "text" },
    { name: "start", label: "Start", type: "partial-date" },
    { name: "end", label: "End", type: "partial-date" },
    { name: "budget", label: "Budget", type: "decimal" },
    { name: "currency", label: "Currency (ISO 4217)", type: "text", hint: "e.g. EUR" },
    { name: "itemIds", label: "Norms and CBMs addressed (ids)", type: "list", hint: "one per line" },
    { name: "url", label: "URL", type: "url" },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [
    endNotBeforeStart(),
    {
      isValid: (r) => r["currency"] === null || isIso4217(r["currency"]),
      message: "three capital letters (ISO 4217)",
      path: "currency",
    },
    {
      isValid: (r) => (r["budget"] === null) === (r["currency"] === null),
      message: "give a budget and its currency together",
      path: "currency",
    },
    listOfIso3("beneficiaryStates"),
  ],
  references: [
    { field: "beneficiaryStates", target: "state" },
    { field: "itemIds", target: "framework-item" },
  ],
  dependents: [],
};
