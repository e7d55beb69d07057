// /metrics behind METRICS_TOKEN (a bearer token) while /healthz and /readyz stay public and reveal no database
// details, and answers served from the page cache counted under their own route pattern rather than the cache's `/*`.
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database.js";
import { openDatabase } from "../db/client.js";
import { createHealthApp, hasBearerToken } from "./health.js";
import { createMetrics } from "./metrics.js";
import { pageCache } from "./page-cache.js";
import { requestContext } from "./request-log.js";
import { ALREADY_STARTED } from "./startup-state.js";

const NOW = new Date("2026-11-23T12:00:00Z");
const TOKEN = "metrics-token-0123456789abcdef";

function buildApp(database: Pick<TestDatabase, "db" | "driver">, metricsToken?: string) {
  const metrics = createMetrics({ db: database.db, driver: database.driver, now: () => NOW, startup: ALREADY_STARTED });
  const app = new Hono();
  app.use(requestContext({ observe: metrics.observe }));
  app.route(
    "/",
    createHealthApp({ db: database.db, driver: database.driver, startup: ALREADY_STARTED, metrics, metricsToken }),
  );
  app.use(pageCache({ db: database.db, now: () => NOW }));
  app.get("/api/v1/states/:iso3", (c) => c.json({ iso3: c.req.param("iso3"), padding: "x".repeat(2000) }));
  return app;
}

const sample = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe("metrics access and route labels (PGlite)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  }, 120_000);
  afterAll(async () => database?.dispose());

  it("with METRICS_TOKEN, /metrics answers 401 without the bearer token or with a wrong one, 200 with it", async () => {
    const app = buildApp(database, TOKEN);
    const none = await app.request("/metrics");
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain("normwatch_");
    const wrong = await app.request("/metrics", { headers: { Authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const basic = await app.request("/metrics", { headers: { Authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
    const right = await app.request("/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/^normwatch_database_up 1$/m);
  });

  it("without METRICS_TOKEN, /metrics stays public", async () => {
    expect((await buildApp(database).request("/metrics")).status).toBe(200);
  });

  it("/healthz and /readyz need no token when METRICS_TOKEN is set", async () => {
    const app = buildApp(database, TOKEN);
    expect((await app.request("/healthz")).status).toBe(200);
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("counts answers served from the page cache under their route pattern, never /*", async () => {
    const app = buildApp(database);
    for (let i = 0; i < 3; i++) expect((await app.request("/api/v1/states/FRA")).status).toBe(200);
    const text = await (await app.request("/metrics")).text();
    expect(
      sample(
        text,
        'normwatch_http_request_duration_seconds_count{method="GET",route="/api/v1/states/:iso3",status="200"}',
      ),
    ).toBe(3);
    expect(text).not.toMatch(/route="\/\*"/);
  });

  it("compares bearer tokens exactly", () => {
    expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(hasBearerToken(undefined, TOKEN)).toBe(false);
    expect(hasBearerToken(`Bearer ${TOKEN} extra`, TOKEN)).toBe(false);
  });
});

describe("/readyz when the database is gone", () => {
  it("says not ready without the driver's message (hosts, users) in the public answer", async () => {
    const database = await openDatabase({});
    const app = buildApp(database);
    await database.close();
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: { database: { ok: boolean; error?: string } } };
    expect(body.checks.database).toEqual({ ok: false, driver: "pglite", error: "the database does not answer" });
  });
});
