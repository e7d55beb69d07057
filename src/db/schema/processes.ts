// UN processes and their sessions, resolutions and decisions, and the norm and CBM frameworks.
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import {
  adoptionMethod,
  confidence,
  datePrecision,
  decisionRecordType,
  frameworkKind,
  processKind,
  resolutionTopic,
  sessionKind,
} from "./enums.js";
import { states } from "./reference.js";

export const processes = pgTable("processes", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  shortName: text("short_name").notNull(),
  kind: processKind("kind").notNull(),
  parentBody: text("parent_body"),
  mandatingResolutions: text("mandating_resolutions").notNull(),
  startDate: date("start_date").notNull(),
  startPrecision: datePrecision("start_precision").notNull(),
  endDate: date("end_date"),
  endPrecision: datePrecision("end_precision"),
  chairName: text("chair_name"),
  chairStateIso3: text("chair_state_iso3").references(() => states.iso3),
  chairConfidence: confidence("chair_confidence"),
  membership: text("membership").notNull(),
  finalReports: text("final_reports"),
  outcome: text("outcome"),
  notes: text("notes"),
  confidence: confidence("confidence").notNull(),
  /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** States named as members of a process with a closed membership (GGEs), as listed by a source. */
export const processMembers = pgTable(
  "process_members",
  {
    processId: text("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    stateIso3: text("state_iso3")
      .notNull()
      .references(() => states.iso3, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.processId, t.stateIso3] }), index("process_members_state_idx").on(t.stateIso3)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    processId: text("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: sessionKind("kind").notNull(),
    startDate: date("start_date"),
    startPrecision: datePrecision("start_precision"),
    endDate: date("end_date"),
    endPrecision: datePrecision("end_precision"),
    venue: text("venue"),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
    /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_process_idx").on(t.processId, t.startDate)],
);

export const resolutions = pgTable(
  "resolutions",
  {
    symbol: text("symbol").primaryKey(),
    recordType: decisionRecordType("record_type").notNull(),
    topic: resolutionTopic("topic").notNull(),
    gaSession: integer("ga_session"),
    adoptedOn: date("adopted_on"),
    title: text("title"),
    committee: text("committee"),
    adoptionMethod: adoptionMethod("adoption_method"),
    /** Adoption as the source words it, e.g. "without a vote (as amended by A/75/L.90…)". */
    adoptionNote: text("adoption_note"),
    yes: integer("yes"),
    no: integer("no"),
    abstain: integer("abstain"),
    firstCommitteeVote: text("first_committee_vote"),
    summary: text("summary"),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
    /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("resolutions_adopted_idx").on(t.adoptedOn),
    check(
      "resolutions_totals_nonnegative",
      sql`coalesce(${t.yes}, 0) >= 0 AND coalesce(${t.no}, 0) >= 0 AND coalesce(${t.abstain}, 0) >= 0`,
    ),
  ],
);

/** Links processes to the resolutions that mandate, endorse or follow them. */
export const processResolutions = pgTable(
  "process_resolutions",
  {
    processId: text("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    resolutionSymbol: text("resolution_symbol")
      .notNull()
      .references(() => resolutions.symbol, { onDelete: "cascade" }),
    relation: text("relation").notNull(),
  },
  (t) => [primaryKey({ columns: [t.processId, t.resolutionSymbol] })],
);

export const frameworks = pgTable("frameworks", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: frameworkKind("kind").notNull(),
  body: text("body").notNull(),
  instrument: text("instrument"),
});

/** One norm or CBM: a stable, citable item of a framework. */
export const frameworkItems = pgTable(
  "framework_items",
  {
    id: text("id").primaryKey(),
    frameworkId: text("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    position: integer("position").notNull(),
    shortTitle: text("short_title").notNull(),
    reference: text("reference"),
    instrument: text("instrument"),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
  },
  (t) => [index("framework_items_framework_idx").on(t.frameworkId, t.position)],
);
