// Request and response schemas of the capacity-building programmes API, and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import type { Programme, ProgrammeDetail } from "../domain/programme.js";
import { CONFIDENCE_LEVELS } from "../domain/vocabulary.js";
import { CsvBomQuery } from "./csv-response.js";
import { PROGRAMME_SORTS } from "../db/programmes.js";
import { SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { PartialDateSchema, presentPartialDate, presentSource, SourceSchema } from "./presenters.js";
import { stateQueryParam } from "../http/state-param.js";

export const ProgrammeListQuery = PaginationQuery.extend({
  beneficiary: stateQueryParam("programmes with this beneficiary State", "KEN"),
  funder: z.string().max(300).optional().openapi({ description: "a funder, named exactly as the programme names it" }),
  item: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(100)
    .optional()
    .openapi({ description: "a norm or CBM id the programme addresses, e.g. 13c" }),
  format: z
    .enum(["json", "csv"])
    .default("json")
    .openapi({ description: "csv: every matching programme (no paging) as CSV" }),
  bom: CsvBomQuery.shape.bom,
  sort: sortParam({ sorts: PROGRAMME_SORTS, usualOrder: "latest start first, undated last", tieBreaker: "id" }),
  since: SinceParam,
});
export const ProgrammeIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(200)
    .openapi({ param: { name: "id", in: "path" } }),
});

export const ProgrammeSchema = z
  .object({
    id: z.string(),
    iati_identifier: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    funders: z.array(z.string()).openapi({ description: "IATI participating-org role 1 (funding)" }),
    implementers: z.array(z.string()).openapi({ description: "IATI participating-org role 4 (implementing)" }),
    beneficiary_states: z
      .array(z.string())
      .openapi({ description: "ISO3 codes (IATI recipient-country, mapped from alpha-2)" }),
    region: z.string().nullable(),
    start: PartialDateSchema.nullable(),
    end: PartialDateSchema.nullable(),
    budget: z.string().nullable().openapi({ description: "decimal text, in currency" }),
    currency: z.string().nullable().openapi({ description: "ISO 4217" }),
    item_ids: z.array(z.string()).openapi({ description: "norms and CBMs the programme addresses" }),
    url: z.string().nullable(),
    notes: z.string().nullable(),
    confidence: z.enum(CONFIDENCE_LEVELS),
    page_url: z.string(),
  })
  .openapi("Programme");
export const ProgrammeListSchema = listEnvelope(ProgrammeSchema, "ProgrammeList");
export const ProgrammeDetailSchema = ProgrammeSchema.extend({
  sources: z.array(SourceSchema),
  gaps: z.array(z.object({ state_iso3: z.string(), item_ids: z.array(z.string()) })).openapi({
    description: "per beneficiary State, the items this programme addresses that have no published evidence there",
  }),
}).openapi("ProgrammeDetail");

export function presentProgramme(p: Programme): z.infer<typeof ProgrammeSchema> {
  return {
    id: p.id,
    iati_identifier: p.iatiIdentifier,
    title: p.title,
    description: p.description,
    funders: p.funders,
    implementers: p.implementers,
    beneficiary_states: p.beneficiaryStates,
    region: p.region,
    start: presentPartialDate(p.start),
    end: presentPartialDate(p.end),
    budget: p.budget,
    currency: p.currency,
    item_ids: p.itemIds,
    url: p.url,
    notes: p.notes,
    confidence: p.confidence,
    page_url: `/capacity-building/${p.id}`,
  };
}

export function presentProgrammeDetail(
  p: ProgrammeDetail,
  gaps: { stateIso3: string; itemIds: string[] }[],
): z.infer<typeof ProgrammeDetailSchema> {
  return {
    ...presentProgramme(p),
    sources: p.sources.map(presentSource),
    gaps: gaps.map((g) => ({ state_iso3: g.stateIso3, item_ids: g.itemIds })),
  };
}
