// The search filters as query parameters, one schema for the search page and the search API alike.
import { z } from "@hono/zod-openapi";
import type { SearchFilters } from "../domain/search.js";
import { DOCUMENT_TYPES } from "../domain/vocabulary.js";
import type { Db } from "../db/client.js";
import { blank } from "./query-fields.js";
import { resolveStateFields, STATE_PARAM_MAX_LENGTH } from "./state-param.js";
import { parseSymbolParam } from "./symbol-param.js";

/** Query fields of a search; an empty field means "no filter". */
export const SearchFilterFields = {
  q: z.string().max(500, "the query is too long: use at most 500 characters").default("").openapi({
    description: 'Words, "quoted phrases", OR, and -excluded words (web search syntax)',
    example: "ad hoc intergovernmental committee of experts",
  }),
  type: z.enum(DOCUMENT_TYPES).optional().or(blank),
  process: z.string().max(80).optional().or(blank).openapi({ description: "Process id, e.g. oewg-2021-2025" }),
  session: z.coerce.number().int().min(1).max(200).optional().or(blank).openapi({ description: "GA session number" }),
  from: z.iso
    .date("a date like 2021-01-31")
    .optional()
    .or(blank)
    .openapi({ description: "Documents dated on or after this ISO day" }),
  to: z.iso
    .date("a date like 2021-12-31")
    .optional()
    .or(blank)
    .openapi({ description: "Documents dated on or before this ISO day" }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, "a language code such as en or fr")
    .optional()
    .or(blank),
  state: z
    .string()
    .trim()
    .max(STATE_PARAM_MAX_LENGTH)
    .optional()
    .or(blank)
    .openapi({ description: "a State named in the paragraph: its ISO3 code in any case or a name (VNM, Viet Nam)" }),
  norm: z.string().max(40).optional().or(blank).openapi({ description: "Norm id referenced explicitly, e.g. 13c" }),
  norm_topics: z
    .enum(["true", "false"])
    .optional()
    .or(blank)
    .openapi({ description: "Also count keyword topic matches for the norm filter" }),
  document: z.string().max(120).optional().or(blank).openapi({
    description: "Only paragraphs of this document (its symbol, short or in full, or slug, e.g. A/RES/77/37 or 77/37)",
    example: "A/RES/77/37",
  }),
  group: z.enum(["document", "paragraph"]).optional().or(blank).openapi({
    description:
      "document: at most a few paragraphs of each document, the rest counted per document (the search page's default); paragraph: every paragraph by rank (the API's default)",
  }),
};

/** The parsed fields as the filters the search takes; `state` must already be an ISO3 code (see resolveSearchState). */
export function searchFiltersOf(q: {
  type?: SearchFilters["type"];
  process?: string | undefined;
  session?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  language?: string | undefined;
  state?: string | undefined;
  norm?: string | undefined;
  norm_topics?: "true" | "false" | undefined;
  document?: string | undefined;
}): SearchFilters {
  return {
    type: q.type,
    processId: q.process,
    gaSession: q.session,
    dateFrom: q.from,
    dateTo: q.to,
    language: q.language,
    state: q.state,
    norm: q.norm,
    normTopics: q.norm_topics === "true",
    document: q.document ? (parseSymbolParam(q.document) ?? q.document) : undefined,
  };
}

/** The search's State filter as a code: the State a code or name matches, or `unknown` with the text that matches none. */
export async function resolveSearchState(
  db: Db,
  state: string | undefined,
): Promise<{ iso3: string | undefined; unknown: string | null }> {
  const {
    codes: [iso3],
    unknown,
  } = await resolveStateFields(db, [state]);
  return { iso3: iso3 ?? undefined, unknown: unknown[0] ?? null };
}

/** Paragraphs of one document shown together when results are grouped by document. */
export const PARAGRAPHS_PER_DOCUMENT = 3;
