// Group analytics on the alignment index: cohesion of a group and its members' votes against the group's majority.
import { voteOptionOf } from "../domain/votes.js";
import type { VoteOption } from "../domain/vocabulary.js";
import { computeAgreementMatrix, type AlignmentIndex } from "./alignment.js";

export interface GroupCohesion {
  /** Mean agreement over all member pairs that share at least one counted event; null when none do. */
  cohesion: number | null;
  pairs: number;
  members: string[];
}

/** Cohesion of a group = mean pairwise agreement index of its members over the selected events. */
export function computeGroupCohesion(index: AlignmentIndex, members: string[], mask: Uint32Array): GroupCohesion {
  const known = members.filter((c) => index.positionOf.has(c));
  const matrix = computeAgreementMatrix(index, known, mask);
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < known.length; i++) {
    for (let j = i + 1; j < known.length; j++) {
      const v = matrix.values[i * known.length + j]!;
      if (Number.isNaN(v)) continue;
      sum += v;
      pairs++;
    }
  }
  return { cohesion: pairs === 0 ? null : sum / pairs, pairs, members: known };
}

export interface Defection {
  eventId: string;
  date: string;
  voter: string;
  vote: VoteOption;
  groupMajority: VoteOption;
  /** Members who voted yes, no or abstain on the event. */
  membersVoting: number;
}

/**
 * Members who voted otherwise than their group's majority: the option (yes, no or abstain) chosen by more than
 * half of the members who voted. Events without such a majority, and members absent, are not counted.
 */
export function listDefections(index: AlignmentIndex, members: string[], mask: Uint32Array): Defection[] {
  const positions = members.map((c) => index.positionOf.get(c)).filter((p): p is number => p !== undefined);
  const voterCount = index.voters.length;
  const out: Defection[] = [];
  index.events.forEach((event, e) => {
    if ((mask[e >>> 5]! & (1 << (e & 31))) === 0) return;
    const row = e * voterCount;
    const tally: Record<string, number> = { Y: 0, N: 0, A: 0 };
    for (const p of positions) {
      const c = String.fromCharCode(index.codes[row + p]!);
      if (c in tally) tally[c]!++;
    }
    const voting = tally["Y"]! + tally["N"]! + tally["A"]!;
    const majority = Object.entries(tally).find(([, n]) => n * 2 > voting)?.[0];
    if (!majority || voting < 2) return;
    for (const p of positions) {
      const c = String.fromCharCode(index.codes[row + p]!);
      if (c === majority || !(c in tally)) continue;
      out.push({
        eventId: event.id,
        date: event.date,
        voter: index.voters[p]!.code,
        vote: voteOptionOf(c)!,
        groupMajority: voteOptionOf(majority)!,
        membersVoting: voting,
      });
    }
  });
  return out.reverse();
}
