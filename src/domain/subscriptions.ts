// Subscriber and delivery rules (issue 8): topics, confirmation-token expiry, signed links, retry backoff and
// statuses derived from stored rows. Pure: the clock and the secret are passed in.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { DeliveryStatus, SubscriberStatus } from "./vocabulary.js";

/** Lists a reader may choose: the monthly digest, and the digest's themes (its sections). */
export const NEWSLETTER_TOPICS = [
  "digest",
  "cybercrime",
  "first-committee",
  "regional-national",
  "capacity-building",
] as const;
export type NewsletterTopic = (typeof NEWSLETTER_TOPICS)[number];
export const NEWSLETTER_TOPIC_LABELS: Record<NewsletterTopic, string> = {
  digest: "Monthly digest",
  cybercrime: "UN cybercrime convention",
  "first-committee": "First Committee: OEWG and GGE",
  "regional-national": "Regional and national",
  "capacity-building": "Capacity building",
};
/** Languages a reader may prefer (ISO 639-1): the UN's six official languages. */
export const NEWSLETTER_LANGUAGES = {
  en: "English",
  fr: "Français",
  es: "Español",
  ru: "Русский",
  ar: "العربية",
  zh: "中文",
} as const;
export type NewsletterLanguage = keyof typeof NEWSLETTER_LANGUAGES;

/** Placeholders the digest renderer leaves in its html and text; the sender replaces them per recipient. */
export const UNSUBSCRIBE_PLACEHOLDER = "%%UNSUBSCRIBE_URL%%";
export const PREFERENCES_PLACEHOLDER = "%%PREFERENCES_URL%%";

/** What a signed link lets its holder do. */
export type LinkPurpose = "preferences" | "unsubscribe";

export function hashConfirmToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A confirmation token is good when its hash matches the stored one and it has not expired at `now`. */
export function isConfirmTokenValid(
  stored: { confirmTokenHash: string | null; confirmExpiresAt: Date | null },
  token: string,
  now: Date,
): boolean {
  if (!stored.confirmTokenHash || !stored.confirmExpiresAt) return false;
  if (now.getTime() >= stored.confirmExpiresAt.getTime()) return false;
  return isEqualHex(hashConfirmToken(token), stored.confirmTokenHash);
}

export function confirmExpiry(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}

/** HMAC-SHA256 over purpose and subscriber id: a link that cannot be forged or moved to another purpose or reader. */
export function signSubscriberLink(secret: string, subscriberId: number, purpose: LinkPurpose): string {
  return createHmac("sha256", secret).update(`normwatch:${purpose}:${subscriberId}`).digest("hex");
}

/** Constant-time check of a signature taken from a URL (any malformed input is simply false). */
export function verifySubscriberLink(
  secret: string,
  subscriberId: number,
  purpose: LinkPurpose,
  signature: string,
): boolean {
  if (!Number.isSafeInteger(subscriberId) || subscriberId <= 0 || !/^[0-9a-f]{64}$/.test(signature)) return false;
  return isEqualHex(signSubscriberLink(secret, subscriberId, purpose), signature);
}

function isEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** The absolute URL of a signed page, e.g. /subscribe/preferences?s=7&sig=…. */
export function subscriberLinkUrl(
  baseUrl: string,
  path: string,
  secret: string,
  subscriberId: number,
  purpose: LinkPurpose,
): string {
  const url = new URL(path, baseUrl);
  url.searchParams.set("s", String(subscriberId));
  url.searchParams.set("sig", signSubscriberLink(secret, subscriberId, purpose));
  return url.toString();
}

export interface RecipientLinks {
  unsubscribeUrl: string;
  preferencesUrl: string;
}

export function recipientLinks(baseUrl: string, secret: string, subscriberId: number): RecipientLinks {
  return {
    unsubscribeUrl: subscriberLinkUrl(baseUrl, "/unsubscribe", secret, subscriberId, "unsubscribe"),
    preferencesUrl: subscriberLinkUrl(baseUrl, "/subscribe/preferences", secret, subscriberId, "preferences"),
  };
}

/** Replaces the renderer's placeholders with this recipient's links (html-escaped in the html part). */
export function fillRecipientLinks(body: string, links: RecipientLinks, isHtml: boolean): string {
  const escape = (s: string) => (isHtml ? s.replaceAll("&", "&amp;").replaceAll('"', "&quot;") : s);
  return body
    .replaceAll(UNSUBSCRIBE_PLACEHOLDER, escape(links.unsubscribeUrl))
    .replaceAll(PREFERENCES_PLACEHOLDER, escape(links.preferencesUrl));
}

/** RFC 8058 one-click unsubscribe headers for a message to one subscriber. */
export function unsubscribeHeaders(links: RecipientLinks): Record<string, string> {
  return { "List-Unsubscribe": `<${links.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Delay after the first failed attempt; doubles after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 6 * 3_600_000 };

/** Exponential backoff: base, 2×base, 4×base… after attempt 1, 2, 3…, capped. */
export function backoffDelayMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** SMTP 5xx replies are permanent (the address or message is refused); anything else may succeed later. */
export function isPermanentSmtpFailure(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600;
}

export type FailureOutcome = { status: "failed" } | { status: "queued"; nextAttemptAt: Date };

/** What happens to a delivery after its `attempts`-th attempt failed. */
export function decideAfterFailure(input: {
  attempts: number;
  isPermanent: boolean;
  now: Date;
  policy: RetryPolicy;
}): FailureOutcome {
  if (input.isPermanent || input.attempts >= input.policy.maxAttempts) return { status: "failed" };
  return {
    status: "queued",
    nextAttemptAt: new Date(input.now.getTime() + backoffDelayMs(input.attempts, input.policy)),
  };
}

/** Whether a message may still go to this subscriber at send time. */
export function isSubscriberSendable(
  status: SubscriberStatus | null,
  kind: "digest" | "alert" | "confirmation",
): boolean {
  if (status === null) return false;
  if (kind === "confirmation") return status === "pending" || status === "active";
  return status === "active";
}

export type SendProgress = "not-queued" | "in-progress" | "finished" | "finished-with-failures";

export interface DeliverySummary {
  total: number;
  counts: Record<DeliveryStatus, number>;
  progress: SendProgress;
}

/**
 * Derives where a send stands from its rows. "sent" counts messages an SMTP server accepted; nothing here
 * says they were delivered to an inbox.
 */
export function summariseDeliveries(statuses: readonly DeliveryStatus[]): DeliverySummary {
  const counts: Record<DeliveryStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0, bounced: 0 };
  for (const s of statuses) counts[s] += 1;
  const total = statuses.length;
  let progress: SendProgress;
  if (total === 0) progress = "not-queued";
  else if (counts.queued + counts.sending > 0) progress = "in-progress";
  else progress = counts.failed + counts.bounced > 0 ? "finished-with-failures" : "finished";
  return { total, counts, progress };
}

/** Sign-ups from one address per hour, and confirmation mails to one address per day (anti mail-bombing). */
export const SIGNUPS_PER_IP_PER_HOUR = 10;
export const CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3;
