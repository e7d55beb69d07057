import { describe, expect, it } from "vitest";
import {
  computeRollup,
  formatPercent,
  shadeOf,
  type RollupGroup,
  type StateEvidenceFact,
} from "./implementation-rollup.js";

// Synthetic groups and evidence facts (not real data), small enough to compute the expected shares by hand.
const groups: RollupGroup[] = [
  { key: "group:A", kind: "un-regional-group", id: "A", label: "Group A", memberIso3s: ["AAA", "BBB", "CCC", "DDD"] },
  { key: "organization:X", kind: "organization", id: "X", label: "Org X", memberIso3s: ["BBB", "EEE"] },
  { key: "organization:EMPTY", kind: "organization", id: "EMPTY", label: "Empty", memberIso3s: [] },
];
const items = [
  { id: "13c", code: "13(c)", shortTitle: "c" },
  { id: "13g", code: "13(g)", shortTitle: "g" },
];
const facts: StateEvidenceFact[] = [
  { stateIso3: "AAA", itemId: "13c", status: "implemented" },
  { stateIso3: "AAA", itemId: "13c", status: "planned" },
  { stateIso3: "BBB", itemId: "13c", status: "in-progress" },
  { stateIso3: "EEE", itemId: "13c", status: "implemented" },
  { stateIso3: "CCC", itemId: "13g", status: "regressed" },
  { stateIso3: "ZZZ", itemId: "13g", status: "implemented" },
];

describe("regional roll-up arithmetic", () => {
  const rollup = computeRollup(groups, items, facts);
  const cell = (group: number, item: number) => rollup.rows[group]!.cells[item]!;

  it("counts each State once per item: States with any evidence and with implemented evidence over the group size", () => {
    // Group A on 13(c): AAA (implemented and planned) and BBB (in progress) → any 2/4, implemented 1/4.
    expect(cell(0, 0)).toEqual({
      itemId: "13c",
      groupSize: 4,
      statesWithAny: 2,
      statesImplemented: 1,
      coverageAny: 0.5,
      coverageImplemented: 0.25,
    });
    // Group A on 13(g): only CCC (regressed); ZZZ is not a member → any 1/4, implemented 0.
    expect(cell(0, 1)).toEqual({
      itemId: "13g",
      groupSize: 4,
      statesWithAny: 1,
      statesImplemented: 0,
      coverageAny: 0.25,
      coverageImplemented: 0,
    });
  });

  it("counts a State in every group it belongs to", () => {
    // Org X on 13(c): BBB (in progress) and EEE (implemented) → any 2/2, implemented 1/2.
    expect(cell(1, 0)).toMatchObject({
      groupSize: 2,
      statesWithAny: 2,
      statesImplemented: 1,
      coverageAny: 1,
      coverageImplemented: 0.5,
    });
  });

  it("gives an empty group zero coverage rather than dividing by zero", () => {
    expect(cell(2, 0)).toMatchObject({ groupSize: 0, statesWithAny: 0, coverageAny: 0, coverageImplemented: 0 });
  });

  it("keeps the order of groups and items", () => {
    expect(rollup.rows.map((r) => r.group.id)).toEqual(["A", "X", "EMPTY"]);
    expect(rollup.rows[0]!.cells.map((c) => c.itemId)).toEqual(["13c", "13g"]);
  });

  it("shades by fifths and never shows a non-zero share as none", () => {
    expect([0, 0.01, 0.2, 0.21, 0.5, 1].map(shadeOf)).toEqual([0, 1, 1, 2, 3, 5]);
    expect(formatPercent(1 / 3)).toBe("33%");
  });
});
