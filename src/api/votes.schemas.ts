// Request and response schemas of the votes and alignment APIs, and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import type { GroupTally, VoteComparison, VoteEventDetail } from "../analysis/vote-event-detail.js";
import {
  isAbsenceRecorded,
  voteEventLabel,
  voteEventPath,
  type VoteEventSummary,
  type VoterPosition,
  type VoteShift,
} from "../domain/votes.js";
import { MOTION_KINDS, RESOLUTION_TOPICS, UN_REGIONAL_GROUPS, VOTE_OPTIONS } from "../domain/vocabulary.js";
import { VOTE_EVENT_SORTS } from "../db/votes.js";
import { SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";

const session = z.coerce.number().int().min(1).max(200);

/** Which vote events an analysis counts: all, or cyber only, within an optional session range. */
export const ScopeQuery = z.object({
  scope: z
    .enum(["all", "cyber"])
    .default("all")
    .openapi({ description: "all recorded votes, or only votes on cyber resolutions of the fact base" }),
  session_from: session.optional(),
  session_to: session.optional(),
});

export const VoteEventListQuery = PaginationQuery.extend({
  cyber: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "only votes on cyber resolutions (ICT security, cybercrime, PoA, OEWG)" }),
  session: session.optional(),
  session_from: session.optional(),
  session_to: session.optional(),
  q: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: "a symbol, short or in full (74/247, A/RES/74/247), or words of the title" }),
  sort: sortParam({ sorts: VOTE_EVENT_SORTS, usualOrder: "latest first", tieBreaker: "id" }),
  since: SinceParam,
});

const Totals = z.object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int() });

export const VoteEventSummarySchema = z
  .object({
    id: z.string().openapi({ example: "A/RES/74/247" }),
    symbol: z.string().nullable().openapi({
      description: "UN document symbol; null where none is known (Voeten's codes of sessions 1–17 are not UN numbers)",
    }),
    source_symbol: z.string().nullable().openapi({ description: "the source's own code, as given" }),
    label: z.string().openapi({ description: "the symbol, else the source's roll-call identifier" }),
    date: z.string(),
    session: z.number().int(),
    special_session: z.string().nullable(),
    body: z.string(),
    motion_kind: z.enum(MOTION_KINDS),
    title: z.string().nullable(),
    reported_totals: Totals.nullable().openapi({ description: "as officially reported" }),
    reported_by: z.enum(["un-record", "fact-base"]).nullable(),
    counted_totals: Totals.extend({ absent: z.number().int().nullable() }).openapi({
      description:
        "counted from the per-State positions; absent is null where the source records no absences (Voeten sessions 71–74)",
    }),
    has_totals_mismatch: z.boolean(),
    cyber_topic: z.enum(RESOLUTION_TOPICS).nullable(),
    source_ids: z.array(z.string()),
    url: z.string(),
    html_url: z.string(),
  })
  .openapi("VoteEventSummary");

export const VoteEventListSchema = listEnvelope(VoteEventSummarySchema, "VoteEventList");

const GroupTallySchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.number().int(),
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  absent: z.number().int().nullable(),
  membership: z
    .enum(["at-vote-date", "current"])
    .optional()
    .openapi({ description: "organisations: members on the day of the vote (dated memberships) or today's members" }),
});

const PositionSchema = z.object({
  voter_code: z.string(),
  state_iso3: z.string().nullable(),
  name: z.string(),
  un_regional_group: z.enum(UN_REGIONAL_GROUPS).nullable(),
  vote: z.enum(VOTE_OPTIONS),
});

export const VoteEventDetailSchema = VoteEventSummarySchema.extend({
  description: z.string().nullable(),
  voeten_rcid: z.number().int().nullable(),
  issue_codes: z.array(z.string()),
  is_important_vote: z.boolean().nullable(),
  sponsors: z.array(z.object({ name: z.string(), state_iso3: z.string().nullable(), is_additional: z.boolean() })),
  cross_check: z
    .object({
      other_source: z.string(),
      voeten_rcid: z.number().int(),
      compared: z.number().int(),
      disagreements: z.array(
        z.object({ voter: z.string(), unxml: z.string().nullable(), voeten: z.string().nullable() }),
      ),
    })
    .nullable(),
  votes: z.array(PositionSchema),
  by_regional_group: z.array(GroupTallySchema),
  by_organization: z.array(GroupTallySchema),
  csv_url: z.string(),
}).openapi("VoteEvent");

export const CompareQuery = z.object({
  a: z.string().min(1).max(200).openapi({
    description: "a vote event: its symbol, short or in full (73/187, A/RES/73/187), or id",
    example: "73/187",
  }),
  b: z
    .string()
    .min(1)
    .max(200)
    .openapi({ description: "the other vote event, written the same ways", example: "A/RES/74/247" }),
});

const ShiftSchema = z.object({
  voter_code: z.string(),
  name: z.string(),
  from: z.enum(VOTE_OPTIONS).nullable(),
  to: z.enum(VOTE_OPTIONS).nullable(),
});

export const VoteComparisonSchema = z
  .object({
    a: VoteEventSummarySchema,
    b: VoteEventSummarySchema,
    is_reordered: z
      .boolean()
      .openapi({ description: "True when the two were asked later-first: a is always the earlier vote" }),
    moves: z.record(z.string(), z.number().int()),
    shifts: z
      .array(ShiftSchema)
      .openapi({ description: "Every State whose position differs, presence changes included" }),
    changes: z
      .array(ShiftSchema)
      .openapi({ description: "States that voted yes, no or abstain in both and changed their vote" }),
    presence_changes: z.array(ShiftSchema).openapi({
      description: "States that voted in one and were absent or without data in the other (not a change of vote)",
    }),
  })
  .openapi("VoteComparison");

export function presentVoteEventSummary(e: VoteEventSummary): z.infer<typeof VoteEventSummarySchema> {
  return {
    id: e.id,
    symbol: e.symbol,
    source_symbol: e.sourceSymbol,
    label: voteEventLabel(e),
    date: e.date,
    session: e.session,
    special_session: e.specialSession,
    body: e.body,
    motion_kind: e.motionKind,
    title: e.title,
    reported_totals: e.reported,
    reported_by: e.reportedBy,
    counted_totals: { ...e.counted, absent: isAbsenceRecorded(e) ? e.counted.absent : null },
    has_totals_mismatch: e.hasTotalsMismatch,
    cyber_topic: e.cyberTopic,
    source_ids: e.sourceIds,
    url: `/api/v1/votes/${voteEventPath(e.id)}`,
    html_url: `/votes/${voteEventPath(e.id)}`,
  };
}

function presentTally(t: GroupTally, hasAbsences: boolean): z.infer<typeof GroupTallySchema> {
  return {
    id: t.id,
    name: t.name,
    members: t.members,
    yes: t.yes,
    no: t.no,
    abstain: t.abstain,
    absent: hasAbsences ? t.absent : null,
    ...(t.isAtVoteDate === undefined ? {} : { membership: t.isAtVoteDate ? "at-vote-date" : "current" }),
  };
}

function presentPosition(p: VoterPosition): z.infer<typeof PositionSchema> {
  return {
    voter_code: p.code,
    state_iso3: p.stateIso3,
    name: p.name,
    un_regional_group: p.unRegionalGroup,
    vote: p.vote,
  };
}

export function presentVoteEventDetail(d: VoteEventDetail): z.infer<typeof VoteEventDetailSchema> {
  const e = d.event;
  return {
    ...presentVoteEventSummary(e),
    description: e.description,
    voeten_rcid: e.voetenRcid,
    issue_codes: e.issueCodes,
    is_important_vote: e.isImportantVote,
    sponsors: e.sponsors.map((s) => ({ name: s.name, state_iso3: s.code, is_additional: s.isAdditional })),
    cross_check: e.crossCheck
      ? {
          other_source: e.crossCheck.otherSource,
          voeten_rcid: e.crossCheck.voetenRcid,
          compared: e.crossCheck.compared,
          disagreements: e.crossCheck.disagreements,
        }
      : null,
    votes: d.positions.map(presentPosition),
    by_regional_group: d.byRegionalGroup.map((t) => presentTally(t, isAbsenceRecorded(e))),
    by_organization: d.byOrganization.map((t) => presentTally(t, isAbsenceRecorded(e))),
    csv_url: `/api/v1/votes/${voteEventPath(e.id)}.csv`,
  };
}

function presentShift(s: VoteShift): z.infer<typeof ShiftSchema> {
  return { voter_code: s.code, name: s.name, from: s.from, to: s.to };
}

export function presentVoteComparison(c: VoteComparison): z.infer<typeof VoteComparisonSchema> {
  return {
    a: presentVoteEventSummary(c.a),
    b: presentVoteEventSummary(c.b),
    is_reordered: c.isReordered,
    moves: c.moves,
    shifts: c.shifts.map(presentShift),
    changes: c.transitions.changes.map(presentShift),
    presence_changes: c.transitions.presenceChanges.map(presentShift),
  };
}
