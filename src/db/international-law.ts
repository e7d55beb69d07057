// Queries on positions on international law, treaties and treaty actions (issue 16), with their sources.
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import {
  actorKeyOf,
  POSITION_ROLLUP_ORGANIZATIONS,
  type LegalPosition,
  type Treaty,
  type TreatyAction,
} from "../domain/international-law.js";
import type { LegalTopic } from "../domain/vocabulary.js";
import type { Db } from "./client.js";
import { legalPositions, treaties, treatyActions } from "./schema/international-law.js";
import { memberships, organizations, states } from "./schema/reference.js";
import { listSourcesByRecord } from "./sources.js";
import { partialDateOf } from "./states.js";

export interface LegalPositionFilter {
  stateIso3?: string | undefined;
  organizationId?: string | undefined;
  topic?: LegalTopic | undefined;
  year?: number | undefined;
}

/** Positions in publication order (oldest first), with actor names and sources. */
export async function listLegalPositions(db: Db, filter: LegalPositionFilter = {}): Promise<LegalPosition[]> {
  const where: SQL[] = [];
  if (filter.stateIso3) where.push(eq(legalPositions.stateIso3, filter.stateIso3));
  if (filter.organizationId) where.push(eq(legalPositions.organizationId, filter.organizationId));
  if (filter.topic) where.push(sql`${filter.topic}::legal_topic = ANY(${legalPositions.topics})`);
  if (filter.year) where.push(sql`extract(year from ${legalPositions.publishedOn}) = ${filter.year}`);
  const rows = await db
    .select({ position: legalPositions, stateName: states.name, organizationName: organizations.name })
    .from(legalPositions)
    .leftJoin(states, eq(states.iso3, legalPositions.stateIso3))
    .leftJoin(organizations, eq(organizations.id, legalPositions.organizationId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(legalPositions.publishedOn), asc(legalPositions.id));
  const bySource = await listSourcesByRecord(
    db,
    "legal-position",
    rows.map((r) => r.position.id),
  );
  return rows.map(({ position: { publishedOn, publishedPrecision, ...p }, stateName, organizationName }) => ({
    ...p,
    actorName: stateName ?? organizationName ?? p.stateIso3 ?? p.organizationId ?? "",
    publishedOn: partialDateOf(publishedOn, publishedPrecision)!,
    sources: bySource.get(p.id) ?? [],
  }));
}

export async function getLegalPosition(db: Db, id: string): Promise<LegalPosition> {
  const [row] = await db
    .select({
      id: legalPositions.id,
      stateIso3: legalPositions.stateIso3,
      organizationId: legalPositions.organizationId,
    })
    .from(legalPositions)
    .where(eq(legalPositions.id, id));
  if (!row) throw new NotFoundError("Position on international law", id);
  const list = await listLegalPositions(
    db,
    row.stateIso3 ? { stateIso3: row.stateIso3 } : { organizationId: row.organizationId! },
  );
  return list.find((p) => p.id === id)!;
}

export interface RegionalPositionRollup {
  organizationId: string;
  name: string;
  abbreviation: string | null;
  /** Current member States in the bundled memberships. */
  members: number;
  /** Members with at least one published position we hold, by name. */
  withPosition: { iso3: string; name: string; positions: number }[];
  /** The organisation's own common positions. */
  ownPositions: number;
}

/** For each roll-up organisation (AU, EU, OAS, OSCE, ASEAN): members with a published position. */
export async function listRegionalPositionRollup(
  db: Db,
  positions: LegalPosition[],
): Promise<RegionalPositionRollup[]> {
  const orgs = await db
    .select()
    .from(organizations)
    .where(inArray(organizations.id, [...POSITION_ROLLUP_ORGANIZATIONS]));
  const members = await db
    .select({ organizationId: memberships.organizationId, iso3: states.iso3, name: states.name })
    .from(memberships)
    .innerJoin(states, eq(states.iso3, memberships.stateIso3))
    .where(
      and(
        inArray(memberships.organizationId, [...POSITION_ROLLUP_ORGANIZATIONS]),
        eq(memberships.isCurrent, true),
        isNotNull(memberships.stateIso3),
      ),
    );
  const perState = new Map<string, number>();
  for (const p of positions) if (p.stateIso3) perState.set(p.stateIso3, (perState.get(p.stateIso3) ?? 0) + 1);
  return POSITION_ROLLUP_ORGANIZATIONS.flatMap((id) => {
    const org = orgs.find((o) => o.id === id);
    if (!org) return [];
    const own = members.filter((m) => m.organizationId === id);
    const iso3s = new Set(own.map((m) => m.iso3));
    return [
      {
        organizationId: id,
        name: org.name,
        abbreviation: org.abbreviation,
        members: iso3s.size,
        withPosition: own
          .filter((m) => perState.has(m.iso3))
          .map((m) => ({ iso3: m.iso3, name: m.name, positions: perState.get(m.iso3)! }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        ownPositions: positions.filter((p) => actorKeyOf(p) === `org:${id}`).length,
      },
    ];
  });
}

export async function listTreaties(db: Db): Promise<Treaty[]> {
  const rows = await db.select().from(treaties).orderBy(asc(treaties.id));
  const bySource = await listSourcesByRecord(
    db,
    "treaty",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, sources: bySource.get(r.id) ?? [] }));
}

export async function getTreaty(db: Db, id: string): Promise<Treaty> {
  const treaty = (await listTreaties(db)).find((t) => t.id === id);
  if (!treaty) throw new NotFoundError("Treaty", id);
  return treaty;
}

/** Treaties linked to a resolution (adopted by it) or a process (negotiated by it). */
export async function listTreatiesFor(
  db: Db,
  link: { resolutionSymbol?: string; processId?: string },
): Promise<Treaty[]> {
  const all = await listTreaties(db);
  return all.filter(
    (t) =>
      (link.resolutionSymbol !== undefined && t.resolutionSymbol === link.resolutionSymbol) ||
      (link.processId !== undefined && t.processId === link.processId),
  );
}

/** Treaty actions of one treaty or one State (or all), in party-name then as-of order. */
export async function listTreatyActions(
  db: Db,
  filter: { treatyId?: string | undefined; stateIso3?: string | undefined } = {},
): Promise<TreatyAction[]> {
  const where: SQL[] = [];
  if (filter.treatyId) where.push(eq(treatyActions.treatyId, filter.treatyId));
  if (filter.stateIso3) where.push(eq(treatyActions.stateIso3, filter.stateIso3));
  const rows = await db
    .select()
    .from(treatyActions)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(treatyActions.partyName), asc(treatyActions.asOf), asc(treatyActions.id));
  const bySource = await listSourcesByRecord(
    db,
    "treaty-action",
    rows.map((r) => r.id),
  );
  return rows.map(({ signedOn, signedPrecision, consentOn, consentPrecision, ...r }) => ({
    ...r,
    signedOn: partialDateOf(signedOn, signedPrecision),
    consentOn: partialDateOf(consentOn, consentPrecision),
    sources: bySource.get(r.id) ?? [],
  }));
}

export interface StateInternationalLaw {
  positions: LegalPosition[];
  /** Every treaty we hold, with this State's sourced rows (none: status unknown). */
  treaties: { treaty: Treaty; actions: TreatyAction[] }[];
}

export async function getStateInternationalLaw(db: Db, stateIso3: string): Promise<StateInternationalLaw> {
  const [positions, allTreaties, actions] = await Promise.all([
    listLegalPositions(db, { stateIso3 }),
    listTreaties(db),
    listTreatyActions(db, { stateIso3 }),
  ]);
  return {
    positions,
    treaties: allTreaties.map((treaty) => ({ treaty, actions: actions.filter((a) => a.treatyId === treaty.id) })),
  };
}

/** Treaties a resolution adopted or a process negotiated, each with all its rows (for a status summary). */
export async function listTreatyStatusesFor(
  db: Db,
  link: { resolutionSymbol?: string; processId?: string },
): Promise<{ treaty: Treaty; actions: TreatyAction[] }[]> {
  const linked = await listTreatiesFor(db, link);
  const out: { treaty: Treaty; actions: TreatyAction[] }[] = [];
  for (const treaty of linked) out.push({ treaty, actions: await listTreatyActions(db, { treatyId: treaty.id }) });
  return out;
}
