// Blocs of voters by hierarchical clustering (average linkage, UPGMA) on 1 − agreement, with the leaf order for an ordered heatmap.
import type { AgreementMatrix } from "./alignment.js";

export interface DendrogramMerge {
  /** Node ids: 0…n−1 are leaves (matrix order), n + k is the k-th merge. */
  left: number;
  right: number;
  /** Average distance (1 − agreement) between the two merged clusters. */
  height: number;
  size: number;
}

export interface Clustering {
  codes: string[];
  merges: DendrogramMerge[];
  /** Matrix indices in dendrogram leaf order: similar voters end up next to each other. */
  order: number[];
}

/**
 * UPGMA on the distance 1 − agreement. A pair with no shared vote gets distance 1 (no evidence of agreement).
 * O(n³) on n ≤ ~200 voters: a few million steps, done per request.
 */
export function clusterVoters(matrix: AgreementMatrix): Clustering {
  const n = matrix.codes.length;
  const distance = (i: number, j: number) => {
    const v = matrix.values[i * n + j]!;
    return Number.isNaN(v) ? 1 : 1 - v;
  };
  // Cluster-to-cluster distances for the active clusters, by node id.
  const dist = new Map<number, Map<number, number>>();
  const size = new Map<number, number>();
  const active: number[] = [];
  for (let i = 0; i < n; i++) {
    active.push(i);
    size.set(i, 1);
    const row = new Map<number, number>();
    for (let j = 0; j < n; j++) if (j !== i) row.set(j, distance(i, j));
    dist.set(i, row);
  }
  const merges: DendrogramMerge[] = [];
  while (active.length > 1) {
    let best = Infinity;
    let bi = -1;
    let bj = -1;
    for (let x = 0; x < active.length; x++) {
      const a = active[x]!;
      const row = dist.get(a)!;
      for (let y = x + 1; y < active.length; y++) {
        const d = row.get(active[y]!)!;
        if (d < best) {
          best = d;
          bi = a;
          bj = active[y]!;
        }
      }
    }
    const id = n + merges.length;
    const si = size.get(bi)!;
    const sj = size.get(bj)!;
    merges.push({ left: bi, right: bj, height: best, size: si + sj });
    const row = new Map<number, number>();
    for (const c of active) {
      if (c === bi || c === bj) continue;
      const d = (dist.get(bi)!.get(c)! * si + dist.get(bj)!.get(c)! * sj) / (si + sj);
      row.set(c, d);
      dist.get(c)!.set(id, d);
      dist.get(c)!.delete(bi);
      dist.get(c)!.delete(bj);
    }
    dist.delete(bi);
    dist.delete(bj);
    dist.set(id, row);
    size.set(id, si + sj);
    active.splice(active.indexOf(bi), 1);
    active.splice(active.indexOf(bj), 1);
    active.push(id);
  }
  return { codes: matrix.codes, merges, order: leafOrder(n, merges) };
}

function leafOrder(n: number, merges: DendrogramMerge[]): number[] {
  if (n === 0) return [];
  const order: number[] = [];
  const stack = [n + merges.length - 1];
  while (stack.length) {
    const node = stack.pop()!;
    if (node < n) order.push(node);
    else {
      const m = merges[node - n]!;
      stack.push(m.right, m.left);
    }
  }
  return order;
}

/** Cuts the tree into `k` blocs; returns each matrix index's bloc number (0-based, in leaf order of first appearance). */
export function cutIntoBlocs(clustering: Clustering, k: number): number[] {
  const n = clustering.codes.length;
  const parent = new Int32Array(n + clustering.merges.length).map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const keep = Math.max(0, clustering.merges.length - (Math.max(1, k) - 1));
  clustering.merges.slice(0, keep).forEach((m, i) => {
    parent[find(m.left)] = n + i;
    parent[find(m.right)] = n + i;
  });
  const bloc = new Array<number>(n);
  const numbers = new Map<number, number>();
  for (const leaf of clustering.order) {
    const root = find(leaf);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    bloc[leaf] = numbers.get(root)!;
  }
  return bloc;
}
