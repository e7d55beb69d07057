import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { createPublisher, evidenceRecord } from "../../test/evidence.js";
import {
  countStatesWithEvidenceByItem,
  listDocumentsMentioningItem,
  listMapStates,
  listRollupGroups,
} from "./evidence.js";

describe.each(TEST_DRIVERS)("evidence queries on $label", ({ driver, skip }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    if (skip) return;
    db = await createTestDatabase(driver, { seed: true });
    const publisher = await createPublisher(db.db, new Date("2026-11-23T12:00:00Z"));
    // Synthetic evidence (not real claims): two records for Germany and one for Chile on 13(j).
    await publisher.publish(
      "evidence",
      evidenceRecord({ stateIso3: "DEU", itemId: "13j", externalUrl: "https://example.org/a" }),
    );
    await publisher.publish(
      "evidence",
      evidenceRecord({ stateIso3: "DEU", itemId: "13j", status: "implemented", externalUrl: "https://example.org/b" }),
    );
    await publisher.publish(
      "evidence",
      evidenceRecord({ stateIso3: "CHL", itemId: "13j", externalUrl: "https://example.org/c" }),
    );
  });
  afterAll(async () => db?.dispose());

  it.skipIf(skip)(
    "finds the current documents whose paragraphs mention an item, newest first, with their paragraphs",
    async () => {
      const poc = await listDocumentsMentioningItem(db.db, "un-global-poc-directory");
      expect(poc.map((d) => [d.slug, d.documentDate, d.paragraphs, d.paragraphCount])).toEqual([
        ["A/RES/78/237", "2023-12-22", [{ anchor: "op-4", label: "op 4", isExplicit: false }], 1],
      ]);
      const vulnerabilities = await listDocumentsMentioningItem(db.db, "13j");
      expect(vulnerabilities.map((d) => d.slug)).toEqual(["A/RES/79/243", "A/RES/77/37"]);
    },
  );

  it.skipIf(skip)("counts States (not records) with evidence per item", async () => {
    expect(Object.fromEntries(await countStatesWithEvidenceByItem(db.db))).toEqual({ "13j": 2 });
  });

  it.skipIf(skip)(
    "gives the map every Member and observer State, and the roll-up the five groups before the regional organisations",
    async () => {
      expect(await listMapStates(db.db)).toHaveLength(195);
      const groups = await listRollupGroups(db.db);
      expect(groups.slice(0, 5).map((g) => g.key)).toEqual([
        "group:AFRICAN",
        "group:ASIA_PACIFIC",
        "group:EEG",
        "group:GRULAC",
        "group:WEOG",
      ]);
      expect(groups.slice(0, 5).reduce((n, g) => n + g.memberIso3s.length, 0)).toBe(193);
      expect(groups.find((g) => g.id === "AFUNION")?.memberIso3s).toHaveLength(54);
      expect(groups.every((g) => g.kind === "un-regional-group" || g.id !== "NATO")).toBe(true);
    },
  );
});
