// Recorded General Assembly votes: voters (States and historical States) and vote events with their per-voter positions.
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, json, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { MOTION_KINDS } from "../../domain/vocabulary.js";
import type { VoteEventCrossCheck, VoteEventSponsor } from "../../domain/votes.js";
import { states } from "./reference.js";

export const motionKind = pgEnum("motion_kind", MOTION_KINDS);

/**
 * Everyone who ever cast a recorded GA vote. A current State is the voter whose code is its ISO3 code (and
 * state_iso3 points at it); a historical State (Czechoslovakia, GDR, South Yemen, Yugoslavia…) keeps its own
 * code with no State row, so none of its votes is dropped or merged into a successor.
 */
export const voters = pgTable(
  "voters",
  {
    code: text("code").primaryKey(),
    /** Index of this voter's character in every vote_events.votes vector; stable within one import. */
    position: integer("position").notNull(),
    name: text("name").notNull(),
    stateIso3: text("state_iso3").references(() => states.iso3),
    isHistorical: boolean("is_historical").notNull(),
    /** Codes or names the sources use for this voter (Voeten ISO2 code, UN spellings). */
    sourceCodes: text("source_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text("note"),
  },
  // Positions are unique by construction of the dataset; no unique index, so an import may renumber in place.
  (t) => [index("voters_state_idx").on(t.stateIso3)],
);

/**
 * One recorded vote on one motion. Per-voter positions are stored as one character per voter
 * (Y yes, N no, A abstain, X absent / not recorded, - no data), ordered by voters.position: ~7,000 rows
 * instead of ~1,000,000, which keeps the import on PGlite to about a second and loads into the in-memory
 * alignment index in one scan. SQL can still read one voter with substr(votes, position + 1, 1).
 */
export const voteEvents = pgTable(
  "vote_events",
  {
    /** URL id: the document symbol when it names this event alone, else RC-<Voeten roll-call id>. */
    id: text("id").primaryKey(),
    symbol: text("symbol"),
    /** The symbol exactly as the source prints it (Voeten: R/1/66, ESS/10/2…). */
    sourceSymbol: text("source_symbol"),
    date: date("date").notNull(),
    /** Regular GA session in which the vote took place. */
    session: integer("session").notNull(),
    /** Emergency special or special session, e.g. ES-11 or S-32, when the vote belongs to one. */
    specialSession: text("special_session"),
    body: text("body").notNull().default("General Assembly"),
    motionKind: motionKind("motion_kind").notNull(),
    title: text("title"),
    description: text("description"),
    reportedYes: integer("reported_yes"),
    reportedNo: integer("reported_no"),
    reportedAbstain: integer("reported_abstain"),
    countedYes: integer("counted_yes").notNull(),
    countedNo: integer("counted_no").notNull(),
    countedAbstain: integer("counted_abstain").notNull(),
    countedAbsent: integer("counted_absent").notNull(),
    votes: text("votes").notNull(),
    sponsors: json("sponsors")
      .$type<VoteEventSponsor[]>()
      .notNull()
      .default(sql`'[]'::json`),
    voetenRcid: integer("voeten_rcid"),
    /** Voeten issue codes (me, nu, di, hr, co, ec). */
    issueCodes: text("issue_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isImportantVote: boolean("is_important_vote"),
    /** Where the vote event comes from: dataset source ids (dataset:voeten-unvotes, dataset:unxml-ga-resolutions). */
    sourceIds: text("source_ids").array().notNull(),
    /** For events present in both sources: how the two compare voter by voter. json, not jsonb, so a re-import compares key order exactly. */
    crossCheck: json("cross_check").$type<VoteEventCrossCheck>(),
    /** When the row last changed: set by the touch_updated_at trigger, read by the API's since. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("vote_events_symbol_idx").on(t.symbol),
    index("vote_events_date_idx").on(t.date),
    index("vote_events_session_idx").on(t.session),
    check("vote_events_votes_format", sql`${t.votes} ~ '^[YNAX-]*$'`),
  ],
);
