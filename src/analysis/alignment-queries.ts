// Alignment questions answered from the cached index: pair lookup, the member matrix with blocs, group cohesion, a State's closest voters.
import type { Db } from "../db/client.js";
import { listOrganizationMembers } from "../db/votes.js";
import { InvalidInputError, NotFoundError } from "../domain/errors.js";
import { UN_REGIONAL_GROUP_LABELS, UN_REGIONAL_GROUPS, type UnRegionalGroup } from "../domain/vocabulary.js";
import {
  compareVoters,
  computeAgreementMatrix,
  countSelected,
  selectEvents,
  type AgreementMatrix,
  type EventSelection,
  type PairAgreement,
} from "./alignment.js";
import { clusterVoters, cutIntoBlocs, type Clustering } from "./alignment-clusters.js";
import { computeGroupCohesion, listDefections, type Defection, type GroupCohesion } from "./alignment-groups.js";
import { getAlignmentIndex } from "./alignment-index.js";
import { listVotersCached } from "./vote-event-detail.js";

export interface AlignmentScope extends EventSelection {
  /** Selected vote events, for the record. */
  eventCount: number;
}

async function prepare(db: Db, selection: EventSelection) {
  const index = await getAlignmentIndex(db);
  const mask = selectEvents(index, selection);
  return { index, mask, scope: { ...selection, eventCount: countSelected(mask) } };
}

function positionOrThrow(index: { positionOf: Map<string, number> }, code: string): number {
  const p = index.positionOf.get(code.toUpperCase());
  if (p === undefined) throw new NotFoundError("Voter", code);
  return p;
}

export async function getPairAgreement(
  db: Db,
  a: string,
  b: string,
  selection: EventSelection,
): Promise<PairAgreement & { a: string; b: string; scope: AlignmentScope }> {
  const { index, mask, scope } = await prepare(db, selection);
  const result = compareVoters(index, positionOrThrow(index, a), positionOrThrow(index, b), mask);
  return { ...result, a: a.toUpperCase(), b: b.toUpperCase(), scope };
}

export interface MemberMatrix {
  matrix: AgreementMatrix;
  names: string[];
  clustering: Clustering;
  blocs: number[];
  scope: AlignmentScope;
  milliseconds: number;
}

/** The 193 Member States' agreement matrix over the selection, clustered into `blocCount` blocs. */
export async function getMemberMatrix(db: Db, selection: EventSelection, blocCount = 6): Promise<MemberMatrix> {
  const { index, mask, scope } = await prepare(db, selection);
  const started = performance.now();
  const members = index.voters.filter((v) => v.stateIso3 !== null);
  const matrix = computeAgreementMatrix(
    index,
    members.map((v) => v.code),
    mask,
  );
  const milliseconds = performance.now() - started;
  const clustering = clusterVoters(matrix);
  return {
    matrix,
    names: members.map((v) => v.name),
    clustering,
    blocs: cutIntoBlocs(clustering, blocCount),
    scope,
    milliseconds,
  };
}

export interface GroupAnalysis {
  id: string;
  name: string;
  cohesion: GroupCohesion;
  defections: Defection[];
  scope: AlignmentScope;
}

/** Members of a UN regional group (by code, e.g. WEOG) or of an organisation (by id, e.g. EU). */
export async function resolveGroup(db: Db, group: string): Promise<{ id: string; name: string; members: string[] }> {
  if ((UN_REGIONAL_GROUPS as readonly string[]).includes(group)) {
    const voters = await listVotersCached(db);
    return {
      id: group,
      name: UN_REGIONAL_GROUP_LABELS[group as UnRegionalGroup],
      members: voters.filter((v) => v.unRegionalGroup === group).map((v) => v.code),
    };
  }
  const [org] = await listOrganizationMembers(db, [group]);
  if (!org) throw new NotFoundError("Group", group);
  return { id: org.id, name: org.name, members: org.memberIso3 };
}

export async function getGroupAnalysis(db: Db, group: string, selection: EventSelection): Promise<GroupAnalysis> {
  const resolved = await resolveGroup(db, group);
  const { index, mask, scope } = await prepare(db, selection);
  return {
    ...resolved,
    cohesion: computeGroupCohesion(index, resolved.members, mask),
    defections: listDefections(index, resolved.members, mask),
    scope,
  };
}

export interface VoterAgreementRow {
  code: string;
  name: string;
  agreement: number;
  events: number;
}

/** Agreement of one voter with every Member State over the selection, highest first. */
export async function listVoterAgreements(
  db: Db,
  code: string,
  selection: EventSelection,
): Promise<{ rows: VoterAgreementRow[]; scope: AlignmentScope }> {
  const { index, mask, scope } = await prepare(db, selection);
  const self = positionOrThrow(index, code);
  const rows: VoterAgreementRow[] = [];
  index.voters.forEach((v, p) => {
    if (p === self || v.stateIso3 === null) return;
    const r = compareVoters(index, self, p, mask);
    if (r.agreement !== null) rows.push({ code: v.code, name: v.name, agreement: r.agreement, events: r.events });
  });
  return { rows: rows.sort((a, b) => b.agreement - a.agreement || a.name.localeCompare(b.name)), scope };
}

/** Validates a session range from user input. */
export function checkSessionRange(from: number | undefined, to: number | undefined): void {
  if (from !== undefined && to !== undefined && from > to)
    throw new InvalidInputError("session_from is after session_to", [
      { path: "session_from", message: "must not be after session_to" },
    ]);
}
