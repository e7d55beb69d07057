// The editorial workflow: proposed changes, the append-only audit log, and public correction requests.
// Public tables hold only published data; everything under review lives here.
import { index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import type { ChangeSourceRef, FieldDiff } from "../../domain/editorial/change.js";
import {
  CHANGE_OPERATIONS,
  CHANGE_STATUSES,
  CORRECTION_STATUSES,
  EDITABLE_RECORD_KINDS,
} from "../../domain/vocabulary.js";
import { users } from "./accounts.js";

export const editableRecordKind = pgEnum("editable_record_kind", EDITABLE_RECORD_KINDS);
export const changeOperation = pgEnum("change_operation", CHANGE_OPERATIONS);
export const changeStatus = pgEnum("change_status", CHANGE_STATUSES);
export const correctionStatus = pgEnum("correction_status", CORRECTION_STATUSES);

export const changes = pgTable(
  "changes",
  {
    id: serial("id").primaryKey(),
    recordKind: editableRecordKind("record_kind").notNull(),
    /** Null for a create until it is published (memberships get their id then). */
    recordId: text("record_id"),
    operation: changeOperation("operation").notNull(),
    /** The full proposed record (editorial shape, validated per kind); null for a withdrawal. */
    proposed: jsonb("proposed").$type<Record<string, unknown>>(),
    /** The published record when the change was drafted, to detect edits made in between. */
    base: jsonb("base").$type<Record<string, unknown>>(),
    sources: jsonb("sources").$type<ChangeSourceRef[]>().notNull(),
    summary: text("summary").notNull(),
    status: changeStatus("status").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    reviewerId: integer("reviewer_id").references(() => users.id),
    reviewNote: text("review_note"),
    /** The correction request this change answers, if any. */
    correctionId: integer("correction_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [
    index("changes_status_idx").on(t.status, t.updatedAt),
    index("changes_record_idx").on(t.recordKind, t.recordId),
  ],
);

/** Append-only: one entry per published change (src/db/audit-log.ts only inserts and reads). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** The reviewer who published; the author is on the change. */
    actorId: integer("actor_id").references(() => users.id),
    authorId: integer("author_id").references(() => users.id),
    recordKind: editableRecordKind("record_kind").notNull(),
    recordId: text("record_id").notNull(),
    operation: changeOperation("operation").notNull(),
    changeId: integer("change_id").references(() => changes.id),
    diff: jsonb("diff").$type<FieldDiff[]>().notNull(),
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    summary: text("summary").notNull(),
  },
  (t) => [index("audit_log_record_idx").on(t.recordKind, t.recordId, t.at)],
);

export const correctionRequests = pgTable(
  "correction_requests",
  {
    id: serial("id").primaryKey(),
    recordKind: editableRecordKind("record_kind").notNull(),
    recordId: text("record_id").notNull(),
    message: text("message").notNull(),
    evidenceUrl: text("evidence_url"),
    /** Optional; used once to report the outcome. */
    email: text("email"),
    status: correctionStatus("status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: integer("resolved_by").references(() => users.id),
    resolutionNote: text("resolution_note"),
    changeId: integer("change_id").references(() => changes.id),
  },
  (t) => [index("correction_requests_status_idx").on(t.status, t.createdAt)],
);
