// The app's dependencies, built once from the configuration and passed to every handler, middleware and worker
// (like listmonk's core): the database handle, the clock (never read directly), the log, mail and settings.
import type { Config } from "../config.js";
import type { Database, Db, DriverName } from "../db/client.js";
import { createPublicOnlyFetch } from "../ingest/documents/fetch-url.js";
import type { PublicDumpFiles } from "../ingest/dump/dump-file.js";
import type { Logger } from "../logger.js";
import type { Mailer } from "../newsletter/mailer.js";
import { newsletterSettingsFrom, type NewsletterSettings } from "../newsletter/settings.js";
import { createMailer } from "../newsletter/transports.js";
import { createWebhookPoster, type WebhookPoster } from "../newsletter/webhook.js";
import { editorialSettingsFrom, type EditorialSettings } from "./editorial-settings.js";

export interface AppDeps {
  db: Db;
  driver: DriverName;
  now: () => Date;
  logger: Logger;
  mailer: Mailer;
  webhook: WebhookPoster;
  editorial: EditorialSettings;
  newsletter: NewsletterSettings;
  /** The public dump's files, built in the background (server.ts); absent: GET /api/v1/dump makes its own. */
  publicDump?: PublicDumpFiles;
}

/** Everything the app needs, from the configuration; `now` and `mailer` may be replaced (tests). */
export function createAppDeps(
  config: Config,
  database: Pick<Database, "db" | "driver">,
  options: { logger: Logger; now?: () => Date; mailer?: Mailer },
): AppDeps {
  const { logger } = options;
  return {
    db: database.db,
    driver: database.driver,
    now: options.now ?? (() => new Date()),
    logger,
    mailer: options.mailer ?? createMailer(config, logger),
    webhook: createWebhookPosterFor(config),
    editorial: editorialSettingsFrom(config),
    newsletter: newsletterSettingsFrom(config, (line) => logger.info(line)),
  };
}

/**
 * Webhook alerts never reach private or loopback addresses unless DOCUMENT_FETCH_ALLOW_PRIVATE allows it: checked on the
 * address each connection actually goes to (a name that resolves to loopback, DNS rebinding), not only the URL's host.
 */
export function createWebhookPosterFor(config: Config): WebhookPoster {
  return createWebhookPoster({
    fetch: createPublicOnlyFetch({ allowPrivateAddresses: config.documentFetchAllowPrivate }),
  });
}
