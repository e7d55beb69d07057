// /healthz answers while the process lives; /readyz only when the database answers, every migration is applied
// and the seed finished; /metrics reports requests by route pattern, the delivery queue from the database, the
// pool and start-up progress in Prometheus' text format.
import fs from "node:fs";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { openDatabase } from "../db/client.js";
import type { CorpusStatus } from "../ingest/documents/corpus.js";
import { deliveries } from "../db/schema/index.js";
import { createHealthApp } from "./health.js";
import { createMetrics } from "./metrics.js";
import { requestContext } from "./request-log.js";
import { trackStartup, type StartupState } from "./startup-state.js";

const VERSION = (
  JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;
const NOW = new Date("2026-11-23T12:00:00Z");

function buildApp(
  database: Pick<TestDatabase, "db" | "driver" | "poolStats">,
  startup: StartupState,
  corpusStatus?: () => Promise<CorpusStatus>,
): Hono {
  const metrics = createMetrics({
    db: database.db,
    driver: database.driver,
    now: () => NOW,
    startup,
    poolStats: database.poolStats,
    corpusStatus,
  });
  const app = new Hono();
  app.use(requestContext({ observe: metrics.observe }));
  app.route("/", createHealthApp({ db: database.db, driver: database.driver, startup, metrics, corpusStatus }));
  app.get("/api/v1/states/:iso3", (c) => c.json({ iso3: c.req.param("iso3") }));
  return app;
}

function finishedStartup(): StartupState {
  const tracker = trackStartup();
  tracker.onSeedProgress({ dataset: "states", index: 0, total: 1, phase: "skip" });
  tracker.seedFinished();
  return tracker.state;
}

describe.each(TEST_DRIVERS)("health and metrics on $label", ({ driver, skip }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(driver);
    const row = {
      recipient: "reader@example.org",
      subject: "Confirm",
      bodyText: "…",
      queuedAt: NOW,
      kind: "confirmation" as const,
    };
    await database.db.insert(deliveries).values([
      { ...row, idempotencyKey: "q-due", status: "queued", nextAttemptAt: new Date(NOW.getTime() - 60_000) },
      { ...row, idempotencyKey: "q-later", status: "queued", nextAttemptAt: new Date(NOW.getTime() + 3_600_000) },
      { ...row, idempotencyKey: "sent", status: "sent", nextAttemptAt: NOW, sentAt: NOW },
      { ...row, idempotencyKey: "failed", status: "failed", nextAttemptAt: NOW },
    ]);
  });
  afterAll(async () => {
    if (!skip) await database.dispose();
  });

  it.skipIf(skip)(
    "/readyz is ready once migrated and seeded, with the version; not ready (503) while the seed runs",
    async () => {
      const ready = await buildApp(database, finishedStartup()).request("/readyz");
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as {
        status: string;
        version: string;
        checks: Record<string, { ok: boolean; pending?: number }>;
      };
      expect(body).toMatchObject({ status: "ready", version: VERSION });
      expect(body.checks["migrations"]).toMatchObject({ ok: true, pending: 0 });

      const tracker = trackStartup();
      tracker.onSeedProgress({ dataset: "states", index: 1, total: 9, phase: "done" });
      const seeding = await buildApp(database, tracker.state).request("/readyz");
      expect(seeding.status).toBe(503);
      expect(await seeding.json()).toMatchObject({
        status: "not ready",
        checks: { database: { ok: true }, seed: { ok: false, done: 2, total: 9 } },
      });
    },
  );

  it.skipIf(skip)(
    "/metrics gives the delivery queue and outcomes, request durations by route pattern, start-up progress and the version",
    async () => {
      const app = buildApp(database, finishedStartup());
      for (const iso3 of ["FRA", "DEU"]) expect((await app.request(`/api/v1/states/${iso3}`)).status).toBe(200);
      expect((await app.request("/no/such/page")).status).toBe(404);
      const response = await app.request("/metrics");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      const value = (series: string) => {
        const line = text.split("\n").find((l) => l.startsWith(`${series} `));
        return line === undefined ? undefined : Number(line.slice(series.length + 1));
      };
      expect(value(`normwatch_build_info{version="${VERSION}",driver="${driver}"}`)).toBe(1);
      expect(value('normwatch_deliveries{kind="confirmation",status="queued"}')).toBe(2);
      expect(value('normwatch_deliveries{kind="confirmation",status="sent"}')).toBe(1);
      expect(value('normwatch_deliveries{kind="confirmation",status="failed"}')).toBe(1);
      expect(value('normwatch_delivery_queue_depth{kind="confirmation"}')).toBe(2);
      expect(value('normwatch_delivery_queue_due{kind="confirmation"}')).toBe(1);
      expect(value('normwatch_delivery_queue_depth{kind="digest"}')).toBe(0);
      expect(
        value('normwatch_http_request_duration_seconds_count{method="GET",route="/api/v1/states/:iso3",status="200"}'),
      ).toBe(2);
      expect(value('normwatch_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBe(
        1,
      );
      expect(text).not.toContain("/api/v1/states/FRA");
      expect(value("normwatch_database_up")).toBe(1);
      expect(value("normwatch_migrations_pending")).toBe(0);
      expect(value("normwatch_seed_finished")).toBe(1);
      expect(value('normwatch_seed_datasets{state="total"}')).toBe(1);
      expect(value("process_cpu_user_seconds_total")).toBeGreaterThan(0);
      if (driver === "postgres") {
        expect(value('normwatch_db_pool_connections{state="total"}')).toBeGreaterThan(0);
        expect(value('normwatch_db_pool_connections{state="waiting"}')).toBe(0);
      } else {
        expect(text).not.toContain("normwatch_db_pool_connections");
      }
      // Every sample line is `name{labels} value` (NaN as Go's float parser reads it), every metric has HELP and TYPE.
      for (const line of text.split("\n").filter((l) => l && !l.startsWith("#")))
        expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? (-?[0-9.e+-]+|nan|[+-]inf)$/i);
      const names = new Set(
        text
          .split("\n")
          .filter((l) => l.startsWith("# TYPE "))
          .map((l) => l.split(" ")[2]),
      );
      for (const name of [...text.matchAll(/^# HELP (\S+)/gm)].map((m) => m[1])) expect(names.has(name)).toBe(true);
    },
  );

  it.skipIf(skip)(
    "reports the background corpus import in /readyz without refusing traffic, and in /metrics",
    async () => {
      const loading: CorpusStatus = { state: "loading", processed: 1214, total: 1974, failed: 2 };
      const app = buildApp(database, finishedStartup(), async () => loading);
      const ready = await app.request("/readyz");
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready", corpus: loading });
      const text = await (await app.request("/metrics")).text();
      expect(text).toMatch(/^normwatch_corpus_import_documents\{state="processed"\} 1214$/m);
      expect(text).toMatch(/^normwatch_corpus_import_documents\{state="total"\} 1974$/m);
      expect(text).toMatch(/^normwatch_corpus_import_documents\{state="failed"\} 2$/m);
      expect(text).toMatch(/^normwatch_corpus_import_finished 0$/m);
    },
  );
});

describe("health when the database is gone", () => {
  it("/healthz still answers 200 (the process lives); /readyz answers 503 naming the database", async () => {
    const database = await openDatabase({});
    const app = buildApp(database, finishedStartup());
    await database.close();
    const health = await app.request("/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", version: VERSION, database: "pglite" });
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: "not ready",
      checks: { database: { ok: false }, migrations: { ok: false } },
    });
    const metrics = await app.request("/metrics");
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^normwatch_database_up 0$/m);
  });

  it("/readyz is not ready while migrations are pending", async () => {
    const database = await openDatabase({});
    try {
      const response = await buildApp(database, finishedStartup()).request("/readyz");
      expect(response.status).toBe(503);
      const body = (await response.json()) as {
        checks: { migrations: { ok: boolean; pending: number; expected: number } };
      };
      expect(body.checks.migrations.ok).toBe(false);
      expect(body.checks.migrations.pending).toBe(body.checks.migrations.expected);
      expect(body.checks.migrations.pending).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });
});
