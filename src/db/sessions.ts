// Queries on sessions: lists with filters (process, kind, date range, upcoming) and one session with its sources.
import { and, asc, count, desc, eq, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import type { Session, SessionDetail, SessionFilter, SessionSummary } from "../domain/session.js";
import type { DatePrecision } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import { lastDaySql } from "./partial-date-sql.js";
import { processes, sessions } from "./schema/processes.js";
import { listRecordSources } from "./sources.js";
import { partialDateOf } from "./states.js";

const summaryColumns = {
  id: sessions.id,
  processId: sessions.processId,
  name: sessions.name,
  kind: sessions.kind,
  startDate: sessions.startDate,
  startPrecision: sessions.startPrecision,
  endDate: sessions.endDate,
  endPrecision: sessions.endPrecision,
  venue: sessions.venue,
};

const sessionColumns = {
  ...summaryColumns,
  processShortName: processes.shortName,
  processKind: processes.kind,
  notes: sessions.notes,
  confidence: sessions.confidence,
};

interface DatedRow {
  startDate: string | null;
  startPrecision: DatePrecision | null;
  endDate: string | null;
  endPrecision: DatePrecision | null;
}

/** Turns stored (date, precision) columns into partial dates. */
export function toSessionSummary<T extends DatedRow>(
  row: T,
): Omit<T, "startDate" | "startPrecision" | "endDate" | "endPrecision"> & Pick<SessionSummary, "start" | "end"> {
  const { startDate, startPrecision, endDate, endPrecision, ...rest } = row;
  return { ...rest, start: partialDateOf(startDate, startPrecision), end: partialDateOf(endDate, endPrecision) };
}

/** Last day a session can run: the last day its end (or, without an end, its start) can mean. */
const sessionLastDay = sql`${lastDaySql(sql`coalesce(${sessions.endDate}, ${sessions.startDate})`, sql`coalesce(${sessions.endPrecision}, ${sessions.startPrecision})`)}`;

function whereOf(filter: SessionFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filter.processId) parts.push(eq(sessions.processId, filter.processId));
  if (filter.kind) parts.push(eq(sessions.kind, filter.kind));
  if (filter.from) parts.push(sql`${sessionLastDay} >= ${filter.from}::date`);
  if (filter.to) parts.push(lte(sessions.startDate, filter.to));
  if (filter.upcomingFrom)
    parts.push(
      isNotNull(sessions.startDate),
      sql`${lastDaySql(sessions.startDate, sessions.startPrecision)} >= ${filter.upcomingFrom}::date`,
    );
  return parts.length ? and(...parts) : undefined;
}

/** The orders the sessions list offers (the API's sort); ties by id. */
export const SESSION_SORTS = {
  start: sessions.startDate,
  name: sessions.name,
  updated: sessions.updatedAt,
} satisfies SortColumns;

/**
 * Sessions in date order (undated ones last), or `page.order`; soonest first, which is also the order of upcoming
 * ones. With `page.since`, only sessions changed after it.
 */
export async function listSessions(
  db: Db,
  filter: SessionFilter = {},
  page?: ListWindow,
): Promise<{ items: Session[]; total: number }> {
  const where = and(whereOf(filter), changedSince(sessions.updatedAt, page?.since));
  const usual = [sql`${sessions.startDate} ASC NULLS LAST`, asc(sessions.endDate), asc(sessions.id)];
  const query = db
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(processes, eq(processes.id, sessions.processId))
    .where(where)
    .orderBy(...orderByOf(SESSION_SORTS, page?.order, usual, [sessions.id]));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const [total] = await db.select({ n: count() }).from(sessions).where(where);
  return { items: rows.map(toSessionSummary), total: total?.n ?? 0 };
}

/** These sessions (in no particular order), with their process, as the list gives them. */
export async function listSessionsById(db: Db, ids: string[]): Promise<Session[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(processes, eq(processes.id, sessions.processId))
    .where(inArray(sessions.id, ids));
  return rows.map(toSessionSummary);
}

/** Sessions that have ended before `today` (by the last day their dates can mean), latest first. */
export async function listRecentSessions(db: Db, today: string, limit: number): Promise<Session[]> {
  const rows = await db
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(processes, eq(processes.id, sessions.processId))
    .where(and(isNotNull(sessions.startDate), sql`${sessionLastDay} < ${today}::date`))
    .orderBy(desc(sql`${sessionLastDay}`), desc(sessions.startDate), asc(sessions.id))
    .limit(limit);
  return rows.map(toSessionSummary);
}

export async function listProcessSessions(db: Db, processId: string): Promise<SessionSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(sessions)
    .where(eq(sessions.processId, processId))
    .orderBy(sql`${sessions.startDate} ASC NULLS LAST`, asc(sessions.endDate), asc(sessions.id));
  return rows.map(toSessionSummary);
}

export async function findSession(db: Db, id: string): Promise<(Session & { processName: string }) | null> {
  const rows = await db
    .select({ ...sessionColumns, processName: processes.name })
    .from(sessions)
    .innerJoin(processes, eq(processes.id, sessions.processId))
    .where(eq(sessions.id, id));
  return rows[0] ? toSessionSummary(rows[0]) : null;
}

export async function getSessionDetail(db: Db, id: string): Promise<SessionDetail> {
  const found = await findSession(db, id);
  if (!found) throw new NotFoundError("session", id);
  const { processName, ...session } = found;
  return { session, processName, sources: await listRecordSources(db, "session", id) };
}

export async function countSessions(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(sessions);
  return row?.n ?? 0;
}
