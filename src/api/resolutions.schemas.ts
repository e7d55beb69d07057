// Request and response schemas of the resolutions API, and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import { hasRecordedVote, symbolPath, type ResolutionDetail, type ResolutionSummary } from "../domain/resolution.js";
import { ADOPTION_METHODS, DECISION_RECORD_TYPES, PROCESS_KINDS, RESOLUTION_TOPICS } from "../domain/vocabulary.js";
import { RESOLUTION_SORTS } from "../db/resolutions.js";
import { SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { presentSource, SourceSchema } from "./presenters.js";

export const ResolutionListQuery = PaginationQuery.extend({
  topic: z
    .enum(RESOLUTION_TOPICS)
    .optional()
    .openapi({ description: "ict-security, cybercrime or cybercrime-related" }),
  session: z.coerce.number().int().min(1).max(200).optional().openapi({ description: "GA session number, e.g. 74" }),
  sort: sortParam({
    sorts: RESOLUTION_SORTS,
    usualOrder: "by adoption, undated ones at the end of their GA session",
    tieBreaker: "symbol",
  }),
  since: SinceParam,
});

export const SymbolParam = z.object({
  symbol: z
    .string()
    .min(1)
    .max(80)
    .openapi({
      param: { name: "symbol", in: "path" },
      description:
        "Document symbol with its slashes URL-encoded (A%2FRES%2F74%2F247, or short: 74%2F247), or a decision number (decision%2074%2F567). The unencoded form /api/v1/resolutions/A/RES/74/247 is answered too.",
      example: "A/RES/74/247",
    }),
});

export const ResolutionSummarySchema = z
  .object({
    symbol: z.string(),
    record_type: z.enum(DECISION_RECORD_TYPES),
    topic: z.enum(RESOLUTION_TOPICS),
    ga_session: z.number().int().nullable(),
    adopted_on: z.string().nullable().openapi({ description: "ISO day of adoption by the plenary" }),
    title: z.string().nullable(),
    committee: z.string().nullable(),
    adoption_method: z.enum(ADOPTION_METHODS).nullable(),
    adoption_note: z.string().nullable(),
    totals: z
      .object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int() })
      .nullable()
      .openapi({ description: "Recorded vote totals; null when adopted without a vote or not known" }),
    url: z.string(),
    votes_url: z.string().nullable().openapi({ description: "Per-State votes page, when the vote was recorded" }),
  })
  .openapi("ResolutionSummary");

export const ResolutionListSchema = listEnvelope(ResolutionSummarySchema, "ResolutionList");

export const ResolutionDetailSchema = ResolutionSummarySchema.extend({
  first_committee_vote: z.string().nullable(),
  summary: z.string().nullable(),
  notes: z.string().nullable(),
  confidence: z.string(),
  processes: z.array(
    z.object({
      process_id: z.string(),
      short_name: z.string(),
      kind: z.enum(PROCESS_KINDS),
      relation: z.string(),
      url: z.string(),
    }),
  ),
  sources: z.array(SourceSchema),
}).openapi("Resolution");

export function presentResolutionSummary(r: ResolutionSummary): z.infer<typeof ResolutionSummarySchema> {
  return {
    symbol: r.symbol,
    record_type: r.recordType,
    topic: r.topic,
    ga_session: r.gaSession,
    adopted_on: r.adoptedOn,
    title: r.title,
    committee: r.committee,
    adoption_method: r.adoptionMethod,
    adoption_note: r.adoptionNote,
    totals: r.yes !== null && r.no !== null && r.abstain !== null ? { yes: r.yes, no: r.no, abstain: r.abstain } : null,
    url: `/api/v1/resolutions/${encodeURIComponent(r.symbol)}`,
    votes_url: hasRecordedVote(r) ? `/votes/${symbolPath(r.symbol)}` : null,
  };
}

export function presentResolutionDetail(detail: ResolutionDetail): z.infer<typeof ResolutionDetailSchema> {
  const r = detail.resolution;
  return {
    ...presentResolutionSummary(r),
    first_committee_vote: r.firstCommitteeVote,
    summary: r.summary,
    notes: r.notes,
    confidence: r.confidence,
    processes: detail.processes.map((p) => ({
      process_id: p.processId,
      short_name: p.shortName,
      kind: p.kind,
      relation: p.relation,
      url: `/api/v1/processes/${p.processId}`,
    })),
    sources: detail.sources.map(presentSource),
  };
}
