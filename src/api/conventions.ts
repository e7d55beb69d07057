// HTTP conventions of the JSON API, applied once from its own OpenAPI document rather than in each route (issue 18):
// CORS for public reads (and their preflight; never for writes), 405 with Allow for a wrong method on a known path,
// 400 naming the allowed query parameters for an unknown one, `Accept: text/csv` where an operation documents
// ?format=csv, and RFC 8288 `Link` headers (first, prev, next, last) beside a list's `meta`.
import type { MiddlewareHandler } from "hono";
import { errorResponse } from "../http/errors.js";

/** The parts of an OpenAPI 3.1 document this reads. */
export interface OpenApiDocumentLike {
  paths?: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; schema?: unknown }[] } | undefined> | undefined
  >;
}

interface PathEntry {
  pattern: RegExp;
  /** Upper-case methods of the path, and the query parameters each declares. */
  operations: Map<string, { query: Set<string>; csv: boolean }>;
}

const HTTP_METHODS = ["get", "put", "post", "delete", "patch"] as const;
/** Headers a cross-origin reader may send and read. */
const CORS_REQUEST_HEADERS = "Accept, Authorization, If-None-Match, If-Modified-Since";
const CORS_EXPOSED_HEADERS =
  "Link, ETag, Content-Disposition, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After";

/** One regular expression per documented path ({name} stands for one or more segments: symbols hold slashes). */
export function indexOperations(doc: OpenApiDocumentLike): PathEntry[] {
  const entries: PathEntry[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!item) continue;
    const source = path
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith("{") ? ".+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("");
    const operations = new Map<string, { query: Set<string>; csv: boolean }>();
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const query = (op.parameters ?? []).filter((p) => p.in === "query");
      const format = query.find((p) => p.name === "format");
      operations.set(method.toUpperCase(), {
        query: new Set(query.map((p) => p.name)),
        csv: !!format && JSON.stringify(format.schema ?? {}).includes('"csv"'),
      });
    }
    entries.push({ pattern: new RegExp(`^${source}/?$`), operations });
  }
  return entries;
}

/** Whether the Accept header prefers CSV to JSON (q-values honoured; a wildcard counts for neither). */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  let csv = 0;
  let json = 0;
  for (const range of accept.split(",")) {
    const [type = "", ...params] = range.split(";").map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (type === "text/csv") csv = Math.max(csv, q);
    if (type === "application/json" || type === "application/problem+json") json = Math.max(json, q);
  }
  return csv > 0 && csv > json;
}

export interface ApiConventionsOptions {
  /** The API's OpenAPI document (read once, on the first request). */
  document: () => OpenApiDocumentLike | Promise<OpenApiDocumentLike>;
  /** Answers a request again from the top (used to turn `Accept: text/csv` into ?format=csv). */
  dispatch: (request: Request) => Response | Promise<Response>;
}

interface Matched {
  operations: Map<string, Set<string>>;
  csv: boolean;
  allow: string[];
}

function matchPath(entries: PathEntry[], path: string): Matched | undefined {
  const matches = entries.filter((e) => e.pattern.test(path));
  if (matches.length === 0) return undefined;
  const operations = new Map<string, Set<string>>();
  let csv = false;
  for (const entry of matches) {
    for (const [method, op] of entry.operations) {
      const query = operations.get(method) ?? new Set<string>();
      for (const name of op.query) query.add(name);
      operations.set(method, query);
      if (method === "GET" && op.csv) csv = true;
    }
  }
  const allow = [...operations.keys()];
  if (allow.includes("GET")) allow.splice(allow.indexOf("GET") + 1, 0, "HEAD");
  allow.push("OPTIONS");
  return { operations, csv, allow };
}

const CORS_READ_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": CORS_EXPOSED_HEADERS,
};

/**
 * Two middlewares sharing one index of the document: `checks` goes before authentication (a wrong method is a 405
 * whoever asks, a preflight needs no credentials) and before any answer cache (so CSV negotiation reaches the cache
 * as ?format=csv); `readHeaders` goes inside the API app, so cached answers keep their CORS and Link headers.
 */
export function apiConventions(options: ApiConventionsOptions): {
  checks: MiddlewareHandler;
  readHeaders: MiddlewareHandler;
} {
  let index: Promise<PathEntry[]> | undefined;
  const match = async (path: string) => {
    index ??= Promise.resolve(options.document()).then(indexOperations);
    return matchPath(await index, path);
  };

  const checks: MiddlewareHandler = async (c, next) => {
    const matched = await match(c.req.path);
    if (!matched) return next();
    const { operations, allow } = matched;
    const method = c.req.method.toUpperCase();
    if (method === "OPTIONS") {
      const requested = c.req.header("access-control-request-method")?.toUpperCase();
      // A preflight for a read of a public path is allowed from any origin; one for a write gets no CORS headers,
      // so the browser refuses it (writes are for the site itself and API tokens, never another page's cookies).
      if (requested && (requested === "GET" || requested === "HEAD") && operations.has("GET")) {
        return c.body(null, 204, {
          Allow: allow.join(", "),
          "Access-Control-Allow-Origin": "*",
          "Access-Control-Allow-Methods": "GET, HEAD",
          "Access-Control-Allow-Headers": CORS_REQUEST_HEADERS,
          "Access-Control-Max-Age": "86400",
        });
      }
      return c.body(null, 204, { Allow: allow.join(", ") });
    }
    const lookup = method === "HEAD" ? "GET" : method;
    const declared = operations.get(lookup);
    if (!declared) {
      const message = `${method} is not allowed on ${c.req.path}; allowed: ${allow.join(", ")}`;
      return errorResponse(
        c,
        { status: 405, body: { error: { code: "method_not_allowed", message } } },
        { Allow: allow.join(", ") },
      );
    }
    const url = new URL(c.req.url);
    const unknown = [...new Set(url.searchParams.keys())].filter((name) => !declared.has(name));
    if (unknown.length > 0) {
      const allowed = [...declared].sort();
      const message = `unknown query parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `'${n}'`).join(", ")}; ${allowed.length ? `allowed: ${allowed.join(", ")}` : "this endpoint takes none"}`;
      const details = unknown.map((name) => ({ path: name, message: `not a parameter of ${lookup} ${c.req.path}` }));
      return errorResponse(
        c,
        { status: 400, body: { error: { code: "invalid_input", message, details } } },
        lookup === "GET" ? CORS_READ_HEADERS : {},
      );
    }
    if (lookup === "GET" && matched.csv && !url.searchParams.has("format") && prefersCsv(c.req.header("accept"))) {
      url.searchParams.set("format", "csv");
      const res = await options.dispatch(new Request(url, c.req.raw));
      const out = new Response(res.body, res);
      out.headers.append("Vary", "Accept");
      return out;
    }
    return next();
  };

  const readHeaders: MiddlewareHandler = async (c, next) => {
    await next();
    const method = c.req.method.toUpperCase();
    if (method !== "GET" && method !== "HEAD") return;
    const matched = await match(c.req.path);
    const declared = matched?.operations.get("GET");
    const res = c.res;
    const listed =
      declared?.has("page") &&
      declared.has("per_page") &&
      res.status === 200 &&
      (res.headers.get("content-type") ?? "").includes("json");
    const meta = listed ? await readMeta(res.clone()) : undefined;
    const out = new Response(res.body, res);
    for (const [name, value] of Object.entries(CORS_READ_HEADERS)) out.headers.set(name, value);
    if (matched?.csv) out.headers.append("Vary", "Accept");
    if (meta) out.headers.set("Link", paginationLinks(new URL(c.req.url), meta));
    c.res = undefined;
    c.res = out;
  };
  return { checks, readHeaders };
}

async function readMeta(res: Response): Promise<{ total: number; page: number; per_page: number } | undefined> {
  try {
    const body = (await res.json()) as { meta?: { total?: unknown; page?: unknown; per_page?: unknown } };
    const m = body.meta;
    if (m && typeof m.total === "number" && typeof m.page === "number" && typeof m.per_page === "number")
      return { total: m.total, page: m.page, per_page: m.per_page };
  } catch {
    // not a list envelope
  }
  return undefined;
}

/** RFC 8288 links to the first, previous, next and last pages, on the request's own address (path and query). */
export function paginationLinks(url: URL, meta: { total: number; page: number; per_page: number }): string {
  const last = Math.max(1, Math.ceil(meta.total / meta.per_page));
  const link = (page: number, rel: string) => {
    const target = new URL(url);
    target.searchParams.set("page", String(page));
    target.searchParams.set("per_page", String(meta.per_page));
    return `<${target.pathname}${target.search}>; rel="${rel}"`;
  };
  const links = [link(1, "first")];
  if (meta.page > 1) links.push(link(Math.min(meta.page - 1, last), "prev"));
  if (meta.page < last) links.push(link(meta.page + 1, "next"));
  links.push(link(last, "last"));
  return links.join(", ");
}
