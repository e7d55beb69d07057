// A rating of an instrument against one rubric criterion, cited unless the rating is unknown.
import * as v from "../../vocabulary.js";
import type { KindSpec } from "./kind.js";

export const assessmentKind: KindSpec = {
  kind: "assessment",
  label: "assessment",
  idField: null,
  partialDates: [],
  fields: [
    { name: "instrumentId", label: "Instrument id", type: "text", required: true },
    { name: "criterionId", label: "Rubric criterion id", type: "int", required: true },
    { name: "rating", label: "Rating", type: "enum", required: true, options: v.ASSESSMENT_RATINGS },
    {
      name: "paragraphId",
      label: "Cited paragraph id",
      type: "int",
      hint: "required unless the rating is unknown, or give a URL",
    },
    { name: "externalUrl", label: "Source URL", type: "url" },
    { name: "quote", label: "Short quote", type: "longtext" },
    { name: "note", label: "Note", type: "longtext" },
    { name: "assessedOn", label: "Assessed on", type: "iso-date", required: true },
  ],
  rules: [
    {
      isValid: (r) => r["rating"] === "unknown" || r["paragraphId"] !== null || r["externalUrl"] !== null,
      message: "a rating other than unknown needs a cited paragraph or a URL",
      path: "externalUrl",
    },
  ],
  references: [
    { field: "paragraphId", target: "document-paragraph" },
    { field: "instrumentId", target: "instrument" },
    { field: "criterionId", target: "rubric-criterion" },
  ],
  dependents: [],
};
