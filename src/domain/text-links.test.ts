import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAkn } from "../ingest/documents/akn.js";
import { detectCitations, locateResolutionReferences } from "./references.js";
import { findTextReferences, linkText, symbolsToLookUp, type KnownLinkTargets } from "./text-links.js";

const words = (text: string) => findTextReferences(text).map((r) => text.slice(r.start, r.end));

const known: KnownLinkTargets = {
  resolutions: new Set(["A/RES/74/247", "decision 75/564"]),
  documents: new Map([
    ["A/RES/74/247", "A/RES/74/247"],
    ["A/RES/75/240", "A/RES/75/240"],
  ]),
  votes: new Map([["A/RES/43/78", ["RC-2000"]]]),
  norms: new Map([["c", "13c"]]),
};

describe("locateResolutionReferences", () => {
  it("places every citation of 77/37's Recalling paragraph on the words that cite it, as detectCitations reads them", () => {
    const text = parseAkn(fs.readFileSync(new URL("../../datasets/documents/A_RES_77_37.xml", import.meta.url), "utf8"))
      .paragraphs[0]!.text;
    const located = locateResolutionReferences(text);
    for (const r of located) expect(text.slice(r.start, r.end)).toBe(r.matchedText);
    const symbols = [...new Set(located.flatMap((r) => (r.symbol ? [r.symbol] : [])))];
    expect(symbols).toEqual(detectCitations(text).map((c) => c.targetSymbol));
    expect(symbols).toHaveLength(27);
  });
});

describe("findTextReferences", () => {
  it("finds lists of short forms, full symbols, other bodies' resolutions and GA decisions", () => {
    expect(
      words(
        "Recalling its resolutions 73/27 and 73/266 of 22 December 2018, A/70/174, Human Rights Council resolution 47/16 and decision 75/564,",
      ),
    ).toEqual(["73/27", "73/266", "A/70/174", "47/16", "75/564"]);
    expect(findTextReferences("Human Rights Council resolution 47/16")[0]!.target).toEqual({
      kind: "symbol",
      symbol: "A/HRC/RES/47/16",
    });
  });

  it("reads the norms of the 2015 report, not another text's paragraph 13 (c) or an article 13 (c)", () => {
    expect(words("norm 13(c) and paragraph 13 (f) of the 2015 report; see also 13 (k).")).toEqual([
      "norm 13(c)",
      "paragraph 13 (f)",
      "13 (k)",
    ]);
    expect(
      words("as set out in paragraph 13 (c) of resolution 60/251, article 13 (c) and paragraph 13 (b) above"),
    ).toEqual(["60/251"]);
  });

  it("lists the symbols a page must look up, decisions included and norms left out", () => {
    expect(symbolsToLookUp(["resolution 74/247 and norm 13 (c)", null, "decision 75/564"])).toEqual([
      "A/RES/74/247",
      "decision 75/564",
    ]);
  });
});

describe("linkText", () => {
  it("links what exists (resolution page, stored text, recorded vote, norm) and leaves the rest as text", () => {
    expect(
      linkText(
        "Recalling resolutions 74/247, 75/240 and 43/78 H, decision 75/564, A/65/201 and norm 13 (c) <script>",
        known,
      ),
    ).toEqual([
      "Recalling resolutions ",
      { text: "74/247", href: "/resolutions/A/RES/74/247" },
      ", ",
      { text: "75/240", href: "/documents/A/RES/75/240" },
      " and ",
      { text: "43/78 H", href: "/votes/RC-2000" },
      ", decision ",
      { text: "75/564", href: "/resolutions/decision%2075/564" },
      ", A/65/201 and ",
      { text: "norm 13 (c)", href: "/norms/13c" },
      " <script>",
    ]);
  });

  it("does not link a page to itself", () => {
    expect(linkText("A/70/174 para 13(c)", known, "/norms/13c")).toEqual(["A/70/174 para 13(c)"]);
  });
});
