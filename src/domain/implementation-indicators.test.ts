import { describe, expect, it } from "vitest";
import { countMet, deriveBudapestParty, deriveFirstStrategy, indicatorsForItem } from "./implementation-indicators.js";

// Synthetic rows (not the bundled data, which src/api/evidence.test.ts checks): each rule on small inputs.
describe("derived indicator rules", () => {
  it("meets 'first strategy adopted' exactly when the strategies dataset gives a date", () => {
    const values = deriveFirstStrategy([
      { stateIso3: "AAA", firstAdopted: { date: "2015-01-01", precision: "year" } },
      { stateIso3: "BBB", firstAdopted: null },
    ]);
    expect(values).toEqual([
      { indicatorId: "first-cyber-strategy", stateIso3: "AAA", isMet: true, since: { date: "2015-01-01", precision: "year" } },
      { indicatorId: "first-cyber-strategy", stateIso3: "BBB", isMet: false, since: null },
    ]);
    expect(countMet(values, "first-cyber-strategy")).toBe(1);
  });

  it("counts only current 'party' memberships of the Budapest Convention", () => {
    const m = (organizationId: string, stateIso3: string, role: string, isCurrent: boolean) => ({ organizationId, stateIso3, role, isCurrent, start: null });
    const values = deriveBudapestParty(["AAA", "BBB", "CCC", "DDD"], [m("BUDCONV", "AAA", "party", true), m("BUDCONV", "BBB", "party", false), m("COE", "CCC", "member", true), m("BUDCONV", "DDD", "signatory", true)]);
    expect(values.map((v) => [v.stateIso3, v.isMet])).toEqual([["AAA", true], ["BBB", false], ["CCC", false], ["DDD", false]]);
  });

  it("shows each indicator only beside the items it relates to", () => {
    expect(indicatorsForItem("13d").map((d) => d.id)).toEqual(["budapest-convention-party"]);
    expect(indicatorsForItem("oas-01").map((d) => d.id)).toEqual(["first-cyber-strategy"]);
    expect(indicatorsForItem("13c")).toEqual([]);
  });
});
