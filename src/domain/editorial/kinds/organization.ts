// An organisation (regional, intergovernmental, civil society…) as editors write it.
import * as v from "../../vocabulary.js";
import type { KindSpec } from "./kind.js";

export const organizationKind: KindSpec = {
  kind: "organization",
  label: "organisation",
  idField: "id",
  partialDates: [],
  fields: [
    { name: "id", label: "Id", type: "text", required: true, hint: "e.g. OSCE; cannot change later" },
    { name: "name", label: "Name", type: "text", required: true },
    { name: "abbreviation", label: "Abbreviation", type: "text" },
    {
      name: "classification",
      label: "Classification",
      type: "enum",
      required: true,
      options: v.ORGANIZATION_CLASSIFICATIONS,
    },
    { name: "blocTypes", label: "Bloc types", type: "list", hint: "one per line" },
    { name: "foundedYear", label: "Founded (year)", type: "int" },
    { name: "wikidataId", label: "Wikidata id", type: "text" },
    { name: "links", label: "Links", type: "list", hint: "one URL per line" },
    { name: "description", label: "Description", type: "longtext" },
  ],
  rules: [],
  references: [],
  dependents: [{ relation: "memberships", fields: ["organizationId", "memberOrganizationId"], label: "memberships" }],
};
