// Request ids and the request log: every request gets an id (a well-formed incoming X-Request-Id is kept, so a
// proxy's id follows the request through), echoed in the response and written in every log line about it.
import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { Logger } from "../logger.js";

declare module "hono" {
  interface ContextVariableMap {
    /** Set first thing on every request by requestContext. */
    requestId: string;
    /** The route pattern of an answer given by a middleware for a route (a kept page: http/page-cache.ts). */
    answeredRoute: string | undefined;
  }
}

export const REQUEST_ID_HEADER = "X-Request-Id";

/** Letters, digits and a few separators, as UUIDs, ULIDs and proxies' ids use: nothing that could forge a log line. */
const INCOMING_ID = /^[A-Za-z0-9._:+=/-]{1,128}$/;

/**
 * The route pattern that answered (`/api/v1/states/:iso3`), or "unmatched" for a 404 no route claimed. A middleware
 * that answers for a route without calling it (the page cache) names the route with `answeredRoute`; otherwise the
 * label would be the middleware's own pattern (`/*`).
 */
export function routeLabel(c: Context): string {
  const answered = c.get("answeredRoute");
  if (answered) return answered;
  const route = matchedRoutes(c)[c.req.routeIndex];
  if (!route || (c.res.status === 404 && route.path.endsWith("*"))) return "unmatched";
  return route.path;
}

export type RequestObserver = (request: { method: string; route: string; status: number; seconds: number }) => void;

/**
 * Mount first: sets the request id, echoes it, logs one line per request (debug for health checks and
 * metrics scrapes, which come every few seconds) and hands method, route, status and duration to `observe`.
 */
export function requestContext(options: {
  logger?: Logger | undefined;
  observe?: RequestObserver | undefined;
}): MiddlewareHandler {
  const { logger, observe } = options;
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    c.set("requestId", requestId);
    await next();
    c.header(REQUEST_ID_HEADER, requestId);
    const seconds = (performance.now() - started) / 1000;
    const route = routeLabel(c);
    const status = c.res.status;
    observe?.({ method: c.req.method, route, status, seconds });
    if (!logger) return;
    const fields = {
      requestId,
      method: c.req.method,
      path: c.req.path,
      route,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
    };
    const line = `${c.req.method} ${c.req.path} ${status} ${fields.durationMs.toFixed(1)}ms`;
    if (PROBES.has(route)) logger.debug(line, fields);
    else logger.info(line, fields);
  };
}

const PROBES = new Set(["/healthz", "/readyz", "/metrics"]);
