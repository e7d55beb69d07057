import { describe, expect, it } from "vitest";
import { parseSymbolParam, unknownVoteMessage, voteEventIdParam } from "./symbol-param.js";

describe("reading a UN symbol from a query parameter (issue 17)", () => {
  it("reads the short form, the full form, any case and spaces around the slashes as one symbol", () => {
    for (const typed of ["73/187", "A/RES/73/187", "a/res/73/187", " A / RES / 73 / 187 ", "73 / 187", "a/RES/073/187"])
      expect(parseSymbolParam(typed), typed).toBe("A/RES/73/187");
  });

  it("reads emergency special sessions, parts and other documents", () => {
    expect(parseSymbolParam("es-10/19")).toBe("A/RES/ES-10/19");
    expect(parseSymbolParam("74/232 b")).toBe("A/RES/74/232 B");
    expect(parseSymbolParam("a/c.1/74/l.50/rev.1")).toBe("A/C.1/74/L.50/Rev.1");
  });

  it("gives null for text that is not a symbol", () => {
    for (const typed of ["", "cybercrime", "73", "France", "x".repeat(300)]) expect(parseSymbolParam(typed)).toBeNull();
  });

  it("keeps vote event ids that are not symbols in the case they are written in", () => {
    expect(voteEventIdParam("rc-319")).toBe("RC-319");
    expect(voteEventIdParam("a/res/2625(xxv)")).toBe("A/RES/2625(XXV)");
    expect(voteEventIdParam("74/247")).toBe("A/RES/74/247");
    expect(voteEventIdParam("nothing")).toBe("nothing");
  });

  it("says which symbols match no vote and how to write one", () => {
    expect(unknownVoteMessage(["73/999"])).toBe(
      "No recorded vote matches “73/999”. Type a symbol, short (74/247) or in full (A/RES/74/247).",
    );
  });
});
