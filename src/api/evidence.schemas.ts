// Request and response schemas of the evidence API (published evidence with citations and sources, exports), and
// the presenters that fill them, including the flat rows of the CSV export.
import { z } from "@hono/zod-openapi";
import { citationHref, type Evidence } from "../domain/evidence.js";
import { formatPartialDateIso } from "../domain/partial-date.js";
import { EVIDENCE_KINDS, EVIDENCE_STATUSES, REPORTER_KINDS, SUBJECT_KINDS } from "../domain/vocabulary.js";
import { CsvBomQuery } from "./csv-response.js";
import { EVIDENCE_SORTS } from "../db/evidence.js";
import { SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { PartialDateSchema, presentPartialDate, presentSource, SourceSchema } from "./presenters.js";
import { stateQueryParam } from "../http/state-param.js";

const itemId = z
  .string()
  .regex(/^[a-z0-9-]+$/, "lower-case letters, digits and hyphens")
  .max(120);

export const EvidenceFilterQuery = z.object({
  state: stateQueryParam("evidence about this State", "DEU"),
  organization: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "organisation id, e.g. OSCE (evidence about the organisation itself)" }),
  item: itemId.optional().openapi({ description: "norm or CBM id, e.g. 13c" }),
  framework: itemId.optional().openapi({ description: "framework id, e.g. un-norms-2015" }),
  reporter: z
    .enum(REPORTER_KINDS)
    .optional()
    .openapi({ description: "who reports it: self (the State itself), civil-society, researcher, intergovernmental" }),
  status: z.enum(EVIDENCE_STATUSES).optional(),
  kind: z.enum(EVIDENCE_KINDS).optional(),
});
export const EvidenceListQuery = PaginationQuery.extend(EvidenceFilterQuery.shape).extend({
  sort: sortParam({ sorts: EVIDENCE_SORTS, usualOrder: "latest observation first, undated last", tieBreaker: "id" }),
  since: SinceParam,
});
export const EvidenceExportQuery = EvidenceFilterQuery.extend({
  format: z
    .enum(["csv", "json"])
    .default("csv")
    .openapi({ description: "csv (one row per record, sources joined) or json (an array of records with sources)" }),
  bom: CsvBomQuery.shape.bom,
});

export const EvidenceIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_000_000_000)
    .openapi({ param: { name: "id", in: "path" }, example: 1, type: "integer" }),
});

const CitedParagraphSchema = z
  .object({
    paragraph_id: z.number().int(),
    document_slug: z.string(),
    document_symbol: z.string().nullable(),
    document_title: z.string(),
    anchor: z.string(),
    label: z.string(),
  })
  .openapi("CitedParagraph");

export const EvidenceSchema = z
  .object({
    id: z.number().int(),
    subject_kind: z.enum(SUBJECT_KINDS),
    subject_id: z.string().openapi({ description: "State ISO3 or organisation id" }),
    subject_name: z.string(),
    item_id: z.string(),
    item_code: z.string(),
    item_short_title: z.string(),
    framework_id: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    status: z.enum(EVIDENCE_STATUSES),
    observed: PartialDateSchema.nullable(),
    quote: z.string().nullable(),
    cited_paragraph: CitedParagraphSchema.nullable(),
    external_url: z.string().nullable(),
    citation_url: z.string().nullable().openapi({
      description: "where to check the claim: the paragraph permalink on this site (a path), else the external URL",
    }),
    instrument_id: z.string().nullable(),
    reporter: z.enum(REPORTER_KINDS),
    reporter_name: z.string().nullable(),
    notes: z.string().nullable(),
    confidence: z.string(),
    sources: z.array(SourceSchema),
    history_url: z.string(),
  })
  .openapi("Evidence");
export const EvidenceListSchema = listEnvelope(EvidenceSchema, "EvidenceList");

export function presentEvidence(e: Evidence): z.infer<typeof EvidenceSchema> {
  return {
    id: e.id,
    subject_kind: e.subjectKind,
    subject_id: e.subjectId,
    subject_name: e.subjectName,
    item_id: e.itemId,
    item_code: e.itemCode,
    item_short_title: e.itemShortTitle,
    framework_id: e.frameworkId,
    kind: e.kind,
    status: e.status,
    observed: presentPartialDate(e.observed),
    quote: e.quote,
    cited_paragraph: e.paragraph
      ? {
          paragraph_id: e.paragraph.id,
          document_slug: e.paragraph.documentSlug,
          document_symbol: e.paragraph.documentSymbol,
          document_title: e.paragraph.documentTitle,
          anchor: e.paragraph.anchor,
          label: e.paragraph.label,
        }
      : null,
    external_url: e.externalUrl,
    citation_url: citationHref(e),
    instrument_id: e.instrumentId,
    reporter: e.reporter,
    reporter_name: e.reporterName,
    notes: e.notes,
    confidence: e.confidence,
    sources: e.sources.map(presentSource),
    history_url: `/history/evidence/${e.id}`,
  };
}

/** Columns of the CSV export, in order; sources are joined with " | " as "title <url> (licence)". */
export const EVIDENCE_CSV_COLUMNS = [
  "id",
  "subject_kind",
  "subject_id",
  "subject_name",
  "item_id",
  "item_code",
  "framework_id",
  "kind",
  "status",
  "observed",
  "observed_precision",
  "quote",
  "document_slug",
  "paragraph_anchor",
  "paragraph_label",
  "citation_url",
  "external_url",
  "reporter",
  "reporter_name",
  "confidence",
  "notes",
  "sources",
] as const;

export function evidenceCsvRow(
  e: Evidence,
  siteBaseUrl: string,
): Record<(typeof EVIDENCE_CSV_COLUMNS)[number], string | number> {
  const citation = citationHref(e);
  return {
    id: e.id,
    subject_kind: e.subjectKind,
    subject_id: e.subjectId,
    subject_name: e.subjectName,
    item_id: e.itemId,
    item_code: e.itemCode,
    framework_id: e.frameworkId,
    kind: e.kind,
    status: e.status,
    observed: e.observed ? formatPartialDateIso(e.observed) : "",
    observed_precision: e.observed?.precision ?? "",
    quote: e.quote ?? "",
    document_slug: e.paragraph?.documentSlug ?? "",
    paragraph_anchor: e.paragraph?.anchor ?? "",
    paragraph_label: e.paragraph?.label ?? "",
    citation_url: citation?.startsWith("/") ? `${siteBaseUrl.replace(/\/$/, "")}${citation}` : (citation ?? ""),
    external_url: e.externalUrl ?? "",
    reporter: e.reporter,
    reporter_name: e.reporterName ?? "",
    confidence: e.confidence,
    notes: e.notes ?? "",
    sources: e.sources.map((s) => `${s.title}${s.url ? ` <${s.url}>` : ""} (${s.licence})`).join(" | "),
  };
}
