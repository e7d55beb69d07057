// Request and response schemas of the write API (proposed changes and history), and their presenters.
// Record fields are snake_case in JSON, like every other resource.
import { z } from "@hono/zod-openapi";
import type { AuditEntry, Change, ChangeSourceRef, FieldDiff } from "../domain/editorial/change.js";
import { CHANGE_OPERATIONS, CHANGE_STATUSES, EDITABLE_RECORD_KINDS } from "../domain/vocabulary.js";
import { jsonFieldName as snake } from "../http/change-diff.js";

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, m: string) => m.toUpperCase());

export function recordToJson(record: Record<string, unknown> | null): Record<string, unknown> | null {
  return record ? Object.fromEntries(Object.entries(record).map(([k, v]) => [snake(k), v])) : null;
}

export function recordFromJson(record: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return record ? Object.fromEntries(Object.entries(record).map(([k, v]) => [camel(k), v])) : undefined;
}

const RecordJson = z.record(z.string(), z.unknown()).openapi({
  description:
    "the full record, fields in snake_case (e.g. start, end, process_id); partial dates as YYYY, YYYY-MM or YYYY-MM-DD",
});

export const SourceRefSchema = z
  .union([
    z.object({ source_id: z.string().min(1).max(500) }).strict(),
    z
      .object({
        url: z.url({ protocol: /^https?$/ }).max(2000),
        title: z.string().min(1).max(500),
        licence: z.string().min(1).max(200),
      })
      .strict(),
  ])
  .openapi("ChangeSource");

export function sourceRefFromJson(ref: z.infer<typeof SourceRefSchema>): ChangeSourceRef {
  return "source_id" in ref
    ? { sourceId: ref.source_id }
    : { url: ref.url, title: ref.title.trim(), licence: ref.licence.trim() };
}

function sourceRefToJson(ref: ChangeSourceRef): z.infer<typeof SourceRefSchema> {
  return "sourceId" in ref ? { source_id: ref.sourceId } : ref;
}

export const ChangeCreateBody = z
  .object({
    record_kind: z.enum(EDITABLE_RECORD_KINDS),
    operation: z.enum(CHANGE_OPERATIONS),
    record_id: z.string().min(1).max(200).optional().openapi({ description: "required for update and withdraw" }),
    record: RecordJson.optional(),
    sources: z.array(SourceRefSchema).min(1, "cite at least one source").max(20),
    summary: z.string().min(1).max(500),
    submit: z.boolean().default(false).openapi({ description: "send straight to review instead of saving a draft" }),
  })
  .openapi("ChangeCreate");

export const ChangeUpdateBody = z
  .object({
    record: RecordJson.optional(),
    sources: z.array(SourceRefSchema).min(1).max(20),
    summary: z.string().min(1).max(500),
  })
  .openapi("ChangeUpdate");

export const ReviewBody = z.object({ note: z.string().max(2000).default("") }).openapi("ReviewNote");

export const RestoreBody = z
  .object({
    history_entry_id: z.number().int().positive(),
    version: z
      .enum(["before", "after"])
      .openapi({ description: "the record as it was before or after that entry's change" }),
    summary: z.string().max(500).optional(),
  })
  .openapi("RestoreRequest");

export const ChangeIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});
export const ChangeListQuery = z.object({ status: z.enum(CHANGE_STATUSES).optional() });

const DiffSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }).openapi("FieldDiff");

export const ChangeSchema = z
  .object({
    id: z.number().int(),
    record_kind: z.enum(EDITABLE_RECORD_KINDS),
    record_id: z.string().nullable(),
    operation: z.enum(CHANGE_OPERATIONS),
    status: z.enum(CHANGE_STATUSES),
    summary: z.string(),
    proposed: RecordJson.nullable(),
    diff: z.array(DiffSchema),
    sources: z.array(SourceRefSchema),
    author: z.string(),
    reviewer: z.string().nullable(),
    review_note: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    submitted_at: z.string().nullable(),
    reviewed_at: z.string().nullable(),
  })
  .openapi("Change");

export const ChangeListSchema = z.object({ data: z.array(ChangeSchema) }).openapi("ChangeList");

function presentDiff(diff: FieldDiff[]) {
  return diff.map((d) => ({ field: snake(d.field), before: d.before, after: d.after }));
}

export function presentChange(change: Change, diff: FieldDiff[]): z.infer<typeof ChangeSchema> {
  return {
    id: change.id,
    record_kind: change.recordKind,
    record_id: change.recordId,
    operation: change.operation,
    status: change.status,
    summary: change.summary,
    proposed: recordToJson(change.proposed),
    diff: presentDiff(diff),
    sources: change.sources.map(sourceRefToJson),
    author: change.authorEmail,
    reviewer: change.reviewerEmail,
    review_note: change.reviewNote,
    created_at: change.createdAt.toISOString(),
    updated_at: change.updatedAt.toISOString(),
    submitted_at: change.submittedAt?.toISOString() ?? null,
    reviewed_at: change.reviewedAt?.toISOString() ?? null,
  };
}

export const HistoryEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    operation: z.enum(CHANGE_OPERATIONS),
    summary: z.string(),
    diff: z.array(DiffSchema),
    sources: z.array(SourceRefSchema),
    change_id: z.number().int().nullable(),
    author: z.string().nullable().openapi({ description: "shown to signed-in editors only" }),
    reviewer: z.string().nullable().openapi({ description: "shown to signed-in editors only" }),
  })
  .openapi("HistoryEntry");

export const HistorySchema = z
  .object({
    record_kind: z.enum(EDITABLE_RECORD_KINDS),
    record_id: z.string(),
    imported_from: z
      .string()
      .nullable()
      .openapi({ description: "the bundled dataset the record came from, when known" }),
    entries: z.array(HistoryEntrySchema),
  })
  .openapi("History");

/** Editors' email addresses are shown to editors only; the public sees what changed, when, and on which sources. */
export function presentHistoryEntry(entry: AuditEntry, showPeople: boolean): z.infer<typeof HistoryEntrySchema> {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    operation: entry.operation,
    summary: entry.summary,
    diff: presentDiff(entry.diff),
    sources: entry.sources.map(sourceRefToJson),
    change_id: entry.changeId,
    author: showPeople ? entry.authorEmail : null,
    reviewer: showPeople ? entry.actorEmail : null,
  };
}

export const HistoryParams = z.object({
  kind: z.enum(EDITABLE_RECORD_KINDS).openapi({ param: { name: "kind", in: "path" } }),
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "id", in: "path" }, example: "oewg-2021-2025-first-substantive" }),
});
