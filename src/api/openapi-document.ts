// Completes the OpenAPI document generated from the routes (issue 18): the security schemes the operations name, the
// server, and on every operation an operationId, tags, a description and the 4xx answers every API request can get
// (an unknown query parameter is a 400 and another method on the path a 405, api/conventions.ts; past a rate limit, a
// 429, api/rate-limit.ts). Filled in once here, so a route added later is covered.
import { SESSION_COOKIE } from "../http/auth.js";
import { PROBLEM_CONTENT_TYPE } from "../http/errors.js";
import { EXPENSIVE_ENDPOINTS, type ExpensiveEndpoint } from "./rate-limit.js";

interface Operation {
  parameters?: { name: string; in: string }[];
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  responses?: Record<string, unknown>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown> | undefined>;
  components?: {
    schemas?: Record<string, unknown>;
    securitySchemes?: Record<string, unknown>;
    responses?: Record<string, unknown>;
  };
  servers?: { url: string; description?: string }[];
  [key: string]: unknown;
}

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

export const SECURITY_SCHEMES = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description:
      "An API token (created on the account page), sent as Authorization: Bearer <token>; it acts only within its scopes",
  },
  cookieAuth: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "A signed-in session on the site (writes also need the CSRF token)",
  },
} as const;

/** An operationId from the method and path: GET /api/v1/states/{iso3} → getStatesByIso3. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\/?/, "")
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return (param ? `By-${param[1]!}` : segment)
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join("");
    });
  return `${method.toLowerCase()}${words.join("")}`;
}

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Error" } } },
});

const NO_SINCE = "No since parameter: these records keep no time of their last change.";

const header = (description: string, type: "string" | "integer") => ({ description, schema: { type } });

/** Answers every operation can get, declared once and referenced (`#/components/responses/…`). */
export const SHARED_RESPONSES = {
  MethodNotAllowed: {
    ...problem(
      "Another method than the path's own (e.g. DELETE on a read-only list): 405, whatever the credentials, before any other check",
    ),
    headers: { Allow: header("The methods this path takes, e.g. GET, HEAD, OPTIONS", "string") },
  },
  TooManyRequests: {
    ...problem("Past the endpoint's rate limit for this client network: wait Retry-After seconds"),
    headers: {
      "Retry-After": header("Seconds to wait before asking again", "integer"),
      "RateLimit-Limit": header("Requests allowed per window", "integer"),
      "RateLimit-Remaining": header("Requests left in the window (0 here)", "integer"),
      "RateLimit-Reset": header("Seconds until a request counted now leaves the window", "integer"),
    },
  },
} as const;

const ref = (name: keyof typeof SHARED_RESPONSES) => ({ $ref: `#/components/responses/${name}` });

/** Whether a rate limit applies to the documented path (its parameters replaced by a sample segment). */
function isRateLimited(path: string, limits: readonly ExpensiveEndpoint[]): boolean {
  const sample = path.replace(/\{[^}]+\}/g, "x");
  return limits.some((limit) => limit.path.test(sample));
}

export function completeOpenApiDocument<D extends OpenApiDocument>(
  doc: D,
  siteUrl: string,
  rateLimits: readonly ExpensiveEndpoint[] = EXPENSIVE_ENDPOINTS,
): D {
  doc.servers = [{ url: siteUrl, description: "this instance" }];
  doc.components = {
    ...doc.components,
    securitySchemes: { ...doc.components?.securitySchemes, ...SECURITY_SCHEMES },
    responses: { ...doc.components?.responses, ...SHARED_RESPONSES },
  };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!item) continue;
    const tag = /^\/api\/v1\/([^/]+)/.exec(path)?.[1] ?? "API";
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      op.operationId ??= operationIdOf(method, path);
      if (!op.tags?.length) op.tags = [tag[0]!.toUpperCase() + tag.slice(1)];
      op.description ??= op.summary ?? `${method.toUpperCase()} ${path}`;
      // A list whose records keep no change time says so, rather than take a since it could not honour.
      const query = new Set((op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name));
      if (method === "get" && query.has("page") && query.has("per_page") && !query.has("since"))
        op.description += ` ${NO_SINCE}`;
      op.responses ??= {};
      // Every operation checks its query parameters; a wrong method on its path is a 405 (conventions.ts).
      op.responses["400"] ??= problem("Invalid or unknown parameters (the answer names the allowed ones)");
      op.responses["405"] ??= ref("MethodNotAllowed");
      // The limit counts reads (GET and HEAD) only.
      if (method === "get" && isRateLimited(path, rateLimits)) op.responses["429"] ??= ref("TooManyRequests");
      // Public reads need no credentials: the empty requirement says so.
      op.security ??= [{}];
      if (op.security.some((r) => Object.keys(r).length > 0)) {
        op.responses["401"] ??= problem("Not signed in and no API token");
        op.responses["403"] ??= problem("Missing role, scope or CSRF token");
      }
    }
  }
  return doc;
}
