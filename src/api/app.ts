// The JSON API under /api/v1, its OpenAPI document at /api/openapi.json, and the error mapping.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "../http/deps.js";
import { errorResponse, mapError } from "../http/errors.js";
import { apiConventions } from "./conventions.js";
import { completeOpenApiDocument, type OpenApiDocument } from "./openapi-document.js";
import { API_RESOURCES } from "./routes.js";
import { createApiRouter } from "./router.js";

export const API_PREFIX = "/api/v1";
export const OPENAPI_PATH = "/api/openapi.json";

const DOCUMENT_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "Normwatch API",
    version: "1",
    description:
      "Open data on UN cyber diplomacy: States, processes, sessions, resolutions, votes, documents, norms and CBMs. Every record carries its sources.",
  },
};

export function createApiApp(deps: AppDeps): OpenAPIHono {
  const api = createApiRouter();
  // CORS and Link headers on reads, inside any answer cache so kept answers carry them (conventions.ts).
  api.use(
    `${API_PREFIX}/*`,
    apiConventions({ document: () => documentOf(api), dispatch: (r) => api.fetch(r) }).readHeaders,
  );
  for (const resource of API_RESOURCES) api.route(`${API_PREFIX}${resource.path}`, resource.create(deps));
  let document: OpenApiDocument | undefined;
  api.get(OPENAPI_PATH, (c) => {
    document ??= completeOpenApiDocument(
      api.getOpenAPI31Document(DOCUMENT_CONFIG) as unknown as OpenApiDocument,
      deps.editorial.siteUrl,
    );
    return c.json(document);
  });
  api.notFound((c) =>
    errorResponse(c, mapError(new HTTPException(404, { message: `no such endpoint: ${c.req.method} ${c.req.path}` }))),
  );
  api.onError((error, c) => errorResponse(c, mapError(error)));
  return api;
}

function documentOf(api: OpenAPIHono) {
  return api.getOpenAPI31Document(DOCUMENT_CONFIG) as never;
}

/**
 * The request checks of the API's conventions (405 with Allow, unknown query parameters, CORS preflight, Accept:
 * text/csv), to mount on the whole app before authentication and answer caching; `dispatch` answers a rewritten
 * request from the top.
 */
export function apiRequestChecks(
  api: OpenAPIHono,
  dispatch: (request: Request) => Response | Promise<Response>,
): MiddlewareHandler {
  return apiConventions({ document: () => documentOf(api), dispatch }).checks;
}

export type { OpenAPIHono };
