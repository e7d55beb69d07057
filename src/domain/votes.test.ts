import { describe, expect, it } from "vitest";
import {
  countVotes,
  displayVoteTitle,
  hasTotalsMismatch,
  isDecisionVote,
  listVoteShifts,
  normaliseVoetenSymbol,
  tabulateVoteTransitions,
  voteEventIdOf,
  voteEventPath,
} from "./votes.js";

describe("vote events", () => {
  it("turns Voeten resolution codes into UN document symbols", () => {
    expect(normaliseVoetenSymbol("R/73/27")).toBe("A/RES/73/27");
    expect(normaliseVoetenSymbol("A/RES/74/247")).toBe("A/RES/74/247");
    expect(normaliseVoetenSymbol("R/54/54D")).toBe("A/RES/54/54 D");
    expect(normaliseVoetenSymbol("R/2/181")).toBeNull();
    expect(normaliseVoetenSymbol("R/18/1883")).toBe("A/RES/1883(XVIII)");
    expect(normaliseVoetenSymbol("R/19/595", 14)).toBeNull();
    // A decision: no UN symbol in either source, so none is made (issue 15).
    expect(normaliseVoetenSymbol("R/39/412")).toBeNull();
    expect(normaliseVoetenSymbol("R/32/450B")).toBeNull();
    expect(normaliseVoetenSymbol("R/69/320")).toBe("A/RES/69/320");
    expect(normaliseVoetenSymbol("SS/1/175")).toBeNull();
    expect(normaliseVoetenSymbol("ESS/5/41")).toBeNull();
    expect(normaliseVoetenSymbol("R/26/2758")).toBe("A/RES/2758(XXVI)");
    expect(normaliseVoetenSymbol("ESS/10/2")).toBe("A/RES/ES-10/2");
    expect(normaliseVoetenSymbol("R/20/2131A")).toBeNull();
    expect(normaliseVoetenSymbol("R/1/66/XII")).toBeNull();
  });

  it("tells a vote on a decision (sessions 31–56 numbered decisions from 301) by the source's code", () => {
    expect(isDecisionVote({ sourceSymbol: "R/39/412" })).toBe(true);
    expect(isDecisionVote({ sourceSymbol: "R/32/450B" })).toBe(true);
    expect(isDecisionVote({ sourceSymbol: "R/39/148" })).toBe(false);
    // Resolution numbers passed 300 from session 57 (57/300); before session 31 they ran consecutively.
    expect(isDecisionVote({ sourceSymbol: "R/69/320" })).toBe(false);
    expect(isDecisionVote({ sourceSymbol: "R/26/2758" })).toBe(false);
    expect(isDecisionVote({ sourceSymbol: "A/RES/74/247" })).toBe(false);
    expect(isDecisionVote({ sourceSymbol: null })).toBe(false);
  });

  it("counts a vote vector and flags totals that differ from the reported ones", () => {
    expect(countVotes("YYNAX--Y")).toEqual({ yes: 3, no: 1, abstain: 1, absent: 1 });
    expect(hasTotalsMismatch({ yes: 100, no: 9, abstain: 59 }, { yes: 100, no: 9, abstain: 58, absent: 0 })).toBe(true);
    expect(hasTotalsMismatch(null, { yes: 1, no: 0, abstain: 0, absent: 0 })).toBe(false);
  });

  it("lists the voters that moved between two vote events", () => {
    const voters = [
      { code: "AAA", name: "A", position: 0 },
      { code: "BBB", name: "B", position: 1 },
      { code: "CCC", name: "C", position: 2 },
    ];
    expect(listVoteShifts(voters, "YAN", "AAN")).toEqual([{ code: "AAA", name: "A", from: "yes", to: "abstain" }]);
    expect(listVoteShifts(voters, "Y", "YN")).toEqual([{ code: "BBB", name: "B", from: null, to: "no" }]);
  });

  it("keeps the slashes of a symbol in its path", () => {
    expect(voteEventPath("A/RES/54/54 D")).toBe("A/RES/54/54%20D");
  });
});

describe("vote comparison, ids typed by readers and list titles (issue 17)", () => {
  it("reads a short or lower-case symbol as the event id and keeps other ids", () => {
    expect(voteEventIdOf("73/187")).toBe("A/RES/73/187");
    expect(voteEventIdOf(" a/res/74/247 ")).toBe("A/RES/74/247");
    expect(voteEventIdOf("A/DEC/39/412")).toBe("A/DEC/39/412");
    expect(voteEventIdOf("RC-319")).toBe("RC-319");
  });

  it("drops the catalogue's suffix, even cut short, and puts all-capital titles in sentence case", () => {
    expect(
      displayVoteTitle(
        "Countering the use of information and communications technologies for criminal purposes : resolution / adopted by the General Assembly",
      ),
    ).toBe("Countering the use of information and communications technologies for criminal purposes");
    expect(displayVoteTitle("A new agenda : resolut")).toBe("A new agenda");
    expect(displayVoteTitle("Rights : a survey")).toBe("Rights : a survey");
    expect(displayVoteTitle("AMENDMENTS, RULES OF PROCEDURE")).toBe("Amendments, rules of procedure");
    expect(displayVoteTitle("ASSISTANCE TO UNRWA")).toBe("Assistance to UNRWA");
  });

  it("tabulates cast votes from→to and keeps absences and missing data apart as presence changes", () => {
    const voters = ["AAA", "BBB", "CCC", "DDD", "EEE"].map((code, position) => ({ code, name: code, position }));
    const t = tabulateVoteTransitions(voters, "YYAX-", "YNXA-");
    expect(t.cells.yes.yes.map((v) => v.code)).toEqual(["AAA"]);
    expect(t.cells.yes.no.map((v) => v.code)).toEqual(["BBB"]);
    expect(t.changes).toEqual([{ code: "BBB", name: "BBB", from: "yes", to: "no" }]);
    expect(t.presenceChanges.map((s) => [s.code, s.from, s.to])).toEqual([
      ["CCC", "abstain", "absent"],
      ["DDD", "absent", "abstain"],
    ]);
  });
});
