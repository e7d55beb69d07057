// Queries on deadlines: all or one process's, or those still ahead of a moment (decided in SQL, in each deadline's own
// time zone), and one deadline, with the process short name and sources.
import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Deadline } from "../domain/deadline.js";
import { NotFoundError } from "../domain/errors.js";
import type { Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import { lastDaySql } from "./partial-date-sql.js";
import { listParticipationSourcesByRecord } from "./accreditations.js";
import { deadlines } from "./schema/participation.js";
import { processes } from "./schema/processes.js";
import { partialDateOf } from "./states.js";

export interface DeadlineFilter {
  processId?: string | undefined;
  id?: string | undefined;
  /** Only these deadlines (one page of calendar events). */
  ids?: string[] | undefined;
  kind?: Deadline["kind"] | undefined;
  /** Only deadlines still ahead at this moment (domain/deadline.ts listUpcomingDeadlines says the same in memory). */
  upcomingAt?: Date | undefined;
  /** Only deadlines changed after this moment. */
  changedSince?: Date | undefined;
}

/**
 * Not closed at `now`, and with a closing date or open on a rolling basis: a closing time given for a day closes at
 * that wall-clock time in the deadline's IANA zone (AT TIME ZONE reads the zone stored on the row), otherwise at the
 * end of the last day the closing date can mean (UTC), as isDeadlineClosed decides.
 */
function upcomingAt(now: Date): SQL {
  const today = now.toISOString().slice(0, 10);
  return sql`(${deadlines.closesOn} IS NOT NULL OR ${deadlines.isRolling}) AND (${deadlines.closesOn} IS NULL OR CASE
    WHEN ${deadlines.closesTime} IS NOT NULL AND ${deadlines.timeZone} IS NOT NULL AND ${deadlines.closesPrecision} = 'day'
      THEN ((${deadlines.closesOn} + ${deadlines.closesTime}::time) AT TIME ZONE ${deadlines.timeZone}) > ${now.toISOString()}::timestamptz
    ELSE ${lastDaySql(deadlines.closesOn, deadlines.closesPrecision)} >= ${today}::date END)`;
}

function whereOf(filter: DeadlineFilter) {
  return and(
    filter.processId ? eq(deadlines.processId, filter.processId) : undefined,
    filter.id ? eq(deadlines.id, filter.id) : undefined,
    filter.ids ? inArray(deadlines.id, filter.ids) : undefined,
    filter.kind ? eq(deadlines.kind, filter.kind) : undefined,
    filter.upcomingAt ? upcomingAt(filter.upcomingAt) : undefined,
    changedSince(deadlines.updatedAt, filter.changedSince),
  );
}

/** The orders the deadlines list offers (the API's sort); ties by id. */
export const DEADLINE_SORTS = {
  closes: deadlines.closesOn,
  opens: deadlines.opensOn,
  updated: deadlines.updatedAt,
} satisfies SortColumns;

/**
 * Deadlines in closing order (rolling ones, without a closing date, last; the order of upcoming ones too), or
 * `page.order`; all of them, or one page.
 */
export async function listDeadlines(
  db: Db,
  filter: DeadlineFilter = {},
  page?: Omit<ListWindow, "since">,
): Promise<Deadline[]> {
  const usual = [sql`${deadlines.closesOn} ASC NULLS LAST`, asc(deadlines.id)];
  const query = db
    .select({ d: deadlines, processShortName: processes.shortName })
    .from(deadlines)
    .innerJoin(processes, eq(processes.id, deadlines.processId))
    .where(whereOf(filter))
    .orderBy(...orderByOf(DEADLINE_SORTS, page?.order, usual, [deadlines.id]));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const bySource = await listParticipationSourcesByRecord(
    db,
    "deadline",
    rows.map((r) => r.d.id),
  );
  return rows.map(({ d, processShortName }) => ({
    id: d.id,
    processId: d.processId,
    processShortName,
    sessionId: d.sessionId,
    kind: d.kind,
    title: d.title,
    opens: partialDateOf(d.opensOn, d.opensPrecision),
    closes: partialDateOf(d.closesOn, d.closesPrecision),
    closesTime: d.closesTime,
    timeZone: d.timeZone,
    isRolling: d.isRolling,
    eligibility: d.eligibility,
    notes: d.notes,
    confidence: d.confidence,
    sources: bySource.get(d.id) ?? [],
  }));
}

/** How many deadlines match (for the list envelope of one page). */
export async function countDeadlines(db: Db, filter: DeadlineFilter = {}): Promise<number> {
  const [row] = await db.select({ n: count() }).from(deadlines).where(whereOf(filter));
  return row?.n ?? 0;
}

export async function getDeadline(db: Db, id: string): Promise<Deadline> {
  const [found] = await listDeadlines(db, { id });
  if (!found) throw new NotFoundError("deadline", id);
  return found;
}
