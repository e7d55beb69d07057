import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import type { SearchHit } from "../domain/search.js";
import { searchParagraphs } from "./search.js";

const QUERY = "cybercrime";

describe.each(TEST_DRIVERS)("search grouped by document on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  let all: SearchHit[];
  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver, { seed: true });
    all = (await searchParagraphs(database.db, QUERY, {}, { limit: 10_000, offset: 0 })).hits;
  }, 300_000);
  afterAll(async () => database?.dispose());

  const perDocument = () => {
    const counts = new Map<string, number>();
    for (const h of all) counts.set(h.slug, (counts.get(h.slug) ?? 0) + 1);
    return counts;
  };

  it.skipIf(skip)(
    "shows at most three paragraphs of a document, together, and counts the rest per document",
    async () => {
      const counts = perDocument();
      // The bundled 79/243 (the Convention) alone has far more than three matching paragraphs.
      expect(counts.get("A/RES/79/243")).toBeGreaterThan(3);
      const grouped = await searchParagraphs(database.db, QUERY, {}, { limit: 10_000, offset: 0, perDocument: 3 });
      expect(grouped.total).toBe(all.length);
      expect(grouped.documents).toBe(counts.size);
      expect(grouped.pageable).toBe([...counts.values()].reduce((n, c) => n + Math.min(c, 3), 0));
      expect(grouped.hits).toHaveLength(grouped.pageable);
      const slugs = grouped.hits.map((h) => h.slug);
      for (const [slug, count] of counts) {
        const first = slugs.indexOf(slug);
        const shown = slugs.filter((s) => s === slug).length;
        expect(shown).toBe(Math.min(count, 3));
        expect(slugs.slice(first, first + shown).every((s) => s === slug)).toBe(true);
      }
      for (const h of grouped.hits) expect(h.inDocument).toBe(counts.get(h.slug));
    },
  );

  it.skipIf(skip)("puts each document where its best paragraph ranks, and its paragraphs by rank", async () => {
    const grouped = (await searchParagraphs(database.db, QUERY, {}, { limit: 10_000, offset: 0, perDocument: 3 })).hits;
    const best = new Map<string, number>();
    for (const h of all) best.set(h.slug, Math.max(best.get(h.slug) ?? 0, h.rank));
    const order = [...new Set(grouped.map((h) => h.slug))];
    for (let i = 1; i < order.length; i++)
      expect(best.get(order[i - 1]!)!).toBeGreaterThanOrEqual(best.get(order[i]!)!);
    expect(grouped[0]!.rank).toBe(best.get(order[0]!));
  });

  it.skipIf(skip)("pages through the grouped rows and counts a page past the end", async () => {
    const first = await searchParagraphs(database.db, QUERY, {}, { limit: 5, offset: 0, perDocument: 3 });
    const second = await searchParagraphs(database.db, QUERY, {}, { limit: 5, offset: 5, perDocument: 3 });
    const whole = await searchParagraphs(database.db, QUERY, {}, { limit: 10, offset: 0, perDocument: 3 });
    expect([...first.hits, ...second.hits].map((h) => `${h.slug}#${h.anchor}`)).toEqual(
      whole.hits.map((h) => `${h.slug}#${h.anchor}`),
    );
    const past = await searchParagraphs(database.db, QUERY, {}, { limit: 5, offset: 10_000, perDocument: 3 });
    expect(past.hits).toEqual([]);
    expect({ total: past.total, documents: past.documents, pageable: past.pageable }).toEqual({
      total: first.total,
      documents: first.documents,
      pageable: first.pageable,
    });
  });

  it.skipIf(skip)(
    "cuts the same ranking into pages of any size, starting inside a document's group or not",
    async () => {
      const key = (h: SearchHit) => `${h.slug}#${h.anchor}`;
      for (const perDocument of [undefined, 3]) {
        const whole = await searchParagraphs(database.db, QUERY, {}, { limit: 10_000, offset: 0, perDocument });
        for (const limit of [4, 7]) {
          const pages: SearchHit[] = [];
          for (let offset = 0; offset < whole.pageable; offset += limit) {
            const page = await searchParagraphs(database.db, QUERY, {}, { limit, offset, perDocument });
            expect({ total: page.total, documents: page.documents, pageable: page.pageable }).toEqual({
              total: whole.total,
              documents: whole.documents,
              pageable: whole.pageable,
            });
            pages.push(...page.hits);
          }
          expect(pages.map(key)).toEqual(whole.hits.map(key));
        }
      }
      // Paragraph by paragraph: by rank, then by document and paragraph, each hit counting its document's matches.
      const counts = perDocument();
      for (let i = 1; i < all.length; i++) expect(all[i - 1]!.rank).toBeGreaterThanOrEqual(all[i]!.rank);
      for (const h of all) expect(h.inDocument).toBe(counts.get(h.slug));
    },
  );

  it.skipIf(skip)("counts and groups with a filter on the document (type and date)", async () => {
    const filters = { type: "resolution" as const, dateFrom: "2022-01-01" };
    const flat = await searchParagraphs(database.db, QUERY, filters, { limit: 10_000, offset: 0 });
    expect(flat.hits.length).toBeGreaterThan(0);
    expect(flat.hits.every((h) => h.type === "resolution" && h.date! >= "2022-01-01")).toBe(true);
    expect(flat.total).toBe(all.filter((h) => h.type === "resolution" && h.date! >= "2022-01-01").length);
    const grouped = await searchParagraphs(database.db, QUERY, filters, { limit: 10_000, offset: 0, perDocument: 3 });
    expect(grouped.total).toBe(flat.total);
    expect(grouped.documents).toBe(new Set(flat.hits.map((h) => h.slug)).size);
    // Paragraph order is rank, then document, then paragraph: a document first appears at its best paragraph, in the
    // order grouping places documents, and its paragraphs follow in its own order.
    const expected = new Map<string, string[]>();
    for (const h of flat.hits) expected.set(h.slug, [...(expected.get(h.slug) ?? []), h.anchor]);
    expect(grouped.hits.map((h) => `${h.slug}#${h.anchor}`)).toEqual(
      [...expected].flatMap(([slug, anchors]) => anchors.slice(0, 3).map((a) => `${slug}#${a}`)),
    );
  });

  it.skipIf(skip)("lists every matching paragraph of one document with the document filter", async () => {
    const one = await searchParagraphs(
      database.db,
      QUERY,
      { document: "A/RES/79/243" },
      { limit: 10_000, offset: 0, perDocument: 3 },
    );
    expect(one.hits.every((h) => h.slug === "A/RES/79/243")).toBe(true);
    expect(one.hits).toHaveLength(perDocument().get("A/RES/79/243")!);
    expect(one.documents).toBe(1);
  });
});

describe("the search page and API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 300_000);
  afterAll(async () => t?.dispose());

  it("group paragraphs by document with a link to all of a document's paragraphs", async () => {
    const html = await (await t.app.request(`/search?q=${QUERY}`)).text();
    expect(html).toMatch(/[\d,]+ paragraphs in \d+ documents match “cybercrime”/);
    const link =
      /href="(\/search\?[^"]*document=A%2FRES%2F79%2F243[^"]*)">All ([\d,]+) paragraphs in A\/RES\/79\/243</.exec(html);
    expect(link).not.toBeNull();
    const page = await (await t.app.request(link![1]!.replaceAll("&amp;", "&"))).text();
    expect(page).toContain("Only paragraphs of A/RES/79/243");
    expect(page).toContain(`${link![2]} paragraphs in 1 document match`);
  });

  it("API: paragraph by paragraph by default, grouped with group=document, and the document filter", async () => {
    type Answer = {
      data: { document: { slug: string }; in_document: number }[];
      meta: { total: number; documents: number; pageable: number };
    };
    const plain = (await (await t.app.request(`/api/v1/search?q=${QUERY}&per_page=100`)).json()) as Answer;
    expect(plain.meta.pageable).toBe(plain.meta.total);
    const grouped = (await (
      await t.app.request(`/api/v1/search?q=${QUERY}&per_page=100&group=document`)
    ).json()) as Answer;
    expect(grouped.meta.total).toBe(plain.meta.total);
    expect(grouped.meta.pageable).toBeLessThan(plain.meta.total);
    expect(grouped.data.filter((h) => h.document.slug === "A/RES/79/243")).toHaveLength(3);
    const one = (await (
      await t.app.request(`/api/v1/search?q=${QUERY}&document=A/RES/79/243&per_page=5`)
    ).json()) as Answer;
    expect(one.meta.documents).toBe(1);
    expect(one.data.every((h) => h.document.slug === "A/RES/79/243")).toBe(true);
    expect((await t.app.request(`/api/v1/search?q=${QUERY}&group=nonsense`)).status).toBe(400);
  });
});
