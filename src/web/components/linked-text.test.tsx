import { describe, expect, it } from "vitest";
import type { KnownLinkTargets } from "../../domain/text-links.js";
import { LinkedText } from "./linked-text.js";

const known: KnownLinkTargets = {
  resolutions: new Set(["A/RES/74/247"]),
  documents: new Map([["A/RES/75/240", "A/RES/75/240"]]),
  votes: new Map(),
  norms: new Map([["c", "13c"]]),
};

const render = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());

describe("LinkedText", () => {
  it("escapes the text around and inside the links: data never becomes markup", async () => {
    expect(
      await render(
        <LinkedText
          text={`<img src=x onerror="alert(1)"> resolutions 74/247 and 75/240 &; norm 13 (c)`}
          links={known}
        />,
      ),
    ).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; resolutions <a href="/resolutions/A/RES/74/247">74/247</a> and <a href="/documents/A/RES/75/240">75/240</a> &amp;; <a href="/norms/13c">norm 13 (c)</a>',
    );
  });

  it("leaves the text alone without link targets, and an unknown symbol unlinked", async () => {
    expect(await render(<LinkedText text="resolution 74/247 <b>" />)).toBe("resolution 74/247 &lt;b&gt;");
    expect(await render(<LinkedText text="resolution 12/345" links={known} />)).toBe("resolution 12/345");
  });

  it("does not link the page to itself", async () => {
    expect(await render(<LinkedText text="A/RES/74/247" links={known} currentHref="/resolutions/A/RES/74/247" />)).toBe(
      "A/RES/74/247",
    );
  });
});
