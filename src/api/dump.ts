// GET /api/v1/dump: the public bulk download (issue 18), the same file `normwatch export --public` writes (published
// data only: no accounts, secrets, subscribers, drafts or correction requests). Built at most once per data version
// and kept in memory: reading every public table takes seconds and, on embedded PGlite, holds the database meanwhile,
// so requests never rebuild it; concurrent first requests share one build.
import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { createRoute, z } from "@hono/zod-openapi";
import { getDataVersion } from "../db/data-version.js";
import type { AppDeps } from "../http/deps.js";
import { exportDumpTo } from "../ingest/dump/export-dump.js";
import { createApiRouter } from "./router.js";

export interface PublicDumpFile {
  /** The data version it was read at. */
  version: number;
  bytes: Uint8Array;
  /** Strong: from the bytes. */
  etag: string;
  filename: string;
  createdAt: Date;
  rows: number;
}

/** Builds the gzipped public dump into memory through the export's own code path. */
async function buildPublicDump(deps: Pick<AppDeps, "db" | "now">, version: number): Promise<PublicDumpFile> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const createdAt = deps.now();
  const summary = await exportDumpTo({ db: deps.db }, sink, true, { isPublic: true, now: () => createdAt });
  const bytes = Buffer.concat(chunks);
  return {
    version,
    bytes,
    etag: `"${createHash("sha256").update(bytes).digest("base64url")}"`,
    filename: `normwatch-public-${createdAt.toISOString().slice(0, 10)}-v${version}.ndjson.gz`,
    createdAt,
    rows: summary.rows,
  };
}

/**
 * The current public dump: kept while the data version holds, built once when it changed (a write committed during a
 * build makes the next request build again, never serve the older file as current).
 */
export function publicDumpKeeper(deps: Pick<AppDeps, "db" | "now">): { current(): Promise<PublicDumpFile> } {
  let kept: PublicDumpFile | undefined;
  let building: { version: number; file: Promise<PublicDumpFile> } | undefined;
  return {
    async current() {
      const version = await getDataVersion(deps.db);
      if (kept?.version === version) return kept;
      if (building?.version === version) return building.file;
      const file = buildPublicDump(deps, version).then((built) => {
        if (!kept || kept.version <= built.version) kept = built;
        return built;
      });
      const entry = { version, file };
      building = entry;
      // Whatever the outcome, a later request may build again (after a failure, or for a newer version).
      file.then(
        () => (building === entry ? (building = undefined) : undefined),
        () => (building === entry ? (building = undefined) : undefined),
      );
      return file;
    },
  };
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

const DESCRIPTION =
  "Every public table in one gzipped NDJSON file, the format `normwatch export --public` writes and `normwatch import` " +
  "reads: a header line (format, version, tables with their columns and row counts), one line per row " +
  '(`{"t":table,"r":row}`), and an end line. Published data only: no accounts, password or token hashes, secrets, ' +
  "subscribers or their addresses, drafts or correction requests. Rebuilt when the data changes; ask with " +
  "If-None-Match and the ETag of your copy to get 304 while it is current.";

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Dump"],
  summary: "Download all public data at once (gzipped NDJSON)",
  description: DESCRIPTION,
  request: {
    headers: z.object({
      "if-none-match": z.string().optional().openapi({ description: "the ETag of a copy you hold" }),
    }),
  },
  responses: {
    200: {
      description: "The public dump, saved as normwatch-public-<date>-v<data version>.ndjson.gz",
      headers: {
        ETag: { description: "Changes when the data does", schema: { type: "string" } },
        "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } },
      },
      content: { "application/gzip": { schema: z.string().openapi({ format: "binary" }) } },
    },
    304: { description: "The copy named by If-None-Match is current" },
  },
});

export function dumpApi(deps: AppDeps) {
  const app = createApiRouter();
  const keeper = publicDumpKeeper(deps);
  app.openapi(route, async (c) => {
    const file = await keeper.current();
    const headers = {
      ETag: file.etag,
      "Cache-Control": "public, no-cache",
      "Last-Modified": file.createdAt.toUTCString(),
    };
    if (etagMatches(c.req.header("if-none-match"), file.etag)) return c.body(null, 304, headers);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Content-Length": String(file.bytes.byteLength),
    });
  });
  return app;
}
