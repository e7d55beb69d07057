// A session of a process as editors write it.
import * as v from "../../vocabulary.js";
import { confidence, endNotBeforeStart, slugId, startEndPartialDates, type KindSpec } from "./kind.js";

export const sessionKind: KindSpec = {
  kind: "session",
  label: "session",
  idField: "id",
  partialDates: startEndPartialDates,
  fields: [
    slugId,
    { name: "processId", label: "Process id", type: "text", required: true },
    { name: "name", label: "Name", type: "text", required: true },
    { name: "kind", label: "Kind", type: "enum", required: true, options: v.SESSION_KINDS },
    { name: "start", label: "Start", type: "partial-date" },
    { name: "end", label: "End", type: "partial-date" },
    { name: "venue", label: "Venue", type: "text" },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [endNotBeforeStart()],
  references: [{ field: "processId", target: "process" }],
  dependents: [],
};
