// Health endpoints for load balancers, orchestrators and Prometheus: /healthz (the process answers), /readyz
// (the database answers, every migration is applied and the bundled data is seeded) and /metrics. /healthz and /readyz
// are public (load balancers ask without credentials) and say no more than ready or not, the version and progress
// counts; /metrics, which shows traffic by route and the mail queue, can be kept to Prometheus with METRICS_TOKEN.
import { timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import type { Db, DriverName } from "../db/client.js";
import { getMigrationStatus, pingDatabase } from "../db/status.js";
import type { CorpusStatus } from "../ingest/documents/corpus.js";
import type { Logger } from "../logger.js";
import { APP_VERSION } from "../version.js";
import type { AppMetrics } from "./metrics.js";
import type { StartupState } from "./startup-state.js";

export interface HealthDeps {
  db: Db;
  driver: DriverName;
  startup: StartupState;
  metrics: AppMetrics;
  corpusStatus?: (() => Promise<CorpusStatus>) | undefined;
  /** When set, /metrics needs `Authorization: Bearer <metricsToken>` (config METRICS_TOKEN). */
  metricsToken?: string | undefined;
  /** Where /readyz writes why the database did not answer (the answer itself does not say). */
  logger?: Logger | undefined;
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
      // The driver's message can name hosts, ports and database users: logged, never shown to the public.
      deps.logger?.error(
        `readyz: the database does not answer: ${error instanceof Error ? error.message : String(error)}`,
      );
      database = { ok: false, driver: deps.driver, error: "the database does not answer" };
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
    if (deps.metricsToken && !hasBearerToken(c.req.header("authorization"), deps.metricsToken)) {
      return c.text("/metrics needs Authorization: Bearer <METRICS_TOKEN>\n", 401, {
        "WWW-Authenticate": 'Bearer realm="metrics"',
        "Cache-Control": "no-store",
      });
    }
    const { contentType, body } = await deps.metrics.render();
    return c.body(body, 200, { "Content-Type": contentType });
  });

  return app;
}

/** Whether the Authorization header carries exactly this bearer token (compared in constant time). */
export function hasBearerToken(authorization: string | undefined, token: string): boolean {
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function migrationCheck(db: Db): Promise<Check> {
  const status = await getMigrationStatus(db);
  return { ok: status.pending === 0, ...status };
}
