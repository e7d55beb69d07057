import { describe, expect, it } from "vitest";
import { createStateNameIndex, normalizeStateName } from "./state-names.js";

const countries = [
  { iso3: "RUS", name_common: "Russia", name_official: "Russian Federation" },
  { iso3: "TUR", name_common: "Turkey", name_official: "Republic of Turkey" },
  { iso3: "NLD", name_common: "Netherlands", name_official: "Kingdom of the Netherlands" },
];
const unGa = [
  { un_ga_name: "TÜRKİYE", iso3: "TUR" },
  { un_ga_name: "NETHERLANDS (KINGDOM OF THE)", iso3: "NLD" },
];
const world = [
  {
    cca3: "GBR",
    altSpellings: ["GB", "UK", "Great Britain"],
    name: { common: "United Kingdom", official: "United Kingdom" },
  },
];

describe("State name matching", () => {
  const index = createStateNameIndex(countries, world, unGa);

  it("matches common, official and UN voting-list spellings", () => {
    expect(index.find("Russian Federation")).toBe("RUS");
    expect(index.find("russia")).toBe("RUS");
    expect(index.find("Türkiye")).toBe("TUR");
    expect(index.find("NETHERLANDS (KINGDOM OF THE)")).toBe("NLD");
  });

  it("knows the short forms the fact base uses", () => {
    expect(index.find("UK")).toBe("GBR");
    expect(index.find("USA")).toBe("USA");
  });

  it("returns null rather than guessing", () => {
    expect(index.find("Atlantis")).toBeNull();
  });

  it("normalises accents, case and parentheses", () => {
    expect(normalizeStateName("Côte d’Ivoire")).toBe("cote d ivoire");
    expect(normalizeStateName("The Bahamas")).toBe("bahamas");
  });
});
