// Queries on organizations (regional and intergovernmental bodies, treaties) and their members.
import { asc, count, eq } from "drizzle-orm";
import { NotFoundError } from "../domain/errors.js";
import type { Organization } from "../domain/organization.js";
import type { Db } from "./client.js";
import { memberships, organizations } from "./schema/reference.js";

export async function listOrganizations(db: Db): Promise<Organization[]> {
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      abbreviation: organizations.abbreviation,
      classification: organizations.classification,
      description: organizations.description,
      foundedYear: organizations.foundedYear,
      links: organizations.links,
      memberCount: count(memberships.id),
    })
    .from(organizations)
    .leftJoin(memberships, eq(memberships.organizationId, organizations.id))
    .groupBy(organizations.id)
    .orderBy(asc(organizations.name));
  return rows;
}

export async function getOrganization(db: Db, id: string): Promise<Organization> {
  const found = (await listOrganizations(db)).find((o) => o.id === id);
  if (!found) throw new NotFoundError("organization", id);
  return found;
}
