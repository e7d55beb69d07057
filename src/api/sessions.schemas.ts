// Request and response schemas of the sessions API, and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import type { Session, SessionDetail, SessionSummary } from "../domain/session.js";
import { PROCESS_KINDS, SESSION_KINDS } from "../domain/vocabulary.js";
import { SESSION_SORTS } from "../db/sessions.js";
import { SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { PartialDateSchema, presentPartialDate, presentSource, SourceSchema } from "./presenters.js";

const isoDay = z.iso.date();
const booleanFlag = z.enum(["true", "false"]).transform((v) => v === "true");

export const SessionListQuery = PaginationQuery.extend({
  process: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(80)
    .optional()
    .openapi({ description: "process id, e.g. oewg-2021-2025" }),
  kind: z.enum(SESSION_KINDS).optional(),
  from: isoDay.optional().openapi({ description: "ISO day: sessions ending on or after it" }),
  to: isoDay.optional().openapi({ description: "ISO day: sessions starting on or before it" }),
  upcoming: booleanFlag.optional().openapi({
    type: "string",
    enum: ["true", "false"],
    description: "true: only sessions that have not started yet (relative to the server's today), soonest first",
  }),
  sort: sortParam({ sorts: SESSION_SORTS, usualOrder: "by date, undated last", tieBreaker: "id" }),
  since: SinceParam,
});

export const SessionIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, "a session id: lower-case letters, digits and hyphens")
    .max(200)
    .openapi({ param: { name: "id", in: "path" }, example: "oewg-2019-2021-oewg-organizational-session" }),
});

export const SessionSummarySchema = z
  .object({
    id: z.string(),
    process_id: z.string(),
    name: z.string(),
    kind: z.enum(SESSION_KINDS),
    start: PartialDateSchema.nullable(),
    end: PartialDateSchema.nullable(),
    venue: z.string().nullable(),
    url: z.string(),
  })
  .openapi("SessionSummary");

export const SessionSchema = SessionSummarySchema.extend({
  process_short_name: z.string(),
  process_kind: z.enum(PROCESS_KINDS),
}).openapi("Session");

export const SessionListSchema = listEnvelope(SessionSchema, "SessionList");

export const SessionDetailSchema = SessionSchema.extend({
  process_name: z.string(),
  notes: z.string().nullable(),
  confidence: z.string(),
  sources: z.array(SourceSchema),
}).openapi("SessionDetail");

export function presentSessionSummary(s: SessionSummary): z.infer<typeof SessionSummarySchema> {
  return {
    id: s.id,
    process_id: s.processId,
    name: s.name,
    kind: s.kind,
    start: presentPartialDate(s.start),
    end: presentPartialDate(s.end),
    venue: s.venue,
    url: `/api/v1/sessions/${s.id}`,
  };
}

export function presentSession(s: Session): z.infer<typeof SessionSchema> {
  return { ...presentSessionSummary(s), process_short_name: s.processShortName, process_kind: s.processKind };
}

export function presentSessionDetail(detail: SessionDetail): z.infer<typeof SessionDetailSchema> {
  return {
    ...presentSession(detail.session),
    process_name: detail.processName,
    notes: detail.session.notes,
    confidence: detail.session.confidence,
    sources: detail.sources.map(presentSource),
  };
}
