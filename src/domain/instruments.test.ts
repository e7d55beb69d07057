import { describe, expect, it } from "vitest";
import { buildFirstStrategyInstruments, FIRST_STRATEGY_TITLE } from "./instruments.js";

describe("buildFirstStrategyInstruments", () => {
  const rows = buildFirstStrategyInstruments([
    { stateIso3: "AFG", firstAdopted: "2014-11-01", strategiesTotal: 1 },
    { stateIso3: "ALB", firstAdopted: "2015", strategiesTotal: 2 },
    { stateIso3: "DZA", firstAdopted: null, strategiesTotal: 0 },
  ]);
  it("makes one adopted strategy per State with a first-adoption date, none for States without one", () => {
    expect(rows.map((r) => r.id)).toEqual(["afg-first-cyber-strategy", "alb-first-cyber-strategy"]);
    expect(rows.every((r) => r.status === "adopted" && r.kind === "strategy" && r.title === FIRST_STRATEGY_TITLE)).toBe(
      true,
    );
  });
  it("keeps the date at the precision the dataset gives (a year stays a year)", () => {
    expect(rows[0]).toMatchObject({ adoptedOn: "2014-11-01", adoptedPrecision: "day" });
    expect(rows[1]).toMatchObject({ adoptedOn: "2015-01-01", adoptedPrecision: "year" });
  });
  it("says the dataset gives no title and mentions later versions without inventing their dates", () => {
    expect(rows[0]!.notes).toMatch(/not its title/);
    expect(rows[0]!.notes).not.toMatch(/later versions/);
    expect(rows[1]!.notes).toMatch(/2 strategies adopted 2000–2024/);
  });
});
