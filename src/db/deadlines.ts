// Queries on deadlines: all or one process's, and one deadline, with the process short name and sources.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Deadline } from "../domain/deadline.js";
import { NotFoundError } from "../domain/errors.js";
import type { Db } from "./client.js";
import { listParticipationSourcesByRecord } from "./accreditations.js";
import { deadlines } from "./schema/participation.js";
import { processes } from "./schema/processes.js";
import { partialDateOf } from "./states.js";

/** Deadlines in closing order (rolling ones, without a closing date, last). */
export async function listDeadlines(db: Db, filter: { processId?: string | undefined; id?: string | undefined } = {}): Promise<Deadline[]> {
  const rows = await db
    .select({ d: deadlines, processShortName: processes.shortName })
    .from(deadlines)
    .innerJoin(processes, eq(processes.id, deadlines.processId))
    .where(and(filter.processId ? eq(deadlines.processId, filter.processId) : undefined, filter.id ? eq(deadlines.id, filter.id) : undefined))
    .orderBy(sql`${deadlines.closesOn} ASC NULLS LAST`, asc(deadlines.id));
  const bySource = await listParticipationSourcesByRecord(db, "deadline", rows.map((r) => r.d.id));
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

export async function getDeadline(db: Db, id: string): Promise<Deadline> {
  const [found] = await listDeadlines(db, { id });
  if (!found) throw new NotFoundError("deadline", id);
  return found;
}
