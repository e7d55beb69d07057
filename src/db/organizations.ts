// Queries on organizations (regional and intergovernmental bodies, treaties) and their members.
import { asc, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { NotFoundError } from "../domain/errors.js";
import type { Organization } from "../domain/organization.js";
import type { OrganizationDetail, OrganizationMember } from "../domain/organization-member.js";
import type { Db } from "./client.js";
import { changedSince, orderByOf, type ListWindow, type SortColumns } from "./list-order.js";
import { memberships, organizations, states } from "./schema/reference.js";
import { listRecordSources } from "./sources.js";
import { partialDateOf } from "./states.js";

const organizationColumns = {
  id: organizations.id,
  name: organizations.name,
  abbreviation: organizations.abbreviation,
  classification: organizations.classification,
  description: organizations.description,
  foundedYear: organizations.foundedYear,
  links: organizations.links,
  memberCount: count(memberships.id),
};

/** The orders the organizations list offers (the API's sort); ties by id. */
export const ORGANIZATION_SORTS = {
  name: organizations.name,
  members: count(memberships.id),
  updated: organizations.updatedAt,
} satisfies SortColumns;

/** Organizations by name (or `page.order`); with `page.since`, only those changed after it. */
export async function listOrganizations(db: Db, page?: ListWindow): Promise<Organization[]> {
  const query = db
    .select(organizationColumns)
    .from(organizations)
    .leftJoin(memberships, eq(memberships.organizationId, organizations.id))
    .where(changedSince(organizations.updatedAt, page?.since))
    .groupBy(organizations.id)
    .orderBy(
      ...orderByOf(
        ORGANIZATION_SORTS,
        page?.order,
        [asc(organizations.name), asc(organizations.id)],
        [organizations.id],
      ),
    );
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

/** How many organizations there are (changed after `since`, when given). */
export async function countOrganizations(db: Db, since?: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations).where(changedSince(organizations.updatedAt, since));
  return row?.n ?? 0;
}

export async function findOrganization(db: Db, id: string): Promise<Organization | null> {
  const rows = await db
    .select(organizationColumns)
    .from(organizations)
    .leftJoin(memberships, eq(memberships.organizationId, organizations.id))
    .where(eq(organizations.id, id))
    .groupBy(organizations.id);
  return rows[0] ?? null;
}

export async function getOrganization(db: Db, id: string): Promise<Organization> {
  const found = await findOrganization(db, id);
  if (!found) throw new NotFoundError("organization", id);
  return found;
}

/** Members by name: States and member organizations alike. */
export async function listOrganizationMembers(db: Db, organizationId: string): Promise<OrganizationMember[]> {
  const memberOrganization = alias(organizations, "member_organization");
  const rows = await db
    .select({
      stateIso3: memberships.stateIso3,
      memberOrganizationId: memberships.memberOrganizationId,
      name: sql<string>`coalesce(${states.name}, ${memberOrganization.name})`,
      role: memberships.role,
      startDate: memberships.startDate,
      startPrecision: memberships.startPrecision,
      endDate: memberships.endDate,
      endPrecision: memberships.endPrecision,
      isCurrent: memberships.isCurrent,
    })
    .from(memberships)
    .leftJoin(states, eq(states.iso3, memberships.stateIso3))
    .leftJoin(memberOrganization, eq(memberOrganization.id, memberships.memberOrganizationId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(sql`coalesce(${states.name}, ${memberOrganization.name})`, asc(memberships.role));
  return rows.map(({ startDate, startPrecision, endDate, endPrecision, ...rest }) => ({
    ...rest,
    start: partialDateOf(startDate, startPrecision),
    end: partialDateOf(endDate, endPrecision),
  }));
}

export async function getOrganizationDetail(db: Db, id: string): Promise<OrganizationDetail> {
  const organization = await getOrganization(db, id);
  return {
    organization,
    members: await listOrganizationMembers(db, id),
    sources: await listRecordSources(db, "organization", id),
  };
}
