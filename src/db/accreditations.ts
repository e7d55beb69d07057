// Queries on accreditation outcomes (per session or process, with sources), and the sources of participation records.
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Accreditation } from "../domain/participation.js";
import type { Source } from "../domain/source.js";
import type { ParticipationRecordKind } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { accreditations, participationSources } from "./schema/participation.js";
import { sources } from "./schema/sources.js";
import { listSourcesByRecord } from "./sources.js";
import { partialDateOf } from "./states.js";

/**
 * Sources of participation records: those the bundled dataset gives (participation_sources) and those editors
 * cited when they published a change to the record (record_sources, like every other edited record).
 */
export async function listParticipationSourcesByRecord(
  db: Db,
  kind: ParticipationRecordKind,
  recordIds: string[],
): Promise<Map<string, Source[]>> {
  const out = new Map<string, Source[]>();
  if (recordIds.length === 0) return out;
  const fromDataset = await db
    .select({ recordId: participationSources.recordId, source: sources, note: participationSources.note })
    .from(participationSources)
    .innerJoin(sources, eq(sources.id, participationSources.sourceId))
    .where(and(eq(participationSources.recordKind, kind), inArray(participationSources.recordId, recordIds)))
    .orderBy(asc(sources.kind), asc(sources.id));
  for (const { recordId, source, note } of fromDataset) {
    const list = out.get(recordId) ?? [];
    list.push({
      id: source.id,
      kind: source.kind,
      title: source.title,
      url: source.url,
      licence: source.licence,
      attribution: source.attribution,
      retrievedOn: source.retrievedOn,
      note,
    });
    out.set(recordId, list);
  }
  for (const [recordId, cited] of await listSourcesByRecord(db, kind, recordIds)) {
    const list = out.get(recordId) ?? [];
    out.set(recordId, [...list, ...cited.filter((s) => !list.some((known) => known.id === s.id))]);
  }
  return out;
}

export interface AccreditationFilter {
  processId?: string | undefined;
  /** Records of this session, plus (with includeProcessWide) those of its process that name no session. */
  sessionId?: string | undefined;
  includeProcessWide?: boolean;
}

/** Accreditation records, aggregates first, then named organisations alphabetically. */
export async function listAccreditations(db: Db, filter: AccreditationFilter = {}): Promise<Accreditation[]> {
  const parts: (SQL | undefined)[] = [];
  if (filter.processId) parts.push(eq(accreditations.processId, filter.processId));
  if (filter.sessionId) {
    parts.push(
      filter.includeProcessWide
        ? or(
            eq(accreditations.sessionId, filter.sessionId),
            and(
              isNull(accreditations.sessionId),
              sql`${accreditations.processId} = (SELECT process_id FROM sessions WHERE id = ${filter.sessionId})`,
            ),
          )
        : eq(accreditations.sessionId, filter.sessionId),
    );
  }
  const rows = await db
    .select()
    .from(accreditations)
    .where(parts.length ? and(...parts) : undefined)
    .orderBy(sql`${accreditations.isAggregate} DESC`, asc(accreditations.organizationName), asc(accreditations.id));
  const bySource = await listParticipationSourcesByRecord(
    db,
    "accreditation",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    processId: r.processId,
    sessionId: r.sessionId,
    isAggregate: r.isAggregate,
    organizationName: r.organizationName,
    ecosocStatus: r.ecosocStatus,
    applied: partialDateOf(r.appliedOn, r.appliedPrecision),
    decided: partialDateOf(r.decidedOn, r.decidedPrecision),
    outcome: r.outcome,
    applicants: r.applicants,
    accreditedCount: r.accreditedCount,
    objectedCount: r.objectedCount,
    objectingStates: r.objectingStates,
    notes: r.notes,
    confidence: r.confidence,
    sources: bySource.get(r.id) ?? [],
  }));
}
