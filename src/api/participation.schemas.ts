// Request and response schemas of the participation API (deadlines, accreditation, stakeholder actions,
// updates, calendar events), and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import type { CalendarEvent } from "../domain/calendar.js";
import { deadlineStatus, type Deadline } from "../domain/deadline.js";
import { icsUid } from "../domain/feeds-ics.js";
import type { Accreditation, AccreditationSummary, StakeholderAction } from "../domain/participation.js";
import { linkPath, type Update } from "../domain/updates.js";
import {
  ACCREDITATION_OUTCOMES,
  CALENDAR_EVENT_KINDS,
  DEADLINE_KINDS,
  ECOSOC_STATUSES,
  SESSION_KINDS,
  STAKEHOLDER_ACTION_KINDS,
  UPDATE_LINK_KINDS,
} from "../domain/vocabulary.js";
import { ACCREDITATION_SORTS } from "../db/accreditations.js";
import { DEADLINE_SORTS } from "../db/deadlines.js";
import { STAKEHOLDER_ACTION_SORTS } from "../db/stakeholder-actions.js";
import { SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { PartialDateSchema, presentPartialDate, presentSource, SourceSchema } from "./presenters.js";

const recordId = z
  .string()
  .regex(/^[a-z0-9-]+$/, "lower-case letters, digits and hyphens")
  .max(200);
const booleanFlag = z.enum(["true", "false"]).transform((v) => v === "true");

export const DeadlineListQuery = PaginationQuery.extend({
  process: recordId.optional().openapi({ description: "process id, e.g. oewg-2021-2025" }),
  kind: z.enum(DEADLINE_KINDS).optional(),
  upcoming: booleanFlag.optional().openapi({
    type: "string",
    enum: ["true", "false"],
    description: "true: only deadlines not yet closed at the server's current time, soonest first",
  }),
  sort: sortParam({
    sorts: DEADLINE_SORTS,
    usualOrder: "by closing date, rolling ones (no closing date) last",
    tieBreaker: "id",
  }),
  since: SinceParam,
});

export const IdParam = z.object({
  id: recordId.openapi({ param: { name: "id", in: "path" }, example: "oewg-2021-2025-non-ecosoc-accreditation-2022" }),
});
export const SlugParam = z.object({ slug: recordId.openapi({ param: { name: "slug", in: "path" } }) });

export const DeadlineSchema = z
  .object({
    id: z.string(),
    process_id: z.string(),
    process_short_name: z.string(),
    session_id: z.string().nullable(),
    kind: z.enum(DEADLINE_KINDS),
    title: z.string(),
    opens: PartialDateSchema.nullable(),
    closes: PartialDateSchema.nullable(),
    closes_time: z.string().nullable().openapi({ description: "local closing time HH:MM in time_zone" }),
    time_zone: z.string().nullable(),
    is_rolling: z.boolean(),
    status: z
      .enum(["not-yet-open", "open", "closed", "unknown"])
      .openapi({ description: "at the server's current time" }),
    eligibility: z.string().nullable(),
    notes: z.string().nullable(),
    confidence: z.string(),
    sources: z.array(SourceSchema),
    page_url: z.string(),
  })
  .openapi("Deadline");
export const DeadlineListSchema = listEnvelope(DeadlineSchema, "DeadlineList");

export function presentDeadline(d: Deadline, now: Date): z.infer<typeof DeadlineSchema> {
  return {
    id: d.id,
    process_id: d.processId,
    process_short_name: d.processShortName,
    session_id: d.sessionId,
    kind: d.kind,
    title: d.title,
    opens: presentPartialDate(d.opens),
    closes: presentPartialDate(d.closes),
    closes_time: d.closesTime,
    time_zone: d.timeZone,
    is_rolling: d.isRolling,
    status: deadlineStatus(d, now),
    eligibility: d.eligibility,
    notes: d.notes,
    confidence: d.confidence,
    sources: d.sources.map(presentSource),
    page_url: `/participation/deadlines/${d.id}`,
  };
}

export const AccreditationQuery = PaginationQuery.extend({
  process: recordId.optional().openapi({ description: "process id" }),
  session: recordId.optional().openapi({ description: "session id" }),
  sort: sortParam({
    sorts: ACCREDITATION_SORTS,
    usualOrder: "counts for groups first, then organisations alphabetically",
    tieBreaker: "id",
  }),
  since: SinceParam,
});

export const AccreditationSchema = z
  .object({
    id: z.string(),
    process_id: z.string(),
    session_id: z.string().nullable(),
    is_aggregate: z
      .boolean()
      .openapi({ description: "true: counts a source gives for a group of applicants, not one organisation" }),
    organization_name: z.string().nullable(),
    ecosoc_status: z.enum(ECOSOC_STATUSES),
    applied: PartialDateSchema.nullable(),
    decided: PartialDateSchema.nullable(),
    outcome: z.enum(ACCREDITATION_OUTCOMES).nullable(),
    applicants: z.number().int().nullable(),
    accredited_count: z.number().int().nullable(),
    objected_count: z.number().int().nullable(),
    objecting_states: z
      .array(z.string())
      .openapi({ description: "ISO3 codes of States whose objection was made public" }),
    notes: z.string().nullable(),
    confidence: z.string(),
    sources: z.array(SourceSchema),
  })
  .openapi("Accreditation");

export const AccreditationSummarySchema = z
  .object({
    records: z.number().int(),
    objecting_states: z.array(z.string()),
    groups: z.array(
      z.object({
        ecosoc_status: z.enum(ECOSOC_STATUSES),
        basis: z.enum(["aggregate", "records"]).openapi({
          description: "aggregate: counts as a source reports them; records: counted from named applications",
        }),
        applicants: z.number().int().nullable(),
        accredited: z.number().int().nullable(),
        objected: z.number().int().nullable(),
        withdrawn: z.number().int(),
        pending: z.number().int(),
        objected_share: z.number().nullable(),
        named_objected: z.array(z.string()),
      }),
    ),
  })
  .openapi("AccreditationSummary");

export const AccreditationListSchema = z
  .object({
    data: z.array(AccreditationSchema),
    summary: AccreditationSummarySchema.openapi({
      description: "summary of every record matching the filter (not only this page)",
    }),
    meta: z.object({ total: z.number().int(), page: z.number().int(), per_page: z.number().int() }),
  })
  .openapi("AccreditationList");

export function presentAccreditation(a: Accreditation): z.infer<typeof AccreditationSchema> {
  return {
    id: a.id,
    process_id: a.processId,
    session_id: a.sessionId,
    is_aggregate: a.isAggregate,
    organization_name: a.organizationName,
    ecosoc_status: a.ecosocStatus,
    applied: presentPartialDate(a.applied),
    decided: presentPartialDate(a.decided),
    outcome: a.outcome,
    applicants: a.applicants,
    accredited_count: a.accreditedCount,
    objected_count: a.objectedCount,
    objecting_states: a.objectingStates,
    notes: a.notes,
    confidence: a.confidence,
    sources: a.sources.map(presentSource),
  };
}

export function presentAccreditationSummary(s: AccreditationSummary): z.infer<typeof AccreditationSummarySchema> {
  return {
    records: s.records,
    objecting_states: s.objectingStates,
    groups: s.groups.map((g) => ({
      ecosoc_status: g.ecosocStatus,
      basis: g.basis,
      applicants: g.applicants,
      accredited: g.accredited,
      objected: g.objected,
      withdrawn: g.withdrawn,
      pending: g.pending,
      objected_share: g.objectedShare,
      named_objected: g.namedObjected,
    })),
  };
}

export const StakeholderActionQuery = PaginationQuery.extend({
  process: recordId.optional().openapi({ description: "process id" }),
  sort: sortParam({ sorts: STAKEHOLDER_ACTION_SORTS, usualOrder: "latest first, undated last", tieBreaker: "id" }),
  since: SinceParam,
});

export const StakeholderActionSchema = z
  .object({
    id: z.string(),
    process_id: z.string().nullable(),
    session_id: z.string().nullable(),
    kind: z.enum(STAKEHOLDER_ACTION_KINDS),
    title: z.string(),
    description: z.string(),
    acted_on: PartialDateSchema.nullable(),
    lead_organizations: z.array(z.string()),
    signatory_organizations: z.array(z.string()),
    signatory_states: z.array(z.string()),
    signatory_count: z.string().nullable(),
    document_symbol: z.string().nullable(),
    document_url: z.string().nullable(),
    document: z
      .object({ slug: z.string(), title: z.string(), url: z.string() })
      .nullable()
      .openapi({ description: "the text as an ingested document, once it is stored" }),
    notes: z.string().nullable(),
    confidence: z.string(),
    sources: z.array(SourceSchema),
  })
  .openapi("StakeholderAction");
export const StakeholderActionListSchema = listEnvelope(StakeholderActionSchema, "StakeholderActionList");

export function presentStakeholderAction(a: StakeholderAction): z.infer<typeof StakeholderActionSchema> {
  return {
    id: a.id,
    process_id: a.processId,
    session_id: a.sessionId,
    kind: a.kind,
    title: a.title,
    description: a.description,
    acted_on: presentPartialDate(a.actedOn),
    lead_organizations: a.leadOrganizations,
    signatory_organizations: a.signatoryOrganizations,
    signatory_states: a.signatoryStates,
    signatory_count: a.signatoryCount,
    document_symbol: a.documentSymbol,
    document_url: a.documentUrl,
    document: a.document ? { ...a.document, url: `/documents/${a.document.slug}` } : null,
    notes: a.notes,
    confidence: a.confidence,
    sources: a.sources.map(presentSource),
  };
}

export const UpdateListQuery = PaginationQuery.extend({
  link_kind: z
    .enum(UPDATE_LINK_KINDS)
    .optional()
    .openapi({ description: "with link_id: only updates about this record" }),
  link_id: z.string().min(1).max(200).optional(),
  q: z.string().max(200).optional().openapi({ description: "words that must all appear in the title or body" }),
  since: SinceParam,
});

export const UpdateSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    body_markdown: z.string().openapi({ description: "Markdown as written; render it with raw HTML disabled" }),
    published_on: z.string(),
    updated_at: z.string(),
    links: z.array(z.object({ kind: z.enum(UPDATE_LINK_KINDS), id: z.string(), page_url: z.string() })),
    page_url: z.string(),
  })
  .openapi("Update");
export const UpdateListSchema = listEnvelope(UpdateSchema, "UpdateList");

export function presentUpdate(u: Update): z.infer<typeof UpdateSchema> {
  return {
    slug: u.slug,
    title: u.title,
    body_markdown: u.bodyMarkdown,
    published_on: u.publishedOn,
    updated_at: u.updatedAt.toISOString(),
    links: u.links.map((l) => ({ kind: l.kind, id: l.id, page_url: linkPath(l) })),
    page_url: `/updates/${u.slug}`,
  };
}

export const CalendarQuery = PaginationQuery.extend({
  process: recordId.optional().openapi({ description: "process id" }),
  kind: z
    .enum([...SESSION_KINDS, "deadline"])
    .optional()
    .openapi({ description: "a session kind, or deadline" }),
  from: z.iso.date().optional().openapi({ description: "ISO day: events ending on or after it" }),
  to: z.iso.date().optional().openapi({ description: "ISO day: events starting on or before it" }),
});

export const CalendarEventSchema = z
  .object({
    uid: z.string().openapi({ description: "the iCalendar UID, stable across feeds and edits" }),
    kind: z.enum(CALENDAR_EVENT_KINDS),
    record_id: z.string(),
    title: z.string(),
    description: z.string(),
    process_id: z.string(),
    process_short_name: z.string(),
    session_kind: z.enum(SESSION_KINDS).nullable(),
    deadline_kind: z.enum(DEADLINE_KINDS).nullable(),
    start: PartialDateSchema,
    end: PartialDateSchema.nullable(),
    time: z.object({ start: z.string(), time_zone: z.string() }).nullable(),
    venue: z.string().nullable(),
    page_url: z.string(),
    ics_url: z.string(),
  })
  .openapi("CalendarEvent");
export const CalendarEventListSchema = listEnvelope(CalendarEventSchema, "CalendarEventList");

/** `siteUrl`: the instance's public address, whose host the iCalendar UIDs carry (as in the feeds). */
export function presentCalendarEvent(e: CalendarEvent, siteUrl: string): z.infer<typeof CalendarEventSchema> {
  return {
    uid: icsUid(e.uid, siteUrl),
    kind: e.kind,
    record_id: e.recordId,
    title: e.title,
    description: e.description,
    process_id: e.processId,
    process_short_name: e.processShortName,
    session_kind: e.sessionKind,
    deadline_kind: e.deadlineKind,
    start: presentPartialDate(e.start)!,
    end: presentPartialDate(e.end),
    time: e.time ? { start: e.time.start, time_zone: e.time.timeZone } : null,
    venue: e.venue,
    page_url: e.path,
    ics_url: `/calendar/events/${e.uid.replace(/@normwatch$/, "")}.ics`,
  };
}
