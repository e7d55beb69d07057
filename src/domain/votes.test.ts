import { describe, expect, it } from "vitest";
import { countVotes, hasTotalsMismatch, listVoteShifts, normaliseVoetenSymbol, voteEventPath } from "./votes.js";

describe("vote events", () => {
  it("turns Voeten resolution codes into UN document symbols", () => {
    expect(normaliseVoetenSymbol("R/73/27")).toBe("A/RES/73/27");
    expect(normaliseVoetenSymbol("A/RES/74/247")).toBe("A/RES/74/247");
    expect(normaliseVoetenSymbol("R/54/54D")).toBe("A/RES/54/54 D");
    expect(normaliseVoetenSymbol("R/2/181")).toBeNull();
    expect(normaliseVoetenSymbol("R/18/1883")).toBe("A/RES/1883(XVIII)");
    expect(normaliseVoetenSymbol("R/19/595", 14)).toBeNull();
    expect(normaliseVoetenSymbol("R/39/412")).toBe("A/DEC/39/412");
    expect(normaliseVoetenSymbol("R/69/320")).toBe("A/RES/69/320");
    expect(normaliseVoetenSymbol("SS/1/175")).toBeNull();
    expect(normaliseVoetenSymbol("ESS/5/41")).toBeNull();
    expect(normaliseVoetenSymbol("R/26/2758")).toBe("A/RES/2758(XXVI)");
    expect(normaliseVoetenSymbol("ESS/10/2")).toBe("A/RES/ES-10/2");
    expect(normaliseVoetenSymbol("R/20/2131A")).toBeNull();
    expect(normaliseVoetenSymbol("R/1/66/XII")).toBeNull();
  });

  it("counts a vote vector and flags totals that differ from the reported ones", () => {
    expect(countVotes("YYNAX--Y")).toEqual({ yes: 3, no: 1, abstain: 1, absent: 1 });
    expect(hasTotalsMismatch({ yes: 100, no: 9, abstain: 59 }, { yes: 100, no: 9, abstain: 58, absent: 0 })).toBe(true);
    expect(hasTotalsMismatch(null, { yes: 1, no: 0, abstain: 0, absent: 0 })).toBe(false);
  });

  it("lists the voters that moved between two vote events", () => {
    const voters = [{ code: "AAA", name: "A", position: 0 }, { code: "BBB", name: "B", position: 1 }, { code: "CCC", name: "C", position: 2 }];
    expect(listVoteShifts(voters, "YAN", "AAN")).toEqual([{ code: "AAA", name: "A", from: "yes", to: "abstain" }]);
    expect(listVoteShifts(voters, "Y", "YN")).toEqual([{ code: "BBB", name: "B", from: null, to: "no" }]);
  });

  it("keeps the slashes of a symbol in its path", () => {
    expect(voteEventPath("A/RES/54/54 D")).toBe("A/RES/54/54%20D");
  });
});
