import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAkn } from "./akn.js";
import { UnsafeXmlError } from "./xml-tree.js";

const read = (file: string) => fs.readFileSync(new URL(`../../../datasets/documents/${file}`, import.meta.url), "utf8");

describe("parseAkn on real GA resolutions", () => {
  it("reads 77/37: 25 preambular and 5 operative paragraphs", () => {
    // Counted in the XML: <preamble> holds 25 <container> elements after the enacting formula ("The General Assembly,"),
    // and <mainBody> holds 5 <paragraph> elements numbered 1. to 5.
    const doc = parseAkn(read("A_RES_77_37.xml"));
    expect(doc).toMatchObject({
      symbol: "A/RES/77/37",
      date: "2022-12-07",
      language: "en",
      type: "resolution",
      format: "akn",
      authors: ["General Assembly"],
    });
    expect(doc.title).toBe(
      "Programme of action to advance responsible State behaviour in the use of information and communications technologies in the context of international security",
    );
    expect(doc.paragraphs.filter((p) => p.kind === "preambular")).toHaveLength(25);
    expect(doc.paragraphs.filter((p) => p.kind === "operative").map((p) => p.anchor)).toEqual([
      "op-1",
      "op-2",
      "op-3",
      "op-4",
      "op-5",
    ]);
    expect(doc.paragraphs[0]!.text).toMatch(
      /^Recalling its resolutions 43\/78 H of 7 December 1988, 53\/70 of 4 December 1998/,
    );
    const pp10 = doc.paragraphs.find((p) => p.anchor === "pp-10")!;
    expect(pp10.notes).toEqual(["See A/65/201, A/68/98, A/70/174, A/75/816 and A/76/135.", "See A/77/275."]);
  });

  it("reads 79/243 with the annexed Convention against Cybercrime", () => {
    // Counted in the XML: 5 preambular <container>s and 12 numbered <paragraph>s in the resolution's <mainBody>;
    // the annex (<attachments>) holds 681 <paragraph>s, 164 of them only a <subheading> (Annex, Chapter I, Article 1,
    // article titles…), leaving 517 paragraphs of text.
    const doc = parseAkn(read("A_RES_79_243.xml"));
    const count = (kind: string) => doc.paragraphs.filter((p) => p.kind === kind).length;
    expect([count("preambular"), count("operative"), count("heading"), count("annex")]).toEqual([5, 12, 164, 517]);
    const article7 = doc.paragraphs.find((p) => p.anchor === "annex1-art-7-1")!;
    expect(article7.heading).toBe("Article 7 — Illegal access");
    expect(article7.label).toBe("Annex, Article 7, para 1");
    expect(article7.text).toMatch(
      /^Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the access to the whole or any part of an information and communications technology system without right/,
    );
    expect(new Set(doc.paragraphs.map((p) => p.anchor)).size).toBe(doc.paragraphs.length);
  });

  it("keeps sub-items of operative paragraphs as their own anchors (76/19 op 6 (a), 74/28 op 1 (a))", () => {
    const doc7619 = parseAkn(read("A_RES_76_19.xml"));
    expect(doc7619.paragraphs.find((p) => p.anchor === "op-6-a")).toMatchObject({
      kind: "sub-item",
      label: "op 6 (a)",
    });
    const doc7428 = parseAkn(read("A_RES_74_28.xml"));
    expect(doc7428.paragraphs.find((p) => p.anchor === "op-1-b")?.text).toMatch(
      /^\(b\) To support the implementation of cooperative measures/,
    );
  });

  it("refuses XML with entity declarations instead of expanding them", () => {
    const laughs = fs.readFileSync(
      new URL("../../../test/fixtures/documents/billion-laughs.xml", import.meta.url),
      "utf8",
    );
    expect(() => parseAkn(laughs)).toThrow(UnsafeXmlError);
  });
});
