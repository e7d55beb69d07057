// Seeds the implementation tracker from bundled data: the default assessment rubric (datasets/implementation)
// and one "first national cybersecurity strategy" instrument per State with a date in the strategies dataset.
// Idempotent by natural key; instruments an editor has changed through the review workflow are left alone.
import path from "node:path";
import { and, eq, inArray, like } from "drizzle-orm";
import { z } from "zod";
import { listEditedRecordIds } from "../../db/changes.js";
import * as t from "../../db/schema/index.js";
import type { ImportCounts } from "../../db/schema/imports.js";
import { syncRows, type Tx } from "../../db/upsert.js";
import { buildFirstStrategyInstruments, FIRST_STRATEGY_SOURCE_ID } from "../../domain/instruments.js";
import { validateRubricDraft } from "../../domain/rubric.js";
import { readDatasetFile } from "../dataset-file.js";
import type { DatasetImporter } from "../dataset-importer.js";
import { readReferenceFile } from "../reference/import-reference.js";

export const RUBRICS_FILE = "implementation/rubrics.json";
const SEEDED_INSTRUMENT_PATTERN = "%-first-cyber-strategy";

const RubricRecord = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().min(1),
  title: z.string().min(1),
  description: z.string().min(1),
  createdOn: z.iso.date(),
  criteria: z.array(z.strictObject({ code: z.string(), title: z.string(), guidance: z.string() })).min(1),
});
export type RubricRecord = z.infer<typeof RubricRecord>;

export function readRubricsFile(datasetsDir: string): RubricRecord[] {
  return readDatasetFile(path.join(datasetsDir, RUBRICS_FILE), RubricRecord).map((record) => {
    validateRubricDraft(record);
    return record;
  });
}

async function syncRubrics(tx: Tx, records: RubricRecord[]): Promise<Record<string, ImportCounts>> {
  const rubrics = await syncRows(
    tx,
    t.rubrics,
    [t.rubrics.slug, t.rubrics.version],
    records.map((r) => ({
      slug: r.slug,
      version: r.version,
      title: r.title,
      description: r.description,
      createdAt: new Date(`${r.createdOn}T00:00:00Z`),
    })),
  );
  const stored = await tx
    .select({ id: t.rubrics.id, slug: t.rubrics.slug, version: t.rubrics.version })
    .from(t.rubrics);
  const idOf = new Map(stored.map((r) => [`${r.slug}@${r.version}`, r.id]));
  const ids = records.map((r) => idOf.get(`${r.slug}@${r.version}`)!);
  // Criteria are never deleted here: assessments refer to them (and the database refuses).
  const criteria = await syncRows(
    tx,
    t.rubricCriteria,
    [t.rubricCriteria.rubricId, t.rubricCriteria.code],
    records.flatMap((r, i) =>
      r.criteria.map((c, position) => ({
        rubricId: ids[i]!,
        code: c.code,
        position: position + 1,
        title: c.title,
        guidance: c.guidance,
      })),
    ),
    { scope: inArray(t.rubricCriteria.rubricId, ids) },
  );
  return { rubrics, rubric_criteria: criteria };
}

async function syncFirstStrategyInstruments(tx: Tx, datasetsDir: string): Promise<Record<string, ImportCounts>> {
  const rows = buildFirstStrategyInstruments(readReferenceFile(datasetsDir, "cyberStrategies"));
  const edited = await listEditedRecordIds(tx, "instrument");
  const isLocked = (row: Record<string, unknown>) => edited.has(String(row["id"] ?? row["recordId"]));
  const instruments = await syncRows(
    tx,
    t.instruments,
    [t.instruments.id],
    rows as unknown as Record<string, unknown>[],
    { scope: like(t.instruments.id, SEEDED_INSTRUMENT_PATTERN), isLocked },
  );
  const sources = await syncRows(
    tx,
    t.recordSources,
    [t.recordSources.recordKind, t.recordSources.recordId, t.recordSources.sourceId],
    rows.map((r) => ({
      recordKind: "instrument",
      recordId: r.id,
      sourceId: FIRST_STRATEGY_SOURCE_ID,
      note: "date of the first strategy",
    })),
    {
      deleteMissing: true,
      scope: and(
        eq(t.recordSources.recordKind, "instrument"),
        like(t.recordSources.recordId, SEEDED_INSTRUMENT_PATTERN),
      ),
      isLocked,
    },
  );
  return { instruments, record_sources: sources };
}

export const implementationImporter: DatasetImporter = {
  name: "implementation",
  files: [RUBRICS_FILE, "reference/cyber-strategies.json"],
  async run(tx, dir) {
    return { ...(await syncRubrics(tx, readRubricsFile(dir))), ...(await syncFirstStrategyInstruments(tx, dir)) };
  },
};
