// Queues a rendered digest issue for every active subscriber of the "digest" list, once per issue and reader.
import type { Db } from "../db/client.js";
import { enqueueDeliveries } from "../db/deliveries.js";
import { listActiveSubscribersWithTopic } from "../db/subscribers.js";

export interface DigestSendInput {
  digestIssueId: number;
  subject: string;
  /** Rendered parts with the literal placeholders %%UNSUBSCRIBE_URL%% and %%PREFERENCES_URL%%. */
  html: string;
  text: string;
}

export function digestDeliveryKey(digestIssueId: number, subscriberId: number): string {
  return `digest:${digestIssueId}:${subscriberId}`;
}

/**
 * One delivery per active "digest" subscriber, keyed `digest:<issue>:<subscriber>`: calling it again (or
 * after a crash) queues only readers who were not queued yet. The placeholders stay in the stored body and
 * the sender fills in each reader's signed links at send time (HMAC is deterministic, so a retry sends the
 * same bytes), which keeps the link secret out of the database and lets it also set List-Unsubscribe.
 */
export async function queueDigestIssue(db: Db, input: DigestSendInput, now: Date): Promise<{ queued: number; alreadyQueued: number }> {
  const readers = await listActiveSubscribersWithTopic(db, "digest");
  return enqueueDeliveries(
    db,
    readers.map((r) => ({
      idempotencyKey: digestDeliveryKey(input.digestIssueId, r.id),
      kind: "digest" as const,
      digestIssueId: input.digestIssueId,
      subscriberId: r.id,
      recipient: r.email,
      subject: input.subject,
      bodyText: input.text,
      bodyHtml: input.html,
    })),
    now,
  );
}
