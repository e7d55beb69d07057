// Works through the delivery queue: claims due rows under a lease, sends each through the Mailer (or posts a
// webhook), and records the outcome. Declares the small interfaces it needs so tests can swap any of them.
import {
  decideAfterFailure,
  fillRecipientLinks,
  isPermanentSmtpFailure,
  isSubscriberSendable,
  unsubscribeHeaders,
  type RecipientLinks,
  type RetryPolicy,
} from "../domain/subscriptions.js";
import type { Db } from "../db/client.js";
import {
  claimDueDeliveries,
  releaseDeliveries,
  markDeliveryFailed,
  markDeliveryRetry,
  markDeliverySent,
  type ClaimedDelivery,
} from "../db/deliveries.js";
import { reserveRateSlot } from "../db/rate-limits.js";
import { MailSendError, type Mailer, type MailMessage } from "./mailer.js";
import { WebhookError, type WebhookPoster } from "./webhook.js";

/** Where the sender reads and records deliveries. */
export interface DeliveryStore {
  claim(input: { now: Date; limit: number; leaseUntil: Date }): Promise<ClaimedDelivery[]>;
  markSent(delivery: ClaimedDelivery, messageId: string, now: Date): Promise<void>;
  markRetry(delivery: ClaimedDelivery, error: string, nextAttemptAt: Date): Promise<void>;
  markFailed(delivery: ClaimedDelivery, error: string): Promise<void>;
  /** Hands claimed rows back unsent (their attempt does not count). */
  release(deliveries: ClaimedDelivery[]): Promise<void>;
  /** The time the next message may go, shared by every sender (absent: this sender paces itself alone). */
  reserveSendSlot?(input: { now: Date; intervalMs: number }): Promise<Date>;
}

export function createDeliveryStore(db: Db): DeliveryStore {
  return {
    claim: (input) => claimDueDeliveries(db, input),
    markSent: (d, messageId, now) =>
      markDeliverySent(db, d.id, { messageId, now, isConfirmation: d.kind === "confirmation" }),
    markRetry: (d, error, nextAttemptAt) => markDeliveryRetry(db, d.id, { error, nextAttemptAt }),
    markFailed: (d, error) => markDeliveryFailed(db, d.id, { error }),
    release: (ds) =>
      releaseDeliveries(
        db,
        ds.map((d) => d.id),
      ),
    reserveSendSlot: (input) => reserveRateSlot(db, { key: SEND_RATE_KEY, ...input }),
  };
}

/** The key of the send rate every app process shares (db/rate-limits.ts). */
export const SEND_RATE_KEY = "delivery-send-rate";

export interface SenderOptions {
  store: DeliveryStore;
  mailer: Mailer;
  /** Needed only when webhook alerts are queued. */
  webhook?: WebhookPoster | undefined;
  /** The signed unsubscribe and preferences links of a subscriber. */
  linksFor: (subscriberId: number) => RecipientLinks;
  policy: RetryPolicy;
  /** Messages per second at most (0: no limit). */
  ratePerSecond: number;
  batchSize?: number;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Aborting stops before the next message; claimed rows stay "sending" until their lease runs out. */
  signal?: AbortSignal;
}

export interface SendReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

/** How long a claimed row is held, and how close to its end a sender stops starting new messages. */
export const LEASE_MS = 10 * 60_000;
export const LEASE_MARGIN_MS = 3 * 60_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends everything due now, batch after batch, until nothing is due (or the signal aborts). */
export async function sendDueDeliveries(options: SenderOptions): Promise<SendReport> {
  const report: SendReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const batchSize = options.batchSize ?? 20;
  const sleep = options.sleep ?? defaultSleep;
  const interval = options.ratePerSecond > 0 ? 1000 / options.ratePerSecond : 0;
  // The lease covers a whole batch at the rate limit with room to spare. A sender that runs late anyway hands
  // back what it has not sent before its lease ends, so another sender can never take a row it is still sending.
  const leaseMs = Math.max(LEASE_MS, 3 * batchSize * interval);
  let lastSendAt: number | undefined;
  while (!options.signal?.aborted) {
    const now = options.now();
    const leaseUntil = now.getTime() + leaseMs;
    const batch = await options.store.claim({ now, limit: batchSize, leaseUntil: new Date(leaseUntil) });
    if (batch.length === 0) break;
    for (const [index, delivery] of batch.entries()) {
      if (options.signal?.aborted) break;
      if (options.now().getTime() > leaseUntil - LEASE_MARGIN_MS) {
        await options.store.release(batch.slice(index));
        break;
      }
      if (!isSubscriberSendableFor(delivery)) {
        await options.store.markFailed(delivery, `skipped: the subscriber is ${delivery.subscriberStatus ?? "gone"}`);
        report.skipped += 1;
        continue;
      }
      if (interval > 0 && options.store.reserveSendSlot) {
        // Shared by every sender on the database: N app servers together send at the configured rate, not N times it.
        const slot = await options.store.reserveSendSlot({ now: options.now(), intervalMs: interval });
        const wait = slot.getTime() - options.now().getTime();
        if (wait > 0) await sleep(wait);
      } else if (interval > 0 && lastSendAt !== undefined) {
        const wait = lastSendAt + interval - options.now().getTime();
        if (wait > 0) await sleep(wait);
      }
      lastSendAt = options.now().getTime();
      await attempt(options, delivery, report);
    }
  }
  return report;
}

function isSubscriberSendableFor(d: ClaimedDelivery): boolean {
  if (d.subscriberId === null) return d.kind !== "digest";
  return isSubscriberSendable(d.subscriberStatus, d.kind);
}

async function attempt(options: SenderOptions, delivery: ClaimedDelivery, report: SendReport): Promise<void> {
  try {
    const messageId =
      delivery.channel === "webhook"
        ? await postWebhook(options, delivery)
        : (await options.mailer.send(mailFor(options, delivery))).messageId;
    await options.store.markSent(delivery, messageId, options.now());
    report.sent += 1;
  } catch (error) {
    const isPermanent =
      (error instanceof MailSendError && isPermanentSmtpFailure(error.responseCode)) ||
      (error instanceof WebhookError && error.isPermanent);
    const reason = describeFailure(error);
    const outcome = decideAfterFailure({
      attempts: delivery.attempts,
      isPermanent,
      now: options.now(),
      policy: options.policy,
    });
    if (outcome.status === "failed") {
      await options.store.markFailed(delivery, reason);
      report.failed += 1;
    } else {
      await options.store.markRetry(delivery, reason, outcome.nextAttemptAt);
      report.retried += 1;
    }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof MailSendError) return `${error.responseCode ?? "no code"}: ${error.message}`.slice(0, 1000);
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

/**
 * The language every message is written in (Content-Language, RFC 3282). The digest, alerts and confirmations exist
 * in English only: a reader who chose another language at sign-up (subscribers.language) gets English until a
 * translation exists, and the header says so rather than echoing the preference.
 */
export const MAIL_CONTENT_LANGUAGE = "en";

/** The message as it goes out: list messages get the reader's signed links and RFC 8058 headers. */
export function mailFor(options: Pick<SenderOptions, "linksFor">, d: ClaimedDelivery): MailMessage {
  const message: MailMessage = {
    to: d.recipient,
    subject: d.subject,
    text: d.bodyText,
    idempotencyKey: d.idempotencyKey,
    headers: { "Content-Language": MAIL_CONTENT_LANGUAGE },
  };
  if (d.bodyHtml) message.html = d.bodyHtml;
  if (d.kind !== "confirmation" && d.subscriberId !== null) {
    const links = options.linksFor(d.subscriberId);
    message.text = fillRecipientLinks(d.bodyText, links, false);
    if (d.bodyHtml) message.html = fillRecipientLinks(d.bodyHtml, links, true);
    message.headers = {
      ...message.headers,
      "List-Id": listId(d.kind, links.unsubscribeUrl),
      ...unsubscribeHeaders(links),
    };
  }
  return message;
}

const LIST_NAMES: Record<ClaimedDelivery["kind"], string> = {
  digest: "Normwatch monthly digest",
  alert: "Normwatch alerts",
  confirmation: "Normwatch sign-up",
};

/**
 * The List-Id header (RFC 2919) of a list message: the list's name and "<kind>.<the instance's host>", taken from
 * the reader's signed links so it follows PUBLIC_URL. Mail clients and filters group the list's messages by it.
 */
export function listId(kind: ClaimedDelivery["kind"], instanceUrl: string): string {
  return `${LIST_NAMES[kind]} <${kind}.${new URL(instanceUrl).hostname}>`;
}

async function postWebhook(options: SenderOptions, d: ClaimedDelivery): Promise<string> {
  if (!options.webhook) throw new WebhookError("webhook alerts are not enabled in this sender", false);
  if (!d.webhookSecret) throw new WebhookError("the alert has no webhook secret", true);
  const result = await options.webhook.post({
    url: d.recipient,
    body: d.bodyText,
    secret: d.webhookSecret,
    deliveryKey: d.idempotencyKey,
    now: options.now(),
  });
  return `webhook-${result.status}`;
}
