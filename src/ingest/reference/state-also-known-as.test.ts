import { describe, expect, it } from "vitest";
import { selectAlsoKnownAs } from "./state-also-known-as.js";

// Entries as world-countries 5.1.0 (../shared/data/countries/upstream) gives them.
const ISO2 = new Set(["GB", "KP", "CI", "VA", "US"]);

describe("a State's other English names from world-countries' altSpellings", () => {
  it("keeps abbreviations and other names, leaving out two-letter ISO codes", () => {
    const gbr = {
      name: "United Kingdom",
      officialName: "United Kingdom of Great Britain and Northern Ireland",
      altSpellings: ["GB", "UK", "Great Britain"],
    };
    expect(selectAlsoKnownAs(gbr, ISO2)).toEqual(["UK", "Great Britain"]);
  });

  it("leaves out spellings in another script and the State's own names again, in any case or accents", () => {
    const prk = {
      name: "North Korea",
      officialName: "Democratic People's Republic of Korea",
      altSpellings: [
        "KP",
        "Democratic People's Republic of Korea",
        "DPRK",
        "조선민주주의인민공화국",
        "Chosŏn Minjujuŭi Inmin Konghwaguk",
        "Korea, Democratic People's Republic of",
        "북한",
      ],
    };
    expect(selectAlsoKnownAs(prk, ISO2)).toEqual([
      "DPRK",
      "Chosŏn Minjujuŭi Inmin Konghwaguk",
      "Korea, Democratic People's Republic of",
    ]);
    const civ = {
      name: "Ivory Coast",
      officialName: "Republic of Côte d'Ivoire",
      altSpellings: ["CI", "Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast", "Republic of Côte d'Ivoire"],
    };
    expect(selectAlsoKnownAs(civ, ISO2)).toEqual(["Côte d'Ivoire"]);
  });
});
