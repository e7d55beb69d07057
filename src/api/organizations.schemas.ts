// Request and response schemas of the organizations API, and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import type { Organization } from "../domain/organization.js";
import type { OrganizationDetail } from "../domain/organization-member.js";
import { ORGANIZATION_CLASSIFICATIONS } from "../domain/vocabulary.js";
import { ORGANIZATION_SORTS } from "../db/organizations.js";
import { SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { PartialDateSchema, presentPartialDate, presentSource, SourceSchema } from "./presenters.js";

export const OrganizationListQuery = PaginationQuery.extend({
  sort: sortParam({ sorts: ORGANIZATION_SORTS, usualOrder: "by name", tieBreaker: "id" }),
  since: SinceParam,
});

export const OrganizationIdParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, "an organization id, e.g. EU, AFUNION, G-20")
    .max(40)
    .openapi({ param: { name: "id", in: "path" }, example: "OSCE" }),
});

export const OrganizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    abbreviation: z.string().nullable(),
    classification: z.enum(ORGANIZATION_CLASSIFICATIONS),
    description: z.string().nullable(),
    founded_year: z.number().int().nullable(),
    links: z.array(z.string()),
    member_count: z.number().int(),
    url: z.string(),
  })
  .openapi("Organization");

export const OrganizationListSchema = listEnvelope(OrganizationSchema, "OrganizationList");

export const OrganizationDetailSchema = OrganizationSchema.extend({
  members: z.array(
    z.object({
      state_iso3: z.string().nullable(),
      organization_id: z
        .string()
        .nullable()
        .openapi({ description: "set when the member is itself an organization (the EU in ARF)" }),
      name: z.string(),
      role: z.string(),
      start: PartialDateSchema.nullable(),
      end: PartialDateSchema.nullable(),
      is_current: z.boolean(),
    }),
  ),
  sources: z.array(SourceSchema),
}).openapi("OrganizationDetail");

export function presentOrganization(o: Organization): z.infer<typeof OrganizationSchema> {
  return {
    id: o.id,
    name: o.name,
    abbreviation: o.abbreviation,
    classification: o.classification,
    description: o.description,
    founded_year: o.foundedYear,
    links: o.links,
    member_count: o.memberCount,
    url: `/api/v1/organizations/${o.id}`,
  };
}

export function presentOrganizationDetail(detail: OrganizationDetail): z.infer<typeof OrganizationDetailSchema> {
  return {
    ...presentOrganization(detail.organization),
    members: detail.members.map((m) => ({
      state_iso3: m.stateIso3,
      organization_id: m.memberOrganizationId,
      name: m.name,
      role: m.role,
      start: presentPartialDate(m.start),
      end: presentPartialDate(m.end),
      is_current: m.isCurrent,
    })),
    sources: detail.sources.map(presentSource),
  };
}
