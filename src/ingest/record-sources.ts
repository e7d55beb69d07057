// What every bundled-dataset importer does with sources: add the sources it cites that are not stored yet, and keep
// each record's list of cited sources in step with the dataset (records an editor changed keep theirs).
import { eq, inArray } from "drizzle-orm";
import * as t from "../db/schema/index.js";
import type { ImportCounts } from "../db/schema/imports.js";
import { addCounts, emptyCounts, syncRows, type Tx } from "../db/upsert.js";
import type { RecordKind } from "../domain/vocabulary.js";

/** Inserts the sources not stored yet; stored ones are left as they are (another dataset or an editor may own them). */
export async function insertNewSources(tx: Tx, sourceRows: (typeof t.sources.$inferInsert)[]): Promise<ImportCounts> {
  const ids = sourceRows.map((s) => s.id);
  const stored = new Set(
    ids.length
      ? (await tx.select({ id: t.sources.id }).from(t.sources).where(inArray(t.sources.id, ids))).map((s) => s.id)
      : [],
  );
  const inserted = await syncRows(
    tx,
    t.sources,
    [t.sources.id],
    sourceRows.filter((s) => !stored.has(s.id)),
  );
  return addCounts(inserted, { ...emptyCounts(), unchanged: stored.size });
}

/** Records editors changed (locked ids) keep the sources their reviewed changes attached. */
export async function syncRecordSources(
  tx: Tx,
  kind: RecordKind,
  records: { id: string; sources: string[] }[],
  locked: Set<string> = new Set(),
): Promise<ImportCounts> {
  const rows = records.flatMap((r) =>
    r.sources.map((sourceId) => ({ recordKind: kind, recordId: r.id, sourceId, note: null })),
  );
  return syncRows(
    tx,
    t.recordSources,
    [t.recordSources.recordKind, t.recordSources.recordId, t.recordSources.sourceId],
    rows,
    {
      deleteMissing: true,
      scope: eq(t.recordSources.recordKind, kind),
      isLocked: (row) => locked.has(String(row["recordId"])),
    },
  );
}
