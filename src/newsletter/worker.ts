// Runs the sender and the alert check in the background of a long-running process (the server, or
// `normwatch send --watch`): on the embedded database only the server may open it, so it sends too.
import type { Db } from "../db/client.js";
import { runAlerts } from "./alerts-run.js";
import type { Mailer } from "./mailer.js";
import { createDeliveryStore, sendDueDeliveries } from "./sender.js";
import { linksFor, type NewsletterSettings } from "./settings.js";
import type { WebhookPoster } from "./webhook.js";

export interface DeliveryWorkerOptions {
  db: Db;
  mailer: Mailer;
  webhook: WebhookPoster;
  settings: NewsletterSettings;
  log: { info(line: string): void; error(line: string): void };
  /** Pause between queue passes. */
  intervalMs?: number;
  /** Alerts are checked at most this often. */
  alertsIntervalMs?: number;
  now?: () => Date;
}

export interface DeliveryWorker {
  stop(): Promise<void>;
}

export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const now = options.now ?? (() => new Date());
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let lastAlerts = 0;
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    const settings = options.settings;
    if (!settings.secret) return;
    if (Date.now() - lastAlerts >= (options.alertsIntervalMs ?? 300_000)) {
      lastAlerts = Date.now();
      const r = await runAlerts(options.db, { now: now(), baseUrl: settings.baseUrl });
      if (r.queued > 0) options.log.info(`alerts: ${r.queued} queued, ${r.skippedEmpty} with nothing new`);
    }
    const report = await sendDueDeliveries({
      store: createDeliveryStore(options.db),
      mailer: options.mailer,
      webhook: options.webhook,
      linksFor: (id) => linksFor(settings, id),
      policy: settings.policy,
      ratePerSecond: settings.ratePerSecond,
      now,
      signal: controller.signal,
    });
    if (report.sent + report.failed + report.retried > 0)
      options.log.info(
        `send: ${report.sent} sent, ${report.retried} to retry, ${report.failed} failed, ${report.skipped} skipped`,
      );
  };
  const tick = () => {
    running = pass()
      .catch((error: unknown) => options.log.error(`delivery worker: ${(error as Error).stack ?? String(error)}`))
      .finally(() => {
        if (!controller.signal.aborted) timer = setTimeout(tick, options.intervalMs ?? 10_000);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      controller.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
