import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../../test/database.js";
import { queryRows } from "../../db/client.js";
import { findCorpusImport } from "../../db/corpus-imports.js";
import { sourcesImporter, statesImporter } from "../reference/import-reference.js";
import { buildGaCorpus, GA_CORPUS } from "./corpus-build.js";
import {
  CORPUS_DIR,
  getCorpusStatus,
  importBundledCorpus,
  readCorpusEntries,
  readCorpusManifest,
  startBackgroundCorpusImport,
  writeCorpusFile,
} from "./corpus.js";

const BUNDLED = new URL("../../../datasets/documents/", import.meta.url).pathname;
const NOW = new Date("2026-01-15T12:00:00Z");

/** A corpus of five real resolutions and one file that is not a document, in a datasets folder of its own. */
function makeCorpus(dir: string): void {
  const real = ["A_RES_74_28.xml", "A_RES_74_247.xml", "A_RES_75_240.xml", "A_RES_76_19.xml", "A_RES_77_37.xml"];
  const entries = real.map((f) => ({ file: `english/${f}`, xml: fs.readFileSync(path.join(BUNDLED, f), "utf8") }));
  entries.splice(2, 0, { file: "english/broken.xml", xml: "<akomaNtoso><act></act>" });
  fs.mkdirSync(path.join(dir, CORPUS_DIR), { recursive: true });
  const written = writeCorpusFile(path.join(dir, CORPUS_DIR, "test.jsonl.br"), entries);
  const manifest = {
    corpus: "test-corpus",
    file: "test.jsonl.br",
    ...written,
    sourceId: "dataset:unxml-ga-resolutions",
    licence: "test licence",
    attribution: "Source: United Nations",
  };
  fs.writeFileSync(path.join(dir, CORPUS_DIR, "manifest.json"), JSON.stringify(manifest));
}

describe("the bundled corpus file", () => {
  it("holds every file of the English GA archive of sessions 74–79, readable in order", async () => {
    const datasets = new URL("../../../datasets/", import.meta.url).pathname;
    const manifest = readCorpusManifest(datasets);
    expect(manifest?.documents).toBe(1974);
    let count = 0;
    let first = "";
    for await (const entry of readCorpusEntries(path.join(datasets, CORPUS_DIR, manifest!.file))) {
      if (count++ === 0) first = entry.bytes.toString("utf8", 0, 200);
    }
    expect(count).toBe(1974);
    expect(first).toContain("<akomaNtoso");
  });
});

describe.each(TEST_DRIVERS)("background corpus import on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-corpus-"));
    makeCorpus(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    if (skip) return;
    database = await createTestDatabase(driver, { seed: { importers: [sourcesImporter, statesImporter] } });
  });
  afterEach(async () => database?.dispose());

  const storedSymbols = async () =>
    (await queryRows<{ symbol: string }>(database.db, sql`SELECT symbol FROM documents ORDER BY symbol`)).map(
      (r) => r.symbol,
    );

  it.skipIf(skip)(
    "stores every document, reports the one that fails with its reason, and a second run does nothing",
    async () => {
      const manifest = readCorpusManifest(dir)!;
      expect(await getCorpusStatus(database, manifest)).toEqual({
        state: "pending",
        processed: 0,
        total: 6,
        failed: 0,
      });
      const lines: string[] = [];
      const result = await importBundledCorpus(database, {
        datasetsDir: dir,
        now: () => NOW,
        log: (l) => lines.push(l),
      });
      expect(result).toMatchObject({ processed: 6, inserted: 5, skipped: 0, failed: 1 });
      expect(result!.failures[0]!.file).toBe("english/broken.xml");
      expect(await storedSymbols()).toEqual([
        "A/RES/74/247",
        "A/RES/74/28",
        "A/RES/75/240",
        "A/RES/76/19",
        "A/RES/77/37",
      ]);
      expect(await getCorpusStatus(database, manifest)).toEqual({ state: "done", processed: 6, total: 6, failed: 1 });
      expect(lines.some((l) => l.includes("english/broken.xml"))).toBe(true);

      const later = new Date("2026-02-01T00:00:00Z");
      const again = await importBundledCorpus(database, { datasetsDir: dir, now: () => later });
      expect(again!.updatedAt).toEqual(result!.updatedAt);
      expect(await storedSymbols()).toHaveLength(5);
    },
  );

  it.skipIf(skip)("resumes after the documents a stopped run handled", async () => {
    const controller = new AbortController();
    const first = await importBundledCorpus(database, {
      datasetsDir: dir,
      now: () => NOW,
      signal: controller.signal,
      onDocument: (status) => {
        if (status.processed === 2) controller.abort();
      },
    });
    expect(first).toMatchObject({ processed: 2, finishedAt: null });
    expect(await getCorpusStatus(database, readCorpusManifest(dir))).toMatchObject({
      state: "loading",
      processed: 2,
      total: 6,
    });
    const seen: number[] = [];
    const second = await importBundledCorpus(database, {
      datasetsDir: dir,
      now: () => NOW,
      onDocument: (s) => void seen.push(s.processed),
    });
    expect(seen).toEqual([3, 4, 5, 6]);
    expect(second).toMatchObject({ processed: 6, inserted: 5, failed: 1 });
    expect(second!.finishedAt).not.toBeNull();
  });

  it.skipIf(skip)("runs in the background and can be stopped, keeping its progress", async () => {
    const job = startBackgroundCorpusImport(database, {
      datasetsDir: dir,
      now: () => NOW,
      onError: (e) => {
        throw e;
      },
    });
    await job.done;
    const row = await findCorpusImport(database.db, "test-corpus");
    expect(row).toMatchObject({ processed: 6, inserted: 5 });
    await job.stop();
  });
});

const SHARED = new URL("../../../../shared/data/", import.meta.url).pathname;
const hasShared = fs.existsSync(path.join(SHARED, GA_CORPUS.archive));

describe.skipIf(!hasShared)(
  hasShared ? "datasets/corpus" : "datasets/corpus (skipped: ../shared/data/unga-resolutions-akn is absent)",
  () => {
    it("is what normwatch datasets build-corpus makes from the upstream archive", () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-corpus-build-"));
      try {
        const built = buildGaCorpus(SHARED, out);
        expect(built).toEqual(readCorpusManifest(new URL("../../../datasets/", import.meta.url).pathname));
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    }, 300_000);
  },
);

describe("an install without a bundled corpus", () => {
  it("has nothing to import and says so", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-nocorpus-"));
    try {
      expect(readCorpusManifest(empty)).toBeNull();
      expect(await getCorpusStatus({ db: undefined as never }, null)).toEqual({
        state: "absent",
        processed: 0,
        total: 0,
        failed: 0,
      });
    } finally {
      fs.rmSync(empty, { recursive: true });
    }
  });
});
