import { describe, expect, it } from "vitest";
import { citationSnippet, snippetEdges } from "./search-snippets.js";

const PARAGRAPH =
  "Recalling its resolution 74/247 of 27 December 2019, in which it established an open-ended ad hoc intergovernmental committee of experts, representative of all regions, to elaborate a comprehensive international convention on countering the use of information and communications technologies for criminal purposes, and its resolution 75/282 of 26 May 2021,";

describe("snippetEdges", () => {
  it("tells whether a snippet starts and ends its paragraph", () => {
    const whole = [{ text: PARAGRAPH, match: false }];
    expect(snippetEdges(whole, PARAGRAPH)).toEqual({ isStart: true, isEnd: true });
    const middle = [
      { text: "established an open-ended ", match: false },
      { text: "ad hoc", match: true },
      { text: " intergovernmental committee", match: false },
    ];
    expect(snippetEdges(middle, PARAGRAPH)).toEqual({ isStart: false, isEnd: false });
    const opening = [
      { text: "Recalling its ", match: false },
      { text: "resolution", match: true },
    ];
    expect(snippetEdges(opening, PARAGRAPH)).toEqual({ isStart: true, isEnd: false });
  });

  it("looks at the first and last of two fragments, and ignores spaces added between Chinese words", () => {
    const fragments = [{ text: "Recalling its resolution … of 26 May 2021,", match: false }];
    expect(snippetEdges(fragments, PARAGRAPH)).toEqual({ isStart: true, isEnd: true });
    expect(snippetEdges([{ text: "回顾 其 第", match: false }], "回顾其第74/247号决议")).toEqual({
      isStart: true,
      isEnd: false,
    });
  });
});

describe("citationSnippet", () => {
  it("marks the cited reference with the words around it, and says where it is cut", () => {
    const { snippet, isStart, isEnd } = citationSnippet(PARAGRAPH, "resolution 75/282");
    expect(snippet.filter((s) => s.match).map((s) => s.text)).toEqual(["resolution 75/282"]);
    const shown = snippet.map((s) => s.text).join("");
    // Fifteen words before the reference, then the rest of the paragraph.
    expect(PARAGRAPH.endsWith(shown)).toBe(true);
    expect(shown.slice(0, shown.indexOf("resolution 75/282")).trim().split(" ")).toHaveLength(15);
    expect(isStart).toBe(false);
    expect(isEnd).toBe(true);
    const early = citationSnippet(PARAGRAPH, "RESOLUTION 74/247");
    expect(early.isStart).toBe(true);
    expect(early.snippet[1]).toEqual({ text: "resolution 74/247", match: true });
  });

  it("shows the paragraph's opening words when the matched text is not found as written", () => {
    const { snippet, isStart } = citationSnippet(PARAGRAPH, "A/RES/74/247");
    expect(isStart).toBe(true);
    expect(snippet[0]!.text.startsWith("Recalling its resolution 74/247")).toBe(true);
  });
});
