// Queries on stakeholder actions (joint letters, submissions, meetings), with their sources.
import { asc, eq, sql } from "drizzle-orm";
import type { StakeholderAction } from "../domain/participation.js";
import type { Db } from "./client.js";
import { listParticipationSourcesByRecord } from "./accreditations.js";
import { stakeholderActions } from "./schema/participation.js";
import { partialDateOf } from "./states.js";

/** Actions of one process (or all), latest first; undated ones last. */
export async function listStakeholderActions(db: Db, filter: { processId?: string | undefined } = {}): Promise<StakeholderAction[]> {
  const rows = await db
    .select()
    .from(stakeholderActions)
    .where(filter.processId ? eq(stakeholderActions.processId, filter.processId) : undefined)
    .orderBy(sql`${stakeholderActions.actedOn} DESC NULLS LAST`, asc(stakeholderActions.id));
  const bySource = await listParticipationSourcesByRecord(db, "stakeholder-action", rows.map((r) => r.id));
  return rows.map(({ actedOn, actedPrecision, ...r }) => ({ ...r, actedOn: partialDateOf(actedOn, actedPrecision), sources: bySource.get(r.id) ?? [] }));
}
