// An editors' update (news item) with links to the records it is about.
import * as v from "../../vocabulary.js";
import { slugHint, type KindSpec } from "./kind.js";

const UPDATE_LINK_PATTERN = new RegExp(`^(${v.UPDATE_LINK_KINDS.join("|")}):\\S+$`);

export const updateKind: KindSpec = {
  kind: "update",
  label: "update",
  idField: "slug",
  partialDates: [],
  fields: [
    { name: "slug", label: "Slug", type: "slug", required: true, hint: slugHint },
    { name: "title", label: "Title", type: "text", required: true },
    { name: "bodyMarkdown", label: "Text (Markdown)", type: "longtext", required: true },
    { name: "publishedOn", label: "Published on", type: "iso-date", required: true },
    {
      name: "links",
      label: "Linked records",
      type: "list",
      hint: "one per line as kind:id, e.g. process:oewg-2021-2025 or state:FRA",
    },
  ],
  rules: [
    {
      isValid: (r) => (r["links"] as string[]).every((l) => UPDATE_LINK_PATTERN.test(l)),
      message: `kind:id, where kind is one of ${v.UPDATE_LINK_KINDS.join(", ")}`,
      path: "links",
    },
  ],
  references: [],
  dependents: [],
};
