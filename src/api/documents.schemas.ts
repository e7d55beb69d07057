// Request and response schemas of the documents and search APIs, and the presenters that fill them.
import { z } from "@hono/zod-openapi";
import type { Citation, DocumentDetail, DocumentParagraph, DocumentSummary } from "../domain/documents.js";
import { DEFAULT_LANGUAGE, documentPath, languageName, paragraphPermalink } from "../domain/documents.js";

/** The API address of a document in a language (English needs no parameter). */
function documentApiUrl(slug: string, language: string): string {
  return `/api/v1/documents/${encodeURIComponent(slug)}${language === DEFAULT_LANGUAGE ? "" : `?language=${encodeURIComponent(language)}`}`;
}
import type { SearchHit } from "../domain/search.js";
import { DOCUMENT_FORMATS, DOCUMENT_TYPES, MENTION_KINDS, PARAGRAPH_KINDS } from "../domain/vocabulary.js";
import { SearchFilterFields } from "../http/search-query.js";
import { DOCUMENT_SORTS } from "../db/documents.js";
import { SINCE_DESCRIPTION, SinceParam, sortParam } from "./list-params.js";
import { listEnvelope, PaginationQuery } from "./pagination.js";
import { blank } from "../http/query-fields.js";

export const DocumentListQuery = PaginationQuery.extend({
  type: z.enum(DOCUMENT_TYPES).optional().or(blank).openapi({ description: "resolution, report, statement…" }),
  session: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .or(blank)
    .openapi({ description: "GA session number, e.g. 77" }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .or(blank)
    .openapi({ description: "ISO 639-1 language code, e.g. en" }),
  sort: sortParam({ sorts: DOCUMENT_SORTS, usualOrder: "newest first, undated last", tieBreaker: "internal id" }),
  since: SinceParam.openapi({
    description: `${SINCE_DESCRIPTION}. For documents: current versions ingested after it (a document changes only by a new version)`,
  }),
});

export const DocumentLanguageQuery = z.object({
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .or(blank)
    .openapi({
      description:
        "The language version to answer with (ISO 639-1 in any case: ar, zh, en, fr, ru, es); English when stored, else the first stored language. A document not stored in it answers 404, naming the languages it is stored in",
    }),
});

export const SlugParam = z.object({
  slug: z
    .string()
    .min(1)
    .max(120)
    .openapi({
      param: { name: "slug", in: "path" },
      description:
        "Document symbol with its slashes URL-encoded (A%2FRES%2F77%2F37); the unencoded path is answered too",
      example: "A/RES/77/37",
    }),
});

export const DocumentSummarySchema = z
  .object({
    slug: z.string(),
    symbol: z.string().nullable(),
    title: z.string(),
    date: z.string().nullable().openapi({ description: "ISO day the document was adopted or issued" }),
    language: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    version: z.number().int(),
    ga_session: z.number().int().nullable(),
    paragraph_count: z.number().int(),
    url: z.string(),
    page_url: z.string(),
  })
  .openapi("DocumentSummary");

export const DocumentListSchema = listEnvelope(DocumentSummarySchema, "DocumentList");

const MentionSchema = z.object({
  kind: z.enum(MENTION_KINDS),
  target_id: z.string(),
  confidence: z.number(),
  matched_text: z.string(),
});

const ParagraphSchema = z.object({
  anchor: z.string(),
  label: z.string(),
  kind: z.enum(PARAGRAPH_KINDS),
  heading: z.string().nullable(),
  text: z.string(),
  notes: z.array(z.string()),
  permalink: z.string(),
  mentions: z.array(MentionSchema).openapi({
    description:
      "States, norms (explicit; norm-topic = keyword match with a confidence), CBMs and processes named in the paragraph",
  }),
});

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  format: z.enum(DOCUMENT_FORMATS),
  authors: z.array(z.string()),
  process_id: z.string().nullable(),
  source: z.object({
    url: z.string().nullable(),
    title: z.string().nullable(),
    licence: z.string(),
    attribution: z.string().nullable(),
  }),
  content_hash: z.string(),
  ingested_at: z.string(),
  versions: z.array(
    z.object({ version: z.number().int(), content_hash: z.string(), ingested_at: z.string(), is_current: z.boolean() }),
  ),
  paragraphs: z.array(ParagraphSchema),
  languages: z
    .array(
      z.object({ language: z.string(), name: z.string(), title: z.string(), url: z.string(), page_url: z.string() }),
    )
    .openapi({
      description:
        "Every language this document is stored in (this one included); paragraph anchors are equal where the texts' structure corresponds",
    }),
}).openapi("Document");

const CitationSchema = z.object({
  from: z.object({
    slug: z.string(),
    symbol: z.string().nullable(),
    title: z.string(),
    anchor: z.string(),
    label: z.string(),
    permalink: z.string(),
  }),
  target_symbol: z.string(),
  target: z
    .object({ slug: z.string(), title: z.string(), url: z.string() })
    .nullable()
    .openapi({ description: "The cited document, when it is in the database" }),
  matched_text: z.string(),
});

export const CitationGraphSchema = z
  .object({
    symbol: z.string().nullable(),
    cites: z.array(CitationSchema),
    cited_by: z.array(CitationSchema),
    nodes: z.array(z.object({ id: z.string(), title: z.string().nullable(), in_database: z.boolean() })),
    edges: z.array(z.object({ source: z.string(), target: z.string(), paragraphs: z.array(z.string()) })),
  })
  .openapi("CitationGraph");

export function presentDocumentSummary(d: DocumentSummary): z.infer<typeof DocumentSummarySchema> {
  return {
    slug: d.slug,
    symbol: d.symbol,
    title: d.title,
    date: d.date,
    language: d.language,
    type: d.type,
    version: d.version,
    ga_session: d.gaSession,
    paragraph_count: d.paragraphCount,
    url: documentApiUrl(d.slug, d.language),
    page_url: documentPath(d.slug, d.language),
  };
}

function presentParagraph(slug: string, p: DocumentParagraph, language: string): z.infer<typeof ParagraphSchema> {
  return {
    anchor: p.anchor,
    label: p.label,
    kind: p.kind,
    heading: p.heading,
    text: p.text,
    notes: p.notes,
    permalink: paragraphPermalink(slug, p.anchor, language),
    mentions: p.mentions.map((m) => ({
      kind: m.kind,
      target_id: m.targetId,
      confidence: m.confidence,
      matched_text: m.matchedText,
    })),
  };
}

export function presentDocumentDetail(
  d: DocumentDetail,
  languages: { language: string; title: string }[] = [],
): z.infer<typeof DocumentDetailSchema> {
  return {
    ...presentDocumentSummary(d),
    languages: languages.map((l) => ({
      language: l.language,
      name: languageName(l.language),
      title: l.title,
      url: documentApiUrl(d.slug, l.language),
      page_url: documentPath(d.slug, l.language),
    })),
    format: d.format,
    authors: d.authors,
    process_id: d.processId,
    source: { url: d.sourceUrl, title: d.sourceTitle, licence: d.licence, attribution: d.attribution },
    content_hash: d.contentHash,
    ingested_at: d.ingestedAt.toISOString(),
    versions: d.versions.map((v) => ({
      version: v.version,
      content_hash: v.contentHash,
      ingested_at: new Date(v.ingestedAt).toISOString(),
      is_current: v.isCurrent,
    })),
    paragraphs: d.paragraphs.map((p) => presentParagraph(d.slug, p, d.language)),
  };
}

function presentCitation(c: Citation): z.infer<typeof CitationSchema> {
  return {
    from: {
      slug: c.fromSlug,
      symbol: c.fromSymbol,
      title: c.fromTitle,
      anchor: c.fromAnchor,
      label: c.fromLabel,
      permalink: paragraphPermalink(c.fromSlug, c.fromAnchor),
    },
    target_symbol: c.targetSymbol,
    target: c.targetSlug
      ? { slug: c.targetSlug, title: c.targetTitle ?? c.targetSymbol, url: documentPath(c.targetSlug) }
      : null,
    matched_text: c.matchedText,
  };
}

/** The graph around one document: it and everything it cites or that cites it, one edge per document pair. */
export function presentCitationGraph(
  symbol: string | null,
  cites: Citation[],
  citedBy: Citation[],
): z.infer<typeof CitationGraphSchema> {
  const nodes = new Map<string, { id: string; title: string | null; in_database: boolean }>();
  const edges = new Map<string, { source: string; target: string; paragraphs: string[] }>();
  for (const c of [...cites, ...citedBy]) {
    const source = c.fromSymbol ?? c.fromSlug;
    nodes.set(source, { id: source, title: c.fromTitle, in_database: true });
    if (!nodes.has(c.targetSymbol) || c.targetTitle)
      nodes.set(c.targetSymbol, { id: c.targetSymbol, title: c.targetTitle, in_database: c.targetSlug !== null });
    const key = `${source}→${c.targetSymbol}`;
    const edge = edges.get(key) ?? { source, target: c.targetSymbol, paragraphs: [] };
    edge.paragraphs.push(c.fromAnchor);
    edges.set(key, edge);
  }
  return {
    symbol,
    cites: cites.map(presentCitation),
    cited_by: citedBy.map(presentCitation),
    nodes: [...nodes.values()],
    edges: [...edges.values()],
  };
}

export const SearchQuery = PaginationQuery.extend(SearchFilterFields);

export const SearchHitSchema = z.object({
  document: z.object({
    slug: z.string(),
    symbol: z.string().nullable(),
    title: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    date: z.string().nullable(),
    language: z.string(),
  }),
  anchor: z.string(),
  label: z.string(),
  permalink: z.string(),
  rank: z.number(),
  in_document: z.number().int().openapi({ description: "Paragraphs of this document that match the query" }),
  snippet: z
    .array(z.object({ text: z.string(), match: z.boolean() }))
    .openapi({ description: "Plain-text segments; match marks highlighted words (no HTML)" }),
});

export const SearchResultSchema = z
  .object({
    data: z.array(SearchHitSchema),
    meta: z.object({
      total: z.number().int().openapi({ description: "Matching paragraphs" }),
      documents: z.number().int().openapi({ description: "Documents with a matching paragraph" }),
      pageable: z
        .number()
        .int()
        .openapi({ description: "Results the pages go through: total, or with group=document the paragraphs shown" }),
      page: z.number().int(),
      per_page: z.number().int(),
      query: z.string(),
      message: z.string().nullable(),
    }),
  })
  .openapi("SearchResult");

export function presentSearchHit(h: SearchHit): z.infer<typeof SearchHitSchema> {
  return {
    document: { slug: h.slug, symbol: h.symbol, title: h.title, type: h.type, date: h.date, language: h.language },
    anchor: h.anchor,
    label: h.label,
    permalink: paragraphPermalink(h.slug, h.anchor, h.language),
    rank: h.rank,
    in_document: h.inDocument,
    snippet: h.snippet,
  };
}
