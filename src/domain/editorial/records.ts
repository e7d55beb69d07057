// The editable record kinds as one lookup (each kind is a file in kinds/), their validation, and the mapping
// between the editorial shape (partial dates as text, like the bundled datasets) and public table rows.
import { z } from "zod";
import { formatPartialDateIso, parsePartialDate } from "../partial-date.js";
import type * as v from "../vocabulary.js";
import type { EditableRecordKind } from "../vocabulary.js";
import { KIND_SPECS } from "./kinds/index.js";
import type { EditorialRecordFields, FieldSpec, KindSpec } from "./kinds/kind.js";

export type { EditorialRecordFields, FieldSpec, FieldType, KindSpec, RecordSpec } from "./kinds/kind.js";

/** Every editable kind: fields and labels (for forms, history and the write API), rules, references and dependents. */
export const RECORD_SPECS: Record<EditableRecordKind, KindSpec> = KIND_SPECS;

function fieldSchema(f: FieldSpec): z.ZodType {
  const base = (): z.ZodType => {
    switch (f.type) {
      case "slug":
        return z
          .string()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and hyphens")
          .max(120);
      case "text":
        return z.string().trim().min(1).max(500);
      case "longtext":
        return z.string().trim().min(1).max(10_000);
      case "enum":
        return z.enum(f.options as [string, ...string[]]);
      case "partial-date":
        return z
          .string()
          .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD")
          .refine((s) => isCalendarDate(s), "not a calendar date");
      case "iso-date":
        return z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
          .refine((s) => isCalendarDate(s), "not a calendar date");
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
  const spec = KIND_SPECS[kind];
  let schema: z.ZodType<Record<string, unknown>> = z.strictObject(
    Object.fromEntries(spec.fields.map((f) => [f.name, fieldSchema(f)])),
  ) as never;
  for (const rule of spec.rules)
    schema = schema.refine((r) => rule.isValid(r), { message: rule.message, path: [rule.path] });
  schemas.set(kind, schema);
  return schema;
}

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
export function parseRecordForm(
  kind: EditableRecordKind,
  form: Record<string, string | undefined>,
): EditorialRecordFields {
  const out: EditorialRecordFields = {};
  for (const f of RECORD_SPECS[kind].fields) {
    const raw = (form[f.name] ?? "").trim();
    if (f.type === "bool") out[f.name] = raw === "true";
    else if (f.type === "list")
      out[f.name] = raw
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean);
    else if (raw === "") out[f.name] = null;
    else if (f.type === "int") out[f.name] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    else if (f.type === "iso3") out[f.name] = raw.toUpperCase();
    else if (f.type === "decimal") out[f.name] = raw.replace(/[\s,]/g, "");
    else out[f.name] = raw;
  }
  return out;
}
