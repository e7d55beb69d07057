// `normwatch send` (work the delivery queue once, or keep watching), `normwatch alerts run` and
// `normwatch subscribers export`: parse, call one function, report.
import type { Command } from "commander";
import { ConfigError, loadConfig, type Config } from "../config.js";
import { listSubscribers } from "../db/subscribers.js";
import { recordBounce } from "../db/deliveries.js";
import { normalizeEmail } from "../domain/auth.js";
import { writeCsv } from "../domain/csv.js";
import { createWebhookPosterFor } from "../http/deps.js";
import { createLogger } from "../logger.js";
import { runAlerts } from "../newsletter/alerts-run.js";
import { createDeliveryStore, sendDueDeliveries } from "../newsletter/sender.js";
import { linksFor, newsletterSettingsFrom } from "../newsletter/settings.js";
import { createMailer } from "../newsletter/transports.js";
import { startDeliveryWorker } from "../newsletter/worker.js";
import { withDatabase } from "./database.js";

export async function runSend(config: Config, options: { watch: boolean; json?: boolean }): Promise<void> {
  const logger = createLogger(config.logLevel, { format: config.logFormat });
  const settings = newsletterSettingsFrom(config, (line) => logger.info(line));
  if (!settings.secret) throw new ConfigError(settings.disabledReason ?? "NEWSLETTER_SECRET is required to send");
  const mailer = createMailer(config, logger);
  await withDatabase(config, async (database) => {
    if (options.watch) {
      const worker = startDeliveryWorker({
        db: database.db,
        mailer,
        webhook: createWebhookPosterFor(config),
        settings,
        log: logger,
      });
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await worker.stop();
      return;
    }
    const report = await sendDueDeliveries({
      store: createDeliveryStore(database.db),
      mailer,
      webhook: createWebhookPosterFor(config),
      linksFor: (id) => linksFor(settings, id),
      policy: settings.policy,
      ratePerSecond: settings.ratePerSecond,
      now: () => new Date(),
    });
    console.log(
      options.json
        ? JSON.stringify(report)
        : `sent ${report.sent} (accepted by the server), to retry ${report.retried}, failed ${report.failed}, skipped ${report.skipped}`,
    );
  });
  (mailer as { close?: () => void }).close?.();
}

export async function runAlertsOnce(config: Config, options: { now?: string; json?: boolean }): Promise<void> {
  const now = options.now ? new Date(options.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new ConfigError(`--now: not a date and time: ${options.now}`);
  const settings = newsletterSettingsFrom(config, (line) => console.error(line));
  await withDatabase(config, async (database) => {
    const r = await runAlerts(database.db, { now, baseUrl: settings.baseUrl });
    console.log(
      options.json
        ? JSON.stringify(r)
        : `checked ${r.checked}: queued ${r.queued}, nothing new ${r.skippedEmpty}; not due yet ${r.notDue}. Run \`normwatch send\` to send.`,
    );
  });
}

export async function runSubscribersExport(config: Config): Promise<void> {
  await withDatabase(config, async (database) => {
    const rows = await listSubscribers(database.db);
    process.stdout.write(
      writeCsv(
        ["email", "status", "topics", "language", "created_at", "confirmed_at", "unsubscribed_at"],
        rows.map((r) => [
          r.email,
          r.status,
          r.topics.join(" "),
          r.language,
          r.createdAt.toISOString(),
          r.confirmedAt?.toISOString() ?? "",
          r.unsubscribedAt?.toISOString() ?? "",
        ]),
      ),
    );
  });
}

export async function runSubscribersBounce(config: Config, input: { email: string; reason: string }): Promise<void> {
  const email = normalizeEmail(input.email);
  await withDatabase(config, async (database) => {
    const isKnown = await recordBounce(database.db, { email, reason: input.reason, now: new Date() });
    console.log(isKnown ? `${email}: marked bounced` : `${email}: no such subscriber`);
  });
}

export function registerNewsletterCommands(program: Command): void {
  program
    .command("send")
    .description("send the queued digest, alert and confirmation mail once (or keep watching with --watch)")
    .option("--watch", "keep running: work the queue every few seconds and check alerts", false)
    .option("--json", "print the report (sent, retried, failed, skipped) as JSON", false)
    .action((options: { watch: boolean; json: boolean }) => runSend(loadConfig(), options));
  const alerts = program.command("alerts").description("follow-anything alerts");
  alerts
    .command("run")
    .description("queue an alert for every due subscription whose target changed (nothing when nothing changed)")
    .option("--now <iso>", "the moment to check up to (default: now)")
    .option("--json", "print the report (checked, queued, skipped, not due) as JSON", false)
    .action((options: { now?: string; json: boolean }) => runAlertsOnce(loadConfig(), options));
  const subscribers = program.command("subscribers").description("newsletter subscribers");
  subscribers
    .command("export")
    .description("print every subscriber as CSV")
    .action(() => runSubscribersExport(loadConfig()));
  subscribers
    .command("bounce <email>")
    .description("record a bounce report: no more mail to the address; its last sent message is marked bounced")
    .option("--reason <text>", "what the bounce message said", "bounce reported by the operator")
    .action((email: string, options: { reason: string }) =>
      runSubscribersBounce(loadConfig(), { email, reason: options.reason }),
    );
}
