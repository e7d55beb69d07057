import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { createStateNameMatcher, STATE_NAME_LANGUAGES, type NamedState } from "./state-name-matcher.js";

// The bundled States (datasets/reference/states.json, with world-countries' names in the other languages) and real
// paragraphs of sessions 75–76 (test/fixtures/mentions, see PROVENANCE.md there).
const bundled = JSON.parse(
  fs.readFileSync(new URL("../../datasets/reference/states.json", import.meta.url), "utf8"),
) as {
  iso3: string;
  name: string;
  officialName: string;
  unGaNames: string[];
  names: Record<(typeof STATE_NAME_LANGUAGES)[number], { name: string; officialName: string }>;
}[];
const states: NamedState[] = bundled.map((s) => ({
  iso3: s.iso3,
  name: s.name,
  officialName: s.officialName,
  unGaNames: s.unGaNames,
  localNames: STATE_NAME_LANGUAGES.map((language) => ({ language, ...s.names[language] })),
}));
const fixtures = JSON.parse(
  fs.readFileSync(new URL("../../test/fixtures/mentions/paragraphs.json", import.meta.url), "utf8"),
) as {
  states: {
    symbol: string;
    language: string;
    anchor: string;
    text: string;
    present: string[];
    absent: string[];
    note: string;
  }[];
};

const find = createStateNameMatcher(states);
const iso3s = (text: string) => [...new Set(find(text).map((m) => m.iso3))];

describe("State names in the six UN languages", () => {
  it.each(fixtures.states.map((f) => [`${f.symbol} ${f.anchor} (${f.language}): ${f.note}`, f] as const))(
    "%s",
    (_, f) => {
      const found = iso3s(f.text);
      for (const iso3 of f.present) expect(found, `${iso3} in ${f.text}`).toContain(iso3);
      for (const iso3 of f.absent) expect(found, `${iso3} in ${f.text}`).not.toContain(iso3);
    },
  );

  it("gives what names the State as written: declined in Russian, with its prefix in Arabic", () => {
    const russian = fixtures.states.find((f) => f.symbol === "A/RES/75/289" && f.language === "ru")!;
    expect(find(russian.text)).toEqual([{ iso3: "USA", matchedText: "Соединенных Штатов Америки" }]);
    const instrumental = fixtures.states.find((f) => f.symbol === "A/RES/75/62" && f.language === "ru")!;
    expect(find(instrumental.text)).toContainEqual({ iso3: "DEU", matchedText: "Германией" });
    const arabic = fixtures.states.find((f) => f.symbol === "A/RES/76/72" && f.language === "ar")!;
    expect(find(arabic.text)).toContainEqual({ iso3: "CHN", matchedText: "والصين" });
  });

  it("does not lose a name behind a longer upstream name in lower case ('Les états-unis d'Amérique')", () => {
    const spanish = fixtures.states.find((f) => f.symbol === "A/RES/75/107")!;
    expect(iso3s(spanish.text)).toContain("USA");
    // Real French words (A/RES/75/107): "par les États‑Unis d’Amérique", with a non-breaking hyphen.
    expect(iso3s("par les États‑Unis d’Amérique")).toEqual(["USA"]);
  });

  it("finds a Chinese name only where the word segmenter puts a word, an Arabic one whatever its hamza", () => {
    expect(iso3s("欢迎德国在担任缔约国第七次会议主席期间")).toEqual(["DEU"]);
    expect(iso3s("发展中国家")).toEqual([]);
    // أوكرانيا and اوكرانيا, أذربيجان and اذربيجان are the same names once folded as search folds Arabic.
    expect(iso3s("جورجيا واوكرانيا واذربيجان")).toEqual(["GEO", "UKR", "AZE"]);
  });

  it("still finds English names and GA voting-list spellings, and no French or Spanish name in an English text", () => {
    expect(iso3s("Iran (Islamic Republic of) and the United Kingdom of Great Britain and Northern Ireland")).toEqual([
      "IRN",
      "GBR",
    ]);
    // A/RES/75/312 in English: the seminar held in Salvador (Brazil), not El Salvador.
    expect(iso3s("the first seminar on maritime traffic safety and monitoring, held in Salvador in 2013")).toEqual([]);
  });
});
