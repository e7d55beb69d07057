import { describe, expect, it } from "vitest";
import {
  buildAlignmentIndex,
  compareVoters,
  computeAgreementMatrix,
  countSelected,
  selectEvents,
} from "./alignment.js";
import { clusterVoters, cutIntoBlocs } from "./alignment-clusters.js";
import { computeGroupCohesion, listDefections } from "./alignment-groups.js";

const voters = ["AAA", "BBB", "CCC", "DDD"].map((code) => ({ code, name: code, stateIso3: code }));
// Columns are voters AAA BBB CCC DDD.
const events = [
  { id: "e1", date: "2018-12-05", session: 73, cyberTopic: "ict-security" as const, votes: "YYNA" },
  { id: "e2", date: "2018-12-06", session: 73, cyberTopic: null, votes: "YAN-" },
  { id: "e3", date: "2019-12-12", session: 74, cyberTopic: "cybercrime" as const, votes: "NNYX" },
  { id: "e4", date: "2019-12-13", session: 74, cyberTopic: null, votes: "AYY" },
];

describe("agreement index", () => {
  const index = buildAlignmentIndex(voters, events);
  const all = selectEvents(index);

  it("scores same vote 1, one abstention 0.5, yes against no 0, and leaves out absences", () => {
    // AAA vs BBB: e1 same, e2 yes/abstain, e3 same, e4 abstain/yes → (2 + 0.5·2) / 4
    expect(compareVoters(index, 0, 1, all)).toEqual({ agreement: 0.75, events: 4, same: 2, half: 2, opposite: 0 });
    // AAA vs CCC: e1 Y/N, e2 Y/N, e3 N/Y, e4 A/Y → 0.5 / 4
    expect(compareVoters(index, 0, 2, all).agreement).toBe(0.125);
    // DDD is absent on e3 and has no data on e2 and e4: only e1 counts.
    expect(compareVoters(index, 0, 3, all)).toEqual({ agreement: 0.5, events: 1, same: 0, half: 1, opposite: 0 });
  });

  it("gives a voter agreement 1 with itself and a symmetric matrix", () => {
    const matrix = computeAgreementMatrix(index, ["AAA", "BBB", "CCC", "DDD"], all);
    for (let i = 0; i < 4; i++) {
      expect(matrix.values[i * 4 + i]).toBe(1);
      for (let j = 0; j < 4; j++) expect(matrix.values[i * 4 + j]).toBe(matrix.values[j * 4 + i]);
    }
    expect(matrix.values[1]).toBe(0.75);
  });

  it("restricts to cyber votes and to a session range", () => {
    expect(countSelected(selectEvents(index, { isCyberOnly: true }))).toBe(2);
    expect(countSelected(selectEvents(index, { sessionFrom: 74, sessionTo: 74 }))).toBe(2);
    expect(compareVoters(index, 0, 2, selectEvents(index, { isCyberOnly: true })).agreement).toBe(0);
  });

  it("works across more than 32 events (several bitset words)", () => {
    const many = Array.from({ length: 70 }, (_, i) => ({
      id: `m${i}`,
      date: "2000-01-01",
      session: 55,
      cyberTopic: null,
      votes: i % 2 ? "YY" : "YN",
    }));
    const big = buildAlignmentIndex(voters.slice(0, 2), many);
    expect(compareVoters(big, 0, 1, selectEvents(big))).toEqual({
      agreement: 0.5,
      events: 70,
      same: 35,
      half: 0,
      opposite: 35,
    });
  });

  it("clusters voters that agree into the same bloc", () => {
    const blocIndex = buildAlignmentIndex(voters, [
      { id: "b1", date: "2000-01-01", session: 55, cyberTopic: null, votes: "YNYN" },
      { id: "b2", date: "2000-01-02", session: 55, cyberTopic: null, votes: "NYNY" },
      { id: "b3", date: "2000-01-03", session: 55, cyberTopic: null, votes: "YNYA" },
    ]);
    const matrix = computeAgreementMatrix(blocIndex, ["AAA", "BBB", "CCC", "DDD"], selectEvents(blocIndex));
    const clustering = clusterVoters(matrix);
    expect(clustering.merges).toHaveLength(3);
    expect(clustering.merges[0]).toMatchObject({ left: 0, right: 2, height: 0 });
    const blocs = cutIntoBlocs(clustering, 2);
    expect(blocs[0]).toBe(blocs[2]);
    expect(blocs[1]).toBe(blocs[3]);
    expect(blocs[0]).not.toBe(blocs[1]);
  });

  it("measures group cohesion and lists members who voted against the group majority", () => {
    expect(computeGroupCohesion(index, ["AAA", "BBB"], all).cohesion).toBe(0.75);
    const defections = listDefections(index, ["AAA", "BBB", "CCC"], all);
    // e1: Y,Y,N → CCC against a yes majority; e2: Y,A,N → no majority; e3: N,N,Y → CCC; e4: A,Y,Y → AAA.
    expect(defections.map((d) => `${d.eventId}:${d.voter}:${d.vote}/${d.groupMajority}`)).toEqual([
      "e4:AAA:abstain/yes",
      "e3:CCC:yes/no",
      "e1:CCC:no/yes",
    ]);
  });
});
