// A General Assembly resolution or decision as editors write it.
import * as v from "../../vocabulary.js";
import { confidence, type KindSpec } from "./kind.js";

export const resolutionKind: KindSpec = {
  kind: "resolution",
  label: "resolution",
  idField: "symbol",
  partialDates: [],
  fields: [
    {
      name: "symbol",
      label: "Document symbol",
      type: "text",
      required: true,
      hint: "e.g. A/RES/74/247; cannot change later",
    },
    { name: "recordType", label: "Record type", type: "enum", required: true, options: v.DECISION_RECORD_TYPES },
    { name: "topic", label: "Topic", type: "enum", required: true, options: v.RESOLUTION_TOPICS },
    { name: "gaSession", label: "GA session", type: "int" },
    { name: "adoptedOn", label: "Adopted on", type: "iso-date" },
    { name: "title", label: "Title", type: "text" },
    { name: "committee", label: "Committee", type: "text" },
    { name: "adoptionMethod", label: "Adoption method", type: "enum", options: v.ADOPTION_METHODS },
    { name: "adoptionNote", label: "Adoption note", type: "text" },
    { name: "yes", label: "Yes", type: "int" },
    { name: "no", label: "No", type: "int" },
    { name: "abstain", label: "Abstain", type: "int" },
    { name: "firstCommitteeVote", label: "First Committee vote", type: "text" },
    { name: "summary", label: "Summary", type: "longtext" },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [],
  references: [],
  dependents: [{ relation: "process-resolutions", fields: ["resolutionSymbol"], label: "processes linked to it" }],
};
