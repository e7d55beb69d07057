// Participation (issue 7): deadlines, accreditation outcomes, stakeholder actions with their sources; editors'
// updates with the records they link to; and the revision counter behind iCalendar SEQUENCE values.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import * as v from "../../domain/vocabulary.js";
import { confidence, datePrecision } from "./enums.js";
import { processes, sessions } from "./processes.js";
import { sources } from "./sources.js";

export const deadlineKind = pgEnum("deadline_kind", v.DEADLINE_KINDS);
export const ecosocStatus = pgEnum("ecosoc_status", v.ECOSOC_STATUSES);
export const accreditationOutcome = pgEnum("accreditation_outcome", v.ACCREDITATION_OUTCOMES);
export const stakeholderActionKind = pgEnum("stakeholder_action_kind", v.STAKEHOLDER_ACTION_KINDS);
export const participationRecordKind = pgEnum("participation_record_kind", v.PARTICIPATION_RECORD_KINDS);
export const updateLinkKind = pgEnum("update_link_kind", v.UPDATE_LINK_KINDS);

export const deadlines = pgTable(
  "deadlines",
  {
    id: text("id").primaryKey(),
    processId: text("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    sessionId: text("session_id").references(() => sessions.id, { onDelete: "set null" }),
    kind: deadlineKind("kind").notNull(),
    title: text("title").notNull(),
    opensOn: date("opens_on"),
    opensPrecision: datePrecision("opens_precision"),
    closesOn: date("closes_on"),
    closesPrecision: datePrecision("closes_precision"),
    /** Local closing time ("HH:MM") when the call gives one, in timeZone (IANA). */
    closesTime: text("closes_time"),
    timeZone: text("time_zone"),
    /** Open on a rolling basis: no closing date. */
    isRolling: boolean("is_rolling").notNull().default(false),
    eligibility: text("eligibility"),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
    /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("deadlines_process_idx").on(t.processId, t.closesOn),
    check("deadlines_time_has_zone", sql`${t.closesTime} IS NULL OR ${t.timeZone} IS NOT NULL`),
  ],
);

/** One organisation's application and its outcome, or (isAggregate) the counts a source gives for a group. */
export const accreditations = pgTable(
  "accreditations",
  {
    id: text("id").primaryKey(),
    processId: text("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    sessionId: text("session_id").references(() => sessions.id, { onDelete: "set null" }),
    isAggregate: boolean("is_aggregate").notNull(),
    organizationName: text("organization_name"),
    ecosocStatus: ecosocStatus("ecosoc_status").notNull(),
    appliedOn: date("applied_on"),
    appliedPrecision: datePrecision("applied_precision"),
    decidedOn: date("decided_on"),
    decidedPrecision: datePrecision("decided_precision"),
    outcome: accreditationOutcome("outcome"),
    applicants: integer("applicants"),
    accreditedCount: integer("accredited_count"),
    objectedCount: integer("objected_count"),
    /** ISO3 codes of States whose objection was made public. */
    objectingStates: text("objecting_states")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
    /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("accreditations_process_idx").on(t.processId, t.sessionId),
    check(
      "accreditations_shape",
      sql`(${t.isAggregate} AND ${t.organizationName} IS NULL) OR (NOT ${t.isAggregate} AND ${t.organizationName} IS NOT NULL AND ${t.outcome} IS NOT NULL)`,
    ),
    check(
      "accreditations_counts",
      sql`coalesce(${t.accreditedCount}, 0) + coalesce(${t.objectedCount}, 0) <= coalesce(${t.applicants}, 2147483647)`,
    ),
  ],
);

export const stakeholderActions = pgTable(
  "stakeholder_actions",
  {
    id: text("id").primaryKey(),
    /** Null when the source does not say which process (kept, with a note, rather than guessed). */
    processId: text("process_id").references(() => processes.id, { onDelete: "cascade" }),
    sessionId: text("session_id").references(() => sessions.id, { onDelete: "set null" }),
    kind: stakeholderActionKind("kind").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    actedOn: date("acted_on"),
    actedPrecision: datePrecision("acted_precision"),
    leadOrganizations: text("lead_organizations")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    signatoryOrganizations: text("signatory_organizations")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    signatoryStates: text("signatory_states")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Signatories as the sources count them, e.g. "44 States plus members of the multistakeholder community". */
    signatoryCount: text("signatory_count"),
    /** Link to the text until documents (issue 4) can hold it: a UN symbol or a URL. */
    documentSymbol: text("document_symbol"),
    documentUrl: text("document_url"),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
    /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stakeholder_actions_process_idx").on(t.processId, t.actedOn)],
);

/** Sources of participation records (the shared record_sources keeps to its own record kinds). */
export const participationSources = pgTable(
  "participation_sources",
  {
    recordKind: participationRecordKind("record_kind").notNull(),
    recordId: text("record_id").notNull(),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
    note: text("note"),
  },
  (t) => [
    primaryKey({ columns: [t.recordKind, t.recordId, t.sourceId] }),
    index("participation_sources_source_idx").on(t.sourceId),
  ],
);

/** Editor-written update items: the raw material of the digest. Body is Markdown, rendered with raw HTML off. */
export const updates = pgTable(
  "updates",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    publishedOn: date("published_on").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("updates_published_idx").on(t.publishedOn)],
);

export const updateLinks = pgTable(
  "update_links",
  {
    updateId: integer("update_id")
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    recordKind: updateLinkKind("record_kind").notNull(),
    recordId: text("record_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.updateId, t.recordKind, t.recordId] }),
    index("update_links_record_idx").on(t.recordKind, t.recordId),
  ],
);

/** One row per calendar event UID: SEQUENCE goes up each time the event's published fields change. */
export const calendarRevisions = pgTable("calendar_revisions", {
  uid: text("uid").primaryKey(),
  fingerprint: text("fingerprint").notNull(),
  sequence: integer("sequence").notNull(),
  modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull(),
});
