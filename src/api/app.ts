// The JSON API under /api/v1, its OpenAPI document at /api/openapi.json, and the error mapping.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "../http/deps.js";
import { errorResponse, mapError } from "../http/errors.js";
import { API_RESOURCES } from "./routes.js";
import { createApiRouter } from "./router.js";

export const API_PREFIX = "/api/v1";
export const OPENAPI_PATH = "/api/openapi.json";

export function createApiApp(deps: AppDeps): OpenAPIHono {
  const api = createApiRouter();
  for (const resource of API_RESOURCES) api.route(`${API_PREFIX}${resource.path}`, resource.create(deps));
  api.doc31(OPENAPI_PATH, {
    openapi: "3.1.0",
    info: {
      title: "Normwatch API",
      version: "1",
      description: "Open data on UN cyber diplomacy: States, processes, sessions, resolutions, votes, documents, norms and CBMs. Every record carries its sources.",
    },
  });
  api.notFound((c) => c.json({ error: { code: "not_found", message: `no such endpoint: ${c.req.method} ${c.req.path}` } }, 404));
  api.onError((error, c) => errorResponse(c, mapError(error)));
  return api;
}

export type { OpenAPIHono };
