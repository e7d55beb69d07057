// Wires configuration, database and the HTTP app; the only place that does. Also starts and stops the server.
import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { sql } from "drizzle-orm";
import { createApiApp } from "./api/app.js";
import { errorResponse, mapError } from "./api/errors.js";
import { editorialSettingsFrom, type EditorialDeps } from "./api/middleware/editorial-deps.js";
import { requestBodyLimit } from "./api/middleware/body-limit.js";
import { editorialGuard } from "./api/middleware/editorial-guard.js";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import type { AppDeps } from "./db/context.js";
import { migrateDatabase } from "./db/migrate.js";
import { seedDatabase, type SeedProgress } from "./ingest/seed.js";
import { createWebApp, renderErrorPage } from "./web/app.js";
import { createLogger, type Logger } from "./logger.js";
import { createLogMailer, type Mailer } from "./newsletter/mailer.js";
import { newsletterSettingsFrom, type NewsletterDeps } from "./newsletter/settings.js";
import { createSmtpMailer } from "./newsletter/smtp-mailer.js";
import { createWebhookPoster } from "./newsletter/webhook.js";
import { startDeliveryWorker } from "./newsletter/worker.js";
import { assertPublicHost } from "./ingest/documents/fetch-url.js";

export interface AppOptions {
  logger?: Logger;
}

const STATIC_ROOT = new URL("./web/static/", import.meta.url);
const ASSETS_ROOT = new URL("../dist/assets/", import.meta.url);

export function createApp(deps: AppDeps, options: AppOptions = {}): Hono {
  const app = new Hono();
  const logger = options.logger;
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
  if (logger) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      logger.info(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
    });
  }
  app.use(requestBodyLimit(deps));
  // Principal, deny-by-default for anonymous writes, and CSRF: before every route, including ones added later.
  app.use(editorialGuard(deps));
  app.get("/healthz", async (c) => {
    await deps.db.execute(sql`SELECT 1`);
    return c.json({ status: "ok", database: deps.driver });
  });
  app.use("/static/*", serveStatic({ root: pathOf(STATIC_ROOT), rewriteRequestPath: (p) => p.replace(/^\/static/, "") }));
  app.use("/assets/*", serveStatic({ root: pathOf(ASSETS_ROOT), rewriteRequestPath: (p) => p.replace(/^\/assets/, "") }));
  app.route("/", createApiApp(deps));
  app.route("/", createWebApp(deps));
  app.notFound((c) =>
    c.req.path.startsWith("/api/") ? errorResponse(c, mapError(new HTTPException(404, { message: `no such endpoint: ${c.req.method} ${c.req.path}` }))) : renderErrorPage(c, new HTTPException(404, { message: "There is no page at this address." })),
  );
  app.onError((error, c) => {
    const mapped = mapError(error);
    if (mapped.status >= 500) logger?.error(`${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
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
export async function startServer(config: Config, options: { logger?: Logger; onSeedProgress?: SeedProgress } = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const started = performance.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  try {
    logger.info(config.databaseUrl ? "database: PostgreSQL server" : `database: embedded PGlite in ${config.dataDir}`);
    await migrateDatabase(database);
    await seedDatabase(database, { onProgress: options.onSeedProgress ?? seedProgressLogger(logger) });
  } catch (error) {
    await database.close();
    throw error;
  }
  const mailer = createMailer(config, logger);
  const deps: AppDeps & EditorialDeps & NewsletterDeps = {
    db: database.db,
    driver: database.driver,
    now: () => new Date(),
    mailer,
    editorial: editorialSettingsFrom(config),
    newsletter: newsletterSettingsFrom(config, (line) => logger.info(line)),
  };
  // The queue is worked here too: on the embedded database no other process may open it.
  const worker = startDeliveryWorker({ db: database.db, mailer, webhook: createWebhookPosterFor(config), settings: deps.newsletter, log: logger });
  const app = createApp(deps, { logger });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  logger.info(`Normwatch is serving ${url} (ready in ${Math.round(performance.now() - started)} ms)`);
  let closing: Promise<void> | undefined;
  return {
    url,
    database,
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()))
        .then(() => worker.stop())
        .then(() => database.close());
      return closing;
    },
  };
}

/** SMTP when SMTP_URL is set; otherwise mail is written to the log (development). */
export function createMailer(config: Config, logger: Logger): Mailer {
  if (config.smtpUrl) return createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom });
  logger.info("mail: SMTP_URL is not set, so mail is only written to the log");
  return createLogMailer((line) => logger.info(line));
}

/** Webhook alerts never reach private or loopback addresses unless DOCUMENT_FETCH_ALLOW_PRIVATE allows it. */
export function createWebhookPosterFor(config: Config) {
  return createWebhookPoster({ assertAllowedUrl: async (url) => (config.documentFetchAllowPrivate ? undefined : assertPublicHost(url.hostname)) });
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
