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
import { runCli, startServerProcess, STARTUP_BUDGET_MS, type ServerProcess } from "./server-process.js";

const IMPORTING = /: importing…/;
const tmpDirs: string[] = [];
const running: ServerProcess[] = [];

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "normwatch-robust-"));
  tmpDirs.push(dir);
  return dir;
}

/** The bundled corpus is imported in the background after the server listens: off here, so row counts compare. */
const ENV = { BUNDLED_CORPUS: "off" };

function start(dataDir: string): ServerProcess {
  const server = startServerProcess(dataDir, ENV);
  running.push(server);
  return server;
}

/** Row counts of every table, read with the server stopped. */
async function tableCounts(dataDir: string): Promise<Record<string, number>> {
  const database = await openDatabase({ dataDir });
  try {
    const counts: Record<string, number> = {};
    for (const t of listDumpTables()) {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(t.name)}`,
      );
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

/**
 * Per test: up to two starts (each within STARTUP_BUDGET_MS), a seed after a kill, and the checks. Nothing
 * here depends on a fast machine; a slow start only makes a test slower.
 */
const TIMEOUT = 3 * STARTUP_BUDGET_MS;

// A failed test must not leave its server holding the lock for the next one.
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
    await server.exited;
  }
});

afterAll(async () => {
  await firstStartRun?.catch(() => undefined);
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

interface FirstStart {
  /** The folder after the clean stop: copied, never written, by the tests that need a seeded folder. */
  dataDir: string;
  lines: string[];
  pid: number;
  lockFileWhileServing: string;
  exit: { code: number | null; signal: NodeJS.Signals | null };
  isLockFileLeft: boolean;
  counts: Record<string, number>;
}

let firstStartRun: Promise<FirstStart> | undefined;

/**
 * The first start on an empty folder, run once for the whole file and shared as a result rather than as a
 * running server: a test that times out while it seeds does not kill it, the next test waits for the same run
 * instead of starting over, and every test that needs a seeded folder works on its own copy.
 */
function firstStart(): Promise<FirstStart> {
  firstStartRun ??= (async () => {
    const dataDir = tempDataDir();
    const server = startServerProcess(dataDir, ENV);
    try {
      const url = await server.ready;
      const lockFileWhileServing = fs.readFileSync(path.join(dataDir, "normwatch.lock"), "utf8").trim();
      await expectServes(url);
      const exit = await server.stop();
      return {
        dataDir,
        lines: server.lines,
        pid: server.child.pid!,
        lockFileWhileServing,
        exit,
        isLockFileLeft: fs.existsSync(path.join(dataDir, "normwatch.lock")),
        counts: await tableCounts(dataDir),
      };
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
    }
  })();
  return firstStartRun;
}

/** A private copy of the seeded folder, so what one test does to it (kill -9, a second process) stays there. */
async function seededCopy(): Promise<string> {
  const { dataDir } = await firstStart();
  const copy = tempDataDir();
  fs.cpSync(dataDir, copy, { recursive: true });
  return copy;
}

describe("the server process on an embedded database", () => {
  it(
    "migrates and seeds on first start with a progress line per dataset, then stops cleanly on SIGTERM",
    async () => {
      const first = await firstStart();
      expect(first.lines.filter((l) => IMPORTING.test(l))).toHaveLength(BUNDLED_IMPORTERS.length);
      expect(first.lines.some((l) => / votes: \d+ rows written/.test(l))).toBe(true);
      expect(first.lockFileWhileServing).toBe(String(first.pid));
      expect(first.exit).toEqual({ code: 0, signal: null });
      expect(first.isLockFileLeft).toBe(false);
      expect(first.counts["states"]).toBe(195);
      expect(first.counts["vote_events"]).toBeGreaterThan(6000);
    },
    TIMEOUT,
  );

  it(
    "reuses the data on a second start (nothing imported) and a second process on the same folder is refused",
    async () => {
      const dataDir = await seededCopy();
      const lockFile = path.join(dataDir, "normwatch.lock");
      const server = start(dataDir);
      const url = await server.ready;
      expect(server.lines.filter((l) => IMPORTING.test(l))).toEqual([]);
      await expectServes(url);

      const second = await runCli(["serve"], { ...ENV, DATA_DIR: dataDir, PORT: "0" });
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(`is already open in process ${server.child.pid}`);
      expect(second.stderr).toContain(lockFile);
      expect(fs.readFileSync(lockFile, "utf8").trim()).toBe(String(server.child.pid));
      await expectServes(url);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    },
    TIMEOUT,
  );

  it(
    "recovers after kill -9 of a running server: same rows, nothing duplicated",
    async () => {
      const dataDir = await seededCopy();
      const server = start(dataDir);
      const url = await server.ready;
      await expectServes(url);
      server.child.kill("SIGKILL");
      expect((await server.exited).signal).toBe("SIGKILL");
      expect(fs.existsSync(path.join(dataDir, "normwatch.lock"))).toBe(true);

      const restarted = start(dataDir);
      await expectServes(await restarted.ready);
      expect(restarted.lines.filter((l) => IMPORTING.test(l))).toEqual([]);
      expect(await restarted.stop()).toEqual({ code: 0, signal: null });
      expect(await tableCounts(dataDir)).toEqual((await firstStart()).counts);
    },
    TIMEOUT,
  );

  it.each([
    ["as soon as the first dataset starts importing", IMPORTING],
    ["in the middle of the largest dataset (votes)", / votes: importing…/],
  ])(
    "completes the seed on restart after kill -9 during the first seed, %s",
    async (_when, pattern) => {
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
      expect(await tableCounts(freshDir)).toEqual((await firstStart()).counts);
    },
    TIMEOUT,
  );
});
