import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAkn } from "../ingest/documents/akn.js";
import { dominantScriptOf, scriptOfLanguage } from "./text-script.js";

const text = (file: string) =>
  parseAkn(fs.readFileSync(new URL(`../../test/fixtures/${file}`, import.meta.url), "utf8"))
    .paragraphs.map((p) => p.text)
    .join(" ");

describe("the script of a text", () => {
  it("is the script of its language for each of A/RES/75/240's six real versions", () => {
    for (const [letter, language] of [
      ["E", "en"],
      ["F", "fr"],
      ["S", "es"],
      ["R", "ru"],
      ["A", "ar"],
      ["C", "zh"],
    ] as const)
      expect(dominantScriptOf(text(`documents/multilingual/75_240_${letter}.xml`)), letter).toBe(
        scriptOfLanguage(language),
      );
  });

  it("tells upstream's Chinese 75/274 that declares Spanish apart from Spanish", () => {
    const parsed = parseAkn(
      fs.readFileSync(new URL("../../test/fixtures/languages/75_274_C.xml", import.meta.url), "utf8"),
    );
    expect(parsed.language).toBe("es");
    expect(dominantScriptOf(parsed.paragraphs.map((p) => p.text).join(" "))).toBe("han");
  });

  it("does not guess from a few letters or for a language whose script it does not check", () => {
    expect(dominantScriptOf("A/RES/75/240 安全")).toBeNull();
    expect(scriptOfLanguage("de")).toBeNull();
  });
});
