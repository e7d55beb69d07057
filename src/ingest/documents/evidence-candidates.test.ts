import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../../test/database.js";
import { queryRows } from "../../db/client.js";
import * as t from "../../db/schema/index.js";
import { ingestBatch } from "./batch.js";
import { proposeCandidatesForStoredDocuments } from "./evidence-candidates.js";

const NOW = new Date("2026-11-23T12:00:00Z");

interface CandidateRow {
  state_iso3: string;
  item_id: string;
  anchor: string;
  match_kind: string;
  score: number;
  excerpt: string;
  status: string;
}

describe.each(TEST_DRIVERS)("candidate evidence detection on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  let tmp: string;
  const candidates = (slug: string) =>
    queryRows<CandidateRow>(
      database.db,
      sql`SELECT c.state_iso3, c.item_id, p.anchor, c.match_kind, c.score, c.excerpt, c.status FROM evidence_candidates c
          JOIN document_paragraphs p ON p.id = c.paragraph_id JOIN documents d ON d.id = p.document_id
          WHERE d.slug = ${slug} ORDER BY p.position, c.item_id`,
    );
  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver, { seed: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-candidates-"));
  });
  afterAll(async () => {
    await database?.dispose();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.skipIf(skip)(
    "proposes nothing for the bundled GA resolutions: their author is the General Assembly, not a State",
    async () => {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM evidence_candidates`,
      );
      expect(row!.n).toBe(0);
      expect((await proposeCandidatesForStoredDocuments(database.db, NOW)).candidates).toBe(0);
    },
  );

  it.skipIf(skip)(
    "finds the points-of-contact directory CBM and two norm topics in the real text of A/RES/78/237 once it is attributed to a State",
    async () => {
      // The text is the real resolution; the attribution to Germany is made up for this test (no State statement
      // text is bundled), to exercise the rule that a document with a State author yields candidates.
      await database.db
        .update(t.documents)
        .set({ authors: ["Germany"] })
        .where(eq(t.documents.slug, "A/RES/78/237"));
      expect(await proposeCandidatesForStoredDocuments(database.db, NOW)).toEqual({ documents: 14, candidates: 3 });
      const found = await candidates("A/RES/78/237");
      expect(
        found.map((c) => [c.state_iso3, c.anchor, c.item_id, c.match_kind, Number(c.score.toFixed(2)), c.status]),
      ).toEqual([
        ["DEU", "pp-10", "13i", "topic", 0.8, "open"],
        ["DEU", "op-4", "13k", "topic", 0.53, "open"],
        ["DEU", "op-4", "un-global-poc-directory", "topic", 0.8, "open"],
      ]);
      expect(found[2]!.excerpt).toMatch(
        /^Also welcomes the establishment of the global intergovernmental points of contact directory as the first universal confidence-building measure/,
      );
    },
  );

  it.skipIf(skip)("is idempotent: detecting again adds nothing", async () => {
    expect((await proposeCandidatesForStoredDocuments(database.db, NOW)).candidates).toBe(0);
    expect(await candidates("A/RES/78/237")).toHaveLength(3);
  });

  it.skipIf(skip)(
    "proposes candidates while ingesting a statement whose title names one State, and never publishes evidence",
    async () => {
      // A synthetic statement (not a real text) with an explicit norm reference.
      const file = path.join(tmp, "statement.txt");
      fs.writeFileSync(
        file,
        "Statement by Brazil to the Open-ended Working Group\n\nOur national CERT acts on norm 13 (c) and the points of contact directory.\n",
      );
      const [result] = await ingestBatch(database.db, [{ kind: "file", path: file }], {
        provenance: { licence: "test only", type: "statement" },
        now: () => NOW,
        maxBytes: 1_000_000,
        maxRedirects: 0,
        allowPrivateAddresses: false,
      });
      expect(result!.status).toBe("inserted");
      const found = await candidates(result!.slug!);
      // "CERT" is a keyword of norm 13(k), so the topic match is proposed too.
      expect(found.map((c) => [c.state_iso3, c.item_id, c.match_kind, Number(c.score.toFixed(2))])).toEqual([
        ["BRA", "13c", "explicit", 1],
        ["BRA", "13k", "topic", 0.53],
        ["BRA", "un-global-poc-directory", "topic", 0.8],
      ]);
      const [evidence] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM evidence`);
      expect(evidence!.n).toBe(0);
    },
  );
});
