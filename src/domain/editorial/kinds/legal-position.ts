// A published position of a State or a regional organisation on how international law applies to the use of ICTs.
import * as v from "../../vocabulary.js";
import { confidence, exactlyOneOf, slugHint, type KindSpec } from "./kind.js";

const LEGAL_TOPICS: readonly string[] = v.LEGAL_TOPICS;

export const legalPositionKind: KindSpec = {
  kind: "legal-position",
  label: "position on international law",
  idField: "id",
  partialDates: [{ field: "published", date: "publishedOn", precision: "publishedPrecision" }],
  fields: [
    {
      name: "id",
      label: "Id",
      type: "slug",
      required: true,
      hint: `actor code and publication date, e.g. fra-2019-09-09; ${slugHint}`,
    },
    { name: "stateIso3", label: "State (ISO3)", type: "iso3", hint: "a State or an organisation, not both" },
    { name: "organizationId", label: "Organisation id", type: "text", hint: "for a common position, e.g. EU" },
    { name: "title", label: "Title", type: "text", required: true },
    { name: "isTitleDescriptive", label: "The source gives no title: this one describes the document", type: "bool" },
    { name: "published", label: "Published", type: "partial-date", required: true },
    { name: "languages", label: "Languages of the versions read", type: "list", hint: "one per line, e.g. en" },
    { name: "documentUrl", label: "Official URL", type: "url" },
    {
      name: "context",
      label: "Context",
      type: "text",
      required: true,
      hint: "e.g. national paper, speech, contribution to A/76/136",
    },
    {
      name: "topics",
      label: "Topics a source says it covers",
      type: "list",
      hint: `one per line: ${v.LEGAL_TOPICS.join(", ")}; leave out what was not read`,
    },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [
    exactlyOneOf("stateIso3", "organizationId", "give a State or an organisation, not both"),
    {
      isValid: (r) => (r["topics"] as string[]).every((topic) => LEGAL_TOPICS.includes(topic)),
      message: `topics, one per line, from: ${v.LEGAL_TOPICS.join(", ")}`,
      path: "topics",
    },
  ],
  references: [
    { field: "stateIso3", target: "state" },
    { field: "organizationId", target: "organization" },
  ],
  dependents: [],
};
