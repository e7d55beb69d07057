// Request and response schemas of the find API (records of every kind for one typed query, issue 17), and the
// presenter that fills them.
import { z } from "@hono/zod-openapi";
import { RECORD_KIND_LABELS, RECORD_KINDS, type FoundRecord, type RecordKind } from "../domain/find-records.js";
import type { RecordSearch } from "../db/find-records.js";
import { blank } from "../http/query-fields.js";

export const FindQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, "type what to find, e.g. France, 74/247 or 13(c)")
    .max(500, "the query is too long: use at most 500 characters")
    .openapi({
      description:
        "What to find: a State's name or ISO code, a symbol (74/247, A/RES/74/247), a norm (13(c), norm c), or words of a name or title",
      example: "74/247",
    }),
  kind: z
    .enum(RECORD_KINDS)
    .optional()
    .or(blank)
    .openapi({ description: "Only records of this kind (the others are still counted in meta.kinds)" }),
  page: z.coerce.number().int().min(1).max(100).default(1).openapi({ description: "1-based page number" }),
  per_page: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: "records per page (max 100)" }),
});

export const FoundRecordSchema = z
  .object({
    kind: z.enum(RECORD_KINDS),
    id: z.string().openapi({ description: "ISO3, symbol, vote event id, norm id, process id… as in its URL" }),
    label: z.string(),
    detail: z.string().nullable().openapi({ description: "A second line: official name and code, title, dates…" }),
    score: z.number().int().openapi({
      description:
        "100 exact code or symbol, 90 exact name, 70 a name starts with the query, 50 every word in a name, 20 a match elsewhere",
    }),
    page_url: z.string().openapi({ description: "The record's page on this site" }),
    url: z.string().openapi({ description: "The record in this API" }),
  })
  .openapi("FoundRecord");

export const FindResultSchema = z
  .object({
    data: z.array(FoundRecordSchema).openapi({
      description: "Without kind: every kind's records, kind after kind (the best-matching kind first), best first",
    }),
    meta: z.object({
      query: z.string(),
      total: z.number().int().openapi({ description: "Records of the asked kind, or of every kind" }),
      page: z.number().int(),
      per_page: z.number().int(),
      kinds: z
        .array(z.object({ kind: z.enum(RECORD_KINDS), label: z.string(), total: z.number().int() }))
        .openapi({ description: "Each kind with at least one match and its count, the best-matching kind first" }),
      paragraphs_url: z.string().openapi({ description: "The paragraph search for the same words" }),
    }),
  })
  .openapi("FindResult");

const API_PATHS: Record<RecordKind, string> = {
  state: "states",
  resolution: "resolutions",
  vote: "votes",
  norm: "framework-items",
  cbm: "framework-items",
  process: "processes",
  session: "sessions",
  organization: "organizations",
  document: "documents",
};

export function presentFoundRecord(r: FoundRecord): z.infer<typeof FoundRecordSchema> {
  return {
    kind: r.kind,
    id: r.id,
    label: r.label,
    detail: r.detail,
    score: r.score,
    page_url: r.path,
    url: `/api/v1/${API_PATHS[r.kind]}/${encodeURIComponent(r.id)}`,
  };
}

export function presentFindResult(
  search: RecordSearch,
  records: FoundRecord[],
  page: { q: string; page: number; per_page: number; total: number },
): z.infer<typeof FindResultSchema> {
  return {
    data: records.map(presentFoundRecord),
    meta: {
      query: page.q,
      total: page.total,
      page: page.page,
      per_page: page.per_page,
      kinds: search.kinds.map((k) => ({ kind: k.kind, label: RECORD_KIND_LABELS[k.kind].many, total: k.total })),
      paragraphs_url: `/api/v1/search?${new URLSearchParams({ q: page.q })}`,
    },
  };
}
