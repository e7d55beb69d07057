// What an editable record kind declares (fields, rules, references, dependents) and the pieces kinds share.
// Each kind is one file beside this one; kinds/index.ts lists them and everything else loops over that list.
import * as v from "../../vocabulary.js";
import type { EditableRecordKind } from "../../vocabulary.js";

/** A record in its editorial shape: field name → value, as listed by its RecordSpec. */
export type EditorialRecordFields = Record<string, unknown>;

export type FieldType =
  | "slug"
  | "text"
  | "longtext"
  | "enum"
  | "partial-date"
  | "iso-date"
  | "int"
  | "decimal"
  | "bool"
  | "list"
  | "iso3"
  | "url";

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: readonly string[];
  hint?: string;
}

/** A rule across fields, checked after each field is valid on its own; `path` names the field the message belongs to. */
export interface RecordRule {
  isValid: (record: EditorialRecordFields) => boolean;
  message: string;
  path: string;
}

/** Published records another record can point at; the database side binds each to its table. */
export const REFERENCE_TARGETS = [
  "state",
  "organization",
  "process",
  "session",
  "framework",
  "framework-item",
  "instrument",
  "document",
  "document-paragraph",
  "rubric-criterion",
  "treaty",
] as const;
export type ReferenceTarget = (typeof REFERENCE_TARGETS)[number];

export const REFERENCE_TARGET_LABELS: Record<ReferenceTarget, string> = {
  state: "State",
  organization: "organisation",
  process: "process",
  session: "session",
  framework: "framework",
  "framework-item": "norm or CBM",
  instrument: "instrument",
  document: "document",
  "document-paragraph": "document paragraph",
  "rubric-criterion": "rubric criterion",
  treaty: "treaty",
};

/**
 * A field that names a published record (each entry, for a list field). With `parentField`, the referenced
 * record must also belong to the record that field names (a session to its process).
 */
export interface RecordReference {
  field: string;
  target: ReferenceTarget;
  parentField?: string;
}

/** Public tables whose rows can depend on a published record, so withdrawing it is refused while they exist. */
export const DEPENDENT_RELATIONS = [
  "sessions",
  "process-members",
  "process-resolutions",
  "memberships",
  "framework-items",
  "evidence",
  "assessments",
] as const;
export type DependentRelation = (typeof DEPENDENT_RELATIONS)[number];

/** Rows of `relation` whose `fields` (any of them) hold this record's id; `label` names them in the refusal. */
export interface RecordDependent {
  relation: DependentRelation;
  fields: string[];
  label: string;
}

export interface RecordSpec {
  kind: EditableRecordKind;
  label: string;
  /** Field holding the record id; null when the database assigns it (memberships). */
  idField: string | null;
  fields: FieldSpec[];
  /** Editorial fields stored as partial date + precision columns. */
  partialDates: { field: string; date: string; precision: string }[];
}

/** Everything the editorial workflow knows about one kind, without the database. */
export interface KindSpec extends RecordSpec {
  rules: RecordRule[];
  references: RecordReference[];
  dependents: RecordDependent[];
}

export const confidence: FieldSpec = {
  name: "confidence",
  label: "Confidence",
  type: "enum",
  required: true,
  options: v.CONFIDENCE_LEVELS,
};
export const slugHint = "lower-case letters, digits and hyphens; cannot change later";

/** The id of a kind whose editors choose it, as a slug. */
export const slugId: FieldSpec = { name: "id", label: "Id", type: "slug", required: true, hint: slugHint };

/** `start` and `end` of a kind that runs over time, stored as startDate/startPrecision and endDate/endPrecision. */
export const startEndPartialDates: RecordSpec["partialDates"] = [
  { field: "start", date: "startDate", precision: "startPrecision" },
  { field: "end", date: "endDate", precision: "endPrecision" },
];

const ISO3 = /^[A-Z]{3}$/;

/** A later partial date may be given to a coarser precision: 2021 is not before 2021-12-13. */
export function isNotBefore(later: unknown, earlier: unknown): boolean {
  return !earlier || !later || String(later) >= String(earlier).slice(0, String(later).length);
}

export function endNotBeforeStart(): RecordRule {
  return { isValid: (r) => isNotBefore(r["end"], r["start"]), message: "the end is before the start", path: "end" };
}

/** Exactly one of two fields is given (a State or an organisation). */
export function exactlyOneOf(first: string, second: string, message: string): RecordRule {
  return { isValid: (r) => (r[first] === null) !== (r[second] === null), message, path: first };
}

export function listOfIso3(field: string): RecordRule {
  return {
    isValid: (r) => (r[field] as string[]).every((c) => ISO3.test(c)),
    message: "ISO3 codes, one per line",
    path: field,
  };
}

export function isIso4217(value: unknown): boolean {
  return ISO3.test(String(value));
}
