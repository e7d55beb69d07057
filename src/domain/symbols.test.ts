import { describe, expect, it } from "vitest";
import {
  documentTypeOfSymbol,
  gaSessionOfSymbol,
  normalizeSymbol,
  parseSymbol,
  resolutionSymbolFromShortForm,
  symbolWithoutPart,
} from "./symbols.js";

describe("parseSymbol", () => {
  it("reads a GA resolution symbol into organ, series, session and number", () => {
    const s = parseSymbol("A/RES/74/247")!;
    expect(s).toMatchObject({
      symbol: "A/RES/74/247",
      organ: "A",
      bodies: [],
      series: "RES",
      session: "74",
      number: "247",
      modifiers: [],
    });
    expect(documentTypeOfSymbol(s)).toBe("resolution");
    expect(gaSessionOfSymbol(s)).toBe(74);
  });

  it("keeps the parts of a resolution adopted in parts and reads special-session symbols (issue 15)", () => {
    expect(parseSymbol("A/RES/75/254 A-C")).toMatchObject({
      symbol: "A/RES/75/254 A-C",
      session: "75",
      number: "254",
      part: "A-C",
    });
    expect(normalizeSymbol("A/RES/74/232 B")).toBe("A/RES/74/232 B");
    expect(normalizeSymbol("A/RES/80/236 A-B")).toBe("A/RES/80/236 A-B");
    expect(gaSessionOfSymbol(parseSymbol("A/RES/75/242 B")!)).toBe(75);
    expect(normalizeSymbol("A/RES/S-32/1")).toBe("A/RES/S-32/1");
    expect(symbolWithoutPart("A/RES/75/254 A-C")).toBe("A/RES/75/254");
    expect(normalizeSymbol("A/75/816 B")).toBeNull();
    expect(parseSymbol("A/RES/74/247")!.part).toBeNull();
  });

  it("reads a First Committee draft with a revision", () => {
    const s = parseSymbol("A/C.1/74/L.50/Rev.1")!;
    expect(s).toMatchObject({
      symbol: "A/C.1/74/L.50/Rev.1",
      bodies: ["C.1"],
      session: "74",
      series: "L",
      number: "50",
      modifiers: [{ kind: "Rev", number: 1 }],
    });
    expect(documentTypeOfSymbol(s)).toBe("draft-resolution");
  });

  it("reads an Ad Hoc Committee conference room paper numbered by year", () => {
    const s = parseSymbol("A/AC.290/2021/CRP.2")!;
    expect(s).toMatchObject({
      symbol: "A/AC.290/2021/CRP.2",
      bodies: ["AC.290"],
      session: null,
      year: 2021,
      series: "CRP",
      number: "2",
    });
    expect(documentTypeOfSymbol(s)).toBe("conference-room-paper");
  });

  it("reads a GA document numbered within its session (the 2021 OEWG report)", () => {
    const s = parseSymbol("A/75/816")!;
    expect(s).toMatchObject({ symbol: "A/75/816", session: "75", number: "816", series: null });
    expect(documentTypeOfSymbol(s)).toBeNull();
  });

  it("normalises case, spaces and leading zeros", () => {
    expect(normalizeSymbol(" a / res / 074/247 ")).toBe("A/RES/74/247");
    expect(normalizeSymbol("A/C.1/74/l.50/rev.1")).toBe("A/C.1/74/L.50/Rev.1");
    expect(normalizeSymbol("A/76/135/Add.1")).toBe("A/76/135/Add.1");
  });

  it("reads emergency special sessions, Security Council, ECOSOC and Human Rights Council resolutions", () => {
    expect(parseSymbol("A/RES/ES-10/19")).toMatchObject({ session: "ES-10", number: "19" });
    expect(parseSymbol("S/RES/2341 (2017)")).toMatchObject({
      symbol: "S/RES/2341 (2017)",
      organ: "S",
      year: 2017,
      number: "2341",
    });
    expect(parseSymbol("E/RES/2004/26")).toMatchObject({ year: 2004, number: "26" });
    expect(parseSymbol("A/HRC/RES/47/16")).toMatchObject({
      bodies: ["HRC"],
      series: "RES",
      session: "47",
      number: "16",
    });
  });

  it("rejects text that is not a symbol", () => {
    for (const bad of [
      "",
      "A",
      "A/",
      "A//74",
      "X/RES/74/247",
      "A/RES/74/247/Rev.1/extra",
      "hello world",
      "A/RES/74 247",
      "A/RES/74/247".repeat(10),
      "../../etc/passwd",
    ]) {
      expect(parseSymbol(bad), bad).toBeNull();
    }
  });
});

describe("resolutionSymbolFromShortForm", () => {
  it("turns the short forms used in preambles into symbols", () => {
    expect(resolutionSymbolFromShortForm("43/78")).toBe("A/RES/43/78");
    expect(resolutionSymbolFromShortForm("ES-10/19")).toBe("A/RES/ES-10/19");
    expect(resolutionSymbolFromShortForm("47/16", "HRC")).toBe("A/HRC/RES/47/16");
    expect(resolutionSymbolFromShortForm("2004/26", "ECOSOC")).toBe("E/RES/2004/26");
    expect(resolutionSymbolFromShortForm("seventy/one")).toBeNull();
  });
});
