import { describe, expect, it } from "vitest";
import {
  attributedStates,
  evidenceDraftFromCandidate,
  excerptAround,
  proposeCandidates,
} from "./evidence-candidates.js";
import { createReferenceMatcher } from "./references-entities.js";

// A small vocabulary with real State names (not the whole reference data), enough for the attribution rule.
const matcher = createReferenceMatcher({
  states: [
    { iso3: "DEU", name: "Germany", officialName: "Federal Republic of Germany", unGaNames: ["GERMANY"] },
    { iso3: "FRA", name: "France", officialName: "French Republic", unGaNames: ["FRANCE"] },
    { iso3: "BRA", name: "Brazil", officialName: "Federative Republic of Brazil", unGaNames: ["BRAZIL"] },
  ],
  processes: [],
  normIdsByLetter: new Map([["c", "13c"]]),
  pocDirectoryCbmId: "un-global-poc-directory",
});
const iso3s = new Set(["DEU", "FRA", "BRA"]);

describe("attribution of a document to a State", () => {
  it("takes an author that is an ISO3 code or names exactly one State", () => {
    expect(attributedStates({ authors: ["DEU"], type: "statement", title: "x" }, matcher, iso3s)).toEqual(["DEU"]);
    expect(
      attributedStates(
        { authors: ["Permanent Mission of France to the United Nations"], type: "letter", title: "x" },
        matcher,
        iso3s,
      ),
    ).toEqual(["FRA"]);
    expect(attributedStates({ authors: ["Germany", "France"], type: "statement", title: "x" }, matcher, iso3s)).toEqual(
      ["DEU", "FRA"],
    );
  });

  it("attributes nothing to a UN body, an unknown code or an author line naming several States", () => {
    expect(
      attributedStates(
        { authors: ["General Assembly"], type: "resolution", title: "Germany and France" },
        matcher,
        iso3s,
      ),
    ).toEqual([]);
    expect(attributedStates({ authors: ["XYZ"], type: "report", title: "x" }, matcher, iso3s)).toEqual([]);
    expect(attributedStates({ authors: ["France and Germany"], type: "report", title: "x" }, matcher, iso3s)).toEqual(
      [],
    );
  });

  it("falls back to the title of a national document type when it names exactly one State", () => {
    expect(
      attributedStates({ authors: [], type: "statement", title: "Statement by Brazil at the OEWG" }, matcher, iso3s),
    ).toEqual(["BRA"]);
    expect(
      attributedStates(
        { authors: [], type: "statement", title: "Joint statement by Brazil and France" },
        matcher,
        iso3s,
      ),
    ).toEqual([]);
    expect(attributedStates({ authors: [], type: "report", title: "Report on Brazil" }, matcher, iso3s)).toEqual([]);
  });
});

describe("candidate proposals", () => {
  it("proposes one candidate per paragraph, State and norm or CBM mention, explicit or by topic; never for States or processes", () => {
    const mentions = [
      {
        paragraphId: 1,
        kind: "norm" as const,
        targetId: "13c",
        confidence: 1,
        matchedText: "13 (c)",
        text: "We implement norm 13 (c).",
      },
      { paragraphId: 1, kind: "state" as const, targetId: "FRA", confidence: 1, matchedText: "France", text: "France" },
      {
        paragraphId: 2,
        kind: "cbm-topic" as const,
        targetId: "un-global-poc-directory",
        confidence: 0.8,
        matchedText: "points of contact directory",
        text: "the points of contact directory",
      },
    ];
    expect(proposeCandidates(["DEU"], mentions)).toEqual([
      {
        paragraphId: 1,
        stateIso3: "DEU",
        itemId: "13c",
        matchKind: "explicit",
        score: 1,
        excerpt: "We implement norm 13 (c).",
      },
      {
        paragraphId: 2,
        stateIso3: "DEU",
        itemId: "un-global-poc-directory",
        matchKind: "topic",
        score: 0.8,
        excerpt: "the points of contact directory",
      },
    ]);
  });

  it("cuts long paragraphs around the matched words", () => {
    const text = `${"a ".repeat(300)}points of contact directory${" b".repeat(300)}`;
    const excerpt = excerptAround(text, "points of contact directory", 100);
    expect(excerpt).toContain("points of contact directory");
    expect(excerpt.startsWith("…") && excerpt.endsWith("…")).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(102);
  });

  it("drafts a cautious self-reported record citing the paragraph", () => {
    const draft = evidenceDraftFromCandidate({
      id: 7,
      stateIso3: "DEU",
      itemId: "13c",
      paragraphId: 42,
      matchKind: "explicit",
      score: 1,
      excerpt: "quote",
      documentType: "national-strategy",
      documentDate: "2021-09-08",
    });
    expect(draft).toMatchObject({
      stateIso3: "DEU",
      itemId: "13c",
      kind: "strategy",
      status: "planned",
      reporter: "self",
      paragraphId: 42,
      observed: "2021-09-08",
      quote: "quote",
      confidence: "medium",
    });
  });
});
