// Major voting blocs (clusters of a useful size, not one-State "blocs") and the States between them, ranked.
import type { AgreementMatrix } from "./alignment.js";
import { cutIntoBlocs, type Clustering } from "./alignment-clusters.js";

/** Permanent members of the Security Council: a bloc that holds one is named after it, as readers know blocs. */
const NAMED_MEMBERS = ["USA", "RUS", "CHN", "FRA", "GBR"];

export interface Bloc {
  /** 0-based, in heatmap order. */
  number: number;
  /** "A", "B", … */
  letter: string;
  /** e.g. "with United States, France, United Kingdom" or, without a permanent member, its three most central members. */
  name: string;
  /** Matrix indices, in heatmap order. */
  members: number[];
  /** Mean agreement between its members. */
  cohesion: number | null;
}

export interface BlocPartition {
  blocs: Bloc[];
  /** Per matrix index: its bloc's number, or −1 when it belongs to none of the major blocs. */
  blocOf: number[];
}

function meanAgreement(matrix: AgreementMatrix, i: number, others: number[]): number | null {
  const n = matrix.codes.length;
  let sum = 0;
  let count = 0;
  for (const j of others) {
    if (j === i) continue;
    const v = matrix.values[i * n + j]!;
    if (Number.isNaN(v)) continue;
    sum += v;
    count++;
  }
  return count === 0 ? null : sum / count;
}

/**
 * Cuts the dendrogram at the fewest clusters that give `count` clusters of at least `minSize` States; States in
 * smaller clusters belong to no bloc (they are what the between-blocs ranking is about). Fewer blocs when the tree
 * never yields that many.
 */
export function findMajorBlocs(
  matrix: AgreementMatrix,
  clustering: Clustering,
  names: string[],
  groups: (string | null)[] = [],
  count = 3,
  minSize = 8,
): BlocPartition {
  const n = matrix.codes.length;
  let cut: number[] = new Array<number>(n).fill(0);
  for (let k = 1; k <= Math.min(n, 40); k++) {
    cut = cutIntoBlocs(clustering, k);
    const sizes = new Map<number, number>();
    for (const b of cut) sizes.set(b, (sizes.get(b) ?? 0) + 1);
    if ([...sizes.values()].filter((s) => s >= minSize).length >= count) break;
  }
  const sizes = new Map<number, number>();
  for (const b of cut) sizes.set(b, (sizes.get(b) ?? 0) + 1);
  const major = [...new Set(clustering.order.map((i) => cut[i]!))].filter((b) => sizes.get(b)! >= minSize);
  const numberOf = new Map(major.map((b, i) => [b, i]));
  const blocOf = cut.map((b) => numberOf.get(b) ?? -1);
  const blocs = major.map((_, number) => {
    const members = clustering.order.filter((i) => blocOf[i] === number);
    const named = NAMED_MEMBERS.map((code) => members.find((i) => matrix.codes[i] === code)).filter(
      (i): i is number => i !== undefined,
    );
    const central = [...members]
      .sort((x, y) => (meanAgreement(matrix, y, members) ?? 0) - (meanAgreement(matrix, x, members) ?? 0))
      .slice(0, 3);
    const label = (named.length ? named : central).map((i) => names[i]!).join(", ");
    const composition = largestGroup(members.map((i) => groups[i] ?? null));
    let sum = 0;
    let pairs = 0;
    for (const i of members) {
      const m = meanAgreement(matrix, i, members);
      if (m !== null) {
        sum += m;
        pairs++;
      }
    }
    return {
      number,
      letter: String.fromCharCode(65 + number),
      name: named.length ? `with ${label}` : composition ? `${composition}; around ${label}` : `around ${label}`,
      members,
      cohesion: pairs ? sum / pairs : null,
    };
  });
  return { blocs, blocOf };
}

/** "mostly African Group (52 of 126)" when one group is the largest share of a bloc's members. */
function largestGroup(groups: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const g of groups) if (g) counts.set(g, (counts.get(g) ?? 0) + 1);
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return top ? `largest share ${top[0]} (${top[1]} of ${groups.length})` : null;
}

export interface BetweenBlocsRow {
  index: number;
  code: string;
  name: string;
  /** Its own bloc's number, or −1. */
  bloc: number;
  /** Mean agreement with each bloc's members (itself left out), in bloc order; null when no shared vote. */
  agreements: (number | null)[];
  /** Highest minus second-highest agreement: small means between blocs. */
  gap: number;
}

/** Every State with its agreement with each bloc, those closest to two blocs at once first. */
export function rankBetweenBlocs(
  matrix: AgreementMatrix,
  partition: BlocPartition,
  names: string[],
): BetweenBlocsRow[] {
  if (partition.blocs.length < 2) return [];
  const rows = matrix.codes.map((code, index) => {
    const agreements = partition.blocs.map((b) => meanAgreement(matrix, index, b.members));
    const known = agreements.filter((a): a is number => a !== null).sort((x, y) => y - x);
    const gap = known.length >= 2 ? known[0]! - known[1]! : Number.POSITIVE_INFINITY;
    return { index, code, name: names[index]!, bloc: partition.blocOf[index]!, agreements, gap };
  });
  return rows.filter((r) => Number.isFinite(r.gap)).sort((x, y) => x.gap - y.gap || x.name.localeCompare(y.name));
}

/** Mean agreement between the members of every two blocs (the diagonal: cohesion). */
export function computeBlocAgreement(matrix: AgreementMatrix, partition: BlocPartition): (number | null)[][] {
  return partition.blocs.map((a) =>
    partition.blocs.map((b) => {
      let sum = 0;
      let count = 0;
      for (const i of a.members) {
        const m = meanAgreement(matrix, i, b.members);
        if (m !== null) {
          sum += m;
          count++;
        }
      }
      return count ? sum / count : null;
    }),
  );
}
