// Queries on sources: the sources attached to a record.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Source } from "../domain/source.js";
import type { RecordKind } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import type { Tx } from "./upsert.js";
import { recordSources, sources } from "./schema/sources.js";

export async function listRecordSources(db: Db, kind: RecordKind, recordId: string): Promise<Source[]> {
  const rows = await db
    .select({ source: sources, note: recordSources.note })
    .from(recordSources)
    .innerJoin(sources, eq(sources.id, recordSources.sourceId))
    .where(and(eq(recordSources.recordKind, kind), eq(recordSources.recordId, recordId)))
    .orderBy(asc(sources.kind), asc(sources.id));
  return rows.map(({ source, note }) => toSource(source, note));
}

/** Sources of many records of one kind at once, keyed by record id. */
export async function listSourcesByRecord(
  db: Db,
  kind: RecordKind,
  recordIds: string[],
): Promise<Map<string, Source[]>> {
  const out = new Map<string, Source[]>();
  if (recordIds.length === 0) return out;
  const rows = await db
    .select({ recordId: recordSources.recordId, source: sources, note: recordSources.note })
    .from(recordSources)
    .innerJoin(sources, eq(sources.id, recordSources.sourceId))
    .where(and(eq(recordSources.recordKind, kind), inArray(recordSources.recordId, recordIds)))
    .orderBy(asc(sources.kind), asc(sources.id));
  for (const row of rows) {
    const list = out.get(row.recordId) ?? [];
    list.push(toSource(row.source, row.note));
    out.set(row.recordId, list);
  }
  return out;
}

function toSource(row: typeof sources.$inferSelect, note: string | null): Source {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    licence: row.licence,
    attribution: row.attribution,
    retrievedOn: row.retrievedOn,
    note,
  };
}

/** One source by id, or null. */
export async function findSource(db: Db | Tx, id: string): Promise<Source | null> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id)).limit(1);
  return row ? toSource(row, null) : null;
}
