// One vote event with every voter's position and tallies by UN regional group and by organisation; also CSV rows.
import type { Db } from "../db/client.js";
import { getVoteEvent, listOrganizationMembers, listVoters, type VoterDetail } from "../db/votes.js";
import {
  listVoteShifts,
  membersOnDate,
  tabulateVoteTransitions,
  voteEventIdOf,
  voteOptionOf,
  type VoteEvent,
  type VoterPosition,
  type VoteShift,
  type VoteTransitions,
} from "../domain/votes.js";
import { UN_REGIONAL_GROUP_LABELS, UN_REGIONAL_GROUPS, type VoteOption } from "../domain/vocabulary.js";

/** Organisations shown in every breakdown (ids of the organizations table), in this order. */
export const BREAKDOWN_ORGANIZATIONS = [
  "EU",
  "AFUNION",
  "ASEAN",
  "OAS",
  "OSCE",
  "NATO",
  "CSTO",
  "SCO",
  "LAS",
  "CARICOM",
  "CCASG",
  "PIF",
];

export interface GroupTally {
  id: string;
  name: string;
  members: number;
  yes: number;
  no: number;
  abstain: number;
  absent: number;
  /** Organisations only: whether `members` are those on the day of the vote (dated memberships) or today's. */
  isAtVoteDate?: boolean;
}

export interface VoteEventDetail {
  event: VoteEvent;
  positions: VoterPosition[];
  byRegionalGroup: GroupTally[];
  byOrganization: GroupTally[];
}

const voterCache = new WeakMap<Db, Promise<VoterDetail[]>>();

/** Voters change only with the seed; read them once per database handle. */
export function listVotersCached(db: Db): Promise<VoterDetail[]> {
  let voters = voterCache.get(db);
  if (!voters) {
    voters = listVoters(db);
    voterCache.set(db, voters);
    voters.catch(() => voterCache.delete(db));
  }
  return voters;
}

export function positionsOf(event: Pick<VoteEvent, "votes">, voters: VoterDetail[]): VoterPosition[] {
  const out: VoterPosition[] = [];
  for (const v of voters) {
    const vote = voteOptionOf(event.votes[v.position]);
    if (!vote) continue;
    out.push({
      code: v.code,
      name: v.name,
      stateIso3: v.stateIso3,
      isoNumeric: v.isoNumeric,
      unRegionalGroup: v.unRegionalGroup,
      vote,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

function tally(id: string, name: string, members: Set<string>, positions: VoterPosition[]): GroupTally {
  const t: GroupTally = { id, name, members: members.size, yes: 0, no: 0, abstain: 0, absent: 0 };
  for (const p of positions) if (p.stateIso3 && members.has(p.stateIso3)) t[p.vote]++;
  return t;
}

export async function getVoteEventDetail(
  db: Db,
  id: string,
  organizationIds = BREAKDOWN_ORGANIZATIONS,
): Promise<VoteEventDetail> {
  const event = await getVoteEvent(db, voteEventIdOf(id));
  const voters = await listVotersCached(db);
  const positions = positionsOf(event, voters);
  const byRegionalGroup = UN_REGIONAL_GROUPS.map((g) =>
    tally(
      g,
      UN_REGIONAL_GROUP_LABELS[g],
      new Set(voters.filter((v) => v.unRegionalGroup === g).map((v) => v.stateIso3!)),
      positions,
    ),
  );
  const organizations = await listOrganizationMembers(db, organizationIds);
  const byOrganization = organizations.map((o) => {
    const members = membersOnDate(o, event.date);
    return {
      ...tally(o.id, o.abbreviation ?? o.name, new Set(members.iso3), positions),
      isAtVoteDate: members.isAtVoteDate,
    };
  });
  return { event, positions, byRegionalGroup, byOrganization };
}

export interface VoteComparison {
  /** The earlier event (by date, then id), whatever order the two were asked in. */
  a: VoteEvent;
  b: VoteEvent;
  /** True when the events were asked later-first and are shown in date order. */
  isReordered: boolean;
  /** Every voter whose position differs, presence changes included (kept for API readers). */
  shifts: VoteShift[];
  /** Counts of moves by kind, e.g. "yes→abstain": 12. */
  moves: Record<string, number>;
  /** Cast votes from→to, changes of vote, and presence changes apart. */
  transitions: VoteTransitions;
}

/** How voters moved between two vote events, earlier first (73/187 → 74/247), with changes of vote apart from presence changes. */
export async function compareVoteEvents(db: Db, idA: string, idB: string): Promise<VoteComparison> {
  const [first, second] = [await getVoteEvent(db, voteEventIdOf(idA)), await getVoteEvent(db, voteEventIdOf(idB))];
  const isReordered =
    first.date > second.date ||
    (first.date === second.date && first.id.localeCompare(second.id, "en", { numeric: true }) > 0);
  const [a, b] = isReordered ? [second, first] : [first, second];
  const voters = await listVotersCached(db);
  const shifts = listVoteShifts(voters, a.votes, b.votes).sort((x, y) => x.name.localeCompare(y.name));
  const moves: Record<string, number> = {};
  for (const s of shifts) {
    const key = `${label(s.from)}→${label(s.to)}`;
    moves[key] = (moves[key] ?? 0) + 1;
  }
  return { a, b, isReordered, shifts, moves, transitions: tabulateVoteTransitions(voters, a.votes, b.votes) };
}

function label(option: VoteOption | null): string {
  return option ?? "no data";
}

export const VOTE_EVENT_CSV_COLUMNS = [
  "vote_event_id",
  "symbol",
  "date",
  "session",
  "voter_code",
  "state_iso3",
  "name",
  "un_regional_group",
  "vote",
] as const;

/** One row per voter, in VOTE_EVENT_CSV_COLUMNS order. */
export function voteEventCsvRows(detail: VoteEventDetail): (string | number | null)[][] {
  const e = detail.event;
  return detail.positions.map((p) => [
    e.id,
    e.symbol,
    e.date,
    e.session,
    p.code,
    p.stateIso3,
    p.name,
    p.unRegionalGroup,
    p.vote,
  ]);
}
