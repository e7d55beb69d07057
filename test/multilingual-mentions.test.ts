// State mentions in the other UN languages end to end (issue 19): A/RES/75/62 in French, Russian and Chinese
// (test/fixtures/mentions/documents, unchanged UN files; see PROVENANCE.md there) is ingested over the
// bundled States with their names in those languages; the paragraph naming Germany mentions it in each language, and
// each language's page lists it under the name that language gives it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/server.js";
import { ingestBatch, resolveInputs } from "../src/ingest/documents/batch.js";
import { cyberProcessesImporter, sourcesImporter, statesImporter } from "../src/ingest/reference/import-reference.js";
import { createTestDeps } from "./app.js";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "./database.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/mentions/documents/", import.meta.url));
const FILES = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".xml"))
  .map((f) => path.join(FIXTURES, f));
const NOW = new Date("2026-11-23T12:00:00Z");
/** Germany in pp 17 of each language's page, as its name is stored for that language. */
const GERMANY: Record<string, string> = { fr: "Allemagne", ru: "Германия", zh: "德国" };

describe.each(TEST_DRIVERS)("State mentions in A/RES/75/62 in three languages on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  let app: Hono;
  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver, {
      seed: { importers: [sourcesImporter, statesImporter, cyberProcessesImporter] },
    });
    const results = await ingestBatch(database.db, await resolveInputs(FILES), {
      provenance: { licence: "Source: United Nations, DGACM machine-readable GA resolutions" },
      now: () => NOW,
      maxBytes: 20_000_000,
      maxRedirects: 0,
      allowPrivateAddresses: false,
    });
    expect(results.map((r) => r.status)).toEqual(FILES.map(() => "inserted"));
    app = createApp(createTestDeps(database, { now: () => NOW }));
  }, 120_000);
  afterAll(async () => database?.dispose());

  it.skipIf(skip).each(Object.keys(GERMANY))(
    "the %s page lists Germany, named in pp 17, under its name in that language",
    async (language) => {
      const res = await app.request(`/documents/A/RES/75/62?lang=${language}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      const paragraph = html.slice(html.indexOf('id="pp-17"'), html.indexOf('id="pp-18"'));
      expect(paragraph).toMatch(
        new RegExp(`<p class="paragraph-mentions muted">[^]*<a href="/states/DEU"[^>]*>${GERMANY[language]}</a>`),
      );
      // Only the names: no ISO code is shown for a State whose name is known.
      expect(paragraph).not.toMatch(/>DEU</);
    },
  );
});
