import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { sourcesImporter, statesImporter } from "../ingest/reference/import-reference.js";
import { findRecords } from "./find-records.js";
import { findStateIso3, foldStateName, listStateAlsoKnownAs, matchStateIso3 } from "./state-names.js";

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

describe("other English names", () => {
  // A made-up collision: "Niger" as another English name of Nigeria.
  const WITH_ALSO = [
    { iso3: "NER", names: ["Niger", "Republic of Niger", "NIGER"] },
    { iso3: "NGA", names: ["Nigeria", "Federal Republic of Nigeria", "NIGERIA"], alsoKnownAs: ["Niger", "Naija"] },
    { iso3: "DEU", names: ["Germany", "Federal Republic of Germany", "GERMANY"], otherNames: ["Naija"] },
  ];

  it("never takes a name from the State that has it, and wins over a name in another language", () => {
    expect(matchStateIso3(WITH_ALSO, "Niger")).toBe("NER");
    expect(matchStateIso3(WITH_ALSO, "naija")).toBe("NGA");
  });
});

// The UN names and abbreviations readers type, looked up in the bundled datasets/reference/states.json (issue 19 QA).
const UN_NAMES: [string, string][] = [
  ["Holy See", "VAT"],
  ["UK", "GBR"],
  ["uk", "GBR"],
  ["UAE", "ARE"],
  ["DPRK", "PRK"],
  ["DRC", "COD"],
  ["Burma", "MMR"],
  ["Côte d'Ivoire", "CIV"],
  ["Cabo Verde", "CPV"],
  ["Lao People's Democratic Republic", "LAO"],
  ["Democratic People's Republic of Korea", "PRK"],
  ["Great Britain", "GBR"],
];

describe.each(TEST_DRIVERS)("finding a State by its UN name or an abbreviation, on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver, { seed: { importers: [sourcesImporter, statesImporter] } });
  }, 300_000);
  afterAll(async () => database?.dispose());

  it.skipIf(skip)("looks each one up as the State it names", async () => {
    for (const [typed, iso3] of UN_NAMES) expect(await findStateIso3(database.db, typed), typed).toBe(iso3);
  });

  it.skipIf(skip)("keeps Congo the Republic of the Congo, and a name of two States names none", async () => {
    expect(await findStateIso3(database.db, "Congo")).toBe("COG");
    expect(await findStateIso3(database.db, "DR Congo")).toBe("COD");
    expect(await findStateIso3(database.db, "Democratic Republic of the Congo")).toBe("COD");
    // The start of "Korea, Republic of" and of "Korea, Democratic People's Republic of".
    expect(await findStateIso3(database.db, "Korea")).toBeNull();
    // Two-letter ISO codes in world-countries' spellings are not names ("VA", "GB").
    expect(await findStateIso3(database.db, "VA")).toBeNull();
  });

  it.skipIf(skip)("finds each one first in the search box, showing the name it was found by", async () => {
    for (const [typed, iso3] of UN_NAMES) {
      const states = (await findRecords(database.db, typed, { limit: 10 })).kinds.find((k) => k.kind === "state");
      expect(states?.records[0]?.id, typed).toBe(iso3);
    }
    const gbr = (await findRecords(database.db, "UK", { limit: 10 })).kinds.find((k) => k.kind === "state")!;
    expect(gbr.records[0]!.detail).toContain("UK");
    const vat = (await findRecords(database.db, "Holy See", { limit: 10 })).kinds.find((k) => k.kind === "state")!;
    expect(vat.records.map((r) => r.id)).toEqual(["VAT"]);
    expect(vat.records[0]).toMatchObject({ label: "Vatican City", path: "/states/VAT" });
    expect(vat.records[0]!.detail).toContain("Holy See (Vatican City State)");
  });

  it.skipIf(skip)("lists a State's other English names without ISO codes or other scripts", async () => {
    expect(await listStateAlsoKnownAs(database.db, "GBR")).toEqual(["UK", "Great Britain"]);
    expect(await listStateAlsoKnownAs(database.db, "PRK")).toEqual([
      "DPRK",
      "Chosŏn Minjujuŭi Inmin Konghwaguk",
      "Korea, Democratic People's Republic of",
    ]);
    expect(await listStateAlsoKnownAs(database.db, "QQQ")).toEqual([]);
  });
});
