import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isDecisionVote, voteEventLabel } from "../../domain/votes.js";
import { readVoteEvents, readVoters } from "./vote-dataset-file.js";

// The bundled dataset as the seed imports it: symbols are the UN's or none, never built from a number that is not one.
const DATASETS = fileURLToPath(new URL("../../../datasets", import.meta.url));
const voters = readVoters(DATASETS);
const { events } = readVoteEvents(DATASETS, voters.length);
const byRcid = new Map(events.filter((e) => e.voetenRcid !== null).map((e) => [e.voetenRcid!, e]));

describe("symbols of the bundled vote events", () => {
  it("gives no UN symbol to the roll calls of sessions 1–17, whose Voeten numbers are not resolution numbers", () => {
    const early = events.filter((e) => e.session <= 17);
    expect(early.length).toBeGreaterThan(800);
    expect(early.filter((e) => e.symbol !== null)).toEqual([]);
    // "Apartheid", 2 October 1952: Voeten R/7/69, which is not resolution 69(VII).
    const apartheid = byRcid.get(319)!;
    expect(apartheid).toMatchObject({
      id: "RC-319",
      symbol: null,
      sourceSymbol: "R/7/69",
      session: 7,
      title: "APARTHEID",
    });
    expect(voteEventLabel(apartheid)).toBe("Roll call 319 (Voeten code R/7/69)");
    expect(byRcid.get(40)).toMatchObject({ id: "RC-40", symbol: null, sourceSymbol: "R/1/1375" });
    // A session-14 roll call whose code names session 19 (R/19/595) gets no symbol either.
    expect(events.find((e) => e.sourceSymbol === "R/19/595")).toMatchObject({ session: 14, symbol: null });
  });

  it("gives no symbol to special-session votes numbered before 1976 (SS/1/175, ESS/5/…)", () => {
    const old = events.filter((e) => e.sourceSymbol && /^(SS\/[1-7]|ESS\/[1-5])\//.test(e.sourceSymbol));
    expect(old.length).toBeGreaterThan(40);
    expect(old.filter((e) => e.symbol !== null)).toEqual([]);
  });

  it("types the decisions of sessions 32–39 as decisions (39/412), with no symbol the sources do not give", () => {
    // Neither Voeten's data (R/39/412) nor the UN's extract (sessions 74–80) gives a decision's UN document symbol.
    expect(byRcid.get(2790)).toMatchObject({ id: "RC-2790", symbol: null, sourceSymbol: "R/39/412", session: 39 });
    expect(voteEventLabel(byRcid.get(2790)!)).toBe("Roll call 2790 (Voeten code R/39/412)");
    const decisions = events.filter((e) => isDecisionVote(e));
    expect(decisions.length).toBe(22);
    for (const d of decisions) {
      expect(d.session >= 32 && d.session <= 39).toBe(true);
      expect(d.symbol).toBeNull();
    }
    expect(events.filter((e) => e.symbol?.startsWith("A/DEC/"))).toEqual([]);
    expect(
      events.filter((e) => e.session >= 31 && e.session <= 39 && /^A\/RES\/\d+\/(3\d\d|4\d\d)/.test(e.symbol ?? "")),
    ).toEqual([]);
  });

  it("keeps the UN symbols that are known: numbered resolutions of sessions 18–30 and later ones", () => {
    expect(events.find((e) => e.sourceSymbol === "R/26/2752")?.symbol).toBe("A/RES/2752(XXVI)");
    expect(events.find((e) => e.symbol === "A/RES/73/27")?.sourceSymbol).toBe("R/73/27");
  });
});
