// The outgoing delivery queue (issue 8): idempotent enqueue by key, claiming due rows under a lease, and the
// outcome of each attempt. "sent" means an SMTP server (or webhook) accepted the message, never "delivered".
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DeliveryKind, DeliveryStatus, SubscriberStatus, AlertChannel } from "../domain/vocabulary.js";
import { queryRows, type Db } from "./client.js";
import { alertSubscriptions, deliveries, subscribers } from "./schema/newsletter.js";

export interface DeliveryInput {
  idempotencyKey: string;
  kind: DeliveryKind;
  digestIssueId?: number | null;
  alertSubscriptionId?: number | null;
  subscriberId?: number | null;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
}

/** Inserts the rows whose key is new; returns how many were new and how many were already queued. */
export async function enqueueDeliveries(
  db: Db,
  rows: DeliveryInput[],
  now: Date,
): Promise<{ queued: number; alreadyQueued: number }> {
  let queued = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const inserted = await db
      .insert(deliveries)
      .values(chunk.map((r) => ({ ...r, status: "queued" as const, attempts: 0, nextAttemptAt: now, queuedAt: now })))
      .onConflictDoNothing({ target: deliveries.idempotencyKey })
      .returning({ id: deliveries.id });
    queued += inserted.length;
  }
  return { queued, alreadyQueued: rows.length - queued };
}

/** A claimed delivery with what the sender needs to decide and address it. */
export interface ClaimedDelivery {
  id: number;
  idempotencyKey: string;
  kind: DeliveryKind;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  attempts: number;
  subscriberId: number | null;
  subscriberStatus: SubscriberStatus | null;
  channel: AlertChannel | null;
  webhookSecret: string | null;
}

/**
 * Takes up to `limit` due rows: queued and due, or left "sending" by a sender whose lease ran out (it crashed).
 * Rows another sender holds are skipped (SKIP LOCKED), so two senders never take the same row.
 */
export async function claimDueDeliveries(
  db: Db,
  input: { now: Date; limit: number; leaseUntil: Date },
): Promise<ClaimedDelivery[]> {
  const now = input.now.toISOString();
  const claimed = await queryRows<{ id: number }>(
    db,
    sql`UPDATE deliveries SET status = 'sending', lease_until = ${input.leaseUntil.toISOString()}, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM deliveries
          WHERE (status = 'queued' AND next_attempt_at <= ${now}) OR (status = 'sending' AND lease_until < ${now})
          ORDER BY id LIMIT ${input.limit} FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  if (claimed.length === 0) return [];
  const rows = await db
    .select({
      id: deliveries.id,
      idempotencyKey: deliveries.idempotencyKey,
      kind: deliveries.kind,
      recipient: deliveries.recipient,
      subject: deliveries.subject,
      bodyText: deliveries.bodyText,
      bodyHtml: deliveries.bodyHtml,
      attempts: deliveries.attempts,
      subscriberId: deliveries.subscriberId,
      subscriberStatus: subscribers.status,
      channel: alertSubscriptions.channel,
      webhookSecret: alertSubscriptions.webhookSecret,
    })
    .from(deliveries)
    .leftJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
    .leftJoin(alertSubscriptions, eq(alertSubscriptions.id, deliveries.alertSubscriptionId))
    .where(
      inArray(
        deliveries.id,
        claimed.map((c) => Number(c.id)),
      ),
    )
    .orderBy(deliveries.id);
  return rows;
}

/** The server accepted the message. Confirmation bodies carry a live token: they are not kept once sent. */
export async function markDeliverySent(
  db: Db,
  id: number,
  input: { messageId: string; now: Date; isConfirmation: boolean },
): Promise<void> {
  await db
    .update(deliveries)
    .set({
      status: "sent",
      messageId: input.messageId,
      sentAt: input.now,
      leaseUntil: null,
      lastError: null,
      ...(input.isConfirmation ? { bodyText: "(confirmation link removed once sent)", bodyHtml: null } : {}),
    })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, "sending")));
}

export async function markDeliveryRetry(
  db: Db,
  id: number,
  input: { error: string; nextAttemptAt: Date },
): Promise<void> {
  await db
    .update(deliveries)
    .set({ status: "queued", lastError: input.error, nextAttemptAt: input.nextAttemptAt, leaseUntil: null })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, "sending")));
}

/** Puts claimed but unsent rows back in the queue, as if never claimed. */
export async function releaseDeliveries(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(deliveries)
    .set({ status: "queued", leaseUntil: null, attempts: sql`${deliveries.attempts} - 1` })
    .where(and(inArray(deliveries.id, ids), eq(deliveries.status, "sending")));
}

export async function markDeliveryFailed(
  db: Db,
  id: number,
  input: { error: string; status?: "failed" | "bounced" },
): Promise<void> {
  await db
    .update(deliveries)
    .set({ status: input.status ?? "failed", lastError: input.error, leaseUntil: null })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, "sending")));
}

export interface DeliveryRow {
  id: number;
  idempotencyKey: string;
  kind: DeliveryKind;
  recipient: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  sentAt: Date | null;
}

/** Deliveries of one digest issue (or all, newest first), for status pages and tests. */
export async function listDeliveries(
  db: Db,
  filter: { digestIssueId?: number; kind?: DeliveryKind } = {},
): Promise<DeliveryRow[]> {
  const conditions = [];
  if (filter.digestIssueId !== undefined) conditions.push(eq(deliveries.digestIssueId, filter.digestIssueId));
  if (filter.kind) conditions.push(eq(deliveries.kind, filter.kind));
  return db
    .select({
      id: deliveries.id,
      idempotencyKey: deliveries.idempotencyKey,
      kind: deliveries.kind,
      recipient: deliveries.recipient,
      subject: deliveries.subject,
      status: deliveries.status,
      attempts: deliveries.attempts,
      lastError: deliveries.lastError,
      messageId: deliveries.messageId,
      sentAt: deliveries.sentAt,
    })
    .from(deliveries)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(deliveries.id);
}

/** Statuses of one digest issue's deliveries, for summariseDeliveries. */
export async function listDigestDeliveryStatuses(db: Db, digestIssueId: number): Promise<DeliveryStatus[]> {
  const rows = await db
    .select({ status: deliveries.status })
    .from(deliveries)
    .where(eq(deliveries.digestIssueId, digestIssueId));
  return rows.map((r) => r.status);
}

/**
 * Records a bounce report for an address (from the mail server's bounce messages, read by an operator): the
 * subscriber stops receiving mail and the last message sent to the address is marked bounced with the reason.
 * Returns whether the address is a subscriber.
 */
export async function recordBounce(db: Db, input: { email: string; reason: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(subscribers)
      .set({ status: "bounced", bouncedAt: input.now })
      .where(eq(subscribers.email, input.email))
      .returning({ id: subscribers.id });
    await queryRows(
      tx,
      sql`UPDATE deliveries SET status = 'bounced', last_error = ${input.reason}
          WHERE id = (SELECT id FROM deliveries WHERE recipient = ${input.email} AND status = 'sent' ORDER BY sent_at DESC, id DESC LIMIT 1)`,
    );
    return marked.length > 0;
  });
}
