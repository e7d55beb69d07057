// Request and response schemas of the processes API, and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import type { Process, ProcessDetail } from "../domain/process.js";
import { CONFIDENCE_LEVELS, PROCESS_KINDS } from "../domain/vocabulary.js";
import { PROCESS_SORTS } from "../db/processes.js";
import { SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { PartialDateSchema, presentPartialDate, presentSource, SourceSchema } from "./presenters.js";
import { presentResolutionSummary, ResolutionSummarySchema } from "./resolutions.schemas.js";
import { presentSessionSummary, SessionSummarySchema } from "./sessions.schemas.js";

export const ProcessListQuery = PaginationQuery.extend({
  kind: z.enum(PROCESS_KINDS).optional(),
  active_on: z.iso.date().optional().openapi({
    description: "ISO day: only processes running that day (an end given as a month or year counts to its last day)",
    example: "2020-01-15",
  }),
  sort: sortParam({ sorts: PROCESS_SORTS, usualOrder: "by start", tieBreaker: "id" }),
  since: SinceParam,
});

export const ProcessIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, "a process id: lower-case letters, digits and hyphens")
    .max(80)
    .openapi({ param: { name: "id", in: "path" }, example: "oewg-2019-2021" }),
});

const ChairSchema = z.object({
  name: z.string().nullable(),
  state_iso3: z.string().nullable(),
  state_name: z.string().nullable(),
  confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
});

export const ProcessSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    short_name: z.string(),
    kind: z.enum(PROCESS_KINDS),
    parent_body: z.string().nullable(),
    mandate: z.string().openapi({ description: "Mandating resolutions as the source words them" }),
    start: PartialDateSchema,
    end: PartialDateSchema.nullable().openapi({ description: "null while the process runs" }),
    chair: ChairSchema,
    membership: z.string(),
    outcome: z.string().nullable(),
    final_reports: z.string().nullable(),
    confidence: z.enum(CONFIDENCE_LEVELS),
    url: z.string(),
  })
  .openapi("Process");

export const ProcessListSchema = listEnvelope(ProcessSchema, "ProcessList");

export const ProcessDetailSchema = ProcessSchema.extend({
  notes: z.string().nullable(),
  member_states: z
    .array(z.object({ iso3: z.string(), name: z.string() }))
    .openapi({ description: "Listed members of a closed group; empty for open-ended processes" }),
  sessions: z.array(SessionSummarySchema),
  resolutions: z.array(ResolutionSummarySchema.extend({ relation: z.string() })),
  sources: z.array(SourceSchema),
}).openapi("ProcessDetail");

export function presentProcess(p: Process): z.infer<typeof ProcessSchema> {
  return {
    id: p.id,
    name: p.name,
    short_name: p.shortName,
    kind: p.kind,
    parent_body: p.parentBody,
    mandate: p.mandatingResolutions,
    start: presentPartialDate(p.start)!,
    end: presentPartialDate(p.end),
    chair: {
      name: p.chairName,
      state_iso3: p.chairStateIso3,
      state_name: p.chairStateName,
      confidence: p.chairConfidence,
    },
    membership: p.membership,
    outcome: p.outcome,
    final_reports: p.finalReports,
    confidence: p.confidence,
    url: `/api/v1/processes/${p.id}`,
  };
}

export function presentProcessDetail(detail: ProcessDetail): z.infer<typeof ProcessDetailSchema> {
  return {
    ...presentProcess(detail.process),
    notes: detail.process.notes,
    member_states: detail.memberStates.map((s) => ({ iso3: s.iso3, name: s.name })),
    sessions: detail.sessions.map(presentSessionSummary),
    resolutions: detail.resolutions.map((r) => ({ ...presentResolutionSummary(r), relation: r.relation })),
    sources: detail.sources.map(presentSource),
  };
}
