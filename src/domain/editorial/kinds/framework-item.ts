// One norm or CBM of a framework as editors write it.
import { confidence, slugHint, type KindSpec } from "./kind.js";

export const frameworkItemKind: KindSpec = {
  kind: "framework-item",
  label: "norm or CBM",
  idField: "id",
  partialDates: [],
  fields: [
    { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
    { name: "frameworkId", label: "Framework id", type: "text", required: true },
    {
      name: "code",
      label: "Code",
      type: "text",
      required: true,
      hint: "as the framework numbers it, e.g. 13(c) or CBM 4",
    },
    { name: "position", label: "Position in the framework", type: "int", required: true },
    { name: "shortTitle", label: "Short title", type: "text", required: true },
    { name: "reference", label: "Reference", type: "text" },
    { name: "instrument", label: "Instrument", type: "text" },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [],
  references: [{ field: "frameworkId", target: "framework" }],
  dependents: [{ relation: "evidence", fields: ["itemId"], label: "evidence" }],
};
