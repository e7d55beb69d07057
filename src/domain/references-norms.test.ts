import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAkn } from "../ingest/documents/akn.js";
import { createReferenceMatcher, type DetectedMention } from "./references-entities.js";
import { detectOtherLanguageNormReferences } from "./references-norms.js";

// Norms of the 2015 framework by letter, as the bundled framework items give them ("13(c)" → "n-c").
const items = JSON.parse(
  fs.readFileSync(new URL("../../datasets/reference/framework-items.json", import.meta.url), "utf8"),
) as { id: string; frameworkId: string; code: string }[];
const normIdsByLetter = new Map(
  items.filter((i) => i.frameworkId === "un-norms-2015").map((i) => [/^13\(([a-k])\)$/.exec(i.code)![1]!, i.id]),
);
const matcher = createReferenceMatcher({ states: [], processes: [], normIdsByLetter, pocDirectoryCbmId: null });
const norms = (text: string) =>
  matcher
    .detect(text)
    .filter((m) => m.kind === "norm" || m.kind === "norm-topic")
    .map((m: DetectedMention) => `${m.kind} ${m.targetId} ${m.confidence}`)
    .sort();

// Real paragraphs of A/RES/76/19 in the six languages (test/fixtures/mentions) and the whole of A/RES/75/240 in each
// (test/fixtures/documents/multilingual); see PROVENANCE.md in each folder.
const fixtures = JSON.parse(
  fs.readFileSync(new URL("../../test/fixtures/mentions/paragraphs.json", import.meta.url), "utf8"),
) as { norms: { language: string; anchor: string; text: string }[] };
const paragraph = (language: string, anchor: string) =>
  fixtures.norms.find((p) => p.language === language && p.anchor === anchor)!.text;
const resolution = (letter: string) => {
  const doc = parseAkn(
    fs.readFileSync(
      new URL(`../../test/fixtures/documents/multilingual/75_240_${letter}.xml`, import.meta.url),
      "utf8",
    ),
  );
  return new Map(doc.paragraphs.map((p) => [p.anchor, norms(p.text)]));
};

describe("norm references in the six UN languages", () => {
  it.each(["fr", "es", "ru", "ar", "zh"])(
    "A/RES/76/19 in %s names the norm topics the English names (criminal or terrorist purposes, human rights)",
    (language) => {
      for (const anchor of ["pp-7", "pp-8"])
        expect(norms(paragraph(language, anchor))).toEqual(norms(paragraph("en", anchor)));
    },
  );

  it("A/RES/76/19 pp-6, critical (information) infrastructure: the same norms in every language", () => {
    const english = norms(paragraph("en", "pp-6"));
    expect(english).toEqual([
      `norm-topic ${normIdsByLetter.get("f")} 0.8`,
      `norm-topic ${normIdsByLetter.get("g")} 0.6`,
    ]);
    expect(norms(paragraph("fr", "pp-6"))).toEqual(english);
    expect(norms(paragraph("es", "pp-6"))).toEqual(english);
    // Russian, Arabic and Chinese word "essential services" as basic services, which is not read as a hint: f is
    // found from critical infrastructure alone, with the confidence of one phrase of two.
    for (const language of ["ru", "ar", "zh"])
      expect(norms(paragraph(language, "pp-6"))).toEqual([
        `norm-topic ${normIdsByLetter.get("f")} 0.6`,
        `norm-topic ${normIdsByLetter.get("g")} 0.6`,
      ]);
  });

  it("A/RES/75/240 in each language gives each paragraph the English paragraph's norm topics", () => {
    const english = resolution("E");
    expect([...english.values()].flat()).toContain(`norm-topic ${normIdsByLetter.get("i")} 0.8`);
    for (const letter of ["F", "S", "A", "C"]) expect(resolution(letter), letter).toEqual(english);
    // Russian words the supply chain of pp-11 otherwise ("всей системы производства и сбыта"): hidden functions only.
    const russian = resolution("R");
    expect(russian.get("pp-11")).toEqual([`norm-topic ${normIdsByLetter.get("i")} 0.6`]);
    expect(new Map([...russian].filter(([a]) => a !== "pp-11"))).toEqual(
      new Map([...english].filter(([a]) => a !== "pp-11")),
    );
  });

  it("reads an explicit norm in the way each language writes an item of a paragraph", () => {
    // Item syntax as the texts write it: "párrafo 2 b)", "пункте 2 b) статьи 1", "الفقرة 2 (ب) من المادة 1" (A/RES/75/89),
    // "第29(i)段" (75/314), "l’alinéa b) de l’article 2" (75/239). No text of sessions 75–76 cites an item of norm 13.
    expect(detectOtherLanguageNormReferences("conformément à la norme 13 c)").map((r) => r.letter)).toEqual(["c"]);
    expect(detectOtherLanguageNormReferences("l’alinéa f) du paragraphe 13 du rapport").map((r) => r.letter)).toEqual([
      "f",
    ]);
    expect(detectOtherLanguageNormReferences("en el párrafo 13 b) del informe").map((r) => r.letter)).toEqual(["b"]);
    expect(detectOtherLanguageNormReferences("в пункте 13 k) доклада").map((r) => r.letter)).toEqual(["k"]);
    expect(detectOtherLanguageNormReferences("في الفقرة 13 (ج) من التقرير").map((r) => r.letter)).toEqual(["c"]);
    expect(detectOtherLanguageNormReferences("في الفقرة 13 (هـ)").map((r) => r.letter)).toEqual(["e"]);
    expect(norms("报告第13(c)段")).toEqual([`norm ${normIdsByLetter.get("c")} 1`]);
    // A/RES/76/122: section 13 (b) of the Headquarters Agreement, not a norm.
    expect(detectOtherLanguageNormReferences("البند 13 (ب) (1) من المادة الرابعة من اتفاق المقر")).toEqual([]);
    // "13 c)" alone is any list item.
    expect(detectOtherLanguageNormReferences("13 c) les mesures prises")).toEqual([]);
  });
});
