// Queries on GA resolutions and decisions: lists by topic and GA session, one resolution with its processes and sources.
import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import type { Resolution, ResolutionDetail, ResolutionFilter, ResolutionSummary } from "../domain/resolution.js";
import type { Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import { processes, processResolutions, resolutions } from "./schema/processes.js";
import { listRecordSources } from "./sources.js";

export const resolutionSummaryColumns = {
  symbol: resolutions.symbol,
  recordType: resolutions.recordType,
  topic: resolutions.topic,
  gaSession: resolutions.gaSession,
  adoptedOn: resolutions.adoptedOn,
  title: resolutions.title,
  committee: resolutions.committee,
  adoptionMethod: resolutions.adoptionMethod,
  adoptionNote: resolutions.adoptionNote,
  yes: resolutions.yes,
  no: resolutions.no,
  abstain: resolutions.abstain,
};

const resolutionColumns = {
  ...resolutionSummaryColumns,
  firstCommitteeVote: resolutions.firstCommitteeVote,
  summary: resolutions.summary,
  notes: resolutions.notes,
  confidence: resolutions.confidence,
};

function whereOf(filter: ResolutionFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.topic) parts.push(eq(resolutions.topic, filter.topic));
  if (filter.gaSession !== undefined) parts.push(eq(resolutions.gaSession, filter.gaSession));
  return parts.length ? and(...parts) : undefined;
}

/** The orders the resolutions list offers (the API's sort); ties by symbol. */
export const RESOLUTION_SORTS = {
  adopted: resolutions.adoptedOn,
  symbol: resolutions.symbol,
  session: resolutions.gaSession,
  updated: resolutions.updatedAt,
} satisfies SortColumns;

/**
 * Resolutions in order of adoption (undated ones at the end of their GA session), or `page.order`; with
 * `page.since`, only those changed after it.
 */
export async function listResolutions(
  db: Db,
  filter: ResolutionFilter = {},
  page?: ListWindow,
): Promise<{ items: ResolutionSummary[]; total: number }> {
  const where = and(whereOf(filter), changedSince(resolutions.updatedAt, page?.since));
  const usual = [sql`${resolutions.adoptedOn} ASC NULLS LAST`, asc(resolutions.gaSession), asc(resolutions.symbol)];
  const query = db
    .select(resolutionSummaryColumns)
    .from(resolutions)
    .where(where)
    .orderBy(...orderByOf(RESOLUTION_SORTS, page?.order, usual, [resolutions.symbol]));
  const items = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const [total] = await db.select({ n: count() }).from(resolutions).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findResolution(db: Db, symbol: string): Promise<Resolution | null> {
  const rows = await db.select(resolutionColumns).from(resolutions).where(eq(resolutions.symbol, symbol));
  return rows[0] ?? null;
}

export async function getResolutionDetail(db: Db, symbol: string): Promise<ResolutionDetail> {
  const resolution = await findResolution(db, symbol);
  if (!resolution) throw new NotFoundError("resolution", symbol);
  const linked = await db
    .select({
      processId: processes.id,
      shortName: processes.shortName,
      kind: processes.kind,
      relation: processResolutions.relation,
    })
    .from(processResolutions)
    .innerJoin(processes, eq(processes.id, processResolutions.processId))
    .where(eq(processResolutions.resolutionSymbol, symbol))
    .orderBy(asc(processes.startDate));
  return { resolution, processes: linked, sources: await listRecordSources(db, "resolution", symbol) };
}

export async function countResolutions(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(resolutions);
  return row?.n ?? 0;
}
