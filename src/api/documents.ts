// JSON API for documents (list, one document with numbered paragraphs, its citation graph) and paragraph search.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppDeps } from "../db/context.js";
import { listCitationsFrom, listCitationsTo } from "../db/documents-references.js";
import { getDocumentDetail, listDocuments } from "../db/documents.js";
import { runSearch } from "../db/search-answer.js";
import { InvalidInputError } from "../domain/errors.js";
import {
  CitationGraphSchema,
  DocumentDetailSchema,
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
import { errorResponses } from "./errors.js";
import { paginated, toPage } from "./pagination.js";
import { createApiRouter } from "./router.js";

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Documents"],
  summary: "List documents (current versions), newest first",
  request: { query: DocumentListQuery },
  responses: { 200: { description: "A page of documents", content: { "application/json": { schema: DocumentListSchema } } }, 400: errorResponses[400] },
});

const getRoute = createRoute({
  method: "get",
  path: "/{slug}",
  tags: ["Documents"],
  summary: "One document: metadata, source and licence, versions, and every numbered paragraph with its permalink and mentions",
  request: { params: SlugParam },
  responses: { 200: { description: "The document", content: { "application/json": { schema: DocumentDetailSchema } } }, 400: errorResponses[400], 404: errorResponses[404] },
});

const citationsRoute = createRoute({
  method: "get",
  path: "/{slug}/citations",
  tags: ["Documents"],
  summary: "Citation graph of a document: what it cites and what cites it, paragraph by paragraph",
  request: { params: SlugParam },
  responses: { 200: { description: "The citation graph", content: { "application/json": { schema: CitationGraphSchema } } }, 400: errorResponses[400], 404: errorResponses[404] },
});

const searchRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Search"],
  summary: "Ranked full-text search over every paragraph of every document, with filters and highlighted snippets",
  request: { query: SearchQuery },
  responses: { 200: { description: "A page of matching paragraphs; meta.message explains an empty answer", content: { "application/json": { schema: SearchResultSchema } } }, 400: errorResponses[400] },
});

export function documentsApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    const { items, total } = await listDocuments(deps.db, { type: q.type, gaSession: q.session, language: q.language }, toPage(q));
    return c.json(paginated(items.map(presentDocumentSummary), total, q), 200);
  });
  app.openapi(citationsRoute, async (c) => c.json(await citationGraph(deps, c.req.valid("param").slug), 200));
  app.openapi(getRoute, async (c) => c.json(presentDocumentDetail(await getDocumentDetail(deps.db, c.req.valid("param").slug)), 200));
  // The unencoded form: /api/v1/documents/A/RES/77/37 and /api/v1/documents/A/RES/77/37/citations.
  app.get("/*", async (c: Context) => {
    const slug = slugFromPath(new URL(c.req.url).pathname);
    if (slug.endsWith("/citations")) return c.json(await citationGraph(deps, slug.slice(0, -"/citations".length)), 200);
    return c.json(presentDocumentDetail(await getDocumentDetail(deps.db, slug)), 200);
  });
  return app;
}

export function searchApi(deps: AppDeps) {
  const app = createApiRouter();
  app.openapi(searchRoute, async (c) => {
    const q = c.req.valid("query");
    const answer = await runSearch(
      deps.db,
      q.q,
      { type: q.type, processId: q.process, gaSession: q.session, dateFrom: q.from, dateTo: q.to, language: q.language, state: q.state, norm: q.norm, normTopics: q.norm_topics === "true" },
      toPage(q),
    );
    return c.json({ data: answer.hits.map(presentSearchHit), meta: { total: answer.total, page: q.page, per_page: q.per_page, query: answer.query, message: answer.message } }, 200);
  });
  return app;
}

async function citationGraph(deps: AppDeps, slug: string) {
  const doc = await getDocumentDetail(deps.db, slug);
  const [cites, citedBy] = await Promise.all([listCitationsFrom(deps.db, doc.id), doc.symbol ? listCitationsTo(deps.db, doc.symbol) : Promise.resolve([])]);
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
