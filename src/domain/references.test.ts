import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAkn } from "../ingest/documents/akn.js";
import { createReferenceMatcher, findExplicitNormReferences, type ReferenceVocabulary } from "./references-entities.js";
import { detectCitations, detectResolutionReferences } from "./references.js";

const recalling7737 = parseAkn(
  fs.readFileSync(new URL("../../datasets/documents/A_RES_77_37.xml", import.meta.url), "utf8"),
).paragraphs[0]!.text;

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
    const text =
      "See A/65/201, A/C.1/74/L.50/Rev.1 and A/AC.290/2021/CRP.2. Taking note also of Economic and Social Council resolution 2019/19 of 23 July 2019, Human Rights Council resolution 47/16 and Security Council resolution 2341 (2017), and of the 2021 report, 75/1 aside.";
    expect(detectCitations(text).map((c) => c.targetSymbol)).toEqual([
      "A/65/201",
      "A/C.1/74/L.50/Rev.1",
      "A/AC.290/2021/CRP.2",
      "E/RES/2019/19",
      "A/HRC/RES/47/16",
      "S/RES/2341 (2017)",
    ]);
  });

  // Sentences verbatim from the GA corpus of sessions 74–79 (../shared/data/unga-resolutions-akn), file named in each case.
  it("resolves the body that adopted a cited resolution from the words before it (issue 15)", () => {
    const symbols = (text: string) => detectCitations(text).map((c) => c.targetSymbol);
    // 74/135: "the Human Rights Council, in its resolution 39/13" is the Council's, not A/RES/39/13 (1984).
    expect(
      symbols(
        "Taking note with appreciation of the decision of the Human Rights Council, in its resolution 39/13, that the theme of the annual half-day panel discussion on the rights of indigenous peoples to be held during the forty-fifth session of the Council will be on the protection of indigenous human rights defenders,",
      ),
    ).toEqual(["A/HRC/RES/39/13"]);
    // 74/156: "Council resolutions 5/1 and 5/2" are the Human Rights Council's; the Commission on Human Rights numbers by year.
    expect(
      symbols(
        "Recognizes the role played by national institutions for the promotion and protection of human rights in the Human Rights Council, including its universal periodic review mechanism, in both preparation and follow-up, and the special procedures, in accordance with Council resolutions 5/1 and 5/2 of 18 June 2007 and Commission on Human Rights resolution 2005/74 of 20 April 2005, and in the human rights treaty bodies, as well as the strengthening of opportunities for such participation stipulated in the outcome of the review of the work and functioning of the Council annexed to Council resolution 16/21 of 25 March 2011 and adopted in General Assembly resolution 65/281 of 17 June 2011;",
      ),
    ).toEqual(["A/HRC/RES/5/1", "A/HRC/RES/5/2", "E/CN.4/RES/2005/74", "A/HRC/RES/16/21", "A/RES/65/281"]);
    // 74/178: "its resolution 42/22 of 26 September 2019" cannot be the GA's (session 42 met in 1987–88); the clause names the Council.
    expect(
      symbols(
        "Also takes note of the request of the Human Rights Council to the Working Group on Arbitrary Detention, within its mandate, to prepare a study on arbitrary detention related to drug policies, through its resolution 42/22 of 26 September 2019;",
      ),
    ).toEqual(["A/HRC/RES/42/22"]);
    // 74/298: GA resolutions listed after "the Economic and Social Council," stay the GA's.
    expect(
      symbols(
        "Decides to conduct, in conjunction, the reviews of General Assembly resolution 72/305 on the review of the implementation of General Assembly resolution 68/1 on the strengthening of the Economic and Social Council, resolution 67/290 on the format and organizational aspects of the high-level political forum on sustainable development and resolution 70/299 on the follow-up and review of the 2030 Agenda for Sustainable Development at the global level, taking into account the provisions of the present resolution, during its seventy-fifth session;",
      ),
    ).toEqual(["A/RES/72/305", "A/RES/68/1", "A/RES/67/290", "A/RES/70/299"]);
    // 74/91: identical GA and Security Council resolutions.
    expect(
      symbols(
        "Recalling also the adoption by the General Assembly and the Security Council of substantively identical resolutions 70/262 and 2282 (2016) of 27 April 2016, further recalling the adoption of resolutions 72/276 and 2413 (2018) of 26 April 2018 on peacebuilding",
      ),
    ).toEqual(["A/RES/70/262", "A/RES/72/276"]);
  });

  it("reads the body of a long list from further back in the clause when a number cannot be the Assembly's (issue 15)", () => {
    const symbols = (text: string) => detectCitations(text).map((c) => c.targetSymbol);
    // 79/175 pp 2: the Council's name is 250 characters before "resolutions 32/13 …"; the UN's own links in the file
    // point at A/HRC/RES/32/13, 38/7, 47/16 and 57/29. The Assembly's 45/95 of 1990 earlier in the clause stays the GA's.
    expect(
      symbols(
        "Recalling General Assembly resolutions 68/167 of 18 December 2013, 69/166 of 18 December 2014, 71/199 of 19 December 2016, 73/179 of 17 December 2018, 75/176 of 16 December 2020 and 77/211 of 15 December 2022 on the right to privacy in the digital age, and resolution 45/95 of 14 December 1990 on guidelines for the regulation of computerized personal data files, as well as Human Rights Council resolutions 28/16 of 26 March 2015, 34/7 of 23 March 2017, 37/2 of 22 March 2018, 42/15 of 26 September 2019, 48/4 of 7 October 2021 and 54/21 of 16 October 2023 on the right to privacy in the digital age and resolutions 32/13 of 1 July 2016, 38/7 of 5 July 2018, 47/16 of 13 July 2021 and 57/29 of 11 October 2024 on the promotion, protection and enjoyment of human rights on the Internet,",
      ).slice(6),
    ).toEqual([
      "A/RES/45/95",
      "A/HRC/RES/28/16",
      "A/HRC/RES/34/7",
      "A/HRC/RES/37/2",
      "A/HRC/RES/42/15",
      "A/HRC/RES/48/4",
      "A/HRC/RES/54/21",
      "A/HRC/RES/32/13",
      "A/HRC/RES/38/7",
      "A/HRC/RES/47/16",
      "A/HRC/RES/57/29",
    ]);
    // 74/123 pp 4: "as well as resolutions 28/6 of 26 March 2015 and 37/5 of 22 March 2018" are the Council's too.
    const albinism = detectResolutionReferences(
      "Recalling also Human Rights Council resolutions 23/13 of 13 June 2013 on attacks and discrimination against persons with albinism and 24/33 of 27 September 2013 on technical cooperation for the prevention of attacks against persons with albinism, as well as resolutions 28/6 of 26 March 2015 and 37/5 of 22 March 2018 pertaining to the mandate of the Independent Expert on the enjoyment of human rights by persons with albinism,",
    );
    // (24/33, which follows the words of 23/13's title, is not read as part of that list: a known limit.)
    expect(albinism.citations.map((c) => c.targetSymbol)).toEqual([
      "A/HRC/RES/23/13",
      "A/HRC/RES/28/6",
      "A/HRC/RES/37/5",
    ]);
    expect(albinism.unresolved).toEqual([]);
  });

  it("leaves resolutions of bodies without symbols unresolved instead of calling them GA resolutions (issue 15)", () => {
    // 74/173 and 74/178.
    const ccpcj = detectResolutionReferences(
      "Welcoming Commission on Crime Prevention and Criminal Justice resolution 26/4 of 26 May 2017, in which the Commission decided that the open-ended intergovernmental Expert Group",
    );
    expect(ccpcj).toEqual({
      citations: [],
      unresolved: [
        { body: "CCPCJ", bodyName: "Commission on Crime Prevention and Criminal Justice", matchedText: "26/4" },
      ],
    });
    const cnd = detectResolutionReferences(
      "and recalling Commission on Narcotic Drugs resolution 61/2 of 16 March 2018 on strengthening efforts to prevent drug abuse in educational settings,",
    );
    expect(cnd.citations).toEqual([]);
    expect(cnd.unresolved).toEqual([{ body: "CND", bodyName: "Commission on Narcotic Drugs", matchedText: "61/2" }]);
    const cosp = detectResolutionReferences(
      "Recalling further Conference of the States Parties to the United Nations Convention against Corruption resolution 7/8 of 10 November 2017 on corruption in sport",
    );
    expect(cosp).toEqual({
      citations: [],
      unresolved: [
        {
          body: "treaty-conference",
          bodyName: "Conference of the States Parties to the United Nations Convention against Corruption",
          matchedText: "7/8",
        },
      ],
    });
    // A number that fits no named body (UNEA's "resolution 4/6") is never A/RES/4/6.
    expect(
      detectResolutionReferences("calls upon States to implement resolution 4/6 on marine plastic litter"),
    ).toEqual({
      citations: [],
      unresolved: [{ body: "unknown", bodyName: null, matchedText: "4/6" }],
    });
    // The example.
    expect(
      detectCitations("Recalling Human Rights Council resolution 52/5 of 3 April 2023").map((c) => c.targetSymbol),
    ).toEqual(["A/HRC/RES/52/5"]);
  });

  it("finds nothing in text without references", () => {
    expect(
      detectCitations("Decides to include in the provisional agenda of its seventy-eighth session the item."),
    ).toEqual([]);
  });
});

const vocabulary: ReferenceVocabulary = {
  states: [
    { iso3: "VNM", name: "Vietnam", officialName: "Socialist Republic of Vietnam", unGaNames: ["VIET NAM"] },
    { iso3: "GIN", name: "Guinea", officialName: "Republic of Guinea", unGaNames: ["GUINEA"] },
    {
      iso3: "PNG",
      name: "Papua New Guinea",
      officialName: "Independent State of Papua New Guinea",
      unGaNames: ["PAPUA NEW GUINEA"],
    },
    { iso3: "IRN", name: "Iran", officialName: "Islamic Republic of Iran", unGaNames: ["IRAN (ISLAMIC REPUBLIC OF)"] },
    { iso3: "OMN", name: "Oman", officialName: "Sultanate of Oman", unGaNames: ["OMAN"] },
  ],
  processes: [
    {
      id: "oewg-2021-2025",
      name: "Open-ended working group on security of and in the use of information and communications technologies 2021-2025",
      shortName: "OEWG 2021–2025",
    },
  ],
  normIdsByLetter: new Map([
    ["c", "13c"],
    ["f", "13f"],
    ["j", "13j"],
  ]),
  pocDirectoryCbmId: "un-global-poc-directory",
};

describe("reference matcher", () => {
  const matcher = createReferenceMatcher(vocabulary);
  const ids = (text: string, kind: string) =>
    matcher
      .detect(text)
      .filter((m) => m.kind === kind)
      .map((m) => m.targetId)
      .sort();

  it("names States in every UN spelling, longest name first, never inside other words", () => {
    expect(
      ids("Welcomes the offer of the Government of Viet Nam to host the signing ceremony in Hanoi", "state"),
    ).toEqual(["VNM"]);
    expect(ids("Statements by Papua New Guinea and Iran (Islamic Republic of)", "state")).toEqual(["IRN", "PNG"]);
    expect(ids("a woman from Romania; guinea pigs", "state")).toEqual([]);
  });

  it("flags explicit norm references apart from keyword topic matches with a lower confidence", () => {
    const mentions = matcher.detect(
      "In line with norm 13 (c), States should protect critical infrastructure and report vulnerabilities.",
    );
    expect(mentions.find((m) => m.targetId === "13c")).toMatchObject({ kind: "norm", confidence: 1 });
    expect(mentions.find((m) => m.targetId === "13f")).toMatchObject({ kind: "norm-topic" });
    expect(mentions.find((m) => m.targetId === "13f")!.confidence).toBeLessThan(1);
    expect(mentions.find((m) => m.targetId === "13j")?.kind).toBe("norm-topic");
  });

  it("reads no norm in another text's 13 (b) or in resolution 13 (I) of 1946 (real sentences of the 74–79 corpus)", () => {
    const letters = (text: string) => findExplicitNormReferences(text).map((r) => r.letter);
    // The Headquarters Agreement's section, and the first session's resolution (roman numeral), quoted in GA texts.
    expect(
      letters(
        "to leave the host country, article IV, section 13 (b) (1) of the Headquarters Agreement, inter alia, requires the host country",
      ),
    ).toEqual([]);
    expect(
      letters(
        "Recalling its resolution 13 (I) of 13 February 1946, by which the General Assembly established the Department of Public Information",
      ),
    ).toEqual([]);
    expect(letters("in paragraph 13 (c) of resolution 70/237")).toEqual([]);
    // The norms themselves, however written.
    expect(letters("In line with norm 13 (c) and paragraph 13 (f) of the 2015 report; see also 13(k).")).toEqual([
      "c",
      "f",
      "k",
    ]);
  });

  it("recognises processes and the points-of-contact directory CBM as resolutions word them", () => {
    const text =
      "Welcomes the establishment of the global intergovernmental points of contact directory by the open-ended working group 2021–2025";
    expect(ids(text, "process")).toEqual(["oewg-2021-2025"]);
    expect(ids(text, "cbm-topic")).toEqual(["un-global-poc-directory"]);
  });
});

describe("citations in the other UN languages (issue 19)", () => {
  const fixture = (letter: string) =>
    parseAkn(
      fs.readFileSync(
        new URL(`../../test/fixtures/documents/multilingual/75_240_${letter}.xml`, import.meta.url),
        "utf8",
      ),
    );
  const citedBy = (letter: string) =>
    [
      ...new Set(
        fixture(letter).paragraphs.flatMap((p) =>
          detectCitations([p.text, ...p.notes].join(" ")).map((c) => c.targetSymbol),
        ),
      ),
    ].sort();

  it.each(["A", "C", "F", "R", "S"])(
    "finds in 75/240 (%s) the same 25 cited resolutions as in its English text",
    (letter) => {
      const english = citedBy("E");
      expect(english).toHaveLength(25);
      expect(citedBy(letter)).toEqual(english);
    },
  );

  it("reads the short forms of each language and leaves decisions out", () => {
    const symbols = (text: string) => detectCitations(text).map((c) => c.targetSymbol);
    expect(symbols("Rappelant sa résolution 75/240 du 31 décembre 2020")).toEqual(["A/RES/75/240"]);
    expect(symbols("Recordando su resolución 75/240, de 31 de diciembre de 2020, y 76/19")).toEqual([
      "A/RES/75/240",
      "A/RES/76/19",
    ]);
    expect(symbols("ссылаясь на свою резолюцию 75/240")).toEqual(["A/RES/75/240"]);
    expect(symbols("إذ تشير إلى قرارها 75/240")).toEqual(["A/RES/75/240"]);
    expect(symbols("回顾其第75/240号决议")).toEqual(["A/RES/75/240"]);
    expect(symbols("回顾其第75/564号决定")).toEqual([]);
  });
});
