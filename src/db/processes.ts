// Queries on processes: lists by kind and date, one process with chair, listed members, sessions, resolutions and sources.
import { and, asc, count, eq, getTableColumns, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import type { Process, ProcessDetail, ProcessFilter, ProcessResolution, ProcessStateRef } from "../domain/process.js";
import type { Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import { lastDaySql } from "./partial-date-sql.js";
import { resolutionSummaryColumns } from "./resolutions.js";
import { processes, processMembers, processResolutions, resolutions } from "./schema/processes.js";
import { states } from "./schema/reference.js";
import { listProcessSessions } from "./sessions.js";
import { listRecordSources } from "./sources.js";
import { partialDateOf } from "./states.js";

type ProcessRow = typeof processes.$inferSelect & { chairStateName: string | null };

const processColumns = { ...getTableColumns(processes), chairStateName: states.name };

function toProcess(row: ProcessRow): Process {
  const { startDate, startPrecision, endDate, endPrecision, ...rest } = row;
  return { ...rest, start: { date: startDate, precision: startPrecision }, end: partialDateOf(endDate, endPrecision) };
}

function whereOf(filter: ProcessFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filter.kind) parts.push(eq(processes.kind, filter.kind));
  if (filter.activeOn) {
    parts.push(
      lte(processes.startDate, filter.activeOn),
      or(
        isNull(processes.endDate),
        sql`${lastDaySql(processes.endDate, processes.endPrecision)} >= ${filter.activeOn}::date`,
      ),
    );
  }
  return parts.length ? and(...parts) : undefined;
}

/** The orders the processes list offers (the API's sort); ties by id. */
export const PROCESS_SORTS = {
  start: processes.startDate,
  name: processes.name,
  updated: processes.updatedAt,
} satisfies SortColumns;

/** Processes in order of their start (or `page.order`), optionally only those changed after `page.since`. */
export async function listProcesses(
  db: Db,
  filter: ProcessFilter = {},
  page?: ListWindow,
): Promise<{ items: Process[]; total: number }> {
  const where = and(whereOf(filter), changedSince(processes.updatedAt, page?.since));
  const query = db
    .select(processColumns)
    .from(processes)
    .leftJoin(states, eq(states.iso3, processes.chairStateIso3))
    .where(where)
    .orderBy(...orderByOf(PROCESS_SORTS, page?.order, [asc(processes.startDate), asc(processes.id)], [processes.id]));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const [total] = await db.select({ n: count() }).from(processes).where(where);
  return { items: rows.map(toProcess), total: total?.n ?? 0 };
}

export async function findProcess(db: Db, id: string): Promise<Process | null> {
  const rows = await db
    .select(processColumns)
    .from(processes)
    .leftJoin(states, eq(states.iso3, processes.chairStateIso3))
    .where(eq(processes.id, id));
  return rows[0] ? toProcess(rows[0]) : null;
}

export async function getProcess(db: Db, id: string): Promise<Process> {
  const found = await findProcess(db, id);
  if (!found) throw new NotFoundError("process", id);
  return found;
}

export async function listProcessMembers(db: Db, processId: string): Promise<ProcessStateRef[]> {
  return db
    .select({ iso3: states.iso3, name: states.name })
    .from(processMembers)
    .innerJoin(states, eq(states.iso3, processMembers.stateIso3))
    .where(eq(processMembers.processId, processId))
    .orderBy(asc(states.name));
}

export async function listProcessResolutions(db: Db, processId: string): Promise<ProcessResolution[]> {
  return db
    .select({ ...resolutionSummaryColumns, relation: processResolutions.relation })
    .from(processResolutions)
    .innerJoin(resolutions, eq(resolutions.symbol, processResolutions.resolutionSymbol))
    .where(eq(processResolutions.processId, processId))
    .orderBy(sql`${resolutions.adoptedOn} ASC NULLS LAST`, asc(resolutions.symbol));
}

/** Everything a process page shows, in one call. */
export async function getProcessDetail(db: Db, id: string): Promise<ProcessDetail> {
  const process = await getProcess(db, id);
  return {
    process,
    chairState:
      process.chairStateIso3 && process.chairStateName
        ? { iso3: process.chairStateIso3, name: process.chairStateName }
        : null,
    memberStates: await listProcessMembers(db, id),
    sessions: await listProcessSessions(db, id),
    resolutions: await listProcessResolutions(db, id),
    sources: await listRecordSources(db, "process", id),
  };
}

export async function countProcesses(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(processes);
  return row?.n ?? 0;
}
