// Two app servers on one PostgreSQL database agree after the data changes (issue 18): caches are keyed on the data
// version every server reads from the database, not kept for the life of a process.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_DATABASE_URL } from "./database.js";
import { startServerProcess, STARTUP_BUDGET_MS, type ServerProcess } from "./server-process.js";

const running: ServerProcess[] = [];
const tmpDirs: string[] = [];
let dropDatabase = async () => {};

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  await dropDatabase();
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

if (!TEST_DATABASE_URL)
  console.warn(
    "multi-server test skipped: set TEST_DATABASE_URL to a PostgreSQL server to run two app servers on one database",
  );

describe.skipIf(!TEST_DATABASE_URL)("two app servers on one PostgreSQL database", () => {
  it(
    "agree on USA–RUS agreement after the votes change",
    async () => {
      const name = `normwatch_multi_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      dropDatabase = async () => {
        const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      };
      const url = new URL(TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      const env = { DATABASE_URL: url.toString(), PUBLIC_URL: "http://localhost", BUNDLED_CORPUS: "off" };
      const start = () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-multi-"));
        tmpDirs.push(dir);
        const server = startServerProcess(dir, env);
        running.push(server);
        return server;
      };
      // The first migrates and seeds; the second then finds the database ready.
      const first = await start().ready;
      const second = await start().ready;

      const agreement = async (base: string) => {
        const res = await fetch(`${base}/api/v1/alignment/pair?a=USA&b=RUS`);
        expect(res.status).toBe(200);
        return JSON.stringify(await res.json());
      };
      const before = await agreement(first);
      expect(await agreement(second)).toBe(before);

      // Every recorded No and abstention becomes a Yes, written outside either server.
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      await db.query(`UPDATE vote_events SET votes = translate(votes, 'NA', 'YY')`);
      await db.end();

      const after = await agreement(first);
      expect(after).not.toBe(before);
      expect(await agreement(second)).toBe(after);
    },
    2 * STARTUP_BUDGET_MS,
  );
});
