// A Hono router with OpenAPI support whose request validation fails in our one JSON error shape.
import { OpenAPIHono } from "@hono/zod-openapi";
import { errorResponse, validationError } from "./errors.js";

export function createApiRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return errorResponse(c, validationError(result.error.issues));
      return undefined;
    },
  });
}
