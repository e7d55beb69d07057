// JSON API for documents (list, one document with numbered paragraphs, its citation graph) and paragraph search.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppDeps } from "../http/deps.js";
import { listCitationsFrom, listCitationsTo } from "../db/documents-references.js";
import { getDocumentDetail, listDocumentLanguages, listDocuments } from "../db/documents.js";
import { runSearch } from "../http/search-answer.js";
import { PARAGRAPHS_PER_DOCUMENT, resolveSearchState, searchFiltersOf } from "../http/search-query.js";
import { unknownStateError } from "../http/state-param.js";
import { InvalidInputError } from "../domain/errors.js";
import { ingestUpload, parseUploadFields } from "../ingest/documents/upload.js";
import { ErrorBodySchema } from "../http/errors.js";
import { requirePermission } from "../http/auth.js";
import {
  CitationGraphSchema,
  DocumentDetailSchema,
  DocumentLanguageQuery,
  DocumentListQuery,
  DocumentListSchema,
  presentCitationGraph,
  presentDocumentDetail,
  presentDocumentSummary,
  presentSearchHit,
  SearchQuery,
  SearchResultSchema,
  SlugParam,
} from "./documents.schemas.js";
import { errorResponses } from "../http/errors.js";
import { toListWindow } from "./list-params.js";
import { paginated, toPage } from "./pagination.js";
import { createApiRouter, itemRoute, listRoute } from "./router.js";

const list = listRoute({
  tag: "Documents",
  summary: "List documents (current versions), newest first",
  description: "A page of documents",
  query: DocumentListQuery,
  schema: DocumentListSchema,
});

const getRoute = createRoute({
  method: "get",
  path: "/{slug}",
  tags: ["Documents"],
  summary:
    "One document in one language: metadata, source and licence, versions, its other languages, and every numbered paragraph with its permalink and mentions",
  request: { params: SlugParam, query: DocumentLanguageQuery },
  responses: {
    200: { description: "The document", content: { "application/json": { schema: DocumentDetailSchema } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const citationsRoute = itemRoute({
  tag: "Documents",
  path: "/{slug}/citations",
  summary: "Citation graph of a document: what it cites and what cites it, paragraph by paragraph",
  description: "The citation graph",
  params: SlugParam,
  schema: CitationGraphSchema,
});

const UploadBody = z.object({
  file: z.any().openapi({
    type: "string",
    format: "binary",
    description: "the document: Akoma Ntoso XML, PDF, DOCX, HTML, text or Markdown",
  }),
  type: z.string().optional().openapi({ description: "document type when the file does not say" }),
  language: z.string().optional().openapi({ description: "ISO 639-1 language when the file does not say" }),
  source_url: z.string().optional().openapi({ description: "where the document was obtained" }),
  licence: z.string().openapi({ description: "licence or terms of the document" }),
  attribution: z.string().optional(),
  author: z
    .string()
    .optional()
    .openapi({ description: "author when the file does not say, e.g. a State's name or ISO3 code" }),
});
const IngestResultSchema = z
  .object({
    name: z.string(),
    status: z.enum(["inserted", "new-version", "skipped", "failed"]),
    reason: z.string().nullable(),
    slug: z.string().nullable(),
    version: z.number().int().nullable(),
    paragraphs: z.number().int().nullable(),
    bytes: z.number().int(),
  })
  .openapi("IngestResult");
const uploadRoute = createRoute({
  method: "post",
  path: "/",
  tags: ["Documents"],
  security: [{ bearerAuth: [] }, { cookieAuth: [] }],
  summary:
    "Upload one document (editors; token scope changes:write): stored, kept as a new version, or skipped when unchanged",
  request: { body: { content: { "multipart/form-data": { schema: UploadBody } }, required: true } },
  responses: {
    201: {
      description: "Stored (new document or new version)",
      content: { "application/json": { schema: IngestResultSchema } },
    },
    200: {
      description: "Skipped: the same file or text is already stored",
      content: { "application/json": { schema: IngestResultSchema } },
    },
    400: errorResponses[400],
    401: {
      description: "Not signed in and no API token",
      content: { "application/json": { schema: ErrorBodySchema } },
    },
    403: {
      description: "Missing role, scope or CSRF token",
      content: { "application/json": { schema: ErrorBodySchema } },
    },
    413: {
      description: "Larger than DOCUMENT_MAX_BYTES",
      content: { "application/json": { schema: ErrorBodySchema } },
    },
    422: {
      description: "The file could not be read as a document; nothing was stored",
      content: { "application/json": { schema: IngestResultSchema } },
    },
  },
});

const searchRoute = listRoute({
  tag: "Search",
  summary: "Ranked full-text search over every paragraph of every document, with filters and highlighted snippets",
  description: "A page of matching paragraphs; meta.message explains an empty answer",
  query: SearchQuery,
  schema: SearchResultSchema,
});

export function documentsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { items, total } = await listDocuments(
      deps.db,
      { type: q.type, gaSession: q.session, language: q.language },
      toListWindow(q),
    );
    return c.json(paginated(items.map(presentDocumentSummary), total, q), 200);
  });
  app.openapi(citationsRoute, async (c) => c.json(await citationGraph(deps, c.req.valid("param").slug), 200));
  app.openapi(getRoute, async (c) =>
    c.json(await documentInLanguage(deps, c.req.valid("param").slug, c.req.valid("query").language), 200),
  );
  app.openapi(uploadRoute, async (c) => {
    requirePermission(c, "edit");
    const body = await c.req.parseBody();
    const file = body["file"];
    if (!(file instanceof File) || file.size === 0)
      throw new InvalidInputError("send the document as the multipart field 'file'", [
        { path: "file", message: "missing or empty" },
      ]);
    const text = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    const fields = parseUploadFields({
      type: text("type"),
      language: text("language"),
      source_url: text("source_url"),
      licence: text("licence"),
      attribution: text("attribution"),
      author: text("author"),
    });
    const maxBytes = deps.editorial.documentMaxBytes;
    const r = await ingestUpload(deps.db, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      contentType: file.type || null,
      fields,
      maxBytes,
      now: deps.now,
    });
    const presented = {
      name: r.name,
      status: r.status,
      reason: r.reason ?? null,
      slug: r.slug ?? null,
      version: r.version ?? null,
      paragraphs: r.paragraphs ?? null,
      bytes: r.bytes,
    };
    if (r.status === "failed") return c.json(presented, 422);
    return c.json(presented, r.status === "skipped" ? 200 : 201);
  });
  // The unencoded form: /api/v1/documents/A/RES/77/37 and /api/v1/documents/A/RES/77/37/citations.
  app.get("/*", async (c: Context) => {
    const slug = slugFromPath(new URL(c.req.url).pathname);
    if (slug.endsWith("/citations")) return c.json(await citationGraph(deps, slug.slice(0, -"/citations".length)), 200);
    const language = DocumentLanguageQuery.safeParse({ language: c.req.query("language") });
    if (!language.success)
      throw new InvalidInputError(`invalid language: ${c.req.query("language")}`, [
        { path: "language", message: "an ISO 639-1 code such as fr" },
      ]);
    return c.json(await documentInLanguage(deps, slug, language.data.language), 200);
  });
  return app;
}

export function searchApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(searchRoute, async (c) => {
    const q = c.req.valid("query");
    const state = await resolveSearchState(deps.db, q.state);
    if (state.unknown) throw unknownStateError(state.unknown, "state");
    const answer = await runSearch(deps.db, q.q, searchFiltersOf({ ...q, state: state.iso3 }), {
      ...toPage(q),
      perDocument: q.group === "document" ? PARAGRAPHS_PER_DOCUMENT : undefined,
    });
    const meta = {
      total: answer.total,
      documents: answer.documents,
      pageable: answer.pageable,
      page: q.page,
      per_page: q.per_page,
      query: answer.query,
      message: answer.message,
    };
    return c.json({ data: answer.hits.map(presentSearchHit), meta }, 200);
  });
  return app;
}

async function documentInLanguage(deps: AppDeps, slug: string, language: string | undefined) {
  const doc = await getDocumentDetail(deps.db, slug, language);
  return presentDocumentDetail(doc, await listDocumentLanguages(deps.db, doc.slug));
}

async function citationGraph(deps: AppDeps, slug: string) {
  const doc = await getDocumentDetail(deps.db, slug);
  const [cites, citedBy] = await Promise.all([
    listCitationsFrom(deps.db, doc.id),
    doc.symbol ? listCitationsTo(deps.db, doc.symbol) : Promise.resolve([]),
  ]);
  return presentCitationGraph(doc.symbol, cites, citedBy);
}

function slugFromPath(pathname: string): string {
  const raw = pathname.replace(/^.*?\/documents\//, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new InvalidInputError(`not a valid document symbol: ${raw}`);
  }
}
