import fs from "node:fs";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../../test/database.js";
import { insertChange, publishChange } from "../../db/changes.js";
import { findPublishedRecord } from "../../db/changes-publish.js";
import { getProgramme, listProgrammes } from "../../db/programmes.js";
import { findCurrentRubric, getRubric, insertRubricVersion, listRubricVersions } from "../../db/rubrics.js";
import * as t from "../../db/schema/index.js";
import { insertUser } from "../../db/users.js";
import { DEFAULT_RUBRIC_SLUG } from "../../domain/rubric.js";
import { ConflictError } from "../../domain/errors.js";
import {
  cyberProcessesImporter,
  cyberStrategiesImporter,
  readReferenceFile,
  sourcesImporter,
  statesImporter,
} from "../reference/import-reference.js";
import { DATASETS_DIR, seedDatabase } from "../seed.js";
import { importIatiActivities } from "./import-iati.js";
import { implementationImporter } from "./import-implementation.js";

const IMPORTERS = [
  sourcesImporter,
  statesImporter,
  cyberProcessesImporter,
  cyberStrategiesImporter,
  implementationImporter,
];
// SYNTHETIC IATI fixture (see its header comment): follows the 2.03 standard, invented content.
const IATI_XML = fs.readFileSync(
  new URL("../../../test/fixtures/iati/activities.synthetic.xml", import.meta.url),
  "utf8",
);
const NOW = new Date("2026-11-23T12:00:00Z");
const WEB_SOURCE = { url: "https://www.example.org/strategy", title: "A strategy page", licence: "cited for facts" };

describe.each(TEST_DRIVERS)("implementation seed, rubric versions and IATI import on $label", ({ driver, skip }) => {
  let db: TestDatabase;
  let author: number;
  let reviewer: { id: number; role: "editor" };
  beforeAll(async () => {
    if (skip) return;
    db = await createTestDatabase(driver, { seed: { importers: IMPORTERS } });
    author = (await insertUser(db.db, { email: "ada@example.org", role: "editor", now: NOW })).id;
    reviewer = {
      id: (await insertUser(db.db, { email: "grace@example.org", role: "editor", now: NOW })).id,
      role: "editor",
    };
  });
  afterAll(async () => db?.dispose());

  const publish = async (
    kind: "instrument" | "assessment" | "programme",
    operation: "create" | "update",
    recordId: string | null,
    record: unknown,
  ) => {
    const change = await insertChange(db.db, {
      kind,
      operation,
      recordId,
      record,
      sources: [WEB_SOURCE],
      summary: "test",
      submit: true,
      authorId: author,
      now: NOW,
    });
    return publishChange(db.db, { changeId: change.id, reviewer, minEditors: 2, now: NOW });
  };

  it.skipIf(skip)(
    "seeds one first-strategy instrument per State with a first-adoption date in the dataset (135), citing it",
    async () => {
      const withDate = readReferenceFile(DATASETS_DIR, "cyberStrategies").filter((r) => r.firstAdopted !== null);
      const seeded = await db.db.select().from(t.instruments).where(like(t.instruments.id, "%-first-cyber-strategy"));
      expect(seeded).toHaveLength(withDate.length);
      expect(seeded).toHaveLength(135);
      const alb = seeded.find((i) => i.id === "alb-first-cyber-strategy")!;
      expect(alb).toMatchObject({
        status: "adopted",
        adoptedOn: "2015-01-01",
        adoptedPrecision: "year",
        title: "First national cybersecurity strategy",
      });
      const cited = await db.db
        .select()
        .from(t.recordSources)
        .where(eq(t.recordSources.recordId, "alb-first-cyber-strategy"));
      expect(cited.map((s) => s.sourceId)).toEqual(["dataset:kostyuk-strategies"]);
    },
  );

  it.skipIf(skip)(
    "seeds the default rubric v1 with the five criteria, described as Normwatch's methodology",
    async () => {
      const rubric = (await findCurrentRubric(db.db, DEFAULT_RUBRIC_SLUG))!;
      expect(rubric.version).toBe(1);
      expect(rubric.description).toMatch(/Normwatch's own methodology/);
      expect(rubric.criteria.map((c) => c.code)).toEqual([
        "human-rights-principle",
        "civil-society-consulted",
        "oversight-and-redress",
        "surveillance-proportionality",
        "gender-considerations",
      ]);
    },
  );

  it.skipIf(skip)(
    "a new rubric version never changes the scores given against the old one; a stale base version is refused",
    async () => {
      const v1 = await getRubric(db.db, DEFAULT_RUBRIC_SLUG, 1);
      const criterion = v1.criteria[0]!;
      await publish("assessment", "create", null, {
        instrumentId: "deu-first-cyber-strategy",
        criterionId: criterion.id,
        rating: "met",
        paragraphId: null,
        externalUrl: "https://www.example.org/strategy#p3",
        quote: null,
        note: null,
        assessedOn: "2026-11-20",
      });
      const draft = {
        title: v1.title,
        description: v1.description,
        criteria: [
          { code: criterion.code, title: "Human rights named as a guiding principle", guidance: "Reworded." },
          ...v1.criteria.slice(2).map((c) => ({ code: c.code, title: c.title, guidance: c.guidance })),
          { code: "data-protection", title: "Data protection", guidance: "" },
        ],
      };
      const v2 = await insertRubricVersion(db.db, {
        slug: DEFAULT_RUBRIC_SLUG,
        basedOn: 1,
        draft,
        userId: author,
        now: NOW,
      });
      expect(v2.version).toBe(2);
      expect(v2.criteria.map((c) => c.code)).toEqual([
        "human-rights-principle",
        "oversight-and-redress",
        "surveillance-proportionality",
        "gender-considerations",
        "data-protection",
      ]);
      expect(v2.criteria[0]!.id).not.toBe(criterion.id);
      const again = await getRubric(db.db, DEFAULT_RUBRIC_SLUG, 1);
      expect(again.criteria).toEqual(v1.criteria);
      const [score] = await db.db
        .select()
        .from(t.assessments)
        .where(eq(t.assessments.instrumentId, "deu-first-cyber-strategy"));
      expect(score).toMatchObject({ criterionId: criterion.id, rating: "met" });
      expect((await listRubricVersions(db.db, DEFAULT_RUBRIC_SLUG)).map((v) => [v.version, v.assessmentCount])).toEqual(
        [
          [2, 0],
          [1, 1],
        ],
      );
      await expect(
        insertRubricVersion(db.db, { slug: DEFAULT_RUBRIC_SLUG, basedOn: 1, draft, userId: author, now: NOW }),
      ).rejects.toThrow(ConflictError);
    },
  );

  it.skipIf(skip)(
    "re-seeding is idempotent and leaves an instrument an editor changed as the editor published it",
    async () => {
      const record = (await findPublishedRecord(db.db, "instrument", "fra-first-cyber-strategy"))!;
      await publish("instrument", "update", "fra-first-cyber-strategy", {
        ...record,
        title: "Stratégie nationale pour la sécurité du numérique",
      });
      const [result] = await seedDatabase(db, { importers: [implementationImporter], force: true });
      expect(result!.counts["instruments"]).toMatchObject({ inserted: 0, updated: 0, unchanged: 135 });
      expect(result!.counts["rubric_criteria"]).toMatchObject({ inserted: 0, updated: 0 });
      expect((await findPublishedRecord(db.db, "instrument", "fra-first-cyber-strategy"))!["title"]).toBe(
        "Stratégie nationale pour la sécurité du numérique",
      );
    },
  );

  it.skipIf(skip)(
    "imports IATI activities idempotently by identifier, with the file as source, and never overwrites an editor's programme",
    async () => {
      const input = {
        xml: IATI_XML,
        origin: "activities.synthetic.xml",
        licence: "synthetic test data",
        retrievedOn: "2026-11-23",
      };
      const first = await importIatiActivities(db.db, input);
      expect(first.counts).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
      expect(first.problems.map((p) => p.position)).toEqual([3]);
      expect(first.warnings.map((w) => w.iatiIdentifier)).toEqual(["XX-SYNTH-0002"]);
      const p1 = await getProgramme(db.db, "iati-xx-synth-0001");
      expect(p1).toMatchObject({
        beneficiaryStates: ["KEN", "GHA"],
        budget: "350000.50",
        currency: "EUR",
        funders: ["Synthetic Funding Agency", "Second Synthetic Donor"],
      });
      expect(p1.sources.map((s) => s.id)).toEqual(["iati-file:activities.synthetic.xml"]);
      expect((await importIatiActivities(db.db, input)).counts).toMatchObject({
        inserted: 0,
        updated: 0,
        unchanged: 2,
      });
      const record = (await findPublishedRecord(db.db, "programme", "iati-xx-synth-0001"))!;
      await publish("programme", "update", "iati-xx-synth-0001", {
        ...record,
        itemIds: ["13a"],
        title: "Edited title",
      });
      const third = await importIatiActivities(db.db, input);
      expect(third.locked).toEqual(["iati-xx-synth-0001"]);
      expect((await getProgramme(db.db, "iati-xx-synth-0001")).title).toBe("Edited title");
      expect((await listProgrammes(db.db, { itemId: "13a" })).map((p) => p.id)).toEqual(["iati-xx-synth-0001"]);
      expect(
        (await listProgrammes(db.db, { beneficiary: "BRA", funder: "Synthetic Ministry" })).map((p) => p.id),
      ).toEqual(["iati-xx-synth-0002"]);
    },
  );
});
