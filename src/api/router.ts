// A Hono router with OpenAPI support whose request validation fails in our one JSON error shape, and route
// builders for the common read-only shapes (a list at "/", one record by id).
import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import { errorResponse, errorResponses, validationError } from "../http/errors.js";

export function createApiRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return errorResponse(c, validationError(result.error.issues));
      return undefined;
    },
  });
}

/** A read-only list endpoint at "/": query parameters in, one page of `schema` out (or a 400). */
export function listRoute<Q extends z.ZodObject, S extends z.ZodType>(spec: {
  tag: string;
  summary: string;
  description: string;
  query: Q;
  schema: S;
}) {
  return createRoute({
    method: "get",
    path: "/",
    tags: [spec.tag],
    summary: spec.summary,
    request: { query: spec.query },
    responses: {
      200: { description: spec.description, content: { "application/json": { schema: spec.schema } } },
      400: errorResponses[400],
    },
  });
}

/** A read-only endpoint for one record by a path parameter: the record, a 400 or a 404 (`notes`: the operation's description). */
export function itemRoute<P extends z.ZodObject, S extends z.ZodType, Path extends string>(spec: {
  tag: string;
  path: Path;
  summary: string;
  notes?: string;
  description: string;
  params: P;
  schema: S;
}) {
  return createRoute({
    method: "get",
    path: spec.path,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.notes ? { description: spec.notes } : {}),
    request: { params: spec.params },
    responses: {
      200: { description: spec.description, content: { "application/json": { schema: spec.schema } } },
      400: errorResponses[400],
      404: errorResponses[404],
    },
  });
}
