// Queries on accreditation outcomes (per session or process, with sources; all or one page, and the facts the summary
// of every match reads), and the sources of participation records.
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Accreditation, AccreditationFacts } from "../domain/participation.js";
import type { Source } from "../domain/source.js";
import type { ParticipationRecordKind } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
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
  /** Only records changed after this moment. */
  changedSince?: Date | undefined;
}

function whereOf(filter: AccreditationFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [changedSince(accreditations.updatedAt, filter.changedSince)];
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
  return and(...parts);
}

/** The orders the accreditation list offers (the API's sort); ties by id. */
export const ACCREDITATION_SORTS = {
  organization: accreditations.organizationName,
  decided: accreditations.decidedOn,
  updated: accreditations.updatedAt,
} satisfies SortColumns;

/** Accreditation records, aggregates first, then named organisations alphabetically (or `page.order`); all, or one page. */
export async function listAccreditations(
  db: Db,
  filter: AccreditationFilter = {},
  page?: Omit<ListWindow, "since">,
): Promise<Accreditation[]> {
  const usual = [sql`${accreditations.isAggregate} DESC`, asc(accreditations.organizationName), asc(accreditations.id)];
  const query = db
    .select()
    .from(accreditations)
    .where(whereOf(filter))
    .orderBy(...orderByOf(ACCREDITATION_SORTS, page?.order, usual, [accreditations.id]));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
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

/**
 * What summarizeAccreditations reads of every matching record (the summary covers all matches, not one page): a few
 * columns per record, without sources.
 */
export async function listAccreditationFacts(db: Db, filter: AccreditationFilter = {}): Promise<AccreditationFacts[]> {
  const rows = await db
    .select({
      ecosocStatus: accreditations.ecosocStatus,
      isAggregate: accreditations.isAggregate,
      organizationName: accreditations.organizationName,
      outcome: accreditations.outcome,
      applicants: accreditations.applicants,
      accreditedCount: accreditations.accreditedCount,
      objectedCount: accreditations.objectedCount,
      objectingStates: accreditations.objectingStates,
    })
    .from(accreditations)
    .where(whereOf(filter))
    .orderBy(asc(accreditations.id));
  return rows;
}
