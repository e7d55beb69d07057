import { describe, expect, it } from "vitest";
import { findProgrammeGaps } from "./programme.js";

describe("findProgrammeGaps", () => {
  it("lists, per beneficiary State, the addressed items with no published evidence there", () => {
    const gaps = findProgrammeGaps(
      { beneficiaryStates: ["KEN", "GHA"], itemIds: ["13a", "13c"] },
      new Map([["KEN", new Set(["13a"])]]),
    );
    expect(gaps).toEqual([
      { stateIso3: "KEN", itemIds: ["13c"] },
      { stateIso3: "GHA", itemIds: ["13a", "13c"] },
    ]);
  });
});
