// Paragraphs listed by what they cite (issue 17), on the bundled data: the seed's documents and two resolutions of the
// bundled corpus that the reference detector matched to the topic of norm 13(c).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCorpusFiles } from "../../test/corpus-subset.js";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { queryRows } from "./client.js";
import { listCitingParagraphs, listParagraphTexts, paragraphKey } from "./search-mentions.js";

const NORM_13C_FILES = ["english/74/74_180.xml", "english/77/A_RES_77_105-2228251E.xml"];
const ALL = { limit: 1000, offset: 0 };

describe.each(TEST_DRIVERS)("paragraphs by what they cite, on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver, { seed: true });
    await importCorpusFiles(database, NORM_13C_FILES, new Date("2026-11-23T12:00:00Z"));
  }, 300_000);
  afterAll(async () => database?.dispose());

  /** "slug anchor" of the current paragraphs an SQL condition on p (paragraph) and d (document) selects. */
  const expected = async (where: ReturnType<typeof sql>) =>
    (
      await queryRows<{ key: string }>(
        database.db,
        sql`SELECT DISTINCT d.slug || ' ' || p.anchor AS key
            FROM document_paragraphs p JOIN documents d ON d.id = p.document_id AND d.is_current WHERE ${where}`,
      )
    )
      .map((r) => r.key)
      .sort();
  const keysOf = (hits: { slug: string; anchor: string }[]) => hits.map((h) => `${h.slug} ${h.anchor}`).sort();

  it.skipIf(skip)("lists every paragraph citing a symbol, newest document first, the citation marked", async () => {
    const cited = await listCitingParagraphs(database.db, { symbol: "A/RES/74/247" }, {}, ALL);
    const citing = await expected(
      sql`EXISTS (SELECT 1 FROM document_citations c WHERE c.paragraph_id = p.id AND c.target_symbol = 'A/RES/74/247')`,
    );
    expect(citing.length).toBeGreaterThan(0);
    expect(keysOf(cited.hits)).toEqual(citing);
    expect(cited.total).toBe(citing.length);
    expect(cited.documents).toBe(new Set(cited.hits.map((h) => h.slug)).size);
    const dates = cited.hits.map((h) => h.date ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    for (const hit of cited.hits) expect(hit.snippet.some((s) => s.match && s.text.includes("74/247"))).toBe(true);
  });

  it.skipIf(skip)("groups like the search: at most three paragraphs of each document, the rest counted", async () => {
    const grouped = await listCitingParagraphs(
      database.db,
      { symbol: "A/RES/74/247" },
      {},
      {
        ...ALL,
        perDocument: 1,
      },
    );
    expect(grouped.pageable).toBe(grouped.documents);
    expect(grouped.hits).toHaveLength(grouped.documents);
    expect(grouped.hits.reduce((n, h) => n + h.inDocument, 0)).toBe(grouped.total);
    const [first] = grouped.hits;
    const within = await listCitingParagraphs(database.db, { symbol: "A/RES/74/247" }, { document: first!.slug }, ALL);
    expect(within.hits.every((h) => h.slug === first!.slug)).toBe(true);
    expect(within.total).toBe(first!.inDocument);
  });

  it.skipIf(skip)("finds no paragraph citing norm 13(c) by number, and the corpus's matches of its topic", async () => {
    expect((await listCitingParagraphs(database.db, { normId: "13c" }, {}, ALL)).total).toBe(
      (
        await expected(
          sql`EXISTS (SELECT 1 FROM paragraph_mentions m WHERE m.paragraph_id = p.id AND m.kind = 'norm' AND m.target_id = '13c')`,
        )
      ).length,
    );
    const topic = await listCitingParagraphs(database.db, { normId: "13c", normTopics: true }, {}, ALL);
    const onTopic = await expected(
      sql`EXISTS (SELECT 1 FROM paragraph_mentions m WHERE m.paragraph_id = p.id AND m.target_id = '13c'
                  AND m.kind IN ('norm', 'norm-topic'))`,
    );
    expect(new Set(topic.hits.map((h) => h.slug))).toEqual(new Set(["A/RES/74/180", "A/RES/77/105"]));
    expect(keysOf(topic.hits)).toEqual(onTopic);
    for (const hit of topic.hits)
      expect(hit.snippet.find((s) => s.match)?.text.toLowerCase()).toMatch(/internationally wrongful act/);
  });

  it.skipIf(skip)("lists the paragraphs a filter selects without a target, with the other filters", async () => {
    const filtered = await listCitingParagraphs(database.db, {}, { norm: "13e", normTopics: true, gaSession: 79 }, ALL);
    const expectedKeys = await expected(
      sql`d.ga_session = 79 AND EXISTS (SELECT 1 FROM paragraph_mentions m WHERE m.paragraph_id = p.id
            AND m.target_id = '13e' AND m.kind IN ('norm', 'norm-topic'))`,
    );
    expect(expectedKeys.length).toBeGreaterThan(0);
    expect(keysOf(filtered.hits)).toEqual(expectedKeys);
    const past = await listCitingParagraphs(
      database.db,
      {},
      { norm: "13e", normTopics: true },
      { limit: 5, offset: 1000 },
    );
    expect(past.hits).toEqual([]);
    expect(past.total).toBeGreaterThanOrEqual(filtered.total);
  });

  it.skipIf(skip)("reads the text of the paragraphs asked for", async () => {
    const cited = await listCitingParagraphs(database.db, { symbol: "A/RES/74/247" }, {}, { limit: 3, offset: 0 });
    const texts = await listParagraphTexts(database.db, cited.hits);
    expect(texts.size).toBe(cited.hits.length);
    for (const hit of cited.hits) expect(texts.get(paragraphKey(hit))).toContain("74/247");
    expect(await listParagraphTexts(database.db, [])).toEqual(new Map());
  });
});
