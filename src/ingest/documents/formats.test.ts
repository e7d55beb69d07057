import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocumentBytes } from "./formats.js";

const fixture = (file: string) => fs.readFileSync(new URL(`../../../test/fixtures/documents/${file}`, import.meta.url));

describe("parseDocumentBytes on PDF, DOCX and Markdown made from the real text of 74/247", () => {
  // The fixtures are written by test/fixtures/documents/make-fixtures.ts from datasets/documents/A_RES_74_247.xml,
  // which has 17 preambular and 6 operative paragraphs.
  for (const file of ["A_RES_74_247.pdf", "A_RES_74_247.docx", "A_RES_74_247.md"]) {
    it(`finds the symbol, adoption date and numbered paragraphs in ${file}`, async () => {
      const doc = await parseDocumentBytes(fixture(file), file);
      expect(doc).toMatchObject({
        symbol: "A/RES/74/247",
        date: "2019-12-27",
        title: "Countering the use of information and communications technologies for criminal purposes",
      });
      expect(doc.paragraphs.filter((p) => p.kind === "preambular")).toHaveLength(17);
      expect(doc.paragraphs.filter((p) => p.kind === "operative").map((p) => p.anchor)).toEqual([
        "op-1",
        "op-2",
        "op-3",
        "op-4",
        "op-5",
        "op-6",
      ]);
      expect(doc.paragraphs.find((p) => p.anchor === "op-2")!.text).toMatch(
        /^2\. Decides to establish an open-ended ad hoc intergovernmental committee of experts, representative of all regions/,
      );
    });
  }

  it("reads HTML block elements and ignores scripts", async () => {
    const html = `<html><head><title>Chair's summary</title><script>alert("x")</script></head><body><h1>Chair's summary</h1><p>The Chair thanked the delegation of Kenya.</p><ul><li>1. First point on capacity-building</li></ul></body></html>`;
    const doc = await parseDocumentBytes(Buffer.from(html), "summary.html");
    expect(doc.title).toBe("Chair's summary");
    expect(doc.paragraphs.map((p) => p.text)).toEqual([
      "Chair's summary",
      "The Chair thanked the delegation of Kenya.",
      "1. First point on capacity-building",
    ]);
    expect(doc.paragraphs.some((p) => p.text.includes("alert"))).toBe(false);
  });

  it("fails with a reason on corrupt, empty, mislabelled and unsupported files", async () => {
    await expect(parseDocumentBytes(fixture("corrupt.pdf"), "corrupt.pdf")).rejects.toThrow(/unreadable PDF/);
    await expect(parseDocumentBytes(fixture("broken.docx"), "broken.docx")).rejects.toThrow(/unreadable DOCX/);
    await expect(parseDocumentBytes(fixture("empty.txt"), "empty.txt")).rejects.toThrow(/empty file/);
    await expect(parseDocumentBytes(fixture("truncated.xml"), "truncated.xml")).rejects.toThrow(/not well-formed XML/);
    await expect(parseDocumentBytes(Buffer.from("plain words"), "report.pdf")).rejects.toThrow(/not a PDF file/);
    await expect(parseDocumentBytes(Buffer.from([0, 1, 2, 3, 255]), "image.png")).rejects.toThrow(
      /unsupported file type \.png/,
    );
    await expect(parseDocumentBytes(Buffer.from([0xff, 0xfe, 0x41]), "notes.txt")).rejects.toThrow(/not valid UTF-8/);
    await expect(parseDocumentBytes(Buffer.from("<?xml version='1.0'?><html/>"), "page.xml")).rejects.toThrow(
      /not Akoma Ntoso/,
    );
  });
});
