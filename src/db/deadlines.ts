// Queries on deadlines: all or one process's, and one deadline, with the process short name and sources.
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Deadline } from "../domain/deadline.js";
import { NotFoundError } from "../domain/errors.js";
import type { Db } from "./client.js";
import { listParticipationSourcesByRecord } from "./accreditations.js";
import { deadlines } from "./schema/participation.js";
import { processes } from "./schema/processes.js";
import { partialDateOf } from "./states.js";

export interface DeadlineFilter {
  processId?: string | undefined;
  id?: string | undefined;
  kind?: Deadline["kind"] | undefined;
}

function whereOf(filter: DeadlineFilter) {
  return and(
    filter.processId ? eq(deadlines.processId, filter.processId) : undefined,
    filter.id ? eq(deadlines.id, filter.id) : undefined,
    filter.kind ? eq(deadlines.kind, filter.kind) : undefined,
  );
}

/** Deadlines in closing order (rolling ones, without a closing date, last); all of them, or one page. */
export async function listDeadlines(
  db: Db,
  filter: DeadlineFilter = {},
  page?: { limit: number; offset: number },
): Promise<Deadline[]> {
  const query = db
    .select({ d: deadlines, processShortName: processes.shortName })
    .from(deadlines)
    .innerJoin(processes, eq(processes.id, deadlines.processId))
    .where(whereOf(filter))
    .orderBy(sql`${deadlines.closesOn} ASC NULLS LAST`, asc(deadlines.id));
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
