import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../../test/database.js";
import { queryRows } from "../../db/client.js";
import { getReferenceVocabulary } from "../../db/documents-references.js";
import { createReferenceMatcher } from "../../domain/references-entities.js";
import { seedDatabase } from "../seed.js";
import { cyberProcessesImporter, sourcesImporter, statesImporter } from "./import-reference.js";

const IMPORTERS = [sourcesImporter, statesImporter, cyberProcessesImporter];
// Real paragraphs of sessions 75–76 (test/fixtures/mentions, see PROVENANCE.md there).
const fixtures = JSON.parse(
  fs.readFileSync(new URL("../../../test/fixtures/mentions/paragraphs.json", import.meta.url), "utf8"),
) as { states: { symbol: string; language: string; text: string }[] };
const text = (symbol: string, language: string) =>
  fixtures.states.find((f) => f.symbol === symbol && f.language === language)!.text;

describe.each(TEST_DRIVERS)("State names in the other UN languages on $label (issue 19)", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver, { seed: { importers: IMPORTERS } });
  });
  afterAll(async () => database?.dispose());

  it.skipIf(skip)("are imported with the States: five languages for each of the 195", async () => {
    const rows = await queryRows<{ language: string; n: number; germany: string }>(
      database.db,
      sql`SELECT language, count(*)::int AS n, max(name) FILTER (WHERE state_iso3 = 'DEU') AS germany
          FROM state_names GROUP BY language ORDER BY language`,
    );
    expect(rows).toEqual([
      { language: "ar", n: 195, germany: "ألمانيا" },
      { language: "es", n: 195, germany: "Alemania" },
      { language: "fr", n: 195, germany: "Allemagne" },
      { language: "ru", n: 195, germany: "Германия" },
      { language: "zh", n: 195, germany: "德国" },
    ]);
    const again = await seedDatabase(database, { importers: IMPORTERS, force: true });
    expect(again.find((r) => r.dataset === "states-and-organizations")!.counts["state_names"]).toMatchObject({
      inserted: 0,
      updated: 0,
      deleted: 0,
    });
  });

  it.skipIf(skip)(
    "reach reference detection, which then finds the States of French, Russian and Chinese texts",
    async () => {
      const matcher = createReferenceMatcher(await getReferenceVocabulary(database.db));
      const states = (t: string) =>
        matcher
          .detect(t)
          .filter((m) => m.kind === "state")
          .map((m) => m.targetId);
      expect(states(text("A/RES/75/62", "fr"))).toContain("DEU");
      expect(states(text("A/RES/75/62", "ru"))).toContain("DEU");
      expect(states(text("A/RES/75/62", "zh"))).toContain("DEU");
      expect(states(text("A/RES/75/108", "ar"))).not.toContain("MLI");
    },
  );
});
