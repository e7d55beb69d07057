import { describe, expect, it } from "vitest";
import { foldStateName, matchStateIso3 } from "./state-names.js";

// Names as the bundled datasets/reference/states.json gives them.
const STATES = [
  { iso3: "CIV", names: ["Ivory Coast", "Republic of Côte d'Ivoire", "COTE D'IVOIRE", "CÔTE D'IVOIRE"] },
  { iso3: "TUR", names: ["Türkiye", "Republic of Türkiye", "TURKEY", "TURKIYE", "TÜRKİYE"] },
  { iso3: "USA", names: ["United States", "United States of America", "UNITED STATES"] },
  { iso3: "GBR", names: ["United Kingdom", "United Kingdom of Great Britain and Northern Ireland", "UNITED KINGDOM"] },
  { iso3: "BIH", names: ["Bosnia and Herzegovina", "Bosnia and Herzegovina", "BOSNIA AND HERZEGOVINA"] },
  {
    iso3: "KNA",
    names: ["Saint Kitts and Nevis", "Federation of Saint Christopher and Nevis", "SAINT KITTS AND NEVIS"],
  },
  { iso3: "NER", names: ["Niger", "Republic of Niger", "NIGER"] },
  { iso3: "NGA", names: ["Nigeria", "Federal Republic of Nigeria", "NIGERIA"] },
  { iso3: "TLS", names: ["Timor-Leste", "Democratic Republic of Timor-Leste", "TIMOR-LESTE"] },
];

describe("finding the State a reader means (issue 17)", () => {
  it("folds accents, case, apostrophes, hyphens, a leading 'the' and 'St'", () => {
    expect(foldStateName("Côte d’Ivoire")).toBe("cote divoire");
    expect(foldStateName("The TÜRKİYE")).toBe("turkiye");
    expect(foldStateName("St. Kitts & Nevis")).toBe("saint kitts and nevis");
  });

  it("takes a code in any case, and a name in any of its forms", () => {
    const cases: [string, string][] = [
      ["usa", "USA"],
      ["United States", "USA"],
      ["united states of america", "USA"],
      ["cote d'ivoire", "CIV"],
      ["Côte d’Ivoire", "CIV"],
      ["Turkey", "TUR"],
      ["turkiye", "TUR"],
      ["Timor Leste", "TLS"],
      ["St Kitts and Nevis", "KNA"],
      ["Niger", "NER"],
    ];
    for (const [typed, iso3] of cases) expect(matchStateIso3(STATES, typed), typed).toBe(iso3);
  });

  it("takes the first words of one State's name, but not of several nor a fragment of a word", () => {
    expect(matchStateIso3(STATES, "Bosnia")).toBe("BIH");
    expect(matchStateIso3(STATES, "Saint Kitts")).toBe("KNA");
    expect(matchStateIso3(STATES, "United")).toBeNull();
    expect(matchStateIso3(STATES, "Nige")).toBeNull();
    expect(matchStateIso3(STATES, "Atlantis")).toBeNull();
    expect(matchStateIso3(STATES, "XYZ")).toBeNull();
    expect(matchStateIso3(STATES, "")).toBeNull();
  });
});

describe("names in the other UN languages", () => {
  const WITH_OTHER = [
    {
      iso3: "DEU",
      names: ["Germany", "Federal Republic of Germany", "GERMANY"],
      otherNames: ["Allemagne", "Alemania"],
    },
    { iso3: "DMA", names: ["Dominica", "Commonwealth of Dominica", "DOMINICA"], otherNames: ["Dominique"] },
    { iso3: "NER", names: ["Niger", "Republic of Niger", "NIGER"], otherNames: ["Níger"] },
    // A made-up collision: the English name of one State as another's name in another language.
    { iso3: "NGA", names: ["Nigeria", "Federal Republic of Nigeria", "NIGERIA"], otherNames: ["Niger", "Nigéria"] },
  ];

  it("finds a State by its name in another language, in any case and without accents", () => {
    expect(matchStateIso3(WITH_OTHER, "Allemagne")).toBe("DEU");
    expect(matchStateIso3(WITH_OTHER, "alemania")).toBe("DEU");
    expect(matchStateIso3(WITH_OTHER, "nigeria")).toBe("NGA");
  });

  it("lets an English or UN name win over the same words in another language", () => {
    expect(matchStateIso3(WITH_OTHER, "Niger")).toBe("NER");
  });
});
