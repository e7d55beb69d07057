// Implementation tracker (issue 6): evidence that a State or organisation implements a norm or CBM, candidates
// detected in documents, national instruments with their human-rights assessments, and capacity building.
// Public tables hold published records only; editors write them through the editorial workflow.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import * as v from "../../domain/vocabulary.js";
import { users } from "./accounts.js";
import { documentParagraphs, documents } from "./documents.js";
import { confidence, datePrecision } from "./enums.js";
import { frameworkItems } from "./processes.js";
import { organizations, states } from "./reference.js";

export const evidenceKind = pgEnum("evidence_kind", v.EVIDENCE_KINDS);
export const evidenceStatus = pgEnum("evidence_status", v.EVIDENCE_STATUSES);
export const reporterKind = pgEnum("reporter_kind", v.REPORTER_KINDS);
export const candidateStatus = pgEnum("candidate_status", v.CANDIDATE_STATUSES);
export const instrumentKind = pgEnum("instrument_kind", v.INSTRUMENT_KINDS);
export const instrumentStatus = pgEnum("instrument_status", v.INSTRUMENT_STATUSES);
export const assessmentRating = pgEnum("assessment_rating", v.ASSESSMENT_RATINGS);

/** A strategy, law, agency or policy of a State (or an organisation), with its status and dates. */
export const instruments = pgTable(
  "instruments",
  {
    /** Stable slug, e.g. "deu-cyber-strategy-2021". */
    id: text("id").primaryKey(),
    stateIso3: text("state_iso3").references(() => states.iso3, { onDelete: "cascade" }),
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    kind: instrumentKind("kind").notNull(),
    title: text("title").notNull(),
    status: instrumentStatus("status").notNull(),
    adoptedOn: date("adopted_on"),
    adoptedPrecision: datePrecision("adopted_precision"),
    supersededOn: date("superseded_on"),
    supersededPrecision: datePrecision("superseded_precision"),
    /** The instrument's text when it has been ingested (documents issue). */
    documentId: integer("document_id").references(() => documents.id, { onDelete: "set null" }),
    url: text("url"),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
    /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("instruments_state_idx").on(t.stateIso3, t.kind),
    check("instruments_subject", sql`(${t.stateIso3} IS NULL) <> (${t.organizationId} IS NULL)`),
  ],
);

/** One piece of evidence: a State or organisation, a norm or CBM, and the cited paragraph or URL that shows it. */
export const evidence = pgTable(
  "evidence",
  {
    id: serial("id").primaryKey(),
    stateIso3: text("state_iso3").references(() => states.iso3, { onDelete: "cascade" }),
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    itemId: text("item_id")
      .notNull()
      .references(() => frameworkItems.id, { onDelete: "cascade" }),
    kind: evidenceKind("kind").notNull(),
    status: evidenceStatus("status").notNull(),
    observedOn: date("observed_on"),
    observedPrecision: datePrecision("observed_precision"),
    /** A short quote from the source, in its words. */
    quote: text("quote"),
    /** The cited paragraph of an ingested document, or an external URL: at least one is required. */
    paragraphId: integer("paragraph_id").references(() => documentParagraphs.id, { onDelete: "restrict" }),
    externalUrl: text("external_url"),
    instrumentId: text("instrument_id").references(() => instruments.id, { onDelete: "set null" }),
    reporter: reporterKind("reporter").notNull(),
    /** Who reported it, e.g. the organisation behind a shadow report. */
    reporterName: text("reporter_name"),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
    /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("evidence_item_idx").on(t.itemId, t.stateIso3),
    index("evidence_state_idx").on(t.stateIso3, t.itemId),
    check("evidence_subject", sql`(${t.stateIso3} IS NULL) <> (${t.organizationId} IS NULL)`),
    check("evidence_cited", sql`${t.paragraphId} IS NOT NULL OR ${t.externalUrl} IS NOT NULL`),
  ],
);

/** Evidence proposed by detection in an ingested document; never public until an editor turns it into evidence. */
export const evidenceCandidates = pgTable(
  "evidence_candidates",
  {
    id: serial("id").primaryKey(),
    paragraphId: integer("paragraph_id")
      .notNull()
      .references(() => documentParagraphs.id, { onDelete: "cascade" }),
    stateIso3: text("state_iso3")
      .notNull()
      .references(() => states.iso3, { onDelete: "cascade" }),
    itemId: text("item_id")
      .notNull()
      .references(() => frameworkItems.id, { onDelete: "cascade" }),
    /** "explicit" for a reference such as "13 (c)", "topic" for a keyword match. */
    matchKind: text("match_kind").notNull(),
    score: real("score").notNull(),
    excerpt: text("excerpt").notNull(),
    status: candidateStatus("status").notNull(),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: integer("decided_by").references(() => users.id),
    /** The editorial change drafted from this candidate. */
    changeId: integer("change_id"),
  },
  (t) => [
    unique("evidence_candidates_key").on(t.paragraphId, t.stateIso3, t.itemId),
    index("evidence_candidates_status_idx").on(t.status, t.detectedAt),
  ],
);

/** A version of an assessment rubric; editing a rubric makes a new version, so old scores keep their meaning. */
export const rubrics = pgTable(
  "rubrics",
  {
    id: serial("id").primaryKey(),
    /** Stable across versions, e.g. "human-rights-multistakeholder". */
    slug: text("slug").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: integer("created_by").references(() => users.id),
  },
  (t) => [unique("rubrics_version_key").on(t.slug, t.version)],
);

export const rubricCriteria = pgTable(
  "rubric_criteria",
  {
    id: serial("id").primaryKey(),
    rubricId: integer("rubric_id")
      .notNull()
      .references(() => rubrics.id, { onDelete: "cascade" }),
    /** Stable across versions, e.g. "human-rights-principle". */
    code: text("code").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    guidance: text("guidance").notNull(),
  },
  (t) => [unique("rubric_criteria_key").on(t.rubricId, t.code)],
);

/** One instrument scored on one criterion, with the paragraph (or URL) that justifies the score. */
export const assessments = pgTable(
  "assessments",
  {
    id: serial("id").primaryKey(),
    instrumentId: text("instrument_id")
      .notNull()
      .references(() => instruments.id, { onDelete: "cascade" }),
    criterionId: integer("criterion_id")
      .notNull()
      .references(() => rubricCriteria.id, { onDelete: "restrict" }),
    rating: assessmentRating("rating").notNull(),
    paragraphId: integer("paragraph_id").references(() => documentParagraphs.id, { onDelete: "restrict" }),
    externalUrl: text("external_url"),
    quote: text("quote"),
    note: text("note"),
    assessedOn: date("assessed_on").notNull(),
  },
  (t) => [
    unique("assessments_key").on(t.instrumentId, t.criterionId),
    check(
      "assessments_cited",
      sql`${t.rating} = 'unknown' OR ${t.paragraphId} IS NOT NULL OR ${t.externalUrl} IS NOT NULL`,
    ),
  ],
);

/**
 * A capacity-building programme or workshop. Field names follow IATI activities: iatiIdentifier, funders
 * (participating-org role 1), implementers (role 4), recipient countries and region, activity dates, budget.
 */
export const programmes = pgTable(
  "programmes",
  {
    id: text("id").primaryKey(),
    iatiIdentifier: text("iati_identifier").unique(),
    title: text("title").notNull(),
    description: text("description"),
    funders: text("funders")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    implementers: text("implementers")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    beneficiaryStates: text("beneficiary_states")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Recipient region as the source names it (IATI region code or name). */
    region: text("region"),
    startOn: date("start_on"),
    startPrecision: datePrecision("start_precision"),
    endOn: date("end_on"),
    endPrecision: datePrecision("end_precision"),
    budget: numeric("budget", { precision: 16, scale: 2 }),
    currency: text("currency"),
    /** Norm and CBM item ids the programme addresses. */
    itemIds: text("item_ids")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    url: text("url"),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
    /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("programmes_currency", sql`${t.currency} IS NULL OR ${t.currency} ~ '^[A-Z]{3}$'`)],
);
