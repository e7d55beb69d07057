// Rate limits on the API's expensive reads (issue 18): the alignment matrix costs 0.2–0.6 s of CPU per computation.
// Counted per client network in PostgreSQL (db/rate-limits.ts), so the limit holds across every app server, with
// the RateLimit-Limit / RateLimit-Remaining / RateLimit-Reset headers (IETF draft) on every answer and a 429 with
// Retry-After past it. Mounted before the answer cache, so cached answers count too and carry the asker's headers.
import type { MiddlewareHandler } from "hono";
import { hitRateLimit } from "../db/rate-limits.js";
import { clientKey } from "../http/auth.js";
import type { AppDeps } from "../http/deps.js";
import { errorResponse } from "../http/errors.js";

export interface ExpensiveEndpoint {
  path: RegExp;
  /** Requests per window per client network. */
  limit: number;
  windowSeconds: number;
}

export const EXPENSIVE_ENDPOINTS: readonly ExpensiveEndpoint[] = [
  { path: /^\/api\/v1\/alignment\/matrix\/?$/, limit: 60, windowSeconds: 60 },
];

export function expensiveEndpointLimits(
  deps: AppDeps,
  endpoints: readonly ExpensiveEndpoint[] = EXPENSIVE_ENDPOINTS,
): MiddlewareHandler {
  return async (c, next) => {
    const endpoint = endpoints.find((e) => e.path.test(c.req.path));
    if (!endpoint || (c.req.method !== "GET" && c.req.method !== "HEAD")) return next();
    const key = `api:${endpoint.path.source}:${clientKey(c, deps)}`;
    const { allowed, count } = await hitRateLimit(deps.db, {
      key,
      limit: endpoint.limit,
      windowSeconds: endpoint.windowSeconds,
      now: deps.now(),
    });
    const headers: Record<string, string> = {
      "RateLimit-Limit": String(endpoint.limit),
      "RateLimit-Remaining": String(Math.max(0, endpoint.limit - count)),
      // At most this many seconds until a request counted now leaves the sliding window.
      "RateLimit-Reset": String(endpoint.windowSeconds),
    };
    if (!allowed) {
      const message = `at most ${endpoint.limit} requests per ${endpoint.windowSeconds} s to ${c.req.path} from one network; try again later`;
      return errorResponse(
        c,
        { status: 429, body: { error: { code: "too_many_requests", message } } },
        { ...headers, "Retry-After": String(endpoint.windowSeconds), "Access-Control-Allow-Origin": "*" },
      );
    }
    await next();
    const out = new Response(c.res.body, c.res);
    for (const [name, value] of Object.entries(headers)) out.headers.set(name, value);
    c.res = undefined;
    c.res = out;
    return undefined;
  };
}
