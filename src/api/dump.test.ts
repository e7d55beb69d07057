// The public bulk download (issue 18): GET /api/v1/dump is the `export --public` file, gzipped NDJSON that parses,
// holds the public tables and nothing of accounts, subscribers, sessions, tokens or their addresses; its ETag
// answers 304; it is built once per data version and again after a write.
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { queryRows } from "../db/client.js";
import { PRIVATE_DUMP_TABLES } from "../db/dump.js";
import { publicDumpKeeper } from "./dump.js";

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

describe("GET /api/v1/dump", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite", { now: NOW });
    const db = t.database.db;
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
  afterAll(async () => t?.dispose());

  it("serves the public dump as a gzipped NDJSON attachment that parses, with the public tables and nothing private", async () => {
    const res = await t.app.request("/api/v1/dump");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/gzip");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="normwatch-public-2026-11-23-v\d+\.ndjson\.gz"$/,
    );
    expect(res.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8");
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

  it("answers 304 to If-None-Match with the current ETag, and a new file after the data changed", async () => {
    const first = await t.app.request("/api/v1/dump");
    const etag = first.headers.get("etag")!;
    const again = await t.app.request("/api/v1/dump", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");

    await t.database.db.execute(sql`UPDATE states SET name = 'Switzerland (dump test)' WHERE iso3 = 'CHE'`);
    const changed = await t.app.request("/api/v1/dump", { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const text = gunzipSync(Buffer.from(await changed.arrayBuffer())).toString("utf8");
    expect(text).toContain("Switzerland (dump test)");
  });

  it("builds once per data version, however many ask at the same time", async () => {
    const keeper = publicDumpKeeper({ db: t.database.db, now: () => NOW });
    const [a, b] = await Promise.all([keeper.current(), keeper.current()]);
    expect(a).toBe(b);
    expect(await keeper.current()).toBe(a);
  });

  it("is linked from /about/data and described in the OpenAPI document", async () => {
    const about = await (await t.app.request("/about/data")).text();
    expect(about).toContain('href="/api/v1/dump"');
    const doc = (await (await t.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    expect(Object.keys(doc.paths["/api/v1/dump"]?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "304"]),
    );
  });
});
