// Health endpoints for load balancers, orchestrators and Prometheus: /healthz (the process answers), /readyz
// (the database answers, every migration is applied and the bundled data is seeded) and /metrics.
import { Hono } from "hono";
import type { Db, DriverName } from "../db/client.js";
import { getMigrationStatus, pingDatabase } from "../db/status.js";
import type { CorpusStatus } from "../ingest/documents/corpus.js";
import { APP_VERSION } from "../version.js";
import type { AppMetrics } from "./metrics.js";
import type { StartupState } from "./startup-state.js";

export interface HealthDeps {
  db: Db;
  driver: DriverName;
  startup: StartupState;
  metrics: AppMetrics;
  corpusStatus?: (() => Promise<CorpusStatus>) | undefined;
}

interface Check {
  ok: boolean;
  [detail: string]: unknown;
}

export function createHealthApp(deps: HealthDeps): Hono {
  const app = new Hono();

  // Liveness: answers as long as the process does, without touching the database (a database outage is
  // /readyz's business; restarting the app would not cure it).
  app.get("/healthz", (c) => c.json({ status: "ok", version: APP_VERSION, database: deps.driver }));

  app.get("/readyz", async (c) => {
    let database: Check;
    try {
      await pingDatabase(deps.db);
      database = { ok: true, driver: deps.driver };
    } catch (error) {
      database = { ok: false, driver: deps.driver, error: error instanceof Error ? error.message : String(error) };
    }
    const migrations: Check = database.ok
      ? await migrationCheck(deps.db)
      : { ok: false, error: "the database does not answer" };
    const seed: Check = { ok: deps.startup.seed.finished, ...deps.startup.seed };
    const checks = { database, migrations, seed };
    const ready = Object.values(checks).every((check) => check.ok);
    // The corpus import runs in the background while the site serves: reported, never a reason to refuse traffic.
    const corpus = database.ok && deps.corpusStatus ? await deps.corpusStatus() : undefined;
    return c.json(
      { status: ready ? "ready" : "not ready", version: APP_VERSION, checks, ...(corpus ? { corpus } : {}) },
      ready ? 200 : 503,
    );
  });

  app.get("/metrics", async (c) => {
    const { contentType, body } = await deps.metrics.render();
    return c.body(body, 200, { "Content-Type": contentType });
  });

  return app;
}

async function migrationCheck(db: Db): Promise<Check> {
  const status = await getMigrationStatus(db);
  return { ok: status.pending === 0, ...status };
}
