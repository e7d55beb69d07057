// Keeps rendered public pages and API answers in memory, keyed on the data version that every app server reads from
// the database (db/data-version.ts) and on the day, with an ETag and 304 on If-None-Match (issue 17). Only requests
// without a cookie or an Authorization header are served from it, and only answers without Set-Cookie are kept: a
// page for a signed-in editor, or one carrying a visitor's CSRF token, is never stored or shared.
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { Db } from "../db/client.js";
import { getDataVersion, listenForDataVersionChanges } from "../db/data-version.js";
import { chooseEncoding, compressBytes, isCompressible, varyOnEncoding, type ContentEncoding } from "./compression.js";
import { routeLabel } from "./request-log.js";

/** Paths that are never cached: forms with per-visitor tokens, accounts, the editor's desk and operations endpoints. */
const UNCACHED_PREFIXES = [
  "/editor",
  "/account",
  "/login",
  "/logout",
  "/subscribe",
  "/unsubscribe",
  "/follow",
  "/preferences",
  "/healthz",
  "/readyz",
  "/metrics",
  "/static",
  "/assets",
];
/** Answers larger than this are rendered each time rather than kept (large CSV exports). */
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  key: string;
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  etag: string;
  encoded: Partial<Record<ContentEncoding, Uint8Array>>;
  bytes: number;
  /** The pattern of the route that rendered it, so metrics and logs of a hit name that route, not the cache's. */
  route: string;
}

export interface PageCacheOptions {
  db: Db;
  now: () => Date;
  /** Memory the kept answers may take, all encodings included. */
  maxBytes?: number;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export function isCacheableRequest(c: Context): boolean {
  if (c.req.method !== "GET") return false;
  if (c.req.header("cookie") || c.req.header("authorization")) return false;
  const path = c.req.path;
  return !UNCACHED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function isCacheableResponse(res: Response): boolean {
  if (res.status !== 200 || !res.body) return false;
  if (res.headers.has("Set-Cookie") || res.headers.has("Content-Encoding")) return false;
  if (/(?:^|,)\s*(?:no-store|private)\s*(?:,|$)/i.test(res.headers.get("Cache-Control") ?? "")) return false;
  return isCompressible(new Headers({ "Content-Type": res.headers.get("Content-Type") ?? "" }));
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/**
 * Reads the data version for many concurrent requests with few queries, never with a stale answer: a request joins
 * the next query that has not started yet (so it starts after the request arrived and sees every write committed
 * before), and at most one query runs at a time. Under load each query answers all the requests that came in
 * while the previous one ran.
 */
export function coalescedVersionReader(read: () => Promise<number>): () => Promise<number> {
  let running: Promise<unknown> = Promise.resolve();
  let next: Promise<number> | null = null;
  return () => {
    if (!next) {
      const query = running.then(() => {
        // From here on, later arrivals queue for the query after this one.
        next = null;
        return read();
      });
      next = query;
      running = query.catch(() => undefined);
    }
    return next;
  };
}

export function pageCache(options: PageCacheOptions): MiddlewareHandler & { stats(): PageCacheStats } {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const entries = new Map<string, Entry>();
  let totalBytes = 0;
  let currentVersion: number | undefined;
  let hits = 0;
  let misses = 0;
  const readFromDatabase = coalescedVersionReader(() => getDataVersion(options.db));
  // Where the database tells us of every committed write (embedded PGlite), the version read last holds until then.
  let isWatched = false;
  let known: number | null = null;
  let generation = 0;
  listenForDataVersionChanges(options.db, () => {
    generation++;
    known = null;
  }).then(
    (watching) => {
      isWatched = watching;
    },
    () => undefined,
  );
  const readVersion = async (): Promise<number> => {
    if (isWatched && known !== null) return known;
    const seen = generation;
    const version = await readFromDatabase();
    // A write committed while reading: the next request reads again.
    if (isWatched && seen === generation) known = version;
    return version;
  };

  const remember = (entry: Entry) => {
    const old = entries.get(entry.key);
    if (old) totalBytes -= old.bytes;
    entries.set(entry.key, entry);
    totalBytes += entry.bytes;
    for (const [key, oldest] of entries) {
      if (totalBytes <= maxBytes) break;
      entries.delete(key);
      totalBytes -= oldest.bytes;
    }
  };

  const answer = (c: Context, entry: Entry): Response => {
    const headers = new Headers(entry.headers);
    headers.set("ETag", entry.etag);
    if (!headers.has("Cache-Control")) headers.set("Cache-Control", "public, no-cache");
    varyOnEncoding(headers);
    if (etagMatches(c.req.header("if-none-match"), entry.etag)) {
      for (const name of ["Content-Type", "Content-Length"]) headers.delete(name);
      return new Response(null, { status: 304, headers });
    }
    const encoding = chooseEncoding(c.req.header("accept-encoding"));
    let body = entry.body;
    if (encoding && entry.body.byteLength >= 1024) {
      let encoded = entry.encoded[encoding];
      if (!encoded) {
        encoded = compressBytes(entry.body, encoding);
        entry.encoded[encoding] = encoded;
        entry.bytes += encoded.byteLength;
        totalBytes += encoded.byteLength;
      }
      body = encoded;
      headers.set("Content-Encoding", encoding);
    }
    headers.set("Content-Length", String(body.byteLength));
    return new Response(body as Uint8Array<ArrayBuffer>, { status: entry.status, headers });
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    if (!isCacheableRequest(c)) return next();
    const version = await readVersion();
    if (version !== currentVersion) {
      // Every kept answer was rendered from older data.
      entries.clear();
      totalBytes = 0;
      currentVersion = version;
    }
    const proto = c.req.header("x-forwarded-proto") ?? "";
    const key = `${options.now().toISOString().slice(0, 10)} ${proto} ${c.req.url}`;
    const found = entries.get(key);
    if (found) {
      hits++;
      entries.delete(key);
      entries.set(key, found);
      c.set("answeredRoute", found.route);
      c.res = answer(c, found);
      return;
    }
    misses++;
    await next();
    const res = c.res;
    if (!isCacheableResponse(res)) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = [...res.headers.entries()].filter(([name]) => name !== "content-length" && name !== "etag");
    const entry: Entry = {
      key,
      status: res.status,
      headers,
      body,
      // Weak: the same for every encoding of the page. From the bytes alone, so a write elsewhere leaves it valid.
      etag: `W/"${createHash("sha1").update(body).digest("base64url")}"`,
      encoded: {},
      bytes: body.byteLength,
      route: routeLabel(c),
    };
    // Kept only while the data version it was rendered at is still current.
    if (body.byteLength <= MAX_ENTRY_BYTES && currentVersion === version) remember(entry);
    c.res = undefined;
    c.res = answer(c, entry);
  };
  return Object.assign(middleware, {
    stats: (): PageCacheStats => ({ hits, misses, entries: entries.size, bytes: totalBytes }),
  });
}
