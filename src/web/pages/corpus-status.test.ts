import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";
import { upsertCorpusImport } from "../../db/corpus-imports.js";
import { readCorpusManifest } from "../../ingest/documents/corpus.js";
import { DATASETS_DIR } from "../../ingest/seed.js";

describe("pages while the bundled corpus loads", () => {
  let t: TestApp;
  const manifest = readCorpusManifest(DATASETS_DIR)!;
  const at = new Date("2026-01-15T12:00:00Z");
  const progress = (processed: number, finished: boolean) =>
    upsertCorpusImport(t.database.db, {
      corpus: manifest.corpus,
      contentHash: manifest.sha256,
      total: manifest.documents,
      processed,
      inserted: processed,
      skipped: 0,
      failed: 0,
      failures: [],
      startedAt: at,
      updatedAt: at,
      finishedAt: finished ? at : null,
    });
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it("say before it starts that the resolutions are still to come", async () => {
    const html = await (await t.app.request("/about/data")).text();
    expect(html).toContain("Waiting to load: 0 of 1,974 documents");
    expect(await (await t.app.request("/search?q=cybercrime")).text()).toContain(
      "still being loaded (0 of 1,974 documents so far)",
    );
  });

  it("show how far it got on /about/data, in search results and on the document list", async () => {
    await progress(1214, false);
    expect(await (await t.app.request("/about/data")).text()).toContain("Loading: 1,214 of 1,974 documents");
    expect(await (await t.app.request("/search?q=cybercrime")).text()).toContain(
      "still being loaded (1,214 of 1,974 documents so far)",
    );
    expect(await (await t.app.request("/documents")).text()).toContain(
      "still being loaded (1,214 of 1,974 documents so far)",
    );
  });

  it("stop saying so once it is done", async () => {
    await progress(1974, true);
    expect(await (await t.app.request("/about/data")).text()).toContain("Loaded: 1,974 of 1,974 documents");
    expect(await (await t.app.request("/search?q=cybercrime")).text()).not.toContain("still being loaded");
    expect(await (await t.app.request("/documents")).text()).not.toContain("still being loaded");
  });
});
