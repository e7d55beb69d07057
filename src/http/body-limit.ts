// Caps every request body before anything reads it (the CSRF check parses forms): uploads may be as large as
// DOCUMENT_MAX_BYTES plus multipart overhead, everything else far smaller.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "./deps.js";

/** Forms and JSON bodies: a long Markdown update or a change with many fields fits easily. */
export const REQUEST_MAX_BYTES = 1024 * 1024;
/** Requests that carry a document file. */
export const UPLOAD_PATHS: readonly string[] = ["/editor/documents/upload", "/api/v1/documents"];
const MULTIPART_OVERHEAD = 64 * 1024;

export function requestBodyLimit(deps: AppDeps): MiddlewareHandler {
  const refuse = (maxSize: number) => () => {
    throw new HTTPException(413, { message: `the request body is larger than ${maxSize} bytes` });
  };
  const small = bodyLimit({ maxSize: REQUEST_MAX_BYTES, onError: refuse(REQUEST_MAX_BYTES) });
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (UPLOAD_PATHS.includes(c.req.path)) {
      const maxSize = deps.editorial.documentMaxBytes + MULTIPART_OVERHEAD;
      return bodyLimit({ maxSize, onError: refuse(maxSize) })(c, next);
    }
    return small(c, next);
  };
}
