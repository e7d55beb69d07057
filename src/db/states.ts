// Queries on States: lists with filters, one State, its memberships, strategy and process roles.
import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import type { PartialDate } from "../domain/partial-date.js";
import type {
  CyberStrategyAdoption,
  State,
  StateFilter,
  StateMembership,
  StateProcessRole,
  StateProfile,
} from "../domain/state.js";
import { listRecordSources } from "./sources.js";
import type { DatePrecision } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import { cyberStrategyAdoptions, memberships, organizations, states } from "./schema/reference.js";
import { processes, processMembers } from "./schema/processes.js";

const stateColumns = {
  iso3: states.iso3,
  iso2: states.iso2,
  name: states.name,
  officialName: states.officialName,
  unStatus: states.unStatus,
  unRegionalGroup: states.unRegionalGroup,
  admittedOn: states.admittedOn,
  unGaNames: states.unGaNames,
  region: states.region,
  subregion: states.subregion,
  flag: states.flag,
};

export function partialDateOf(date: string | null, precision: DatePrecision | null): PartialDate | null {
  return date && precision ? { date, precision } : null;
}

function whereOf(filter: StateFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filter.unRegionalGroup) parts.push(eq(states.unRegionalGroup, filter.unRegionalGroup));
  if (filter.unStatus) parts.push(eq(states.unStatus, filter.unStatus));
  if (filter.organizationId) {
    parts.push(
      sql`${states.iso3} IN (SELECT ${memberships.stateIso3} FROM ${memberships} WHERE ${memberships.organizationId} = ${filter.organizationId} AND ${memberships.isCurrent})`,
    );
  }
  if (filter.query) {
    const pattern = `%${filter.query.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(
      or(
        ilike(states.name, pattern),
        ilike(states.officialName, pattern),
        eq(states.iso3, filter.query.toUpperCase()),
        eq(states.iso2, filter.query.toUpperCase()),
        sql`EXISTS (SELECT 1 FROM unnest(${states.unGaNames}) AS n WHERE n ILIKE ${pattern})`,
      ),
    );
  }
  return parts.length ? and(...parts) : undefined;
}

/** The orders the States list offers (the API's sort); ties by ISO code. */
export const STATE_SORTS = { name: states.name, iso3: states.iso3, updated: states.updatedAt } satisfies SortColumns;

/** States by name (or `page.order`); with `page.since`, only those changed after it. */
export async function listStates(
  db: Db,
  filter: StateFilter = {},
  page?: ListWindow,
): Promise<{ items: State[]; total: number }> {
  const where = and(whereOf(filter), changedSince(states.updatedAt, page?.since));
  const query = db
    .select(stateColumns)
    .from(states)
    .where(where)
    .orderBy(...orderByOf(STATE_SORTS, page?.order, [asc(states.name), asc(states.iso3)], [states.iso3]));
  const items = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const [total] = await db.select({ n: count() }).from(states).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findState(db: Db, iso3: string): Promise<State | null> {
  const rows = await db.select(stateColumns).from(states).where(eq(states.iso3, iso3.toUpperCase()));
  return rows[0] ?? null;
}

export async function getState(db: Db, iso3: string): Promise<State> {
  const state = await findState(db, iso3);
  if (!state) throw new NotFoundError("State", iso3);
  return state;
}

export async function listStateMemberships(db: Db, iso3: string): Promise<StateMembership[]> {
  const rows = await db
    .select({
      organizationId: organizations.id,
      organizationName: organizations.name,
      abbreviation: organizations.abbreviation,
      classification: organizations.classification,
      role: memberships.role,
      startDate: memberships.startDate,
      startPrecision: memberships.startPrecision,
      endDate: memberships.endDate,
      endPrecision: memberships.endPrecision,
      isCurrent: memberships.isCurrent,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.stateIso3, iso3))
    .orderBy(asc(organizations.name));
  return rows.map(({ startDate, startPrecision, endDate, endPrecision, ...rest }) => ({
    ...rest,
    start: partialDateOf(startDate, startPrecision),
    end: partialDateOf(endDate, endPrecision),
  }));
}

export async function findCyberStrategyAdoption(db: Db, iso3: string): Promise<CyberStrategyAdoption | null> {
  const rows = await db.select().from(cyberStrategyAdoptions).where(eq(cyberStrategyAdoptions.stateIso3, iso3));
  const row = rows[0];
  if (!row) return null;
  return {
    firstAdopted: partialDateOf(row.firstAdoptedOn, row.firstAdoptedPrecision),
    strategiesTotal: row.strategiesTotal,
  };
}

/**
 * Processes the State took part in: listed member of a closed group, chair, or (for Member States)
 * an open-ended process open to all Member States.
 */
export async function listStateProcessRoles(db: Db, state: State): Promise<StateProcessRole[]> {
  const rows = await db
    .select({
      processId: processes.id,
      processName: processes.name,
      shortName: processes.shortName,
      kind: processes.kind,
      membership: processes.membership,
      chairStateIso3: processes.chairStateIso3,
      startDate: processes.startDate,
      startPrecision: processes.startPrecision,
      endDate: processes.endDate,
      endPrecision: processes.endPrecision,
      isListedMember: sql<boolean>`EXISTS (SELECT 1 FROM ${processMembers} pm WHERE pm.process_id = ${processes.id} AND pm.state_iso3 = ${state.iso3})`,
    })
    .from(processes)
    .orderBy(asc(processes.startDate));
  const roles: StateProcessRole[] = [];
  for (const row of rows) {
    const isOpen = /^open/i.test(row.membership) && state.unStatus === "member";
    const role = row.chairStateIso3 === state.iso3 ? "chair" : row.isListedMember ? "member" : isOpen ? "open" : null;
    if (!role) continue;
    roles.push({
      processId: row.processId,
      processName: row.processName,
      shortName: row.shortName,
      role,
      start: { date: row.startDate, precision: row.startPrecision },
      end: partialDateOf(row.endDate, row.endPrecision),
    });
  }
  return roles;
}

export async function countStatesByGroup(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ group: states.unRegionalGroup, n: count() })
    .from(states)
    .where(eq(states.unStatus, "member"))
    .groupBy(states.unRegionalGroup);
  return Object.fromEntries(rows.map((r) => [r.group ?? "none", r.n]));
}

/** Everything a State profile shows, in one call. */
export async function getStateProfile(db: Db, iso3: string): Promise<StateProfile> {
  const state = await getState(db, iso3);
  const [memberships, strategy, processRoles, sources] = [
    await listStateMemberships(db, state.iso3),
    await findCyberStrategyAdoption(db, state.iso3),
    await listStateProcessRoles(db, state),
    await listRecordSources(db, "state", state.iso3),
  ];
  return { state, memberships, strategy, processes: processRoles, sources };
}
