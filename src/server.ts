// Wires configuration, database and the HTTP app; the only place that does. Also starts and stops the server.
import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { API_PREFIX, apiRequestChecks, createApiApp, OPENAPI_PATH } from "./api/app.js";
import { expensiveEndpointLimits } from "./api/rate-limit.js";
import type { Config } from "./config.js";
import { openDatabase, type Database, type PoolStats } from "./db/client.js";
import { getDataVersion } from "./db/data-version.js";
import { migrateDatabase } from "./db/migrate.js";
import { requestBodyLimit } from "./http/body-limit.js";
import { compression } from "./http/compression.js";
import { createAppDeps, type AppDeps } from "./http/deps.js";
import { editorialGuard } from "./http/editorial-guard.js";
import { errorResponse, mapError } from "./http/errors.js";
import { createHealthApp } from "./http/health.js";
import { createMetrics } from "./http/metrics.js";
import { pageCache } from "./http/page-cache.js";
import { requestContext } from "./http/request-log.js";
import { ALREADY_STARTED, trackStartup, type StartupState } from "./http/startup-state.js";
import {
  getCorpusStatus,
  readCorpusManifest,
  startBackgroundCorpusImport,
  type CorpusStatus,
} from "./ingest/documents/corpus.js";
import { createPublicDumpFiles, publicDumpDir, publicDumpWriter } from "./ingest/dump/dump-file.js";
import { DATASETS_DIR, seedDatabase, type SeedProgress } from "./ingest/seed.js";
import { createLogger, type Logger } from "./logger.js";
import { startDeliveryWorker } from "./newsletter/worker.js";
import { createWebApp, renderErrorPage } from "./web/app.js";
import { assetCaching } from "./web/asset-urls.js";

const STATIC_ROOT = new URL("./web/static/", import.meta.url);
const ASSETS_ROOT = new URL("../dist/assets/", import.meta.url);

export interface AppOptions {
  /** How far start-up got (for /readyz and /metrics); omitted: the database is migrated and seeded already. */
  startup?: StartupState;
  /** The PostgreSQL pool's connections, for /metrics. */
  poolStats?: (() => PoolStats) | undefined;
  /** Where the bundled document corpus import stands, for /readyz and /metrics. */
  corpusStatus?: (() => Promise<CorpusStatus>) | undefined;
  /** When set, /metrics needs `Authorization: Bearer <metricsToken>` (METRICS_TOKEN). */
  metricsToken?: string | undefined;
}

export function createApp(deps: AppDeps, options: AppOptions = {}): Hono {
  const app = new Hono();
  const { logger } = deps;
  const startup = options.startup ?? ALREADY_STARTED;
  const { poolStats, corpusStatus } = options;
  const metrics = createMetrics({ db: deps.db, driver: deps.driver, now: deps.now, startup, poolStats, corpusStatus });
  // First, so the request id is set before anything can log and every answer (errors too) is timed and echoes it.
  app.use(requestContext({ logger, observe: metrics.observe }));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: "strict-origin-when-cross-origin",
      // A handler that sets its own policy keeps it (the digest's email preview frame allows inline styles only).
      overwrite: false,
    }),
  );
  // Brotli or gzip for every text answer (issue 17).
  app.use(compression());
  app.use(requestBodyLimit(deps));
  const api = createApiApp(deps);
  // 405, unknown query parameters, CORS preflight and Accept: text/csv, before authentication and caching (issue 18).
  app.use(
    `${API_PREFIX}/*`,
    apiRequestChecks(api, (request) => app.fetch(request)),
  );
  app.use(`${API_PREFIX}/*`, expensiveEndpointLimits(deps));
  // Before the editorial guard, which reads any Authorization header as an API token: /metrics takes its own.
  app.route(
    "/",
    createHealthApp({
      db: deps.db,
      driver: deps.driver,
      startup,
      metrics,
      corpusStatus,
      metricsToken: options.metricsToken,
      logger,
    }),
  );
  // Principal, deny-by-default for anonymous writes, and CSRF: before every route, including ones added later.
  app.use(editorialGuard(deps));
  app.use("/static/*", assetCaching("static"));
  app.use("/assets/*", assetCaching("assets"));
  app.use(
    "/static/*",
    serveStatic({ root: pathOf(STATIC_ROOT), rewriteRequestPath: (p) => p.replace(/^\/static/, "") }),
  );
  app.use(
    "/assets/*",
    serveStatic({ root: pathOf(ASSETS_ROOT), rewriteRequestPath: (p) => p.replace(/^\/assets/, "") }),
  );
  // Anonymous GETs of pages and API answers, kept while the data version holds (issue 17).
  app.use(pageCache({ db: deps.db, now: deps.now }));
  app.route("/", api);
  // The API reference page shows the same document /api/openapi.json serves, built from the API's own routes.
  app.route(
    "/",
    createWebApp(deps, {
      apiReference: { path: OPENAPI_PATH, document: async () => (await api.request(OPENAPI_PATH)).json() },
    }),
  );
  app.notFound((c) =>
    c.req.path.startsWith("/api/")
      ? errorResponse(
          c,
          mapError(new HTTPException(404, { message: `no such endpoint: ${c.req.method} ${c.req.path}` })),
        )
      : renderErrorPage(c, new HTTPException(404, { message: "There is no page at this address." })),
  );
  app.onError((error, c) => {
    const mapped = mapError(error);
    if (mapped.status >= 500)
      logger.error(`${c.req.method} ${c.req.path}: ${error.message}`, { requestId: c.get("requestId"), err: error });
    return c.req.path.startsWith("/api/") ? errorResponse(c, mapped) : renderErrorPage(c, error);
  });
  return app;
}

function pathOf(url: URL): string {
  return decodeURIComponent(url.pathname);
}

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds what changed, and listens. Progress goes to the logger. */
export async function startServer(
  config: Config,
  options: { logger?: Logger; onSeedProgress?: SeedProgress } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel, { format: config.logFormat });
  const started = performance.now();
  const startup = trackStartup();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  try {
    logger.info(config.databaseUrl ? "database: PostgreSQL server" : `database: embedded PGlite in ${config.dataDir}`);
    await migrateDatabase(database);
    const logProgress = options.onSeedProgress ?? seedProgressLogger(logger);
    await seedDatabase(database, {
      onProgress: (event) => {
        startup.onSeedProgress(event);
        logProgress(event);
      },
    });
    startup.seedFinished();
  } catch (error) {
    await database.close();
    throw error;
  }
  // The public dump (GET /api/v1/dump) as a file under DATA_DIR/dumps, built in the background after the data changes.
  const publicDump = createPublicDumpFiles({
    dir: publicDumpDir(config.dataDir),
    readVersion: () => getDataVersion(database.db),
    write: publicDumpWriter(database),
    now: () => new Date(),
    pollMs: 30_000,
    log: (line) => logger.info(line),
    onError: (error) => logger.error(`public dump: ${error instanceof Error ? error.message : String(error)}`),
  });
  const deps = { ...createAppDeps(config, database, { logger }), publicDump };
  // The queue is worked here too: on the embedded database no other process may open it.
  const worker = startDeliveryWorker({
    db: deps.db,
    mailer: deps.mailer,
    webhook: deps.webhook,
    settings: deps.newsletter,
    log: logger,
  });
  const corpusManifest = readCorpusManifest(DATASETS_DIR);
  const corpusStatus = corpusManifest ? () => getCorpusStatus(database, corpusManifest) : undefined;
  const app = createApp(deps, {
    startup: startup.state,
    poolStats: database.poolStats,
    corpusStatus,
    metricsToken: config.metricsToken,
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  logger.info(`Normwatch is serving ${url} (ready in ${Math.round(performance.now() - started)} ms)`);
  publicDump.start();
  // The document corpus comes after the first page: one small transaction at a time, yielding to requests between them.
  const corpus =
    config.bundledCorpus === "background"
      ? startBackgroundCorpusImport(database, {
          datasetsDir: DATASETS_DIR,
          now: deps.now,
          log: (line) => logger.info(line),
          onError: (error) =>
            logger.error(`corpus import stopped: ${error instanceof Error ? error.message : String(error)}`),
        })
      : null;
  let closing: Promise<void> | undefined;
  return {
    url,
    database,
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()))
        .then(() => corpus?.stop())
        .then(() => publicDump.close())
        .then(() => worker.stop())
        .then(() => database.close());
      return closing;
    },
  };
}

export function seedProgressLogger(logger: Logger): SeedProgress {
  return (event) => {
    const step = `[${event.index + 1}/${event.total}] ${event.dataset}`;
    if (event.phase === "start") logger.info(`${step}: importing…`);
    if (event.phase === "skip") logger.debug(`${step}: up to date`);
    if (event.phase === "done" && event.result) {
      const rows = Object.values(event.result.counts).reduce((n, c) => n + c.inserted + c.updated, 0);
      logger.info(`${step}: ${rows} rows written in ${Math.round(event.result.milliseconds)} ms`);
    }
  };
}
