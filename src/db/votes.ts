// Queries on vote events and voters: lists with filters, one event, a voter's cyber votes, and the rows the alignment index loads.
import { and, asc, count, desc, eq, gte, ilike, isNotNull, lte, or, sql, type SQL } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import {
  hasTotalsMismatch,
  type VoteEvent,
  type VoteEventFilter,
  type VoteEventSummary,
  type Voter,
} from "../domain/votes.js";
import type { ResolutionTopic, UnRegionalGroup } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import { resolutions } from "./schema/processes.js";
import { memberships, organizations, states } from "./schema/reference.js";
import { voteEvents, voters } from "./schema/votes.js";

const summaryColumns = {
  id: voteEvents.id,
  symbol: voteEvents.symbol,
  sourceSymbol: voteEvents.sourceSymbol,
  date: voteEvents.date,
  session: voteEvents.session,
  specialSession: voteEvents.specialSession,
  body: voteEvents.body,
  motionKind: voteEvents.motionKind,
  title: voteEvents.title,
  reportedYes: voteEvents.reportedYes,
  reportedNo: voteEvents.reportedNo,
  reportedAbstain: voteEvents.reportedAbstain,
  countedYes: voteEvents.countedYes,
  countedNo: voteEvents.countedNo,
  countedAbstain: voteEvents.countedAbstain,
  countedAbsent: voteEvents.countedAbsent,
  sourceIds: voteEvents.sourceIds,
  cyberTopic: resolutions.topic,
  factBaseYes: resolutions.yes,
  factBaseNo: resolutions.no,
  factBaseAbstain: resolutions.abstain,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: unknown } & {
  id: string;
  symbol: string | null;
  sourceSymbol: string | null;
  date: string;
  session: number;
  specialSession: string | null;
  body: string;
  motionKind: VoteEventSummary["motionKind"];
  title: string | null;
  reportedYes: number | null;
  reportedNo: number | null;
  reportedAbstain: number | null;
  countedYes: number;
  countedNo: number;
  countedAbstain: number;
  countedAbsent: number;
  sourceIds: string[];
  cyberTopic: ResolutionTopic | null;
  factBaseYes: number | null;
  factBaseNo: number | null;
  factBaseAbstain: number | null;
};

/** The fact base's totals count as officially reported only for the one event that carries the symbol as its id. */
function toSummary(row: SummaryRow): VoteEventSummary {
  const own =
    row.reportedYes !== null
      ? { yes: row.reportedYes, no: row.reportedNo ?? 0, abstain: row.reportedAbstain ?? 0 }
      : null;
  const factBase =
    row.factBaseYes !== null && row.id === row.symbol
      ? { yes: row.factBaseYes, no: row.factBaseNo ?? 0, abstain: row.factBaseAbstain ?? 0 }
      : null;
  const reported = own ?? factBase;
  const counted = { yes: row.countedYes, no: row.countedNo, abstain: row.countedAbstain, absent: row.countedAbsent };
  return {
    id: row.id,
    symbol: row.symbol,
    sourceSymbol: row.sourceSymbol,
    date: row.date,
    session: row.session,
    specialSession: row.specialSession,
    body: row.body,
    motionKind: row.motionKind,
    title: row.title,
    reported,
    reportedBy: own ? "un-record" : factBase ? "fact-base" : null,
    counted,
    hasTotalsMismatch: hasTotalsMismatch(reported, counted),
    cyberTopic: row.cyberTopic,
    sourceIds: row.sourceIds,
  };
}

function whereOf(filter: VoteEventFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filter.isCyberOnly) parts.push(isNotNull(resolutions.symbol));
  if (filter.session !== undefined) parts.push(eq(voteEvents.session, filter.session));
  if (filter.sessionFrom !== undefined) parts.push(gte(voteEvents.session, filter.sessionFrom));
  if (filter.sessionTo !== undefined) parts.push(lte(voteEvents.session, filter.sessionTo));
  if (filter.query) {
    // Every word must match the symbol, the title, the source's description, or the cyber fact base's title, summary or topic.
    for (const word of filter.query.split(/\s+/).filter(Boolean).slice(0, 10)) {
      const pattern = `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      parts.push(
        or(
          ilike(voteEvents.symbol, pattern),
          ilike(voteEvents.title, pattern),
          ilike(voteEvents.sourceSymbol, pattern),
          ilike(voteEvents.description, pattern),
          ilike(resolutions.title, pattern),
          ilike(resolutions.summary, pattern),
          ilike(sql`${resolutions.topic}::text`, pattern),
        ),
      );
    }
  }
  return parts.length ? and(...parts) : undefined;
}

/** The orders the vote events list offers (the API's sort); ties by id. */
export const VOTE_EVENT_SORTS = {
  date: voteEvents.date,
  session: voteEvents.session,
  updated: voteEvents.updatedAt,
} satisfies SortColumns;

/** Vote events, latest first (or `page.order`); with `page.since`, only those changed after it. */
export async function listVoteEvents(
  db: Db,
  filter: VoteEventFilter = {},
  page?: ListWindow,
): Promise<{ items: VoteEventSummary[]; total: number }> {
  const where = and(whereOf(filter), changedSince(voteEvents.updatedAt, page?.since));
  const query = db
    .select(summaryColumns)
    .from(voteEvents)
    .leftJoin(resolutions, eq(resolutions.symbol, voteEvents.symbol))
    .where(where)
    .orderBy(
      ...orderByOf(VOTE_EVENT_SORTS, page?.order, [desc(voteEvents.date), desc(voteEvents.id)], [voteEvents.id]),
    );
  const rows = (page ? await query.limit(page.limit).offset(page.offset) : await query) as SummaryRow[];
  const [total] = await db
    .select({ n: count() })
    .from(voteEvents)
    .leftJoin(resolutions, eq(resolutions.symbol, voteEvents.symbol))
    .where(where);
  return { items: rows.map(toSummary), total: total?.n ?? 0 };
}

export async function findVoteEvent(db: Db, id: string): Promise<VoteEvent | null> {
  const rows = await db
    .select({
      ...summaryColumns,
      description: voteEvents.description,
      votes: voteEvents.votes,
      sponsors: voteEvents.sponsors,
      voetenRcid: voteEvents.voetenRcid,
      issueCodes: voteEvents.issueCodes,
      isImportantVote: voteEvents.isImportantVote,
      crossCheck: voteEvents.crossCheck,
    })
    .from(voteEvents)
    .leftJoin(resolutions, eq(resolutions.symbol, voteEvents.symbol))
    .where(eq(voteEvents.id, id));
  const row = rows[0];
  if (!row) return null;
  return {
    ...toSummary(row as SummaryRow),
    description: row.description,
    votes: row.votes,
    sponsors: row.sponsors,
    voetenRcid: row.voetenRcid,
    issueCodes: row.issueCodes,
    isImportantVote: row.isImportantVote,
    crossCheck: row.crossCheck ?? null,
  };
}

export async function getVoteEvent(db: Db, id: string): Promise<VoteEvent> {
  const event = await findVoteEvent(db, id);
  if (!event) throw new NotFoundError("Vote event", id);
  return event;
}

/** Every event on one symbol (whole resolution, paragraphs, amendments), oldest first. */
export async function listVoteEventsBySymbol(db: Db, symbol: string): Promise<VoteEventSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(voteEvents)
    .leftJoin(resolutions, eq(resolutions.symbol, voteEvents.symbol))
    .where(eq(voteEvents.symbol, symbol))
    .orderBy(asc(voteEvents.date), asc(voteEvents.id));
  return (rows as SummaryRow[]).map(toSummary);
}

/** A voter with what maps, tables and group breakdowns need about its State. */
export interface VoterDetail extends Voter {
  isoNumeric: string | null;
  unRegionalGroup: UnRegionalGroup | null;
  latitude: number | null;
  longitude: number | null;
}

export async function listVoters(db: Db): Promise<VoterDetail[]> {
  return db
    .select({
      code: voters.code,
      position: voters.position,
      name: voters.name,
      stateIso3: voters.stateIso3,
      isHistorical: voters.isHistorical,
      sourceCodes: voters.sourceCodes,
      note: voters.note,
      isoNumeric: states.isoNumeric,
      unRegionalGroup: states.unRegionalGroup,
      latitude: states.latitude,
      longitude: states.longitude,
    })
    .from(voters)
    .leftJoin(states, eq(states.iso3, voters.stateIso3))
    .orderBy(asc(voters.position));
}

export interface OrganizationMembers {
  id: string;
  name: string;
  abbreviation: string | null;
  /** Today's State members (no departure recorded). */
  memberIso3: string[];
  /** Every State membership with its dates where the source gives them (null: not known). */
  memberships: { iso3: string; startDate: string | null; endDate: string | null }[];
}

/** State members of the given organisations (in the order asked), for breakdowns and cohesion, with join and departure dates where known. */
export async function listOrganizationMembers(db: Db, ids: string[]): Promise<OrganizationMembers[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      abbreviation: organizations.abbreviation,
      iso3: memberships.stateIso3,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
      isCurrent: memberships.isCurrent,
    })
    .from(organizations)
    .innerJoin(
      memberships,
      and(
        eq(memberships.organizationId, organizations.id),
        or(eq(memberships.isCurrent, true), isNotNull(memberships.endDate)),
        isNotNull(memberships.stateIso3),
      ),
    )
    .where(sql`${organizations.id} IN ${ids}`);
  const byId = new Map<string, OrganizationMembers>();
  for (const r of rows) {
    const org = byId.get(r.id) ?? {
      id: r.id,
      name: r.name,
      abbreviation: r.abbreviation,
      memberIso3: [],
      memberships: [],
    };
    if (r.isCurrent) org.memberIso3.push(r.iso3!);
    org.memberships.push({ iso3: r.iso3!, startDate: r.startDate, endDate: r.endDate });
    byId.set(r.id, org);
  }
  return ids.map((id) => byId.get(id)).filter((o): o is OrganizationMembers => o !== undefined);
}

/** What the in-memory alignment index needs of every event, in date order. */
export interface VoteMatrixRow {
  id: string;
  date: string;
  session: number;
  cyberTopic: ResolutionTopic | null;
  votes: string;
}

export async function listVoteMatrixRows(db: Db): Promise<VoteMatrixRow[]> {
  return db
    .select({
      id: voteEvents.id,
      date: voteEvents.date,
      session: voteEvents.session,
      cyberTopic: resolutions.topic,
      votes: voteEvents.votes,
    })
    .from(voteEvents)
    .leftJoin(resolutions, eq(resolutions.symbol, voteEvents.symbol))
    .orderBy(asc(voteEvents.date), asc(voteEvents.id));
}

/** One voter's position on every cyber vote event, newest first (position read straight from the vector). */
export async function listVoterCyberVotes(db: Db, code: string): Promise<{ event: VoteEventSummary; vote: string }[]> {
  const rows = await db
    .select({ ...summaryColumns, vote: sql<string>`substr(${voteEvents.votes}, ${voters.position} + 1, 1)` })
    .from(voteEvents)
    .innerJoin(resolutions, eq(resolutions.symbol, voteEvents.symbol))
    .innerJoin(voters, eq(voters.code, code))
    .orderBy(desc(voteEvents.date), desc(voteEvents.id));
  return rows.map((r) => ({ event: toSummary(r as SummaryRow), vote: r.vote }));
}
