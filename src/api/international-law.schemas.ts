// Request and response schemas of the positions-on-international-law and treaty-status API, and their presenters.
import { z } from "@hono/zod-openapi";
import { asOfRange, type LegalPosition, type Treaty, type TreatyAction } from "../domain/international-law.js";
import { CONFIDENCE_LEVELS, LEGAL_TOPICS, TREATY_ACTION_KINDS } from "../domain/vocabulary.js";
import { CsvBomQuery } from "./csv-response.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { PartialDateSchema, presentPartialDate, presentSource, SourceSchema } from "./presenters.js";
import { stateQueryParam } from "../http/state-param.js";

const format = z.enum(["json", "csv"]).default("json").openapi({ description: "csv: every match (no paging) as CSV" });

export const LegalPositionListQuery = PaginationQuery.extend({
  state: stateQueryParam("positions of this State"),
  organization: z
    .string()
    .regex(/^[A-Z0-9-]+$/)
    .max(40)
    .optional()
    .openapi({ description: "id of an organisation with a common position", example: "AFUNION" }),
  topic: z
    .enum(LEGAL_TOPICS)
    .optional()
    .openapi({ description: "positions a source says address this topic (others may too: topics are not exhaustive)" }),
  year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ description: "year of publication" }),
  format,
}).extend(CsvBomQuery.shape);
export const LegalPositionIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(120)
    .openapi({ param: { name: "id", in: "path" }, example: "fra-2019-09-09" }),
});

export const LegalPositionSchema = z
  .object({
    id: z.string(),
    state_iso3: z.string().nullable(),
    organization_id: z
      .string()
      .nullable()
      .openapi({ description: "set for a regional organisation's common position (AU, EU)" }),
    actor: z.string(),
    title: z.string(),
    title_is_descriptive: z
      .boolean()
      .openapi({ description: "the source gave no title; this one describes the document" }),
    published: PartialDateSchema,
    context: z.string().openapi({ example: "submission to A/76/136 compendium (2021)" }),
    languages: z.array(z.string()),
    topics_extracted: z.array(z.enum(LEGAL_TOPICS)).openapi({
      description:
        "topics a read source says the position addresses; not exhaustive: a missing topic is not extracted, not 'not addressed'",
    }),
    document_url: z.string().nullable(),
    notes: z.string().nullable(),
    confidence: z.enum(CONFIDENCE_LEVELS),
    sources: z.array(SourceSchema),
    page_url: z.string(),
  })
  .openapi("LegalPosition");
export const LegalPositionListSchema = listEnvelope(LegalPositionSchema, "LegalPositionList");

export function presentLegalPosition(p: LegalPosition): z.infer<typeof LegalPositionSchema> {
  return {
    id: p.id,
    state_iso3: p.stateIso3,
    organization_id: p.organizationId,
    actor: p.actorName,
    title: p.title,
    title_is_descriptive: p.isTitleDescriptive,
    published: presentPartialDate(p.publishedOn)!,
    context: p.context,
    languages: p.languages,
    topics_extracted: p.topics,
    document_url: p.documentUrl,
    notes: p.notes,
    confidence: p.confidence,
    sources: p.sources.map(presentSource),
    page_url: p.stateIso3 ? `/states/${p.stateIso3}#international-law` : `/international-law#${p.id}`,
  };
}

export const TreatyIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(80)
    .openapi({ param: { name: "id", in: "path" }, example: "un-cybercrime-2024" }),
});
export const TreatyActionListQuery = z
  .object({ state: stateQueryParam("actions of this State"), format })
  .extend(CsvBomQuery.shape);

export const TreatyActionSchema = z
  .object({
    id: z.string(),
    treaty_id: z.string(),
    state_iso3: z.string().nullable(),
    organization_id: z.string().nullable(),
    party_name: z.string().openapi({ description: "as the source spells it" }),
    kind: z
      .enum(TREATY_ACTION_KINDS)
      .openapi({ description: "signature = signature only, with no consent to be bound shown on the page" }),
    signed: PartialDateSchema.nullable(),
    consent: PartialDateSchema.nullable().openapi({
      description: "date of ratification, accession, acceptance or approval",
    }),
    as_of: z.string().openapi({ description: "status date of the page this row comes from" }),
    as_of_is_lower_bound: z
      .boolean()
      .openapi({ description: "the page showed no status date: as_of is the latest action visible on it" }),
    notes: z.string().nullable(),
    confidence: z.enum(CONFIDENCE_LEVELS),
    sources: z.array(SourceSchema),
  })
  .openapi("TreatyAction");

export const TreatySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    short_title: z.string(),
    resolution_symbol: z.string().nullable(),
    process_id: z.string().nullable(),
    depositary: z.string().nullable(),
    status_url: z.string().nullable(),
    is_status_partial: z
      .boolean()
      .openapi({ description: "true: the rows do not list every party; a State without a row has an unknown status" }),
    coverage_note: z.string(),
    as_of: z
      .object({ from: z.string(), to: z.string() })
      .nullable()
      .openapi({ description: "the as-of dates the rows span" }),
    action_count: z.number().int(),
    sources: z.array(SourceSchema),
    page_url: z.string(),
  })
  .openapi("Treaty");
export const TreatyListSchema = z.object({ data: z.array(TreatySchema) }).openapi("TreatyList");
export const TreatyDetailSchema = TreatySchema.extend({ actions: z.array(TreatyActionSchema) }).openapi("TreatyDetail");
export const TreatyActionListSchema = z.object({ data: z.array(TreatyActionSchema) }).openapi("TreatyActionList");

export function presentTreatyAction(a: TreatyAction): z.infer<typeof TreatyActionSchema> {
  return {
    id: a.id,
    treaty_id: a.treatyId,
    state_iso3: a.stateIso3,
    organization_id: a.organizationId,
    party_name: a.partyName,
    kind: a.kind,
    signed: presentPartialDate(a.signedOn),
    consent: presentPartialDate(a.consentOn),
    as_of: a.asOf,
    as_of_is_lower_bound: a.isAsOfLowerBound,
    notes: a.notes,
    confidence: a.confidence,
    sources: a.sources.map(presentSource),
  };
}

export function presentTreaty(t: Treaty, actions: TreatyAction[]): z.infer<typeof TreatySchema> {
  return {
    id: t.id,
    title: t.title,
    short_title: t.shortTitle,
    resolution_symbol: t.resolutionSymbol,
    process_id: t.processId,
    depositary: t.depositary,
    status_url: t.statusUrl,
    is_status_partial: t.isStatusPartial,
    coverage_note: t.coverageNote,
    as_of: asOfRange(actions),
    action_count: actions.length,
    sources: t.sources.map(presentSource),
    page_url: `/treaties/${t.id}`,
  };
}
