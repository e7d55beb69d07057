// A State's or an organisation's membership of an organisation as editors write it (id assigned by the database).
import { endNotBeforeStart, exactlyOneOf, type KindSpec } from "./kind.js";

export const membershipKind: KindSpec = {
  kind: "membership",
  label: "membership",
  idField: null,
  partialDates: [
    { field: "start", date: "startDate", precision: "startPrecision" },
    { field: "end", date: "endDate", precision: "endPrecision" },
  ],
  fields: [
    { name: "organizationId", label: "Organisation id", type: "text", required: true },
    {
      name: "stateIso3",
      label: "Member State (ISO3)",
      type: "iso3",
      hint: "a State or a member organisation, not both",
    },
    { name: "memberOrganizationId", label: "Member organisation id", type: "text" },
    { name: "role", label: "Role", type: "text", required: true },
    { name: "start", label: "Start", type: "partial-date" },
    { name: "end", label: "End", type: "partial-date" },
    { name: "isCurrent", label: "Current", type: "bool" },
  ],
  rules: [
    endNotBeforeStart(),
    exactlyOneOf("stateIso3", "memberOrganizationId", "give a member State or a member organisation, not both"),
  ],
  references: [
    { field: "organizationId", target: "organization" },
    { field: "stateIso3", target: "state" },
    { field: "memberOrganizationId", target: "organization" },
  ],
  dependents: [],
};
