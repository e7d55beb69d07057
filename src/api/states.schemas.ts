// Request and response schemas of the States API, and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import type { State, StateProfile } from "../domain/state.js";
import { ORGANIZATION_CLASSIFICATIONS, UN_REGIONAL_GROUPS, UN_STATUSES } from "../domain/vocabulary.js";
import { STATE_SORTS } from "../db/states.js";
import { SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { PartialDateSchema, presentPartialDate, presentSource, SourceSchema } from "./presenters.js";

export const StateListQuery = PaginationQuery.extend({
  group: z.enum(UN_REGIONAL_GROUPS).optional().openapi({ description: "UN regional group" }),
  organization: z.string().max(40).optional().openapi({ description: "organisation id, e.g. EU, AFUNION, OSCE" }),
  status: z.enum(UN_STATUSES).optional(),
  q: z.string().max(100).optional().openapi({
    description:
      "part of a name, ISO code or UN spelling (fran, FRA); else a State's name in another form (cote divoire, Bosnia)",
  }),
  sort: sortParam({ sorts: STATE_SORTS, usualOrder: "by name", tieBreaker: "ISO code" }),
  since: SinceParam,
});

export const Iso3Param = z.object({
  iso3: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "a three-letter ISO 3166 code")
    .openapi({ param: { name: "iso3", in: "path" }, example: "CHE" }),
});

export const StateSchema = z
  .object({
    iso3: z.string(),
    iso2: z.string(),
    name: z.string(),
    official_name: z.string(),
    un_status: z.enum(UN_STATUSES),
    un_regional_group: z.enum(UN_REGIONAL_GROUPS).nullable(),
    admitted_on: z.string().nullable(),
    un_ga_names: z.array(z.string()),
    region: z.string().nullable(),
    subregion: z.string().nullable(),
    url: z.string(),
  })
  .openapi("State");

export const StateListSchema = listEnvelope(StateSchema, "StateList");

export const StateProfileSchema = StateSchema.extend({
  memberships: z.array(
    z.object({
      organization_id: z.string(),
      organization_name: z.string(),
      classification: z.enum(ORGANIZATION_CLASSIFICATIONS),
      role: z.string(),
      start: PartialDateSchema.nullable(),
      end: PartialDateSchema.nullable(),
      is_current: z.boolean(),
    }),
  ),
  first_cyber_strategy: z
    .object({ adopted: PartialDateSchema.nullable(), strategies_total: z.number().int() })
    .nullable(),
  processes: z.array(
    z.object({
      process_id: z.string(),
      name: z.string(),
      short_name: z.string(),
      role: z.enum(["member", "chair", "open"]),
      start: PartialDateSchema,
      end: PartialDateSchema.nullable(),
    }),
  ),
  sources: z.array(SourceSchema),
}).openapi("StateProfile");

export function presentState(state: State): z.infer<typeof StateSchema> {
  return {
    iso3: state.iso3,
    iso2: state.iso2,
    name: state.name,
    official_name: state.officialName,
    un_status: state.unStatus,
    un_regional_group: state.unRegionalGroup,
    admitted_on: state.admittedOn,
    un_ga_names: state.unGaNames,
    region: state.region,
    subregion: state.subregion,
    url: `/api/v1/states/${state.iso3}`,
  };
}

export function presentStateProfile(profile: StateProfile): z.infer<typeof StateProfileSchema> {
  return {
    ...presentState(profile.state),
    memberships: profile.memberships.map((m) => ({
      organization_id: m.organizationId,
      organization_name: m.organizationName,
      classification: m.classification,
      role: m.role,
      start: presentPartialDate(m.start),
      end: presentPartialDate(m.end),
      is_current: m.isCurrent,
    })),
    first_cyber_strategy: profile.strategy
      ? {
          adopted: presentPartialDate(profile.strategy.firstAdopted),
          strategies_total: profile.strategy.strategiesTotal,
        }
      : null,
    processes: profile.processes.map((p) => ({
      process_id: p.processId,
      name: p.processName,
      short_name: p.shortName,
      role: p.role,
      start: presentPartialDate(p.start)!,
      end: presentPartialDate(p.end),
    })),
    sources: profile.sources.map(presentSource),
  };
}
