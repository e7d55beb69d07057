// Regional roll-up of evidence: per UN regional group or organisation and per norm or CBM, the share of the
// group's States with published evidence (any status) and with evidence of status "implemented".
import type { Db } from "../db/client.js";
import { listRollupGroups, listStateEvidenceFacts } from "../db/evidence.js";
import { listFrameworkItems } from "../db/frameworks.js";
import type { RollupGroup, StateEvidenceFact } from "../domain/evidence.js";

export type { RollupGroup, StateEvidenceFact };

export const ROLLUP_RULE =
  "Coverage of an item in a group = States of the group with at least one published evidence record for the item (of status implemented, or of any status) ÷ States in the group. Evidence about organisations themselves is not counted.";

export interface RollupItem {
  id: string;
  code: string;
  shortTitle: string;
}

export interface RollupCell {
  itemId: string;
  groupSize: number;
  statesWithAny: number;
  statesImplemented: number;
  /** 0…1; 0 for an empty group. */
  coverageAny: number;
  coverageImplemented: number;
}

export interface RollupRow {
  group: RollupGroup;
  cells: RollupCell[];
}

export interface ImplementationRollup {
  items: RollupItem[];
  rows: RollupRow[];
}

/** The roll-up arithmetic: one row per group, one cell per item, in the order given. */
export function computeRollup(
  groups: RollupGroup[],
  items: RollupItem[],
  facts: StateEvidenceFact[],
): ImplementationRollup {
  const any = new Map<string, Set<string>>();
  const implemented = new Map<string, Set<string>>();
  for (const f of facts) {
    add(any, f.itemId, f.stateIso3);
    if (f.status === "implemented") add(implemented, f.itemId, f.stateIso3);
  }
  const rows = groups.map((group) => {
    const members = new Set(group.memberIso3s);
    const cells = items.map((item): RollupCell => {
      const withAny = countIn(any.get(item.id), members);
      const withImplemented = countIn(implemented.get(item.id), members);
      return {
        itemId: item.id,
        groupSize: members.size,
        statesWithAny: withAny,
        statesImplemented: withImplemented,
        coverageAny: ratio(withAny, members.size),
        coverageImplemented: ratio(withImplemented, members.size),
      };
    });
    return { group, cells };
  });
  return { items, rows };
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

function countIn(states: Set<string> | undefined, members: Set<string>): number {
  if (!states) return 0;
  let n = 0;
  for (const s of states) if (members.has(s)) n++;
  return n;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Shade bucket 0–5 for a heatmap cell: 0 is none, 1–5 are fifths (a non-zero share is never shown as none). */
export function shadeOf(coverage: number): number {
  if (coverage <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil(coverage * 5)));
}

export function formatPercent(coverage: number): string {
  return `${Math.round(coverage * 100)}%`;
}

/** Loads groups (the five UN regional groups, then regional organisations), the framework's items and the evidence, and rolls up. */
export async function loadImplementationRollup(
  db: Db,
  options: { frameworkId?: string | undefined } = {},
): Promise<ImplementationRollup> {
  const items = (await listFrameworkItems(db, options.frameworkId)).map((i) => ({
    id: i.id,
    code: i.code,
    shortTitle: i.shortTitle,
  }));
  return computeRollup(await listRollupGroups(db), items, await listStateEvidenceFacts(db));
}
