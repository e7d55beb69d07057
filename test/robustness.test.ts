// The real server process on an embedded database: first and second start, clean stop on SIGTERM, recovery
// after kill -9 (also in the middle of the first seed), and one process per data folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../src/db/client.js";
import { listDumpTables } from "../src/db/dump.js";
import { BUNDLED_IMPORTERS } from "../src/ingest/seed.js";
import { runCli, startServerProcess, type ServerProcess } from "./server-process.js";

const IMPORTING = /: importing…/;
const tmpDirs: string[] = [];
const running: ServerProcess[] = [];

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-robust-"));
  tmpDirs.push(dir);
  return dir;
}

function start(dataDir: string): ServerProcess {
  const server = startServerProcess(dataDir);
  running.push(server);
  return server;
}

/** Row counts of every table, read with the server stopped. */
async function tableCounts(dataDir: string): Promise<Record<string, number>> {
  const database = await openDatabase({ dataDir });
  try {
    const counts: Record<string, number> = {};
    for (const t of listDumpTables()) {
      const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(t.name)}`);
      counts[t.name] = row!.n;
    }
    return counts;
  } finally {
    await database.close();
  }
}

async function expectServes(url: string): Promise<void> {
  const page = await fetch(`${url}/states/CHE`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Switzerland");
  const api = await fetch(`${url}/api/v1/states/CHE`);
  expect(api.status).toBe(200);
}

/** Spawned servers, model startup and seeding: generous under a loaded two-core machine. */
const TIMEOUT = 240_000;

// A failed test must not leave its server holding the lock for the next one.
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
    await server.exited;
  }
});

afterAll(async () => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the server process on an embedded database", () => {
  const dataDir = tempDataDir();
  const lockFile = path.join(dataDir, "normwatch.lock");
  let reference: Record<string, number>;

  it("migrates and seeds on first start with a progress line per dataset, then stops cleanly on SIGTERM", async () => {
    const server = start(dataDir);
    const url = await server.ready;
    expect(server.lines.filter((l) => IMPORTING.test(l))).toHaveLength(BUNDLED_IMPORTERS.length);
    expect(server.lines.some((l) => / votes: \d+ rows written/.test(l))).toBe(true);
    expect(fs.readFileSync(lockFile, "utf8").trim()).toBe(String(server.child.pid));
    await expectServes(url);
    const exit = await server.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(lockFile)).toBe(false);
    reference = await tableCounts(dataDir);
    expect(reference["states"]).toBe(195);
    expect(reference["vote_events"]).toBeGreaterThan(6000);
  }, TIMEOUT);

  it("reuses the data on a second start (nothing imported) and a second process on the same folder is refused", async () => {
    const server = start(dataDir);
    const url = await server.ready;
    expect(server.lines.filter((l) => IMPORTING.test(l))).toEqual([]);
    await expectServes(url);

    const second = await runCli(["serve"], { DATA_DIR: dataDir, PORT: "0" });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`is already open in process ${server.child.pid}`);
    expect(second.stderr).toContain(lockFile);
    expect(fs.readFileSync(lockFile, "utf8").trim()).toBe(String(server.child.pid));
    await expectServes(url);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  }, TIMEOUT);

  it("recovers after kill -9 of a running server: same rows, nothing duplicated", async () => {
    const server = start(dataDir);
    const url = await server.ready;
    await expectServes(url);
    server.child.kill("SIGKILL");
    expect((await server.exited).signal).toBe("SIGKILL");
    expect(fs.existsSync(lockFile)).toBe(true);

    const restarted = start(dataDir);
    await expectServes(await restarted.ready);
    expect(restarted.lines.filter((l) => IMPORTING.test(l))).toEqual([]);
    expect(await restarted.stop()).toEqual({ code: 0, signal: null });
    expect(await tableCounts(dataDir)).toEqual(reference);
  }, TIMEOUT);

  it.each([
    ["as soon as the first dataset starts importing", IMPORTING],
    ["in the middle of the largest dataset (votes)", / votes: importing…/],
  ])("completes the seed on restart after kill -9 during the first seed, %s", async (_when, pattern) => {
    const freshDir = tempDataDir();
    const server = start(freshDir);
    await server.waitForLine(pattern);
    server.child.kill("SIGKILL");
    await server.exited;
    expect(server.lines.some((l) => /Normwatch is serving/.test(l))).toBe(false);

    const restarted = start(freshDir);
    await expectServes(await restarted.ready);
    expect(restarted.lines.some((l) => /votes: importing…/.test(l))).toBe(true);
    expect(await restarted.stop()).toEqual({ code: 0, signal: null });
    expect(await tableCounts(freshDir)).toEqual(reference);
  }, TIMEOUT);
});
