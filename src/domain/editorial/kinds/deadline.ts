// A participation deadline (call for contributions, registration…) as editors write it.
import * as v from "../../vocabulary.js";
import { confidence, isNotBefore, slugHint, type KindSpec } from "./kind.js";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const deadlineKind: KindSpec = {
  kind: "deadline",
  label: "deadline",
  idField: "id",
  partialDates: [
    { field: "opens", date: "opensOn", precision: "opensPrecision" },
    { field: "closes", date: "closesOn", precision: "closesPrecision" },
  ],
  fields: [
    { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
    { name: "processId", label: "Process id", type: "text", required: true },
    { name: "sessionId", label: "Session id", type: "text" },
    { name: "kind", label: "Kind", type: "enum", required: true, options: v.DEADLINE_KINDS },
    { name: "title", label: "Title", type: "text", required: true },
    { name: "opens", label: "Opens", type: "partial-date" },
    { name: "closes", label: "Closes", type: "partial-date" },
    {
      name: "closesTime",
      label: "Closing time (HH:MM, local)",
      type: "text",
      hint: "only when the call gives one; then also the time zone",
    },
    { name: "timeZone", label: "Time zone (IANA)", type: "text", hint: "e.g. America/New_York" },
    { name: "isRolling", label: "Open on a rolling basis", type: "bool" },
    { name: "eligibility", label: "Who may apply", type: "text" },
    { name: "notes", label: "Notes", type: "longtext" },
    confidence,
  ],
  rules: [
    {
      isValid: (r) => r["closesTime"] === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(String(r["closesTime"])),
      message: "HH:MM, e.g. 18:00",
      path: "closesTime",
    },
    {
      isValid: (r) => r["closesTime"] === null || (r["timeZone"] !== null && isTimeZone(String(r["timeZone"]))),
      message: "a closing time needs its IANA time zone, e.g. America/New_York",
      path: "timeZone",
    },
    {
      isValid: (r) => r["timeZone"] === null || isTimeZone(String(r["timeZone"])),
      message: "not an IANA time zone, e.g. Europe/Vienna",
      path: "timeZone",
    },
    { isValid: (r) => isNotBefore(r["closes"], r["opens"]), message: "it closes before it opens", path: "closes" },
  ],
  references: [
    { field: "processId", target: "process" },
    { field: "sessionId", target: "session", parentField: "processId" },
  ],
  dependents: [],
};
