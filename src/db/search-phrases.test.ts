// Phrase recall on the GA corpus of sessions 74–79: a phrase taken verbatim from a stored paragraph finds that paragraph (issue 15).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { ingestBatch, resolveInputs } from "../ingest/documents/batch.js";
import { queryRows } from "./client.js";
import { searchParagraphs } from "./search.js";

const ARCHIVE = fileURLToPath(
  new URL("../../../shared/data/unga-resolutions-akn/english-sessions-74-79.tar.xz", import.meta.url),
);
const hasCorpus = fs.existsSync(ARCHIVE);
// Resolutions that repeat "Global Plan of Action to Combat Trafficking in Persons" (one or more of every session 74–79;
// 40 documents of the corpus have the phrase, 75 paragraphs, and a search on the whole corpus finds every one of them),
// and a long one with an annex (79/243).
const FILES = [
  "english/74/74_176.xml",
  "english/74/74_73.xml",
  "english/75/75_158_E.xml",
  "english/76/A_RES_76_186-2119241E.xml",
  "english/77/A_RES_77_194-2228891E.xml",
  "english/78/A_RES_78_188-2326044E.xml",
  "english/79/A_RES_79_189-2424140E.xml",
  "english/79/A_RES_79_243-2424621E.xml",
];
let dir = "";

describe.skipIf(!hasCorpus)(
  `phrase search on the GA corpus${hasCorpus ? "" : " (skipped: ../shared/data/unga-resolutions-akn not found)"}`,
  () => {
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-phrases-"));
      execFileSync("tar", ["-xJf", ARCHIVE, "-C", dir, ...FILES]);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    describe.each(TEST_DRIVERS)("on $label", ({ driver, skip }) => {
      let database: TestDatabase;
      beforeAll(async () => {
        if (skip) return;
        database = await createTestDatabase(driver, { seed: false });
        const results = await ingestBatch(database.db, await resolveInputs(FILES.map((f) => path.join(dir, f))), {
          provenance: { licence: "Source: United Nations, DGACM machine-readable GA resolutions" },
          now: () => new Date("2026-11-23T12:00:00Z"),
          maxBytes: 20_000_000,
          maxRedirects: 0,
          allowPrivateAddresses: false,
        });
        expect(results.map((r) => r.status)).toEqual(FILES.map(() => "inserted"));
      }, 120_000);
      afterAll(async () => database?.dispose());

      const finds = async (phrase: string, slug: string, anchor: string) => {
        const { hits } = await searchParagraphs(database.db, `"${phrase}"`, {}, { limit: 1000, offset: 0 });
        return hits.some((h) => h.slug === slug && h.anchor === anchor);
      };

      it.skipIf(skip)(
        'finds every paragraph that contains "Global Plan of Action to Combat Trafficking in Persons"',
        async () => {
          const rows = await queryRows<{ slug: string; anchor: string }>(
            database.db,
            sql`SELECT d.slug, p.anchor FROM document_paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.text LIKE '%Global Plan of Action to Combat Trafficking in Persons%' ORDER BY 1, 2`,
          );
          expect(rows.length).toBeGreaterThan(5);
          const { hits } = await searchParagraphs(
            database.db,
            '"Global Plan of Action to Combat Trafficking in Persons"',
            {},
            { limit: 1000, offset: 0 },
          );
          expect(hits.map((h) => `${h.slug}#${h.anchor}`).sort()).toEqual(
            rows.map((r) => `${r.slug}#${r.anchor}`).sort(),
          );
        },
      );

      it.skipIf(skip)(
        "finds a phrase in text that carries soft hyphens and ligatures, as PDF text does, and a query pasted with them",
        async () => {
          // 74/176 pp 7 as a PDF extract gives it: a soft hyphen at a line break ("Ac\u00adtion") and the ffi ligature ("Traﬃcking").
          const text =
            "Recalling the adoption of the United Nations Global Plan of Ac\u00adtion to Combat Tra\ufb03cking in Persons by the General Assembly in its resolution 64/293 of 30 July 2010,";
          const [stored] = await ingestBatch(
            database.db,
            [
              {
                kind: "bytes",
                name: "pasted-from-pdf.txt",
                bytes: new TextEncoder().encode(text),
                contentType: "text/plain",
              },
            ],
            {
              provenance: { licence: "Source: United Nations, DGACM machine-readable GA resolutions" },
              now: () => new Date("2026-11-23T12:00:00Z"),
              maxBytes: 1_000_000,
              maxRedirects: 0,
              allowPrivateAddresses: false,
            },
          );
          expect(stored!.status).toBe("inserted");
          const slugs = async (q: string) =>
            (await searchParagraphs(database.db, q, {}, { limit: 1000, offset: 0 })).hits.map((h) => h.slug);
          expect(await slugs('"Global Plan of Action to Combat Trafficking in Persons"')).toContain(stored!.slug);
          expect(await slugs('"Global Plan of Ac\u00adtion to Combat Tra\ufb03cking in Persons"')).toContain(
            stored!.slug,
          );
        },
      );

      it.skipIf(skip)(
        "finds each stored paragraph by phrases taken verbatim from its text",
        async () => {
          const rows = await queryRows<{ slug: string; anchor: string; text: string }>(
            database.db,
            sql`SELECT d.slug, p.anchor, p.text FROM document_paragraphs p JOIN documents d ON d.id = p.document_id ORDER BY d.slug, p.position`,
          );
          const missed: string[] = [];
          for (const [i, r] of rows.entries()) {
            const words = r.text.split(" ");
            // A deterministic window per paragraph: up to 12 words from a position that moves with the row.
            const start = words.length > 12 ? (i * 7) % (words.length - 12) : 0;
            const phrase = words
              .slice(start, start + 12)
              .join(" ")
              .replace(/"/g, "");
            if (!(await finds(phrase, r.slug, r.anchor))) missed.push(`${r.slug}#${r.anchor}: "${phrase}"`);
          }
          expect(missed).toEqual([]);
        },
        600_000,
      );
    });
  },
);
