import { describe, expect, it } from "vitest";
import { findResolutionSeries } from "./vote-series.js";

const CRIME = "Countering the use of information and communications technologies for criminal purposes";
const resolutions = [
  { symbol: "A/RES/74/247", title: CRIME, adoptedOn: "2019-12-27" },
  { symbol: "A/RES/73/187", title: CRIME, adoptedOn: "2018-12-17" },
  { symbol: "A/RES/75/282", title: CRIME, adoptedOn: "2021-05-26" },
  { symbol: "decision 74/567", title: "(decision postponing the AHC organizational session)", adoptedOn: "2020-08-14" },
  { symbol: "A/RES/79/243", title: "United Nations Convention against Cybercrime", adoptedOn: "2024-12-24" },
];

describe("series of cyber resolutions (issue 17)", () => {
  it("orders a series by adoption and finds the previous and next recorded votes", () => {
    const series = findResolutionSeries(resolutions, new Set(["A/RES/73/187", "A/RES/74/247"]), "A/RES/74/247");
    expect(series?.entries.map((e) => e.symbol)).toEqual(["A/RES/73/187", "A/RES/74/247", "A/RES/75/282"]);
    expect(series?.previousVote?.symbol).toBe("A/RES/73/187");
    expect(series?.nextVote).toBeNull();
    expect(series?.entries[2]?.hasRecordedVote).toBe(false);
  });

  it("makes no series of a lone title or of a bracketed description", () => {
    expect(findResolutionSeries(resolutions, new Set(), "A/RES/79/243")).toBeNull();
    expect(findResolutionSeries(resolutions, new Set(), "decision 74/567")).toBeNull();
    expect(findResolutionSeries(resolutions, new Set(), "A/RES/1/1")).toBeNull();
  });
});
