// Imports datasets/participation (deadlines, accreditation outcomes, stakeholder actions and their sources),
// idempotently by id, with counts; sources already stored by another dataset are left as that dataset wrote them.
import path from "node:path";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import * as t from "../../db/schema/index.js";
import type { ImportCounts } from "../../db/schema/imports.js";
import { loadEditorialLocks } from "../../db/changes.js";
import { addCounts, emptyCounts, syncRows, type Tx } from "../../db/upsert.js";
import type { ParticipationRecordKind } from "../../domain/vocabulary.js";
import type { DatasetImporter } from "../dataset-importer.js";
import { PARTICIPATION_FILES } from "./dataset-schemas.js";
import { dateParts, readDatasetFile } from "../dataset-file.js";
import { insertNewSources } from "../record-sources.js";

type FileKey = keyof typeof PARTICIPATION_FILES;
type RecordOf<K extends FileKey> = z.infer<(typeof PARTICIPATION_FILES)[K]["schema"]>;
const DIR = "participation";

export function readParticipationFile<K extends FileKey>(datasetsDir: string, key: K): RecordOf<K>[] {
  const spec = PARTICIPATION_FILES[key];
  return readDatasetFile(path.join(datasetsDir, DIR, spec.file), spec.schema) as RecordOf<K>[];
}

async function syncParticipationSources(
  tx: Tx,
  kind: ParticipationRecordKind,
  records: { id: string; sources: string[] }[],
): Promise<ImportCounts> {
  const rows = records.flatMap((r) =>
    r.sources.map((sourceId) => ({ recordKind: kind, recordId: r.id, sourceId, note: null })),
  );
  return syncRows(
    tx,
    t.participationSources,
    [t.participationSources.recordKind, t.participationSources.recordId, t.participationSources.sourceId],
    rows,
    {
      deleteMissing: true,
      scope: eq(t.participationSources.recordKind, kind),
    },
  );
}

export const participationImporter: DatasetImporter = {
  name: "participation",
  files: Object.values(PARTICIPATION_FILES).map((spec) => `${DIR}/${spec.file}`),
  async run(tx, dir) {
    const sourceRows = readParticipationFile(dir, "sources");
    const deadlines = readParticipationFile(dir, "deadlines");
    const accreditations = readParticipationFile(dir, "accreditations");
    const actions = readParticipationFile(dir, "stakeholderActions");
    const counts: Record<string, ImportCounts> = {};
    // Records an editor changed through a published change are left as the editor left them (never reverted or deleted).
    const locks = await loadEditorialLocks(tx);
    const lockedBy = (ids: Set<string>) => (row: Record<string, unknown>) => ids.has(String(row["id"]));
    counts["sources"] = await insertNewSources(tx, sourceRows);
    counts["deadlines"] = await syncRows(
      tx,
      t.deadlines,
      [t.deadlines.id],
      deadlines.map(({ sources: _s, opens, closes, ...row }) => {
        const o = dateParts(opens);
        const c = dateParts(closes);
        return { ...row, opensOn: o.date, opensPrecision: o.precision, closesOn: c.date, closesPrecision: c.precision };
      }),
      { deleteMissing: true, isLocked: lockedBy(locks.ids.deadline) },
    );
    counts["accreditations"] = await syncRows(
      tx,
      t.accreditations,
      [t.accreditations.id],
      accreditations.map(({ sources: _s, applied, decided, ...row }) => {
        const a = dateParts(applied);
        const d = dateParts(decided);
        return {
          ...row,
          appliedOn: a.date,
          appliedPrecision: a.precision,
          decidedOn: d.date,
          decidedPrecision: d.precision,
        };
      }),
      { deleteMissing: true, isLocked: lockedBy(locks.ids.accreditation) },
    );
    counts["stakeholder_actions"] = await syncRows(
      tx,
      t.stakeholderActions,
      [t.stakeholderActions.id],
      actions.map(({ sources: _s, actedOn, ...row }) => {
        const a = dateParts(actedOn);
        return { ...row, actedOn: a.date, actedPrecision: a.precision };
      }),
      { deleteMissing: true, isLocked: lockedBy(locks.ids["stakeholder-action"]) },
    );
    counts["participation_sources"] = [
      await syncParticipationSources(tx, "deadline", deadlines),
      await syncParticipationSources(tx, "accreditation", accreditations),
      await syncParticipationSources(tx, "stakeholder-action", actions),
    ].reduce(addCounts, emptyCounts());
    return counts;
  },
};
