// The editable record kinds: their fields (which drive validation and forms) and the mapping between
// the editorial shape (partial dates as text, like the bundled datasets) and public table rows.
import { z } from "zod";
import { formatPartialDateIso, parsePartialDate } from "../partial-date.js";
import * as v from "../vocabulary.js";
import type { EditableRecordKind } from "../vocabulary.js";

/** A record in its editorial shape: field name → value, as listed by its RecordSpec. */
export type EditorialRecordFields = Record<string, unknown>;

export type FieldType = "slug" | "text" | "longtext" | "enum" | "partial-date" | "iso-date" | "int" | "decimal" | "bool" | "list" | "iso3" | "url";

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: readonly string[];
  hint?: string;
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

const confidence: FieldSpec = { name: "confidence", label: "Confidence", type: "enum", required: true, options: v.CONFIDENCE_LEVELS };
const slugHint = "lower-case letters, digits and hyphens; cannot change later";

export const RECORD_SPECS: Record<EditableRecordKind, RecordSpec> = {
  process: {
    kind: "process",
    label: "process",
    idField: "id",
    partialDates: [{ field: "start", date: "startDate", precision: "startPrecision" }, { field: "end", date: "endDate", precision: "endPrecision" }],
    fields: [
      { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
      { name: "name", label: "Name", type: "text", required: true },
      { name: "shortName", label: "Short name", type: "text", required: true },
      { name: "kind", label: "Kind", type: "enum", required: true, options: v.PROCESS_KINDS },
      { name: "parentBody", label: "Parent body", type: "text" },
      { name: "mandatingResolutions", label: "Mandating resolutions", type: "text", required: true },
      { name: "start", label: "Start", type: "partial-date", required: true },
      { name: "end", label: "End", type: "partial-date" },
      { name: "chairName", label: "Chair", type: "text" },
      { name: "chairStateIso3", label: "Chair's State (ISO3)", type: "iso3" },
      { name: "chairConfidence", label: "Confidence in the chair", type: "enum", options: v.CONFIDENCE_LEVELS },
      { name: "membership", label: "Membership", type: "text", required: true },
      { name: "finalReports", label: "Final reports", type: "longtext" },
      { name: "outcome", label: "Outcome", type: "longtext" },
      { name: "notes", label: "Notes", type: "longtext" },
      confidence,
    ],
  },
  session: {
    kind: "session",
    label: "session",
    idField: "id",
    partialDates: [{ field: "start", date: "startDate", precision: "startPrecision" }, { field: "end", date: "endDate", precision: "endPrecision" }],
    fields: [
      { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
      { name: "processId", label: "Process id", type: "text", required: true },
      { name: "name", label: "Name", type: "text", required: true },
      { name: "kind", label: "Kind", type: "enum", required: true, options: v.SESSION_KINDS },
      { name: "start", label: "Start", type: "partial-date" },
      { name: "end", label: "End", type: "partial-date" },
      { name: "venue", label: "Venue", type: "text" },
      { name: "notes", label: "Notes", type: "longtext" },
      confidence,
    ],
  },
  resolution: {
    kind: "resolution",
    label: "resolution",
    idField: "symbol",
    partialDates: [],
    fields: [
      { name: "symbol", label: "Document symbol", type: "text", required: true, hint: "e.g. A/RES/74/247; cannot change later" },
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
  },
  organization: {
    kind: "organization",
    label: "organisation",
    idField: "id",
    partialDates: [],
    fields: [
      { name: "id", label: "Id", type: "text", required: true, hint: "e.g. OSCE; cannot change later" },
      { name: "name", label: "Name", type: "text", required: true },
      { name: "abbreviation", label: "Abbreviation", type: "text" },
      { name: "classification", label: "Classification", type: "enum", required: true, options: v.ORGANIZATION_CLASSIFICATIONS },
      { name: "blocTypes", label: "Bloc types", type: "list", hint: "one per line" },
      { name: "foundedYear", label: "Founded (year)", type: "int" },
      { name: "wikidataId", label: "Wikidata id", type: "text" },
      { name: "links", label: "Links", type: "list", hint: "one URL per line" },
      { name: "description", label: "Description", type: "longtext" },
    ],
  },
  membership: {
    kind: "membership",
    label: "membership",
    idField: null,
    partialDates: [{ field: "start", date: "startDate", precision: "startPrecision" }, { field: "end", date: "endDate", precision: "endPrecision" }],
    fields: [
      { name: "organizationId", label: "Organisation id", type: "text", required: true },
      { name: "stateIso3", label: "Member State (ISO3)", type: "iso3", hint: "a State or a member organisation, not both" },
      { name: "memberOrganizationId", label: "Member organisation id", type: "text" },
      { name: "role", label: "Role", type: "text", required: true },
      { name: "start", label: "Start", type: "partial-date" },
      { name: "end", label: "End", type: "partial-date" },
      { name: "isCurrent", label: "Current", type: "bool" },
    ],
  },
  framework: {
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
  },
  "framework-item": {
    kind: "framework-item",
    label: "norm or CBM",
    idField: "id",
    partialDates: [],
    fields: [
      { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
      { name: "frameworkId", label: "Framework id", type: "text", required: true },
      { name: "code", label: "Code", type: "text", required: true, hint: "as the framework numbers it, e.g. 13(c) or CBM 4" },
      { name: "position", label: "Position in the framework", type: "int", required: true },
      { name: "shortTitle", label: "Short title", type: "text", required: true },
      { name: "reference", label: "Reference", type: "text" },
      { name: "instrument", label: "Instrument", type: "text" },
      { name: "notes", label: "Notes", type: "longtext" },
      confidence,
    ],
  },
  evidence: {
    kind: "evidence",
    label: "evidence",
    idField: null,
    partialDates: [{ field: "observed", date: "observedOn", precision: "observedPrecision" }],
    fields: [
      { name: "stateIso3", label: "State (ISO3)", type: "iso3", hint: "a State or an organisation, not both" },
      { name: "organizationId", label: "Organisation id", type: "text" },
      { name: "itemId", label: "Norm or CBM id", type: "text", required: true },
      { name: "kind", label: "Kind of evidence", type: "enum", required: true, options: v.EVIDENCE_KINDS },
      { name: "status", label: "Status", type: "enum", required: true, options: v.EVIDENCE_STATUSES },
      { name: "observed", label: "Date", type: "partial-date" },
      { name: "quote", label: "Short quote", type: "longtext" },
      { name: "paragraphId", label: "Cited paragraph id", type: "int", hint: "a paragraph of an ingested document; or give a URL" },
      { name: "externalUrl", label: "Source URL", type: "url" },
      { name: "instrumentId", label: "Instrument id", type: "text" },
      { name: "reporter", label: "Reported by", type: "enum", required: true, options: v.REPORTER_KINDS },
      { name: "reporterName", label: "Reporter's name", type: "text" },
      { name: "notes", label: "Notes", type: "longtext" },
      confidence,
    ],
  },
  instrument: {
    kind: "instrument",
    label: "instrument",
    idField: "id",
    partialDates: [
      { field: "adopted", date: "adoptedOn", precision: "adoptedPrecision" },
      { field: "superseded", date: "supersededOn", precision: "supersededPrecision" },
    ],
    fields: [
      { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
      { name: "stateIso3", label: "State (ISO3)", type: "iso3", hint: "a State or an organisation, not both" },
      { name: "organizationId", label: "Organisation id", type: "text" },
      { name: "kind", label: "Kind", type: "enum", required: true, options: v.INSTRUMENT_KINDS },
      { name: "title", label: "Title", type: "text", required: true },
      { name: "status", label: "Status", type: "enum", required: true, options: v.INSTRUMENT_STATUSES },
      { name: "adopted", label: "Adopted", type: "partial-date" },
      { name: "superseded", label: "Superseded", type: "partial-date" },
      { name: "documentId", label: "Document id", type: "int", hint: "the ingested text, if any" },
      { name: "url", label: "URL", type: "url" },
      { name: "notes", label: "Notes", type: "longtext" },
      confidence,
    ],
  },
  assessment: {
    kind: "assessment",
    label: "assessment",
    idField: null,
    partialDates: [],
    fields: [
      { name: "instrumentId", label: "Instrument id", type: "text", required: true },
      { name: "criterionId", label: "Rubric criterion id", type: "int", required: true },
      { name: "rating", label: "Rating", type: "enum", required: true, options: v.ASSESSMENT_RATINGS },
      { name: "paragraphId", label: "Cited paragraph id", type: "int", hint: "required unless the rating is unknown, or give a URL" },
      { name: "externalUrl", label: "Source URL", type: "url" },
      { name: "quote", label: "Short quote", type: "longtext" },
      { name: "note", label: "Note", type: "longtext" },
      { name: "assessedOn", label: "Assessed on", type: "iso-date", required: true },
    ],
  },
  programme: {
    kind: "programme",
    label: "capacity-building programme",
    idField: "id",
    partialDates: [
      { field: "start", date: "startOn", precision: "startPrecision" },
      { field: "end", date: "endOn", precision: "endPrecision" },
    ],
    fields: [
      { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
      { name: "iatiIdentifier", label: "IATI identifier", type: "text" },
      { name: "title", label: "Title", type: "text", required: true },
      { name: "description", label: "Description", type: "longtext" },
      { name: "funders", label: "Funders", type: "list", hint: "one per line" },
      { name: "implementers", label: "Implementers", type: "list", hint: "one per line" },
      { name: "beneficiaryStates", label: "Beneficiary States (ISO3)", type: "list", hint: "one ISO3 code per line" },
      { name: "region", label: "Region", type: "text" },
      { name: "start", label: "Start", type: "partial-date" },
      { name: "end", label: "End", type: "partial-date" },
      { name: "budget", label: "Budget", type: "decimal" },
      { name: "currency", label: "Currency (ISO 4217)", type: "text", hint: "e.g. EUR" },
      { name: "itemIds", label: "Norms and CBMs addressed (ids)", type: "list", hint: "one per line" },
      { name: "url", label: "URL", type: "url" },
      { name: "notes", label: "Notes", type: "longtext" },
      confidence,
    ],
  },
  update: {
    kind: "update",
    label: "update",
    idField: "slug",
    partialDates: [],
    fields: [
      { name: "slug", label: "Slug", type: "slug", required: true, hint: slugHint },
      { name: "title", label: "Title", type: "text", required: true },
      { name: "bodyMarkdown", label: "Text (Markdown)", type: "longtext", required: true },
      { name: "publishedOn", label: "Published on", type: "iso-date", required: true },
      { name: "links", label: "Linked records", type: "list", hint: "one per line as kind:id, e.g. process:oewg-2021-2025 or state:FRA" },
    ],
  },
  deadline: {
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
      { name: "closesTime", label: "Closing time (HH:MM, local)", type: "text", hint: "only when the call gives one; then also the time zone" },
      { name: "timeZone", label: "Time zone (IANA)", type: "text", hint: "e.g. America/New_York" },
      { name: "isRolling", label: "Open on a rolling basis", type: "bool" },
      { name: "eligibility", label: "Who may apply", type: "text" },
      { name: "notes", label: "Notes", type: "longtext" },
      confidence,
    ],
  },
  accreditation: {
    kind: "accreditation",
    label: "accreditation record",
    idField: "id",
    partialDates: [
      { field: "applied", date: "appliedOn", precision: "appliedPrecision" },
      { field: "decided", date: "decidedOn", precision: "decidedPrecision" },
    ],
    fields: [
      { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
      { name: "processId", label: "Process id", type: "text", required: true },
      { name: "sessionId", label: "Session id", type: "text" },
      { name: "isAggregate", label: "Counts for a group (not one organisation)", type: "bool" },
      { name: "organizationName", label: "Organisation", type: "text", hint: "for one organisation's application" },
      { name: "ecosocStatus", label: "ECOSOC status", type: "enum", required: true, options: v.ECOSOC_STATUSES },
      { name: "applied", label: "Applied", type: "partial-date" },
      { name: "decided", label: "Decided", type: "partial-date" },
      { name: "outcome", label: "Outcome", type: "enum", options: v.ACCREDITATION_OUTCOMES },
      { name: "applicants", label: "Applicants (group counts)", type: "int" },
      { name: "accreditedCount", label: "Accredited (group counts)", type: "int" },
      { name: "objectedCount", label: "Objected to (group counts)", type: "int" },
      { name: "objectingStates", label: "Objecting States made public (ISO3)", type: "list", hint: "one ISO3 code per line" },
      { name: "notes", label: "Notes", type: "longtext" },
      confidence,
    ],
  },
  "stakeholder-action": {
    kind: "stakeholder-action",
    label: "stakeholder action",
    idField: "id",
    partialDates: [{ field: "acted", date: "actedOn", precision: "actedPrecision" }],
    fields: [
      { name: "id", label: "Id", type: "slug", required: true, hint: slugHint },
      { name: "processId", label: "Process id", type: "text", hint: "blank when the sources do not say" },
      { name: "sessionId", label: "Session id", type: "text" },
      { name: "kind", label: "Kind", type: "enum", required: true, options: v.STAKEHOLDER_ACTION_KINDS },
      { name: "title", label: "Title", type: "text", required: true },
      { name: "description", label: "Description", type: "longtext", required: true },
      { name: "acted", label: "Date", type: "partial-date" },
      { name: "leadOrganizations", label: "Led by", type: "list", hint: "one organisation per line" },
      { name: "signatoryOrganizations", label: "Signatory organisations", type: "list", hint: "one per line" },
      { name: "signatoryStates", label: "Signatory States (ISO3)", type: "list", hint: "one ISO3 code per line" },
      { name: "signatoryCount", label: "Signatories as the sources count them", type: "text" },
      { name: "documentSymbol", label: "Document symbol", type: "text" },
      { name: "documentUrl", label: "Text URL", type: "url" },
      { name: "notes", label: "Notes", type: "longtext" },
      confidence,
    ],
  },
};

function fieldSchema(f: FieldSpec): z.ZodType {
  const base = (): z.ZodType => {
    switch (f.type) {
      case "slug":
        return z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and hyphens").max(120);
      case "text":
        return z.string().trim().min(1).max(500);
      case "longtext":
        return z.string().trim().min(1).max(10_000);
      case "enum":
        return z.enum(f.options as [string, ...string[]]);
      case "partial-date":
        return z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD").refine((s) => isCalendarDate(s), "not a calendar date");
      case "iso-date":
        return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD").refine((s) => isCalendarDate(s), "not a calendar date");
      case "int":
        return z.number().int().min(0).max(1_000_000_000);
      case "decimal":
        return z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, "a number with at most two decimals, e.g. 250000.00");
      case "url":
        return z.url({ protocol: /^https?$/ }).max(2000);
      case "bool":
        return z.boolean();
      case "list":
        return z.array(z.string().trim().min(1).max(500)).max(100);
      case "iso3":
        return z.string().regex(/^[A-Z]{3}$/, "three capital letters (ISO 3166 alpha-3)");
    }
  };
  if (f.type === "list") return base().default([]);
  if (f.type === "bool") return base().default(false);
  return f.required ? base() : base().nullable().default(null);
}

function isCalendarDate(text: string): boolean {
  try {
    return parsePartialDate(text) !== null;
  } catch {
    return false;
  }
}

const schemas = new Map<EditableRecordKind, z.ZodType<Record<string, unknown>>>();

/** The zod schema of one kind's editorial record: unknown fields are refused, missing optional ones become null. */
export function recordSchema(kind: EditableRecordKind): z.ZodType<Record<string, unknown>> {
  const cached = schemas.get(kind);
  if (cached) return cached;
  const spec = RECORD_SPECS[kind];
  let schema: z.ZodType<Record<string, unknown>> = z.strictObject(Object.fromEntries(spec.fields.map((f) => [f.name, fieldSchema(f)]))) as never;
  if (spec.partialDates.some((d) => d.field === "end")) {
    schema = schema.refine((r) => !r["start"] || !r["end"] || String(r["end"]) >= String(r["start"]).slice(0, String(r["end"]).length), { message: "the end is before the start", path: ["end"] });
  }
  if (kind === "membership") {
    schema = schema.refine((r) => (r["stateIso3"] === null) !== (r["memberOrganizationId"] === null), { message: "give a member State or a member organisation, not both", path: ["stateIso3"] });
  }
  if (kind === "evidence" || kind === "instrument") {
    schema = schema.refine((r) => (r["stateIso3"] === null) !== (r["organizationId"] === null), { message: "give a State or an organisation, not both", path: ["stateIso3"] });
  }
  if (kind === "evidence") {
    schema = schema.refine((r) => r["paragraphId"] !== null || r["externalUrl"] !== null, { message: "evidence needs a source: a cited paragraph or a URL", path: ["externalUrl"] });
  }
  if (kind === "assessment") {
    schema = schema.refine((r) => r["rating"] === "unknown" || r["paragraphId"] !== null || r["externalUrl"] !== null, { message: "a rating other than unknown needs a cited paragraph or a URL", path: ["externalUrl"] });
  }
  if (kind === "programme") {
    schema = schema.refine((r) => r["currency"] === null || /^[A-Z]{3}$/.test(String(r["currency"])), { message: "three capital letters (ISO 4217)", path: ["currency"] });
    schema = schema.refine((r) => (r["budget"] === null) === (r["currency"] === null), { message: "give a budget and its currency together", path: ["currency"] });
    schema = schema.refine((r) => (r["beneficiaryStates"] as string[]).every((c) => /^[A-Z]{3}$/.test(c)), { message: "ISO3 codes, one per line", path: ["beneficiaryStates"] });
  }
  if (kind === "deadline") {
    schema = schema.refine((r) => r["closesTime"] === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(String(r["closesTime"])), { message: "HH:MM, e.g. 18:00", path: ["closesTime"] });
    schema = schema.refine((r) => r["closesTime"] === null || (r["timeZone"] !== null && isTimeZone(String(r["timeZone"]))), { message: "a closing time needs its IANA time zone, e.g. America/New_York", path: ["timeZone"] });
    schema = schema.refine((r) => r["timeZone"] === null || isTimeZone(String(r["timeZone"])), { message: "not an IANA time zone, e.g. Europe/Vienna", path: ["timeZone"] });
    schema = schema.refine((r) => !r["opens"] || !r["closes"] || String(r["closes"]) >= String(r["opens"]).slice(0, String(r["closes"]).length), { message: "it closes before it opens", path: ["closes"] });
  }
  if (kind === "accreditation") {
    schema = schema.refine((r) => (r["isAggregate"] ? r["organizationName"] === null : r["organizationName"] !== null && r["outcome"] !== null), { message: "name the organisation and its outcome, or tick \"counts for a group\" and leave the organisation blank", path: ["organizationName"] });
    schema = schema.refine((r) => Number(r["accreditedCount"] ?? 0) + Number(r["objectedCount"] ?? 0) <= Number(r["applicants"] ?? Number.MAX_SAFE_INTEGER), { message: "more accredited and objected than applicants", path: ["applicants"] });
  }
  if (kind === "accreditation" || kind === "stakeholder-action") {
    const field = kind === "accreditation" ? "objectingStates" : "signatoryStates";
    schema = schema.refine((r) => (r[field] as string[]).every((c) => /^[A-Z]{3}$/.test(c)), { message: "ISO3 codes, one per line", path: [field] });
  }
  if (kind === "update") {
    schema = schema.refine((r) => (r["links"] as string[]).every((l) => UPDATE_LINK_PATTERN.test(l)), { message: `kind:id, where kind is one of ${v.UPDATE_LINK_KINDS.join(", ")}`, path: ["links"] });
  }
  schemas.set(kind, schema);
  return schema;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const UPDATE_LINK_PATTERN = new RegExp(`^(${v.UPDATE_LINK_KINDS.join("|")}):\\S+$`);

/** The id of a record in its editorial shape, or null when the database assigns it. */
export function recordIdOf(kind: EditableRecordKind, record: Record<string, unknown>): string | null {
  const field = RECORD_SPECS[kind].idField;
  return field ? String(record[field]) : null;
}

/** Editorial record → public table row (drizzle property names). */
export function toRow(kind: EditableRecordKind, record: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = { ...record };
  for (const d of RECORD_SPECS[kind].partialDates) {
    const value = parsePartialDate((record[d.field] as string | null) ?? null);
    delete row[d.field];
    row[d.date] = value?.date ?? null;
    row[d.precision] = value?.precision ?? null;
  }
  return row;
}

/** Public table row → editorial record, with exactly the spec's fields. */
export function fromRow(kind: EditableRecordKind, row: Record<string, unknown>): Record<string, unknown> {
  const spec = RECORD_SPECS[kind];
  const out: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const d = spec.partialDates.find((p) => p.field === f.name);
    if (d) {
      const date = row[d.date] as string | null;
      const precision = row[d.precision] as v.DatePrecision | null;
      out[f.name] = date && precision ? formatPartialDateIso({ date, precision }) : null;
    } else {
      out[f.name] = row[f.name] ?? (f.type === "list" ? [] : f.type === "bool" ? false : null);
    }
  }
  return out;
}

/**
 * Turns submitted form fields into an editorial record for validation: blanks become null, numbers are
 * parsed (left as text when they are not numbers, so validation names the field), lists are split by line.
 */
export function parseRecordForm(kind: EditableRecordKind, form: Record<string, string | undefined>): EditorialRecordFields {
  const out: EditorialRecordFields = {};
  for (const f of RECORD_SPECS[kind].fields) {
    const raw = (form[f.name] ?? "").trim();
    if (f.type === "bool") out[f.name] = raw === "true";
    else if (f.type === "list") out[f.name] = raw.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    else if (raw === "") out[f.name] = null;
    else if (f.type === "int") out[f.name] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    else if (f.type === "iso3") out[f.name] = raw.toUpperCase();
    else if (f.type === "decimal") out[f.name] = raw.replace(/[\s,]/g, "");
    else out[f.name] = raw;
  }
  return out;
}
