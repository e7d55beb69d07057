// The public bulk download (issue 18): GET /api/v1/dump is the `export --public` file, gzipped NDJSON that parses,
// holds the public tables and nothing of accounts, subscribers, sessions, tokens or their addresses. It is streamed
// from a file built in the background: 503 with Retry-After before the first file, the previous file (its data
// version said) while a newer one builds, 304 on its ETag, files of older data versions removed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Writable, type Writable as WritableStream } from "node:stream";
import { pipeline } from "node:stream/promises";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDeps } from "../../test/app.js";
import { createTestDatabase, type TestDatabase } from "../../test/database.js";
import { queryRows } from "../db/client.js";
import { getDataVersion } from "../db/data-version.js";
import { PRIVATE_DUMP_TABLES } from "../db/dump.js";
import {
  createPublicDumpFiles,
  publicDumpWriter,
  type PublicDumpFiles,
  type PublicDumpWriter,
} from "../ingest/dump/dump-file.js";
import { DumpDataChangedError, exportDumpTo } from "../ingest/dump/export-dump.js";
import { createApp } from "../server.js";

const NOW = new Date("2026-11-23T12:00:00Z");
const PRIVATE = {
  editorEmail: "editor-dump-test@example.org",
  passwordHash: "scrypt$dump-test-password-hash",
  apiTokenHash: "dump-test-api-token-hash",
  sessionHash: "dump-test-session-token-hash",
  readerEmail: "reader-dump-test@example.org",
  confirmHash: "dump-test-confirm-token-hash",
};

interface DumpLine {
  format?: string;
  public?: boolean;
  tables?: { name: string; columns: string[]; rows: number }[];
  t?: string;
  r?: Record<string, unknown>;
  end?: boolean;
  rows?: number;
}

/** A writer the test holds: each build waits until released while `held`, and writes what the test names. */
function heldWriter() {
  const waiting: (() => void)[] = [];
  const state = { held: false, builds: 0, text: "build" };
  const write: PublicDumpWriter = async (out: WritableStream) => {
    state.builds++;
    const text = `${state.text} ${state.builds}`;
    if (state.held) await new Promise<void>((resolve) => waiting.push(resolve));
    await pipeline(Readable.from([gzipSync(text)]), out);
  };
  return {
    state,
    write,
    release() {
      state.held = false;
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

function dumpFilesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe("GET /api/v1/dump", () => {
  let database: TestDatabase;
  const dirs: string[] = [];
  const stores: PublicDumpFiles[] = [];
  beforeAll(async () => {
    database = await createTestDatabase("pglite", { seed: true });
    const db = database.db;
    const at = sql`'2026-11-23T12:00:00Z'::timestamptz`;
    const [user] = await queryRows<{ id: number }>(
      db,
      sql`INSERT INTO users (email, role, password_hash, created_at) VALUES (${PRIVATE.editorEmail}, 'editor', ${PRIVATE.passwordHash}, ${at}) RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at) VALUES (${user!.id}, 'script', ${PRIVATE.apiTokenHash}, ARRAY['changes:write'], ${at})`,
    );
    await db.execute(
      sql`INSERT INTO auth_sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (${PRIVATE.sessionHash}, ${user!.id}, 'csrf', ${at}, ${at})`,
    );
    await db.execute(
      sql`INSERT INTO subscribers (email, status, confirm_token_hash, created_at) VALUES (${PRIVATE.readerEmail}, 'active', ${PRIVATE.confirmHash}, ${at})`,
    );
  }, 180_000);
  afterAll(async () => {
    for (const store of stores) await store.close();
    await database?.dispose();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** An app whose dump files live in a new folder, built by write (the export's own code path by default). */
  function appWith(write: PublicDumpWriter = publicDumpWriter(database)): {
    app: Hono;
    files: PublicDumpFiles;
    dir: string;
  } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-dump-test-"));
    dirs.push(dir);
    const files = createPublicDumpFiles({
      dir,
      readVersion: () => getDataVersion(database.db),
      write,
      now: () => NOW,
      debounceMs: 0,
    });
    stores.push(files);
    return { app: createApp({ ...createTestDeps(database, { now: () => NOW }), publicDump: files }), files, dir };
  }

  it("streams the public dump from its file on disk: a gzipped NDJSON attachment that parses, with the public tables and nothing private", async () => {
    const { app, files, dir } = appWith();
    await files.refresh();
    const res = await app.request("/api/v1/dump");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/gzip");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="normwatch-public-2026-11-23-v\d+\.ndjson\.gz"$/,
    );
    const version = await getDataVersion(database.db);
    expect(res.headers.get("etag")).toMatch(new RegExp(`^"v${version}-[A-Za-z0-9_-]{43}"$`));
    expect(res.headers.get("normwatch-dump-data-version")).toBe(String(version));
    const bytes = Buffer.from(await res.arrayBuffer());
    // The bytes of the one file in the folder, its length said beforehand.
    const [name] = dumpFilesIn(dir);
    expect(name).toMatch(new RegExp(`^public-${version}-[A-Za-z0-9_-]{43}\\.ndjson\\.gz$`));
    expect(bytes.equals(fs.readFileSync(path.join(dir, name!)))).toBe(true);
    expect(res.headers.get("content-length")).toBe(String(bytes.byteLength));
    const text = gunzipSync(bytes).toString("utf8");
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as DumpLine);
    const header = lines[0]!;
    expect(header).toMatchObject({ format: "normwatch-dump", public: true });
    const tables = new Map(header.tables!.map((table) => [table.name, table.rows]));
    expect(tables.get("states")).toBe(195);
    for (const name of ["resolutions", "vote_events", "processes", "organizations", "sources"])
      expect(tables.get(name), name).toBeGreaterThan(0);
    for (const name of Object.keys(PRIVATE_DUMP_TABLES)) expect(tables.has(name), name).toBe(false);
    const rows = lines.filter((line) => line.t);
    expect(new Set(rows.map((line) => line.t)).has("users")).toBe(false);
    expect(rows.filter((line) => line.t === "states")).toHaveLength(195);
    expect(rows.some((line) => line.t === "states" && line.r?.["iso3"] === "CHE")).toBe(true);
    expect(lines.at(-1)).toEqual({ end: true, rows: rows.length });
    for (const [what, value] of Object.entries(PRIVATE)) expect(text.includes(value), what).toBe(false);
  });

  it("answers 503 with Retry-After until the first file is built, then the file", async () => {
    const writer = heldWriter();
    writer.state.held = true;
    const { app, files } = appWith(writer.write);
    const waiting = await app.request("/api/v1/dump");
    expect(waiting.status).toBe(503);
    expect(waiting.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(waiting.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await waiting.json()) as { status: number; detail: string };
    expect(problem.status).toBe(503);
    expect(problem.detail).toMatch(/being built/);
    // The request asked for a build without waiting for it.
    await vi.waitFor(() => expect(writer.state.builds).toBe(1));
    expect(files.buildingVersion()).toBe(await getDataVersion(database.db));
    writer.release();
    await files.refresh();
    const res = await app.request("/api/v1/dump");
    expect(res.status).toBe(200);
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe("build 1");
    expect(writer.state.builds).toBe(1);
  });

  it("serves the previous file (its data version said) while a newer one builds, 304 on its ETag, then the new file; older files removed", async () => {
    const writer = heldWriter();
    const { app, files, dir } = appWith(writer.write);
    await files.refresh();
    const first = await app.request("/api/v1/dump");
    const etag = first.headers.get("etag")!;
    const before = await getDataVersion(database.db);
    expect(first.headers.get("normwatch-dump-data-version")).toBe(String(before));
    const again = await app.request("/api/v1/dump", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");

    await database.db.execute(sql`UPDATE states SET name = 'Switzerland (dump test)' WHERE iso3 = 'CHE'`);
    const after = await getDataVersion(database.db);
    expect(after).toBeGreaterThan(before);
    writer.state.held = true;
    const meanwhile = await app.request("/api/v1/dump", { headers: { "If-None-Match": etag } });
    expect(meanwhile.status).toBe(304);
    expect(meanwhile.headers.get("normwatch-dump-data-version")).toBe(String(before));
    expect(meanwhile.headers.get("normwatch-data-version")).toBe(String(after));
    const previous = await app.request("/api/v1/dump");
    expect(previous.status).toBe(200);
    expect(gunzipSync(Buffer.from(await previous.arrayBuffer())).toString()).toBe("build 1");
    await vi.waitFor(() => expect(files.buildingVersion()).toBe(after));

    writer.release();
    await files.refresh();
    const changed = await app.request("/api/v1/dump", { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(changed.headers.get("normwatch-dump-data-version")).toBe(String(after));
    expect(gunzipSync(Buffer.from(await changed.arrayBuffer())).toString()).toBe("build 2");
    expect(dumpFilesIn(dir)).toEqual([expect.stringMatching(new RegExp(`^public-${after}-`))]);
  });

  it("builds once per data version, however many ask at the same time, and adopts the newest file a restart finds", async () => {
    const writer = heldWriter();
    const { files, dir } = appWith(writer.write);
    const [a, b] = await Promise.all([files.refresh(), files.refresh()]);
    expect(a).toBe(b);
    expect(await files.refresh()).toBe(a);
    expect(writer.state.builds).toBe(1);
    fs.writeFileSync(path.join(dir, `public-1-${"a".repeat(43)}.ndjson.gz`), "old");
    fs.writeFileSync(path.join(dir, `public-${a!.version}.ndjson.gz.partial-${process.pid}`), "half");
    const restarted = createPublicDumpFiles({
      dir,
      readVersion: () => getDataVersion(database.db),
      write: writer.write,
      now: () => NOW,
    });
    stores.push(restarted);
    expect(restarted.current()).toMatchObject({ version: a!.version, etag: a!.etag, size: a!.size });
    expect(dumpFilesIn(dir)).toEqual([path.basename(a!.path)]);
    expect(await restarted.refresh()).toMatchObject({ etag: a!.etag });
    expect(writer.state.builds).toBe(1);
  });

  it("on PGlite reads in batches between which other queries run, and fails the file when the data changed meanwhile", async () => {
    let wrote = false;
    let otherQueryRan = false;
    const sink = new Writable({
      write(_chunk, _encoding, done) {
        if (wrote) return done();
        wrote = true;
        // A query and a write while the export is between batches: neither waits for the export to finish.
        void (async () => {
          await getDataVersion(database.db);
          otherQueryRan = true;
          await database.db.execute(sql`UPDATE states SET name = name WHERE iso3 = 'FRA'`);
        })().then(() => done(), done);
      },
    });
    await expect(
      exportDumpTo(database, sink, false, { isPublic: true, consistency: "batches", batchSize: 50 }),
    ).rejects.toBeInstanceOf(DumpDataChangedError);
    expect(otherQueryRan).toBe(true);
  });

  it("is linked from /about/data and described in the OpenAPI document", async () => {
    const { app } = appWith();
    const about = await (await app.request("/about/data")).text();
    expect(about).toContain('href="/api/v1/dump"');
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    expect(Object.keys(doc.paths["/api/v1/dump"]?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "304", "503"]),
    );
  });
});
