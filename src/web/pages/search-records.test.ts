// The search page finds records (States, resolutions, votes, norms…) above the paragraphs, with facets per kind (issue 17).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

/** The hrefs of the links in the records section, in page order. */
function recordLinks(html: string): string[] {
  const start = html.indexOf('id="records-heading"');
  const section = start < 0 ? "" : html.slice(start, html.indexOf("<h2>Paragraphs</h2>", start));
  return [...section.matchAll(/<li class="record-result[^"]*"><a href="([^"]+)"/g)].map((m) => m[1]!);
}

/** "States (2)" → { States: 2 }, from the facet links and the current facet. */
function facetCounts(html: string): Record<string, number> {
  const nav = /<nav class="record-facets"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  return Object.fromEntries(
    [...nav.matchAll(/>([A-Za-z]+) \(([\d,]+)\)</g)].map((m) => [m[1]!, Number(m[2]!.replace(/,/g, ""))]),
  );
}

describe("the search page's records", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 300_000);
  afterAll(async () => t?.dispose());
  const page = async (query: string) => {
    const res = await t.app.request(`/search?${query}`);
    expect(res.status).toBe(200);
    return res.text();
  };

  it("puts the State first for its name or code, linked to its page, above the paragraphs", async () => {
    for (const q of ["France", "fra"]) {
      const html = await page(`q=${q}`);
      expect(recordLinks(html)[0], q).toBe("/states/FRA");
      expect(html.indexOf('id="records-heading"')).toBeLessThan(html.indexOf("<h2>Paragraphs</h2>"));
      expect(html).toMatch(/<h3 id="records-state">States <span class="muted">\(\d+\)<\/span><\/h3>/);
    }
  });

  it("finds a State by its French name", async () => {
    const html = await page(`q=${encodeURIComponent("République fédérale d'Allemagne")}`);
    expect(recordLinks(html)[0]).toBe("/states/DEU");
    // The name it was found by is shown beside the English one.
    expect(html).toMatch(
      /<a href="\/states\/DEU">Germany<\/a><span class="muted"> — [^<]*République fédérale d&#39;Allemagne/,
    );
  });

  it("puts the resolution and its vote first for 74/247 and A/RES/74/247", async () => {
    for (const q of ["74/247", "A/RES/74/247"]) {
      const links = recordLinks(await page(`q=${encodeURIComponent(q)}`));
      expect(links.slice(0, 2), q).toEqual(["/resolutions/A/RES/74/247", "/votes/A/RES/74/247"]);
    }
  });

  it("finds the norm for 13(c)", async () => {
    const html = await page(`q=${encodeURIComponent("13(c)")}`);
    expect(recordLinks(html)[0]).toBe("/norms/13c");
  });

  it("shows facets with counts that limit the results to one kind, without JavaScript", async () => {
    const html = await page("q=cybercrime");
    const counts = facetCounts(html);
    expect(counts["Resolutions"]).toBeGreaterThanOrEqual(3);
    expect(counts["Votes"]).toBeGreaterThanOrEqual(2);
    expect(counts["Paragraphs"]).toBeGreaterThan(0);
    expect(html).toContain('href="/search?q=cybercrime&amp;kind=resolution"');

    const resolutions = await page("q=cybercrime&kind=resolution");
    expect(resolutions).toContain(`<p role="status">${counts["Resolutions"]} resolutions match “cybercrime”</p>`);
    expect(resolutions).toContain(`<strong aria-current="page">Resolutions (${counts["Resolutions"]})</strong>`);
    // Only resolutions are listed; the facets keep every kind's count.
    const listed = [...resolutions.matchAll(/<li class="record-result record-(\w+)">/g)].map((m) => m[1]);
    expect(listed).toHaveLength(counts["Resolutions"]!);
    expect(new Set(listed)).toEqual(new Set(["resolution"]));
    expect(resolutions).toContain('<a href="/resolutions/A/RES/74/247">A/RES/74/247</a>');
    expect(resolutions).not.toContain('class="search-hit"');
    expect(facetCounts(resolutions)).toEqual(counts);

    // The paragraphs facet counts what the paragraph search finds.
    const paragraphs = await page("q=cybercrime&kind=paragraph");
    expect(paragraphs).toContain(`${counts["Paragraphs"]!.toLocaleString("en")} paragraphs in`);
    expect(paragraphs).not.toContain('class="record-groups"');
    expect(paragraphs).toContain('class="search-hit"');
  });

  it("pages through one kind of record", async () => {
    const first = await page("q=security&kind=vote");
    const total = facetCounts(first)["Votes"]!;
    expect(total).toBeGreaterThan(20);
    expect([...first.matchAll(/<li class="record-result record-vote">/g)]).toHaveLength(20);
    expect(first).toContain('href="/search?q=security&amp;kind=vote&amp;page=2"');
    const second = await page("q=security&kind=vote&page=2");
    expect(second).toContain('<ol class="record-results" start="21">');
  });

  it("says when a kind has no match and refuses an unknown kind on the page", async () => {
    expect(await page("q=France&kind=session")).toContain("No sessions match “France”.");
    expect(await page("q=France&kind=planet")).toContain("Please check the filters");
  });
});
