import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAkn } from "../ingest/documents/akn.js";
import { createReferenceMatcher, type ReferenceVocabulary } from "./references-entities.js";
import { detectCitations } from "./references.js";

const recalling7737 = parseAkn(fs.readFileSync(new URL("../../datasets/documents/A_RES_77_37.xml", import.meta.url), "utf8")).paragraphs[0]!.text;

describe("detectCitations", () => {
  it("turns 77/37's Recalling paragraph into one edge per resolution, 43/78 H through 76/19", () => {
    const symbols = detectCitations(recalling7737).map((c) => c.targetSymbol);
    // The paragraph lists 27 resolutions: 43/78 H, 53/70 … 71/28 (20), 73/27, 73/266, 74/28, 74/29, 75/32, 75/240, 76/19.
    expect(symbols).toHaveLength(27);
    expect(symbols.slice(0, 3)).toEqual(["A/RES/43/78", "A/RES/53/70", "A/RES/54/49"]);
    expect(symbols).toEqual(expect.arrayContaining(["A/RES/74/28", "A/RES/74/29", "A/RES/75/240", "A/RES/76/19"]));
    expect(detectCitations(recalling7737)[0]).toEqual({ targetSymbol: "A/RES/43/78", matchedText: "43/78 H" });
  });

  it("reads full symbols, other organs' resolutions and stops at the end of a list", () => {
    const text = "See A/65/201, A/C.1/74/L.50/Rev.1 and A/AC.290/2021/CRP.2. Taking note also of Economic and Social Council resolution 2019/19 of 23 July 2019, Human Rights Council resolution 47/16 and Security Council resolution 2341 (2017), and of the 2021 report, 75/1 aside.";
    expect(detectCitations(text).map((c) => c.targetSymbol)).toEqual(["A/65/201", "A/C.1/74/L.50/Rev.1", "A/AC.290/2021/CRP.2", "E/RES/2019/19", "A/HRC/RES/47/16", "S/RES/2341 (2017)"]);
  });

  it("finds nothing in text without references", () => {
    expect(detectCitations("Decides to include in the provisional agenda of its seventy-eighth session the item.")).toEqual([]);
  });
});

const vocabulary: ReferenceVocabulary = {
  states: [
    { iso3: "VNM", name: "Vietnam", officialName: "Socialist Republic of Vietnam", unGaNames: ["VIET NAM"] },
    { iso3: "GIN", name: "Guinea", officialName: "Republic of Guinea", unGaNames: ["GUINEA"] },
    { iso3: "PNG", name: "Papua New Guinea", officialName: "Independent State of Papua New Guinea", unGaNames: ["PAPUA NEW GUINEA"] },
    { iso3: "IRN", name: "Iran", officialName: "Islamic Republic of Iran", unGaNames: ["IRAN (ISLAMIC REPUBLIC OF)"] },
    { iso3: "OMN", name: "Oman", officialName: "Sultanate of Oman", unGaNames: ["OMAN"] },
  ],
  processes: [{ id: "oewg-2021-2025", name: "Open-ended working group on security of and in the use of information and communications technologies 2021-2025", shortName: "OEWG 2021–2025" }],
  normIdsByLetter: new Map([["c", "13c"], ["f", "13f"], ["j", "13j"]]),
  pocDirectoryCbmId: "un-global-poc-directory",
};

describe("reference matcher", () => {
  const matcher = createReferenceMatcher(vocabulary);
  const ids = (text: string, kind: string) => matcher.detect(text).filter((m) => m.kind === kind).map((m) => m.targetId).sort();

  it("names States in every UN spelling, longest name first, never inside other words", () => {
    expect(ids("Welcomes the offer of the Government of Viet Nam to host the signing ceremony in Hanoi", "state")).toEqual(["VNM"]);
    expect(ids("Statements by Papua New Guinea and Iran (Islamic Republic of)", "state")).toEqual(["IRN", "PNG"]);
    expect(ids("a woman from Romania; guinea pigs", "state")).toEqual([]);
  });

  it("flags explicit norm references apart from keyword topic matches with a lower confidence", () => {
    const mentions = matcher.detect("In line with norm 13 (c), States should protect critical infrastructure and report vulnerabilities.");
    expect(mentions.find((m) => m.targetId === "13c")).toMatchObject({ kind: "norm", confidence: 1 });
    expect(mentions.find((m) => m.targetId === "13f")).toMatchObject({ kind: "norm-topic" });
    expect(mentions.find((m) => m.targetId === "13f")!.confidence).toBeLessThan(1);
    expect(mentions.find((m) => m.targetId === "13j")?.kind).toBe("norm-topic");
  });

  it("recognises processes and the points-of-contact directory CBM as resolutions word them", () => {
    const text = "Welcomes the establishment of the global intergovernmental points of contact directory by the open-ended working group 2021–2025";
    expect(ids(text, "process")).toEqual(["oewg-2021-2025"]);
    expect(ids(text, "cbm-topic")).toEqual(["un-global-poc-directory"]);
  });
});
