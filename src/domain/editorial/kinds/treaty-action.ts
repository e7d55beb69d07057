// One party's signature and consent to be bound by a treaty, as a status page showed them on its as-of date.
import * as v from "../../vocabulary.js";
import { confidence, exactlyOneOf, type KindSpec } from "./kind.js";

export const treatyActionKind: KindSpec = {
  kind: "treaty-action",
  label: "treaty action",
  idField: "id",
  partialDates: [
    { field: "signed", date: "signedOn", precision: "signedPrecision" },
    { field: "consent", date: "consentOn", precision: "consentPrecision" },
  ],
  fields: [
    {
      name: "id",
      label: "Id",
      type: "text",
      required: true,
      hint: "treaty:party:as-of, e.g. coe-ets-185:FRA:2015-12-03; cannot change later",
    },
    {
      name: "treatyId",
      label: "Treaty id",
      type: "text",
      required: true,
      hint: "e.g. un-cybercrime-2024 or coe-ets-185",
    },
    { name: "stateIso3", label: "State (ISO3)", type: "iso3", hint: "a State or an organisation, not both" },
    { name: "organizationId", label: "Organisation id", type: "text" },
    { name: "partyName", label: "Party as the source names it", type: "text", required: true },
    { name: "kind", label: "Action", type: "enum", required: true, options: v.TREATY_ACTION_KINDS },
    { name: "signed", label: "Signed", type: "partial-date" },
    {
      name: "consent",
      label: "Ratified, acceded, accepted or approved",
      type: "partial-date",
      hint: "blank for a signature only",
    },
    {
      name: "asOf",
      label: "Status as of",
      type: "iso-date",
      required: true,
      hint: "the status date of the page cited",
    },
    { name: "isAsOfLowerBound", label: "The page gives no status date (as-of is its latest action)", type: "bool" },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [
    exactlyOneOf("stateIso3", "organizationId", "give a State or an organisation, not both"),
    {
      isValid: (r) => (r["kind"] === "signature") === (r["consent"] === null),
      message: "a signature only has no consent date; a ratification, accession, acceptance or approval has one",
      path: "consent",
    },
    {
      isValid: (r) => r["signed"] !== null || r["consent"] !== null,
      message: "give the date of signature or of consent",
      path: "signed",
    },
    {
      isValid: (r) =>
        r["id"] === `${String(r["treatyId"])}:${String(r["stateIso3"] ?? r["organizationId"])}:${String(r["asOf"])}`,
      message: "the id is treaty:party:as-of, e.g. coe-ets-185:FRA:2015-12-03",
      path: "id",
    },
  ],
  references: [
    { field: "treatyId", target: "treaty" },
    { field: "stateIso3", target: "state" },
    { field: "organizationId", target: "organization" },
  ],
  dependents: [],
};
