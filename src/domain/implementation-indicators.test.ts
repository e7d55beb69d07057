import { describe, expect, it } from "vitest";
import type { TreatyAction } from "./international-law.js";
import {
  countMet,
  deriveBudapestParty,
  deriveLegalPositionPublished,
  deriveUnCybercrimeSigned,
  indicatorCoverageByGroup,
  deriveFirstStrategy,
  indicatorsForItem,
} from "./implementation-indicators.js";

// Synthetic rows (not the bundled data, which src/api/evidence.test.ts checks): each rule on small inputs.
describe("derived indicator rules", () => {
  it("meets 'first strategy adopted' exactly when the strategies dataset gives a date", () => {
    const values = deriveFirstStrategy([
      { stateIso3: "AAA", firstAdopted: { date: "2015-01-01", precision: "year" } },
      { stateIso3: "BBB", firstAdopted: null },
    ]);
    expect(values).toEqual([
      {
        indicatorId: "first-cyber-strategy",
        stateIso3: "AAA",
        isMet: true,
        since: { date: "2015-01-01", precision: "year" },
      },
      { indicatorId: "first-cyber-strategy", stateIso3: "BBB", isMet: false, since: null },
    ]);
    expect(countMet(values, "first-cyber-strategy")).toBe(1);
  });

  it("meets 'Budapest party' from the latest sourced row only, and gives no value (unknown) without one", () => {
    const row = (
      stateIso3: string,
      kind: "signature" | "ratification",
      asOf: string,
      consentOn: string | null = null,
    ): TreatyAction => ({
      id: `coe-ets-185:${stateIso3}:${asOf}`,
      treatyId: "coe-ets-185",
      stateIso3,
      organizationId: null,
      partyName: stateIso3,
      kind,
      asOf,
      isAsOfLowerBound: false,
      signedOn: { date: "2001-11-23", precision: "day" },
      consentOn: consentOn ? { date: consentOn, precision: "day" } : null,
      notes: null,
      confidence: "high",
      sources: [],
    });
    const values = deriveBudapestParty([
      row("AAA", "ratification", "2015-12-03", "2006-01-10"),
      row("BBB", "signature", "2015-12-03"),
      row("BBB", "ratification", "2024-06-20", "2024-06-20"),
      row("CCC", "signature", "2015-12-03"),
      { ...row("DDD", "ratification", "2015-12-03", "2010-01-01"), treatyId: "un-cybercrime-2024" },
    ]);
    expect(values.map((v) => [v.stateIso3, v.isMet, v.since?.date ?? null])).toEqual([
      ["AAA", true, "2006-01-10"],
      ["BBB", true, "2024-06-20"],
      ["CCC", false, null],
    ]);
  });

  it("meets 'position published' since the earliest listed position and 'UN Convention signed' since the signature, for listed States only", () => {
    const positions = deriveLegalPositionPublished([
      { stateIso3: "AAA", publishedOn: { date: "2021-07-13", precision: "day" } },
      { stateIso3: "AAA", publishedOn: { date: "2019-01-01", precision: "year" } },
      { stateIso3: null, publishedOn: { date: "2024-01-29", precision: "day" } },
    ]);
    expect(positions.map((v) => [v.stateIso3, v.isMet, v.since])).toEqual([
      ["AAA", true, { date: "2019-01-01", precision: "year" }],
    ]);
    const signature: TreatyAction = {
      id: "un-cybercrime-2024:BBB:2025-10-29",
      treatyId: "un-cybercrime-2024",
      stateIso3: "BBB",
      organizationId: null,
      partyName: "B",
      kind: "signature",
      asOf: "2025-10-29",
      isAsOfLowerBound: false,
      signedOn: { date: "2025-10-01", precision: "month" },
      consentOn: null,
      notes: null,
      confidence: "medium",
      sources: [],
    };
    const signed = deriveUnCybercrimeSigned([
      signature,
      { ...signature, id: "x", stateIso3: null, organizationId: "EU" },
      { ...signature, id: "y", stateIso3: "CCC", treatyId: "coe-ets-185" },
    ]);
    expect(signed.map((v) => [v.stateIso3, v.since?.precision])).toEqual([["BBB", "month"]]);
  });

  it("counts per group the members meeting each indicator and those with any value", () => {
    const values = [
      ...deriveLegalPositionPublished([{ stateIso3: "AAA", publishedOn: { date: "2020-01-01", precision: "year" } }]),
      ...deriveFirstStrategy([
        { stateIso3: "AAA", firstAdopted: null },
        { stateIso3: "BBB", firstAdopted: { date: "2015-01-01", precision: "year" } },
      ]),
    ];
    const [row] = indicatorCoverageByGroup([{ key: "g", memberIso3s: ["AAA", "BBB", "CCC"] }], values);
    expect(row!.cells.find((c) => c.indicatorId === "legal-position-published")).toEqual({
      indicatorId: "legal-position-published",
      met: 1,
      withValue: 1,
      members: 3,
    });
    expect(row!.cells.find((c) => c.indicatorId === "first-cyber-strategy")).toEqual({
      indicatorId: "first-cyber-strategy",
      met: 1,
      withValue: 2,
      members: 3,
    });
  });

  it("shows each indicator only beside the items it relates to", () => {
    expect(indicatorsForItem("13d").map((d) => d.id)).toEqual(["budapest-convention-party", "un-cybercrime-signed"]);
    expect(indicatorsForItem("oas-01").map((d) => d.id)).toEqual(["first-cyber-strategy"]);
    expect(indicatorsForItem("13c")).toEqual([]);
  });
});
