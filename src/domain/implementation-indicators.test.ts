import { describe, expect, it } from "vitest";
import type { TreatyAction } from "./international-law.js";
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

  it("meets 'Budapest party' from the latest sourced row only, and gives no value (unknown) without one", () => {
    const row = (stateIso3: string, kind: "signature" | "ratification", asOf: string, consentOn: string | null = null): TreatyAction => ({
      id: `coe-ets-185:${stateIso3}:${asOf}`, treatyId: "coe-ets-185", stateIso3, organizationId: null, partyName: stateIso3, kind, asOf, isAsOfLowerBound: false,
      signedOn: { date: "2001-11-23", precision: "day" }, consentOn: consentOn ? { date: consentOn, precision: "day" } : null, notes: null, confidence: "high", sources: [],
    });
    const values = deriveBudapestParty([row("AAA", "ratification", "2015-12-03", "2006-01-10"), row("BBB", "signature", "2015-12-03"), row("BBB", "ratification", "2024-06-20", "2024-06-20"), row("CCC", "signature", "2015-12-03"), { ...row("DDD", "ratification", "2015-12-03", "2010-01-01"), treatyId: "un-cybercrime-2024" }]);
    expect(values.map((v) => [v.stateIso3, v.isMet, v.since?.date ?? null])).toEqual([["AAA", true, "2006-01-10"], ["BBB", true, "2024-06-20"], ["CCC", false, null]]);
  });

  it("shows each indicator only beside the items it relates to", () => {
    expect(indicatorsForItem("13d").map((d) => d.id)).toEqual(["budapest-convention-party"]);
    expect(indicatorsForItem("oas-01").map((d) => d.id)).toEqual(["first-cyber-strategy"]);
    expect(indicatorsForItem("13c")).toEqual([]);
  });
});
