import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { queryRows } from "../db/client.js";
import { seedDatabase } from "./seed.js";

describe.each(TEST_DRIVERS)("seed of the bundled datasets on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.dispose());

  it.skipIf(skip)("imports every dataset once, then finds them up to date", async () => {
    const first = await seedDatabase(database);
    expect(first.every((r) => r.status === "imported")).toBe(true);
    const states = first.find((r) => r.dataset === "states-and-organizations")!.counts["states"]!;
    expect(states.inserted).toBe(195);
    const second = await seedDatabase(database);
    expect(second.every((r) => r.status === "up-to-date")).toBe(true);
  });

  it.skipIf(skip)("re-running the import by force changes nothing and says so", async () => {
    const again = await seedDatabase(database, { force: true });
    for (const result of again) {
      for (const counts of Object.values(result.counts)) {
        expect(counts.inserted + counts.updated + counts.deleted).toBe(0);
      }
    }
  });

  it.skipIf(skip)("every imported record carries at least one source", async () => {
    const rows = await queryRows(
      database.db,
      sql`
      SELECT 'state' AS kind, s.iso3 AS id FROM states s
        WHERE NOT EXISTS (SELECT 1 FROM record_sources r WHERE r.record_kind = 'state' AND r.record_id = s.iso3)
      UNION ALL SELECT 'process', p.id FROM processes p
        WHERE NOT EXISTS (SELECT 1 FROM record_sources r WHERE r.record_kind = 'process' AND r.record_id = p.id)
      UNION ALL SELECT 'session', p.id FROM sessions p
        WHERE NOT EXISTS (SELECT 1 FROM record_sources r WHERE r.record_kind = 'session' AND r.record_id = p.id)
      UNION ALL SELECT 'resolution', p.symbol FROM resolutions p
        WHERE NOT EXISTS (SELECT 1 FROM record_sources r WHERE r.record_kind = 'resolution' AND r.record_id = p.symbol)
      UNION ALL SELECT 'framework-item', p.id FROM framework_items p
        WHERE NOT EXISTS (SELECT 1 FROM record_sources r WHERE r.record_kind = 'framework-item' AND r.record_id = p.id)`,
    );
    expect(rows).toEqual([]);
  });

  it.skipIf(skip)("a failing importer rolls back its own dataset and keeps the others", async () => {
    const fresh = await createTestDatabase(driver);
    try {
      const broken = {
        name: "broken",
        files: ["reference/sources.json"],
        run: async () => {
          throw new Error("boom");
        },
      };
      await expect(seedDatabase(fresh, { importers: [broken] })).rejects.toThrow("boom");
      const rows = await queryRows(fresh.db, sql`SELECT count(*)::int AS n FROM dataset_imports`);
      expect(rows[0]).toEqual({ n: 0 });
    } finally {
      await fresh.dispose();
    }
  });
});
