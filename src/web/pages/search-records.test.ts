// The search page finds records (States, resolutions, votes, norms…) above the paragraphs, with facets per kind (issue 17).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { importCorpusFiles } from "../../../test/corpus-subset.js";
import { queryRows } from "../../db/client.js";

/** The hrefs of the links in the records section, in page order. */
function recordLinks(html: string): string[] {
  const start = html.indexOf('id="records-heading"');
  const end = html.indexOf('id="paragraphs-heading"', start);
  const section = start < 0 ? "" : html.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/<li class="record-result[^"]*"><a href="([^"]+)"/g)].map((m) => m[1]!);
}

/** "States (2)" → { States: 2 }, from the facet links and the current facet. */
function facetCounts(html: string): Record<string, number> {
  const nav = /<nav class="record-facets"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  return Object.fromEntries(
    [...nav.matchAll(/>([A-Za-z]+) \(([\d,]+)\)</g)].map((m) => [m[1]!, Number(m[2]!.replace(/,/g, ""))]),
  );
}

const NORM_13C_FILES = ["english/74/74_180.xml", "english/77/A_RES_77_105-2228251E.xml"];

/** The facets' labels in the bar's order, and the page's section headings in page order. */
function facetOrder(html: string): string[] {
  const nav = /<nav class="record-facets"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  return [...nav.matchAll(/>([A-Za-z]+) \([\d,]+\)</g)].map((m) => m[1]!);
}
function sectionOrder(html: string): string[] {
  return [...html.matchAll(/<h3 id="records-\w+">([A-Za-z]+) <span|<h2 id="paragraphs-heading">(Paragraphs)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
}

/** The paragraph hits' "slug anchor" (from their permalinks) and their snippets' text. */
function hitsOf(html: string): { key: string; snippet: string }[] {
  return [
    ...html.matchAll(
      /<a class="search-hit-link" href="\/documents\/([^"#?]+)[^"#]*#([^"]+)">[\s\S]*?<p class="snippet"[^>]*>([\s\S]*?)<\/p>/g,
    ),
  ].map((m) => ({ key: `${decodeURIComponent(m[1]!)} ${m[2]}`, snippet: m[3]!.replace(/<[^>]+>/g, "") }));
}

describe("the search page's records", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Two resolutions of the bundled corpus the reference detector matched to the topic of norm 13(c).
    await importCorpusFiles(t.database, NORM_13C_FILES, new Date("2026-11-23T12:00:00Z"));
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
      expect(html.indexOf('id="records-heading"')).toBeLessThan(
        html.indexOf('<h2 id="paragraphs-heading">Paragraphs</h2>'),
      );
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
    expect(resolutions).toContain(
      '<a href="/resolutions/A/RES/74/247">A/RES/74/247 — resolution: Countering the use of information and communications technologies for criminal purposes</a>',
    );
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

  it("lists the paragraphs citing a symbol for 74/247, A/RES/74/247 and resolution 74/247", async () => {
    const [{ n }] = (await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM document_citations c JOIN documents d ON d.id = c.document_id AND d.is_current
          WHERE c.target_symbol = 'A/RES/74/247'`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    for (const q of ["74/247", "A/RES/74/247", "resolution 74/247"]) {
      const html = await page(`q=${encodeURIComponent(q)}`);
      expect(recordLinks(html).slice(0, 3), q).toEqual([
        "/resolutions/A/RES/74/247",
        "/votes/A/RES/74/247",
        "/documents/A/RES/74/247",
      ]);
      expect(html, q).toContain('<h2 id="paragraphs-heading">Paragraphs that cite A/RES/74/247</h2>');
      expect(facetCounts(html)["Paragraphs"], q).toBe(n);
      expect(html, q).toMatch(new RegExp(`<p role="status">${n} paragraphs? in \\d+ documents? cite A/RES/74/247</p>`));
      for (const hit of hitsOf(html)) expect(hit.snippet, q).toContain("74/247");
    }
  });

  it("labels the resolution, its vote and its text apart", async () => {
    const html = await page("q=74%2F247");
    const texts = [
      ...html.matchAll(/<li class="record-result record-(resolution|vote|document)"><a [^>]+>([^<]+)<\/a>/g),
    ]
      .slice(0, 3)
      .map((m) => m[2]!);
    expect(texts[0]).toMatch(/^A\/RES\/74\/247 — resolution: Countering the use of/);
    expect(texts[1]).toMatch(/^A\/RES\/74\/247 — vote of \d+ December 2019 \(\d+–\d+–\d+\)$/);
    expect(texts[2]).toMatch(/^A\/RES\/74\/247 — text \(English, \d+ paragraphs\)$/);
  });

  it("lists the paragraphs on norm 13(c) instead of matching 13 and c as words, and says how they were found", async () => {
    const html = await page(`q=${encodeURIComponent("13(c)")}`);
    expect(recordLinks(html)[0]).toBe("/norms/13c");
    const topic = await queryRows<{ key: string }>(
      t.database.db,
      sql`SELECT DISTINCT d.slug || ' ' || p.anchor AS key FROM paragraph_mentions m
          JOIN document_paragraphs p ON p.id = m.paragraph_id JOIN documents d ON d.id = p.document_id AND d.is_current
          WHERE m.target_id = '13c' AND m.kind IN ('norm', 'norm-topic')`,
    );
    expect(topic.length).toBeGreaterThan(0);
    // No paragraph of the bundled data cites 13(c) by number: the topic's matches are shown, and said to be.
    expect(html).toContain('<h2 id="paragraphs-heading">Paragraphs on the topic of norm 13(c)</h2>');
    expect(html).toContain(`No paragraph cites norm 13(c) by its number; ${topic.length} paragraphs in 2 documents`);
    const hits = hitsOf(html);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(topic.map((r) => r.key)).toContain(hit.key);
      expect(hit.snippet.toLowerCase()).toContain("internationally wrongful act");
    }
    expect(html).toContain('href="/follow?kind=norm&amp;id=13c"');
  });

  it("lists the paragraphs a norm or State filter selects without words", async () => {
    const norm = await page("norm=13c&norm_topics=true");
    expect(norm).not.toContain("Type words to search");
    expect(norm).toContain(
      '<h2 id="paragraphs-heading">Paragraphs that cite norm 13(c) or match its topic&#39;s keywords</h2>',
    );
    expect(hitsOf(norm).length).toBeGreaterThan(0);
    expect(await page("norm=13c")).toContain("No paragraph matches these filters.");
    const state = await page("state=Viet+Nam");
    expect(state).toContain("Paragraphs that name VNM");
    expect(hitsOf(state).length).toBeGreaterThan(0);
  });

  it("orders the facets as the sections, and names organizations as the menu does", async () => {
    for (const q of ["cybercrime", "France", "OSCE"]) {
      const html = await page(`q=${q}`);
      expect(facetOrder(html), q).toEqual(sectionOrder(html));
    }
    expect(facetOrder(await page("q=OSCE"))).toContain("Organizations");
  });

  it("marks with an ellipsis a snippet cut from its paragraph, and only then", async () => {
    const html = await page("q=cybercrime&kind=paragraph&group=paragraph");
    const snippets = hitsOf(html).map((h) => h.snippet);
    expect(snippets.length).toBeGreaterThan(5);
    const texts = await queryRows<{ key: string; text: string }>(
      t.database.db,
      sql`SELECT d.slug || ' ' || p.anchor AS key, p.text FROM document_paragraphs p
          JOIN documents d ON d.id = p.document_id AND d.is_current AND d.language = 'en'`,
    );
    const textOf = new Map(texts.map((r) => [r.key, r.text.replace(/\s+/g, "")]));
    let cut = 0;
    for (const hit of hitsOf(html)) {
      const text = textOf.get(hit.key)!;
      const shown = hit.snippet
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
      const startsCut = shown.startsWith("… ");
      const body = shown.replace(/^… /, "").replace(/ …$/, "").split(" … ")[0]!.replace(/\s+/g, "");
      expect(startsCut, hit.key).toBe(!text.startsWith(body));
      if (startsCut) cut++;
    }
    expect(cut).toBeGreaterThan(0);
  });

  it("lists France's votes newest first with readable titles", async () => {
    const html = await page("q=France&kind=vote");
    const labels = [
      ...html.matchAll(
        /<li class="record-result record-vote"><a [^>]+>([^<]+)<\/a>(?:<span class="muted"> — ([^<]*))?/g,
      ),
    ];
    const years = labels.map((m) => Number(/(\d{4}) \(/.exec(m[1]!)![1]));
    expect(years.length).toBe(20);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(labels.map((m) => m[2])).toContain("Protocal I, France");
  });
});
