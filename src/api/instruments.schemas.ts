// Request and response schemas of the instruments, assessments and rubrics API, and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import { paragraphPermalink } from "../domain/documents.js";
import type { AssessmentDetail, InstrumentSummary } from "../domain/instruments.js";
import {
  TRAFFIC_LIGHTS,
  TRAFFIC_LIGHT_RULE,
  type Rubric,
  type RubricVersionSummary,
  type TrafficLightSummary,
} from "../domain/rubric.js";
import type { Source } from "../domain/source.js";
import { ASSESSMENT_RATINGS, CONFIDENCE_LEVELS, INSTRUMENT_KINDS, INSTRUMENT_STATUSES } from "../domain/vocabulary.js";
import { CsvBomQuery } from "./csv-response.js";
import { INSTRUMENT_SORTS } from "../db/instruments.js";
import { SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { PartialDateSchema, presentPartialDate, presentSource, SourceSchema } from "./presenters.js";
import { stateQueryParam } from "../http/state-param.js";

const slug = z
  .string()
  .regex(/^[a-z0-9-]+$/, "lower-case letters, digits and hyphens")
  .max(200);

export const InstrumentListQuery = PaginationQuery.extend({
  state: stateQueryParam("only instruments of this State", "DEU"),
  organization: z.string().max(40).optional(),
  kind: z.enum(INSTRUMENT_KINDS).optional(),
  status: z.enum(INSTRUMENT_STATUSES).optional(),
  sort: sortParam({
    sorts: INSTRUMENT_SORTS,
    usualOrder: "by State or organisation name, then adoption",
    tieBreaker: "id",
  }),
  since: SinceParam,
});
export const InstrumentIdParam = z.object({
  id: slug.openapi({ param: { name: "id", in: "path" }, example: "deu-first-cyber-strategy" }),
});
export const AssessmentExportQuery = z.object({
  state: stateQueryParam("only assessments of this State's instruments", "DEU"),
  format: z.enum(["json", "csv"]).default("json"),
  bom: CsvBomQuery.shape.bom,
});
export const RubricSlugParam = z.object({
  slug: slug.openapi({ param: { name: "slug", in: "path" }, example: "human-rights-multistakeholder" }),
});
export const RubricVersionParam = RubricSlugParam.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .openapi({ param: { name: "version", in: "path" }, example: 1 }),
});

export const TrafficLightSchema = z
  .object({
    rubric: z.string(),
    rubric_version: z.number().int(),
    light: z.enum(TRAFFIC_LIGHTS),
    rule: z.string().openapi({ description: TRAFFIC_LIGHT_RULE }),
    criteria: z.number().int(),
    met: z.number().int(),
    partly: z.number().int(),
    not_met: z.number().int(),
    unknown: z.number().int(),
    unassessed: z.number().int(),
  })
  .openapi("TrafficLight");

export const AssessmentSchema = z
  .object({
    id: z.number().int(),
    instrument_id: z.string(),
    state_iso3: z.string().nullable(),
    rubric: z.string(),
    rubric_version: z.number().int(),
    criterion_id: z.number().int(),
    criterion_code: z.string(),
    criterion_title: z.string(),
    rating: z.enum(ASSESSMENT_RATINGS),
    cited_paragraph: z
      .object({ document_slug: z.string(), document_title: z.string(), label: z.string(), url: z.string() })
      .nullable(),
    external_url: z.string().nullable(),
    quote: z.string().nullable(),
    note: z.string().nullable(),
    assessed_on: z.string(),
    sources: z.array(SourceSchema),
  })
  .openapi("Assessment");

export const InstrumentSchema = z
  .object({
    id: z.string(),
    state_iso3: z.string().nullable(),
    organization_id: z.string().nullable(),
    subject_name: z.string(),
    kind: z.enum(INSTRUMENT_KINDS),
    title: z.string(),
    status: z.enum(INSTRUMENT_STATUSES),
    adopted: PartialDateSchema.nullable(),
    superseded: PartialDateSchema.nullable(),
    document_id: z.number().int().nullable(),
    url: z.string().nullable(),
    notes: z.string().nullable(),
    confidence: z.enum(CONFIDENCE_LEVELS),
    traffic_lights: z.array(TrafficLightSchema).openapi({
      description: "one per rubric version the instrument's assessments use, newest first; empty when not assessed",
    }),
    page_url: z.string(),
  })
  .openapi("Instrument");
export const InstrumentListSchema = listEnvelope(InstrumentSchema, "InstrumentList");
export const InstrumentDetailSchema = InstrumentSchema.extend({
  assessments: z.array(AssessmentSchema),
  sources: z.array(SourceSchema),
}).openapi("InstrumentDetail");
export const AssessmentExportSchema = z
  .object({ data: z.array(AssessmentSchema), traffic_light_rule: z.string() })
  .openapi("AssessmentExport");

export const RubricCriterionSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    position: z.number().int(),
    title: z.string(),
    guidance: z.string(),
  })
  .openapi("RubricCriterion");
export const RubricSchema = z
  .object({
    slug: z.string(),
    version: z.number().int(),
    title: z.string(),
    description: z.string(),
    created_at: z.string(),
    criteria: z.array(RubricCriterionSchema),
    page_url: z.string(),
  })
  .openapi("Rubric");
export const RubricVersionListSchema = z
  .object({
    data: z.array(
      z.object({
        slug: z.string(),
        version: z.number().int(),
        title: z.string(),
        created_at: z.string(),
        criteria: z.number().int(),
        assessments: z.number().int(),
      }),
    ),
  })
  .openapi("RubricVersionList");

export function presentTrafficLight(rubric: Rubric, s: TrafficLightSummary): z.infer<typeof TrafficLightSchema> {
  return {
    rubric: rubric.slug,
    rubric_version: rubric.version,
    light: s.light,
    rule: TRAFFIC_LIGHT_RULE,
    criteria: s.total,
    met: s.met,
    partly: s.partly,
    not_met: s.notMet,
    unknown: s.unknown,
    unassessed: s.unassessed,
  };
}

export function presentAssessment(
  a: AssessmentDetail & { stateIso3: string | null },
): z.infer<typeof AssessmentSchema> {
  return {
    id: a.id,
    instrument_id: a.instrumentId,
    state_iso3: a.stateIso3,
    rubric: a.rubricSlug,
    rubric_version: a.rubricVersion,
    criterion_id: a.criterionId,
    criterion_code: a.criterionCode,
    criterion_title: a.criterionTitle,
    rating: a.rating,
    cited_paragraph: a.paragraph
      ? {
          document_slug: a.paragraph.documentSlug,
          document_title: a.paragraph.documentTitle,
          label: a.paragraph.label,
          url: paragraphPermalink(a.paragraph.documentSlug, a.paragraph.anchor),
        }
      : null,
    external_url: a.externalUrl,
    quote: a.quote,
    note: a.note,
    assessed_on: a.assessedOn,
    sources: a.sources.map(presentSource),
  };
}

export function presentInstrument(
  i: InstrumentSummary,
  lights: { rubric: Rubric; summary: TrafficLightSummary }[],
): z.infer<typeof InstrumentSchema> {
  return {
    id: i.id,
    state_iso3: i.stateIso3,
    organization_id: i.organizationId,
    subject_name: i.subjectName,
    kind: i.kind,
    title: i.title,
    status: i.status,
    adopted: presentPartialDate(i.adopted),
    superseded: presentPartialDate(i.superseded),
    document_id: i.documentId,
    url: i.url,
    notes: i.notes,
    confidence: i.confidence,
    traffic_lights: lights.map((l) => presentTrafficLight(l.rubric, l.summary)),
    page_url: `/instruments/${i.id}`,
  };
}

export function presentRubric(r: Rubric): z.infer<typeof RubricSchema> {
  return {
    slug: r.slug,
    version: r.version,
    title: r.title,
    description: r.description,
    created_at: r.createdAt.toISOString(),
    criteria: r.criteria.map((c) => ({
      id: c.id,
      code: c.code,
      position: c.position,
      title: c.title,
      guidance: c.guidance,
    })),
    page_url: `/rubric/${r.slug}/v/${r.version}`,
  };
}

export function presentRubricVersion(v: RubricVersionSummary) {
  return {
    slug: v.slug,
    version: v.version,
    title: v.title,
    created_at: v.createdAt.toISOString(),
    criteria: v.criteriaCount,
    assessments: v.assessmentCount,
  };
}

export function presentSources(sources: Source[]) {
  return sources.map(presentSource);
}
