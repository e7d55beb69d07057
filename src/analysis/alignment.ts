// Agreement between voters over a set of vote events, computed in memory on bitsets.
//
// Agreement index of two voters over the selected events where both voted yes, no or abstain (events where either
// is absent, not recorded or not a member are left out):
//   agreement = (same + 0.5 × half) / n
// where same = both cast the same vote, half = one abstained and the other voted yes or no, n = events counted;
// yes against no scores 0. Equivalently, with yes = 2, abstain = 1, no = 0: agreement = 1 − Σ|a − b| / (2n).
// That identity is how it is computed: |a − b| = [a ≥ 1 ≠ b ≥ 1] + [a ≥ 2 ≠ b ≥ 2], so three bitsets per voter
// (voted, yes-or-abstain, yes) and three popcounts per 32 events give any pair in a few hundred operations.
import type { ResolutionTopic } from "../domain/vocabulary.js";

export interface AlignmentVoter {
  code: string;
  name: string;
  stateIso3: string | null;
}

export interface AlignmentEvent {
  id: string;
  date: string;
  session: number;
  cyberTopic: ResolutionTopic | null;
}

export interface AlignmentIndex {
  voters: AlignmentVoter[];
  events: AlignmentEvent[];
  /** Number of 32-bit words per voter bitset. */
  words: number;
  /** Per voter (voter × words): voted yes/no/abstain; voted yes or abstain; voted yes. */
  voted: Uint32Array;
  yesOrAbstain: Uint32Array;
  yes: Uint32Array;
  /** Raw vote codes, event-major (event × voters): the characters of the stored vectors. */
  codes: Uint8Array;
  positionOf: Map<string, number>;
}

export interface EventSelection {
  isCyberOnly?: boolean | undefined;
  sessionFrom?: number | undefined;
  sessionTo?: number | undefined;
  /** Only these events (ids), when given. */
  eventIds?: string[] | undefined;
}

const Y = 89; // "Y"
const N = 78; // "N"
const A = 65; // "A"

/** Builds the index from each event's vote vector (one character per voter, in voter order). */
export function buildAlignmentIndex(
  voters: AlignmentVoter[],
  events: (AlignmentEvent & { votes: string })[],
): AlignmentIndex {
  const words = Math.max(1, Math.ceil(events.length / 32));
  const size = voters.length * words;
  const voted = new Uint32Array(size);
  const yesOrAbstain = new Uint32Array(size);
  const yes = new Uint32Array(size);
  const codes = new Uint8Array(events.length * voters.length).fill(45); // "-"
  events.forEach((event, e) => {
    const word = e >>> 5;
    const bit = 1 << (e & 31);
    const row = e * voters.length;
    const length = Math.min(event.votes.length, voters.length);
    for (let v = 0; v < length; v++) {
      const c = event.votes.charCodeAt(v);
      codes[row + v] = c;
      const at = v * words + word;
      if (c === Y || c === A || c === N) voted[at]! |= bit;
      if (c === Y || c === A) yesOrAbstain[at]! |= bit;
      if (c === Y) yes[at]! |= bit;
    }
  });
  return {
    voters,
    events: events.map(({ votes: _v, ...e }) => e),
    words,
    voted,
    yesOrAbstain,
    yes,
    codes,
    positionOf: new Map(voters.map((v, i) => [v.code, i])),
  };
}

/** The selected events as a bitset over the index's events. */
export function selectEvents(index: AlignmentIndex, selection: EventSelection = {}): Uint32Array {
  const mask = new Uint32Array(index.words);
  const ids = selection.eventIds ? new Set(selection.eventIds) : null;
  index.events.forEach((e, i) => {
    if (selection.isCyberOnly && e.cyberTopic === null) return;
    if (selection.sessionFrom !== undefined && e.session < selection.sessionFrom) return;
    if (selection.sessionTo !== undefined && e.session > selection.sessionTo) return;
    if (ids && !ids.has(e.id)) return;
    mask[i >>> 5]! |= 1 << (i & 31);
  });
  return mask;
}

export function countSelected(mask: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < mask.length; w++) n += popcount(mask[w]!);
  return n;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export interface PairAgreement {
  /** null when the two never voted (yes/no/abstain) on the same selected event. */
  agreement: number | null;
  /** Events counted: both voted yes, no or abstain. */
  events: number;
  same: number;
  /** One abstained, the other voted yes or no. */
  half: number;
  /** Yes against no. */
  opposite: number;
}

export function compareVoters(index: AlignmentIndex, a: number, b: number, mask: Uint32Array): PairAgreement {
  const { words, voted, yesOrAbstain, yes } = index;
  const ai = a * words;
  const bi = b * words;
  let n = 0;
  let opposite = 0;
  let diff = 0;
  for (let w = 0; w < words; w++) {
    const m = voted[ai + w]! & voted[bi + w]! & mask[w]!;
    if (m === 0) continue;
    const d1 = m & (yesOrAbstain[ai + w]! ^ yesOrAbstain[bi + w]!);
    const d2 = m & (yes[ai + w]! ^ yes[bi + w]!);
    n += popcount(m);
    diff += popcount(d1) + popcount(d2);
    opposite += popcount(d1 & d2);
  }
  const half = diff - 2 * opposite;
  return { agreement: n === 0 ? null : 1 - diff / (2 * n), events: n, same: n - half - opposite, half, opposite };
}

export interface AgreementMatrix {
  codes: string[];
  /** Row-major n × n; NaN where the pair shares no counted event. */
  values: Float64Array;
  /** Row-major n × n: events counted for each pair. */
  counts: Uint32Array;
}

/** Agreement of every pair among `codes` over the selected events; symmetric by construction. */
export function computeAgreementMatrix(index: AlignmentIndex, codes: string[], mask: Uint32Array): AgreementMatrix {
  const n = codes.length;
  const { words, voted, yesOrAbstain, yes } = index;
  const values = new Float64Array(n * n).fill(Number.NaN);
  const counts = new Uint32Array(n * n);
  const positions = codes.map((c) => {
    const p = index.positionOf.get(c);
    if (p === undefined) throw new Error(`unknown voter ${c}`);
    return p;
  });
  // Each voter's votes already restricted to the selection, and the word range where it has any.
  const masked = new Uint32Array(n * words);
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  positions.forEach((p, i) => {
    lo[i] = words;
    hi[i] = -1;
    for (let w = 0; w < words; w++) {
      const m = voted[p * words + w]! & mask[w]!;
      masked[i * words + w] = m;
      if (m !== 0) {
        if (lo[i] === words) lo[i] = w;
        hi[i] = w;
      }
    }
  });
  for (let i = 0; i < n; i++) {
    const ai = positions[i]! * words;
    const mi = i * words;
    for (let j = i; j < n; j++) {
      const bi = positions[j]! * words;
      const mj = j * words;
      const from = Math.max(lo[i]!, lo[j]!);
      const to = Math.min(hi[i]!, hi[j]!);
      let count = 0;
      let diff = 0;
      for (let w = from; w <= to; w++) {
        const m = masked[mi + w]! & masked[mj + w]!;
        if (m === 0) continue;
        count += popcount(m);
        diff +=
          popcount(m & (yesOrAbstain[ai + w]! ^ yesOrAbstain[bi + w]!)) + popcount(m & (yes[ai + w]! ^ yes[bi + w]!));
      }
      const value = count === 0 ? Number.NaN : 1 - diff / (2 * count);
      values[i * n + j] = value;
      values[j * n + i] = value;
      counts[i * n + j] = count;
      counts[j * n + i] = count;
    }
  }
  return { codes, values, counts };
}
