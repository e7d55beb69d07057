// Newsletter (issue 8): digest issues, subscribers (double opt-in), the delivery queue and follow-anything alerts.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import * as v from "../../domain/vocabulary.js";
import { users } from "./accounts.js";

export const digestStatus = pgEnum("digest_status", v.DIGEST_STATUSES);
export const subscriberStatus = pgEnum("subscriber_status", v.SUBSCRIBER_STATUSES);
export const deliveryKind = pgEnum("delivery_kind", v.DELIVERY_KINDS);
export const deliveryStatus = pgEnum("delivery_status", v.DELIVERY_STATUSES);
export const alertTargetKind = pgEnum("alert_target_kind", v.ALERT_TARGET_KINDS);
export const alertChannel = pgEnum("alert_channel", v.ALERT_CHANNELS);
export const alertFrequency = pgEnum("alert_frequency", v.ALERT_FREQUENCIES);

/** One digest issue: drafted from a period's changes, edited as Markdown, then published and sent. */
export const digestIssues = pgTable(
  "digest_issues",
  {
    id: serial("id").primaryKey(),
    /** URL key, e.g. "2020-01". */
    slug: text("slug").notNull().unique(),
    periodStart: date("period_start").notNull(),
    /** Exclusive. */
    periodEnd: date("period_end").notNull(),
    title: text("title").notNull(),
    bodyMarkdown: text("body_markdown").notNull(),
    status: digestStatus("status").notNull(),
    composedAt: timestamp("composed_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: integer("published_by").references(() => users.id),
  },
  (t) => [
    index("digest_issues_published_idx").on(t.status, t.publishedAt),
    check("digest_issues_period", sql`${t.periodEnd} > ${t.periodStart}`),
  ],
);

/** A reader of the newsletter or of alerts. Addresses are stored lower case; tokens only as SHA-256. */
export const subscribers = pgTable(
  "subscribers",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    status: subscriberStatus("status").notNull(),
    /** Lists and topics chosen, e.g. "digest", "cybercrime". */
    topics: text("topics")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Preferred language (ISO 639-1). */
    language: text("language").notNull().default("en"),
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    bouncedAt: timestamp("bounced_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("subscribers_email_idx").on(t.email),
    check("subscribers_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Something a subscriber follows: a State, process, norm, document symbol or saved search. */
export const alertSubscriptions = pgTable(
  "alert_subscriptions",
  {
    id: serial("id").primaryKey(),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    targetKind: alertTargetKind("target_kind").notNull(),
    /** ISO3, process id, framework item id, document symbol, or the saved search query. */
    targetId: text("target_id").notNull(),
    channel: alertChannel("channel").notNull(),
    webhookUrl: text("webhook_url"),
    /** Shared secret for the webhook's HMAC-SHA256 signature, shown once when the alert is created. */
    webhookSecret: text("webhook_secret"),
    frequency: alertFrequency("frequency").notNull(),
    /** Changes up to this moment have been considered; the next run looks after it. */
    checkedUntil: timestamp("checked_until", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("alert_subscriptions_key").on(t.subscriberId, t.targetKind, t.targetId, t.channel),
    index("alert_subscriptions_due_idx").on(t.frequency, t.checkedUntil),
    check(
      "alert_subscriptions_webhook",
      sql`${t.channel} <> 'webhook' OR (${t.webhookUrl} IS NOT NULL AND ${t.webhookSecret} IS NOT NULL)`,
    ),
  ],
);

/**
 * The outgoing queue: one row per message and recipient. The idempotency key (e.g. "digest:12:subscriber:7")
 * is unique, so enqueuing twice or resuming after a crash never mails anyone twice.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: serial("id").primaryKey(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: deliveryKind("kind").notNull(),
    digestIssueId: integer("digest_issue_id").references(() => digestIssues.id, { onDelete: "restrict" }),
    alertSubscriptionId: integer("alert_subscription_id").references(() => alertSubscriptions.id, {
      onDelete: "set null",
    }),
    subscriberId: integer("subscriber_id").references(() => subscribers.id, { onDelete: "set null" }),
    /** The recipient: an address, or the webhook URL for webhook alerts. */
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    /** Rendered message parts, fixed at enqueue time so a retry sends exactly the same message. */
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html"),
    status: deliveryStatus("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** Set while a sender holds the row; a row left "sending" past its lease is retried. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    messageId: text("message_id"),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("deliveries_digest_idx").on(t.digestIssueId, t.status),
  ],
);
