// Positions on international law and treaty status (issue 16): published national and regional positions on how
// international law applies to the use of ICTs, treaties, and the signatures and ratifications their status
// pages show. Sources attach through record_sources ("legal-position", "treaty", "treaty-action").
import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import * as v from "../../domain/vocabulary.js";
import { confidence, datePrecision } from "./enums.js";
import { processes, resolutions } from "./processes.js";
import { organizations, states } from "./reference.js";

export const legalTopic = pgEnum("legal_topic", v.LEGAL_TOPICS);
export const treatyActionKind = pgEnum("treaty_action_kind", v.TREATY_ACTION_KINDS);

/** One published position (paper, speech, submission) of a State or a regional organisation. */
export const legalPositions = pgTable(
  "legal_positions",
  {
    /** Natural key: actor code and publication date, e.g. `fra-2019-09-09` (a suffix when one actor published twice that day). */
    id: text("id").primaryKey(),
    stateIso3: text("state_iso3").references(() => states.iso3, { onDelete: "restrict" }),
    /** A regional organisation's common position (AU, EU) instead of a State's. */
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    /** The source gave no title: this one describes the document. */
    isTitleDescriptive: boolean("is_title_descriptive").notNull().default(false),
    publishedOn: date("published_on").notNull(),
    publishedPrecision: datePrecision("published_precision").notNull(),
    /** Languages of the versions read, as the dataset words them (ISO 639-1 codes, sometimes with a remark). */
    languages: text("languages")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Official publication URL where a source cites one. */
    documentUrl: text("document_url"),
    /** How it was published: "national paper", "speech", "submission to A/76/136 compendium (2021)"… */
    context: text("context").notNull(),
    /** Topics a read source says the position addresses; not exhaustive (absent = not extracted). */
    topics: legalTopic("topics")
      .array()
      .notNull()
      .default(sql`'{}'::legal_topic[]`),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
  },
  (t) => [
    index("legal_positions_state_idx").on(t.stateIso3, t.publishedOn),
    index("legal_positions_published_idx").on(t.publishedOn),
    check("legal_positions_one_actor", sql`(${t.stateIso3} IS NULL) <> (${t.organizationId} IS NULL)`),
  ],
);

/** A treaty whose status Normwatch shows, with what is known about how complete that status is. */
export const treaties = pgTable("treaties", {
  /** Natural key: `un-cybercrime-2024`, `coe-ets-185`. */
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  shortTitle: text("short_title").notNull(),
  /** The General Assembly resolution that adopted it, when it is one we hold. */
  resolutionSymbol: text("resolution_symbol").references(() => resolutions.symbol, { onDelete: "set null" }),
  /** The process that negotiated it, when it is one we hold. */
  processId: text("process_id").references(() => processes.id, { onDelete: "set null" }),
  depositary: text("depositary"),
  /** The depositary's status page. */
  statusUrl: text("status_url"),
  /** True while the rows held are known not to list every State with an action. */
  isStatusPartial: boolean("is_status_partial").notNull(),
  /** What the rows cover and what is missing, said plainly ("69 of the 72 signatories identified…"). */
  coverageNote: text("coverage_note").notNull(),
});

/** One State's (or organisation's) signature and consent as one status page showed them on its as-of date. */
export const treatyActions = pgTable(
  "treaty_actions",
  {
    /** Natural key: `<treaty>:<ISO3 or organisation id>:<as-of>`; snapshots of different dates are kept apart. */
    id: text("id").primaryKey(),
    treatyId: text("treaty_id")
      .notNull()
      .references(() => treaties.id, { onDelete: "cascade" }),
    stateIso3: text("state_iso3").references(() => states.iso3, { onDelete: "restrict" }),
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    /** The party's name as the source spells it. */
    partyName: text("party_name").notNull(),
    signedOn: date("signed_on"),
    signedPrecision: datePrecision("signed_precision"),
    /** Date of ratification, accession, acceptance or approval; null for a signature only. */
    consentOn: date("consent_on"),
    consentPrecision: datePrecision("consent_precision"),
    kind: treatyActionKind("kind").notNull(),
    /** The status date of the page this row comes from. */
    asOf: date("as_of").notNull(),
    /** The page shows no status date: asOf is the latest action visible on it (a lower bound). */
    isAsOfLowerBound: boolean("is_as_of_lower_bound").notNull().default(false),
    notes: text("notes"),
    confidence: confidence("confidence").notNull(),
  },
  (t) => [
    index("treaty_actions_treaty_idx").on(t.treatyId, t.asOf),
    index("treaty_actions_state_idx").on(t.stateIso3),
    check("treaty_actions_one_party", sql`(${t.stateIso3} IS NULL) <> (${t.organizationId} IS NULL)`),
    check(
      "treaty_actions_shape",
      sql`(${t.kind} = 'signature') = (${t.consentOn} IS NULL) AND (${t.signedOn} IS NOT NULL OR ${t.consentOn} IS NOT NULL)`,
    ),
  ],
);
