import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../../test/database.js";
import { queryRows } from "../../db/client.js";
import { listDumpTables, PRIVATE_DUMP_TABLES, PUBLIC_DUMP_TABLES } from "../../db/dump.js";
import { exportDump } from "./export-dump.js";
import { importDump } from "./import-dump.js";

/** Values that must never leave the instance in a public dump, each stored in one private table or column. */
const SECRETS = {
  editorEmail: "editor-private@example.org",
  passwordHash: "scrypt$private-password-hash",
  apiTokenHash: "private-api-token-hash",
  sessionHash: "private-session-token-hash",
  resetHash: "private-reset-token-hash",
  instanceSecret: "private-instance-secret",
  readerEmail: "reader-private@example.org",
  confirmHash: "private-confirm-token-hash",
  webhookSecret: "private-webhook-secret",
  webhookUrl: "https://hooks.example.org/private",
  correctionEmail: "corrector-private@example.org",
  draftSummary: "private draft change summary",
  draftDigest: "private draft digest body",
};

function dumpText(file: string): string {
  const bytes = fs.readFileSync(file);
  return file.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
}

describe("which tables a public dump holds", () => {
  it("classifies every schema table as public or private, never both", () => {
    for (const table of listDumpTables()) {
      const isPublic = table.name in PUBLIC_DUMP_TABLES;
      const isPrivate = table.name in PRIVATE_DUMP_TABLES;
      expect(
        isPublic !== isPrivate,
        `${table.name}: add it to PUBLIC_DUMP_TABLES or PRIVATE_DUMP_TABLES in src/db/dump.ts`,
      ).toBe(true);
    }
  });

  it("leaves out of public tables every column that points at an account or a draft", () => {
    const privateTables = new Set(Object.keys(PRIVATE_DUMP_TABLES));
    for (const table of listDumpTables().filter((t) => t.name in PUBLIC_DUMP_TABLES)) {
      const references = table.dependsOn.filter((d) => privateTables.has(d));
      if (references.length)
        expect(
          PUBLIC_DUMP_TABLES[table.name]!.columnsLeftOut?.length,
          `${table.name} references ${references.join(", ")}`,
        ).toBeGreaterThan(0);
    }
  });
});

describe.each(TEST_DRIVERS)("full and public dumps on $label", ({ driver, skip }) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    if (skip) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-public-dump-"));
    source = await createTestDatabase(driver, { seed: true });
    target = await createTestDatabase(driver);
    const now = sql`'2026-11-23T12:00:00Z'::timestamptz`;
    const db = source.db;
    const [user] = await queryRows<{ id: number }>(
      db,
      sql`INSERT INTO users (email, role, password_hash, created_at) VALUES (${SECRETS.editorEmail}, 'editor', ${SECRETS.passwordHash}, ${now}) RETURNING id`,
    );
    const userId = user!.id;
    await db.execute(
      sql`INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at) VALUES (${userId}, 'script', ${SECRETS.apiTokenHash}, ARRAY['changes:write'], ${now})`,
    );
    await db.execute(
      sql`INSERT INTO auth_sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (${SECRETS.sessionHash}, ${userId}, 'csrf', ${now}, ${now})`,
    );
    await db.execute(
      sql`INSERT INTO password_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES (${SECRETS.resetHash}, ${userId}, 'reset', ${now}, ${now})`,
    );
    await db.execute(sql`INSERT INTO instance_secrets (name, value) VALUES ('test-secret', ${SECRETS.instanceSecret})`);
    const [reader] = await queryRows<{ id: number }>(
      db,
      sql`INSERT INTO subscribers (email, status, confirm_token_hash, created_at) VALUES (${SECRETS.readerEmail}, 'active', ${SECRETS.confirmHash}, ${now}) RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO alert_subscriptions (subscriber_id, target_kind, target_id, channel, webhook_url, webhook_secret, frequency, checked_until, created_at)
          VALUES (${reader!.id}, 'state', 'CHE', 'webhook', ${SECRETS.webhookUrl}, ${SECRETS.webhookSecret}, 'daily', ${now}, ${now})`,
    );
    await db.execute(
      sql`INSERT INTO correction_requests (record_kind, record_id, message, email, status, created_at) VALUES ('session', 'x', 'please fix', ${SECRETS.correctionEmail}, 'open', ${now})`,
    );
    const [change] = await queryRows<{ id: number }>(
      db,
      sql`INSERT INTO changes (record_kind, record_id, operation, proposed, sources, summary, status, author_id, created_at, updated_at)
          VALUES ('session', 'x', 'update', '{}'::jsonb, '[]'::jsonb, ${SECRETS.draftSummary}, 'draft', ${userId}, ${now}, ${now}) RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO audit_log (at, actor_id, author_id, record_kind, record_id, operation, change_id, diff, summary)
          VALUES (${now}, ${userId}, ${userId}, 'session', 'x', 'update', ${change!.id}, '[]'::jsonb, 'Start date per the UNODA page')`,
    );
    await db.execute(
      sql`INSERT INTO digest_issues (slug, period_start, period_end, title, body_markdown, status, composed_at, updated_at, updated_by)
          VALUES ('2026-10', '2026-10-01', '2026-11-01', 'Draft', ${SECRETS.draftDigest}, 'draft', ${now}, ${now}, ${userId}),
                 ('2026-09', '2026-09-01', '2026-10-01', 'Normwatch digest: September 2026', 'published body', 'published', ${now}, ${now}, ${userId})`,
    );
    await db.execute(
      sql`UPDATE digest_issues SET published_at = ${now}, published_by = ${userId} WHERE slug = '2026-09'`,
    );
    await db.execute(sql`UPDATE rubrics SET created_by = ${userId}`);
  });
  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)("writes the full dump, secrets and all, readable by its owner only", async () => {
    const file = path.join(dir, "full.ndjson.gz");
    await exportDump(source, file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(dumpText(file)).toContain(SECRETS.passwordHash);
  });

  it.skipIf(skip)("keeps a file left by an earlier failed run from passing on its wider mode", async () => {
    const file = path.join(dir, "again.ndjson");
    fs.writeFileSync(`${file}.partial`, "old", { mode: 0o644 });
    fs.chmodSync(`${file}.partial`, 0o644);
    await exportDump(source, file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(skip)(
    "writes a public dump without hashes, secrets, addresses, drafts or who did what, which imports into a fresh database",
    async () => {
      const file = path.join(dir, "public.ndjson.gz");
      const summary = await exportDump(source, file, { isPublic: true });
      const text = dumpText(file);
      for (const [what, value] of Object.entries(SECRETS))
        expect(text.includes(value), `${what} is in the public dump`).toBe(false);
      const header = JSON.parse(text.slice(0, text.indexOf("\n"))) as {
        public?: boolean;
        tables: { name: string; columns: string[] }[];
      };
      expect(header.public).toBe(true);
      const names = header.tables.map((t) => t.name);
      for (const name of Object.keys(PRIVATE_DUMP_TABLES)) expect(names).not.toContain(name);
      expect(header.tables.find((t) => t.name === "audit_log")!.columns).not.toContain("actor_id");
      expect(summary.tables.find((t) => t.name === "digest_issues")!.rows).toBe(1);
      expect(summary.tables.find((t) => t.name === "states")!.rows).toBe(195);

      await importDump(target, file);
      const [audit] = await queryRows<{ actor_id: number | null; summary: string }>(
        target.db,
        sql`SELECT actor_id, summary FROM audit_log`,
      );
      expect(audit).toEqual({ actor_id: null, summary: "Start date per the UNODA page" });
      const digests = await queryRows<{ slug: string }>(target.db, sql`SELECT slug FROM digest_issues`);
      expect(digests).toEqual([{ slug: "2026-09" }]);
      const [users] = await queryRows<{ n: number }>(target.db, sql`SELECT count(*)::int AS n FROM users`);
      expect(users!.n).toBe(0);
    },
  );
});
