import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../../test/database.js";
import { queryRows } from "../../db/client.js";
import {
  listLegalPositions,
  listRegionalPositionRollup,
  listTreatyActions,
  listTreaties,
} from "../../db/international-law.js";
import { standingOf } from "../../domain/international-law.js";
import { cyberProcessesImporter, sourcesImporter, statesImporter } from "../reference/import-reference.js";
import { DATASETS_DIR, seedDatabase } from "../seed.js";
import { buildInternationalLawDatasets } from "./build-international-law-datasets.js";
import { INTERNATIONAL_LAW_FILES } from "./dataset-schemas.js";
import { internationalLawImporter, readInternationalLawFile } from "./import-international-law.js";

const SHARED = fileURLToPath(new URL("../../../../shared/data", import.meta.url));
const hasShared =
  fs.existsSync(path.join(SHARED, "national-positions")) && fs.existsSync(path.join(SHARED, "treaty-status"));
const IMPORTERS = [sourcesImporter, statesImporter, cyberProcessesImporter, internationalLawImporter];

describe("bundled international-law datasets", () => {
  it("keep the dates' precision, blank topics as none extracted, and each treaty row's own as-of date", () => {
    const positions = readInternationalLawFile(DATASETS_DIR, "legalPositions");
    expect(positions).toHaveLength(44);
    const france = positions.find((p) => p.id === "fra-2019-09-09")!;
    expect(france.topics).toEqual(["sovereignty", "use-of-force", "self-defence", "due-diligence", "ihl"]);
    expect(positions.find((p) => p.id === "irn-2020-08")!.published).toBe("2020-08");
    expect(positions.find((p) => p.id === "ken-2021-07-13")!.topics).toEqual([]);
    expect(positions.find((p) => p.organizationId === "AFUNION")!.id).toBe("afunion-2024-01-29");
    const actions = readInternationalLawFile(DATASETS_DIR, "treatyActions");
    expect(actions.filter((a) => a.treatyId === "un-cybercrime-2024")).toHaveLength(69);
    expect(actions.find((a) => a.id === "coe-ets-185:FRA:2015-12-03")).toMatchObject({
      kind: "ratification",
      signed: "2001-11-23",
      consent: "2006-01-10",
      isAsOfLowerBound: false,
    });
    expect(actions.find((a) => a.id === "un-cybercrime-2024:GBR:2025-10-29")).toMatchObject({
      kind: "signature",
      signed: "2025-10",
      confidence: "medium",
    });
    expect(actions.find((a) => a.organizationId === "EU")).toMatchObject({
      stateIso3: null,
      partyName: "European Union",
      isAsOfLowerBound: true,
    });
  });

  it("give every record a source that exists in this folder or the reference sources", () => {
    const ids = new Set([...readInternationalLawFile(DATASETS_DIR, "sources").map((s) => s.id)]);
    for (const key of ["legalPositions", "treaties", "treatyActions"] as const) {
      for (const record of readInternationalLawFile(DATASETS_DIR, key)) {
        expect(record.sources.length).toBeGreaterThan(1);
        for (const id of record.sources) expect(ids.has(id), `${key}: unknown source ${id}`).toBe(true);
      }
    }
  });

  it.skipIf(!hasShared)(
    "are exactly what the converter makes from ../shared/data (skipped when ../shared is absent)",
    () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "nw-il-"));
      const retrievedOn = readInternationalLawFile(DATASETS_DIR, "sources").find(
        (s) => s.id === "dataset:national-positions",
      )!.retrievedOn!;
      buildInternationalLawDatasets(SHARED, out, retrievedOn, path.join(DATASETS_DIR, "reference"));
      for (const spec of Object.values(INTERNATIONAL_LAW_FILES)) {
        const built = fs.readFileSync(path.join(out, spec.file), "utf8");
        const bundled = fs.readFileSync(path.join(DATASETS_DIR, "international-law", spec.file), "utf8");
        expect(built, `${spec.file} differs: run \`normwatch datasets build-international-law\``).toBe(bundled);
      }
    },
  );
});

describe.each(TEST_DRIVERS)("international-law import on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!skip) database = await createTestDatabase(driver, { seed: { importers: IMPORTERS } });
  }, 120_000);
  afterAll(async () => database?.dispose());

  it.skipIf(skip)(
    "stores positions, treaties and treaty actions with their sources, and a forced re-run changes nothing",
    async () => {
      const again = await seedDatabase(database, { importers: [internationalLawImporter], force: true });
      for (const counts of Object.values(again[0]!.counts))
        expect(counts.inserted + counts.updated + counts.deleted).toBe(0);
      const counts = await queryRows(
        database.db,
        sql`SELECT (SELECT count(*)::int FROM legal_positions) AS p, (SELECT count(*)::int FROM treaties) AS t, (SELECT count(*)::int FROM treaty_actions) AS a`,
      );
      expect(counts[0]).toEqual({ p: 44, t: 2, a: 90 });
      const unsourced = await queryRows(
        database.db,
        sql`
      SELECT id FROM legal_positions p WHERE NOT EXISTS (SELECT 1 FROM record_sources r WHERE r.record_kind = 'legal-position' AND r.record_id = p.id)
      UNION ALL SELECT id FROM treaty_actions a WHERE NOT EXISTS (SELECT 1 FROM record_sources r WHERE r.record_kind = 'treaty-action' AND r.record_id = a.id)
      UNION ALL SELECT id FROM treaties t WHERE NOT EXISTS (SELECT 1 FROM record_sources r WHERE r.record_kind = 'treaty' AND r.record_id = t.id)`,
      );
      expect(unsourced).toEqual([]);
    },
  );

  it.skipIf(skip)("lists a State's positions with the date at its precision and filters by topic", async () => {
    const estonia = await listLegalPositions(database.db, { stateIso3: "EST" });
    expect(estonia.map((p) => [p.id, p.publishedOn.precision, p.actorName])).toEqual([
      ["est-2019-05-29", "day", "Estonia"],
      ["est-2021-07-13", "day", "Estonia"],
    ]);
    expect(estonia[0]!.sources.some((s) => s.id === "dataset:national-positions")).toBe(true);
    const dueDiligence = await listLegalPositions(database.db, { topic: "due-diligence" });
    expect(dueDiligence.every((p) => p.topics.includes("due-diligence"))).toBe(true);
    expect(dueDiligence.map((p) => p.id)).toContain("fra-2019-09-09");
    expect((await listLegalPositions(database.db, { year: 2012 })).map((p) => p.id)).toEqual(["usa-2012-09-18"]);
  });

  it.skipIf(skip)("gives a State without a sourced Budapest row an unknown status, not 'not a party'", async () => {
    const budapest = await listTreatyActions(database.db, { treatyId: "coe-ets-185" });
    expect(standingOf(budapest, "FRA")).toMatchObject({ status: "consented", action: { asOf: "2015-12-03" } });
    expect(standingOf(budapest, "AND")).toMatchObject({ status: "signed" });
    expect(standingOf(budapest, "USA")).toEqual({ status: "unknown" });
    const treaties = await listTreaties(database.db);
    expect(treaties.map((t) => [t.id, t.isStatusPartial])).toEqual([
      ["coe-ets-185", true],
      ["un-cybercrime-2024", true],
    ]);
    expect(treaties[1]!.resolutionSymbol).toBe("A/RES/79/243");
  });

  it.skipIf(skip)("rolls up regional members with a position", async () => {
    const rollup = await listRegionalPositionRollup(database.db, await listLegalPositions(database.db));
    const au = rollup.find((r) => r.organizationId === "AFUNION")!;
    expect(au.withPosition.map((m) => m.iso3)).toEqual(["KEN"]);
    expect(au.ownPositions).toBe(1);
    expect(rollup.find((r) => r.organizationId === "EU")!.withPosition.map((m) => m.iso3)).toContain("FRA");
  });
});
