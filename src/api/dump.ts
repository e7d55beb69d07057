// GET /api/v1/dump: the public bulk download (issue 18), the same file `normwatch export --public` writes (published
// data only: no accounts, secrets, subscribers, drafts or correction requests). Streamed from a file on disk that
// ingest/dump/dump-file.ts builds in the background after the data changes: no request waits for a build or holds the
// embedded database for one. While a newer file is built the previous one is served (its data version in a header);
// before the first file exists the answer is 503 with Retry-After.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { createRoute, z } from "@hono/zod-openapi";
import { getDataVersion } from "../db/data-version.js";
import type { AppDeps } from "../http/deps.js";
import { PROBLEM_CONTENT_TYPE } from "../http/errors.js";
import {
  createPublicDumpFiles,
  publicDumpWriter,
  type PublicDumpFile,
  type PublicDumpFiles,
} from "../ingest/dump/dump-file.js";
import { createApiRouter } from "./router.js";

/** Seconds a client is asked to wait before the first file exists. */
const RETRY_AFTER_S = 30;

/**
 * Without deps.publicDump (an app built without server.ts: tests, scripts): files in a folder of the system's temporary
 * directory, built on the first request's notice without debounce or polling.
 */
function defaultPublicDumpFiles(deps: AppDeps): PublicDumpFiles {
  return createPublicDumpFiles({
    dir: fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-dump-")),
    readVersion: () => getDataVersion(deps.db),
    write: publicDumpWriter(deps),
    now: deps.now,
    debounceMs: 0,
    onError: (error) => deps.logger.error(`public dump: ${error instanceof Error ? error.message : String(error)}`),
  });
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
  "subscribers or their addresses, drafts or correction requests. Rebuilt in the background when the data changes: " +
  "meanwhile the previous file is served (Normwatch-Dump-Data-Version below Normwatch-Data-Version), and before the " +
  "first file exists the answer is 503 with Retry-After. Ask with If-None-Match and the ETag of your copy to get 304 " +
  "while it is the file served.";

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
        "Normwatch-Dump-Data-Version": {
          description: "The data version the file was read at",
          schema: { type: "integer" },
        },
        "Normwatch-Data-Version": {
          description: "The current data version (greater while a newer file is being built)",
          schema: { type: "integer" },
        },
      },
      content: { "application/gzip": { schema: z.string().openapi({ format: "binary" }) } },
    },
    304: { description: "The copy named by If-None-Match is the file served" },
    503: {
      description: "No file built yet (a fresh install or a new server): ask again after Retry-After seconds",
      headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: z.object({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string() }),
        },
      },
    },
  },
});

/** Opens the file; undefined when it was removed meanwhile (a newer one replaced it). */
async function openFile(file: PublicDumpFile): Promise<fs.promises.FileHandle | undefined> {
  try {
    return await fs.promises.open(file.path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export function dumpApi(deps: AppDeps) {
  const app = createApiRouter();
  let files = deps.publicDump;
  app.openapi(route, async (c) => {
    files ??= defaultPublicDumpFiles(deps);
    const version = await getDataVersion(deps.db);
    // A change the background builder has not seen yet (the builder debounces and ignores versions it has).
    files.notice(version);
    let file = files.current();
    let handle = file && (await openFile(file));
    if (file && !handle) {
      // Replaced between current() and open (another process sharing the folder removed it): the newer file.
      await files.refresh().catch(() => undefined);
      file = files.current();
      handle = file && (await openFile(file));
    }
    if (!file || !handle)
      return c.body(
        JSON.stringify({
          type: "about:blank",
          title: "Service Unavailable",
          status: 503,
          detail: `The public dump is being built (data version ${files.buildingVersion() ?? version}); ask again in ${RETRY_AFTER_S} seconds.`,
        }),
        503,
        { "Content-Type": PROBLEM_CONTENT_TYPE, "Retry-After": String(RETRY_AFTER_S), "Cache-Control": "no-store" },
      );
    const headers = {
      ETag: file.etag,
      "Cache-Control": "public, no-cache",
      "Last-Modified": file.createdAt.toUTCString(),
      "Normwatch-Dump-Data-Version": String(file.version),
      "Normwatch-Data-Version": String(Math.max(version, file.version)),
    };
    if (etagMatches(c.req.header("if-none-match"), file.etag)) {
      await handle.close();
      return c.body(null, 304, headers);
    }
    const stream = handle.createReadStream();
    return c.body(Readable.toWeb(stream) as ReadableStream<Uint8Array<ArrayBuffer>>, 200, {
      ...headers,
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Content-Length": String(file.size),
    });
  });
  return app;
}
