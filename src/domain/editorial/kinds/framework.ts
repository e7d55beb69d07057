// A framework of norms or CBMs (e.g. the GGE's eleven norms) as editors write it.
import * as v from "../../vocabulary.js";
import { slugHint, type KindSpec } from "./kind.js";

export const frameworkKind: KindSpec = {
  kind: "framework",
  label: "framework",
  idField: "id",
  partialDates: [],
  fields: [
    { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
    { name: "name", label: "Name", type: "text", required: true },
    { name: "kind", label: "Kind", type: "enum", required: true, options: v.FRAMEWORK_KINDS },
    { name: "body", label: "Body that agreed it", type: "text", required: true },
    { name: "instrument", label: "Instrument", type: "text", hint: "e.g. A/70/174, para 13 (a)–(k)" },
  ],
  rules: [],
  references: [],
  dependents: [{ relation: "framework-items", fields: ["frameworkId"], label: "norms or CBMs" }],
};
