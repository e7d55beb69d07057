import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { getDocumentDetail, listDocuments } from "./documents.js";
import { listCitationsFrom, listCitationsTo } from "./documents-references.js";
import { ingestUpload } from "../ingest/documents/upload.js";
import { searchParagraphs } from "./search.js";

describe.each(TEST_DRIVERS)("documents and search on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver, { seed: true });
  }, 120_000);
  afterAll(async () => database?.dispose());

  it.skipIf(skip)("a fresh install holds the 14 bundled resolution texts", async () => {
    const { items, total } = await listDocuments(database.db, {}, { limit: 50, offset: 0 });
    expect(total).toBe(14);
    expect(items.map((d) => d.symbol)).toContain("A/RES/79/243");
    const doc = await getDocumentDetail(database.db, "A/RES/74/247");
    expect(doc.title).toMatch(
      /^Countering the use of information and communications technologies for criminal purposes/,
    );
    expect(doc.date).toBe("2019-12-27");
    expect(doc.licence).toMatch(/United Nations/);
    expect(doc.sourceUrl).toBe("https://undocs.org/en/A/RES/74/247");
    expect(doc.processId).toBe("ahc-cybercrime-2022-2024");
  });

  it.skipIf(skip)("finds 74/247's operative paragraph 2 first for the Ad Hoc Committee's words", async () => {
    const result = await searchParagraphs(
      database.db,
      "ad hoc intergovernmental committee of experts",
      {},
      { limit: 10, offset: 0 },
    );
    expect(result.total).toBeGreaterThanOrEqual(2);
    const top = result.hits.find((h) => h.symbol === "A/RES/74/247")!;
    expect(top.anchor).toBe("op-2");
    expect(top.snippet.some((s) => s.match && /committee/i.test(s.text))).toBe(true);
  });

  it.skipIf(skip)("applies websearch syntax and filters", async () => {
    const quoted = await searchParagraphs(
      database.db,
      '"Convention against Cybercrime" -protocol',
      { type: "resolution", dateFrom: "2024-01-01" },
      { limit: 50, offset: 0 },
    );
    expect(quoted.hits.length).toBeGreaterThan(0);
    expect(quoted.hits.every((h) => h.date! >= "2024-01-01")).toBe(true);
    // Viet Nam is named once in the bundled texts, in 79/243.
    const namingVietNam = await searchParagraphs(database.db, "convention", { state: "VNM" }, { limit: 10, offset: 0 });
    expect(namingVietNam.hits.map((h) => h.symbol)).toEqual(["A/RES/79/243"]);
  });

  it.skipIf(skip)("answers a query of only stop words without an error", async () => {
    const result = await searchParagraphs(database.db, "the of and", {}, { limit: 10, offset: 0 });
    expect(result).toEqual({ total: 0, documents: 0, pageable: 0, hits: [], isEmptyQuery: true });
    await expect(
      searchParagraphs(database.db, "\"\" ''' !!! :* & | <b> (( -", {}, { limit: 10, offset: 0 }),
    ).resolves.toMatchObject({ total: expect.any(Number) });
  });

  it.skipIf(skip)("turns 77/37's Recalling paragraph into citation edges, and 74/247 is cited by 79/243", async () => {
    const doc = await getDocumentDetail(database.db, "A/RES/77/37");
    const cites = await listCitationsFrom(database.db, doc.id);
    const fromPp1 = cites.filter((c) => c.fromAnchor === "pp-1").map((c) => c.targetSymbol);
    expect(fromPp1).toHaveLength(27);
    expect(fromPp1).toContain("A/RES/43/78");
    expect(fromPp1).toContain("A/RES/76/19");
    expect(cites.find((c) => c.targetSymbol === "A/RES/76/19")?.targetSlug).toBe("A/RES/76/19");
    const citedBy = await listCitationsTo(database.db, "A/RES/74/247");
    expect(citedBy.map((c) => c.fromSymbol)).toContain("A/RES/79/243");
  });

  it.skipIf(skip)(
    "searches a French document with the French configuration, with or without a language filter",
    async () => {
      const before = await searchParagraphs(database.db, "ordinateurs", {}, { limit: 10, offset: 0 });
      expect(before.total).toBe(0);
      // A short French text written for this test (not a UN document): stemming must match "ordinateurs" to "ordinateur".
      const text = "# Note de test\n\nLa protection des infrastructures critiques exige des ordinateurs sécurisés.\n";
      const stored = await ingestUpload(database.db, {
        name: "note.md",
        bytes: new TextEncoder().encode(text),
        contentType: "text/markdown",
        fields: { licence: "test", language: "fr", type: "note" },
        maxBytes: 1_000_000,
        now: () => new Date("2026-11-23T12:00:00Z"),
      });
      expect(stored.status).toBe("inserted");
      for (const filters of [{}, { language: "fr" }]) {
        const found = await searchParagraphs(database.db, "ordinateur", filters, { limit: 10, offset: 0 });
        expect(found.hits.map((h) => h.slug)).toEqual([stored.slug]);
        expect(found.hits[0]!.language).toBe("fr");
      }
      // English texts are still searched with the English configuration next to it.
      expect((await searchParagraphs(database.db, "cybercrime", {}, { limit: 5, offset: 0 })).total).toBeGreaterThan(0);
    },
  );
});
