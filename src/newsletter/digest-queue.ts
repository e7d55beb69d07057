// Queues a rendered digest issue for every active subscriber of the "digest" list, once per issue and reader.
import type { Db } from "../db/client.js";
import { enqueueDeliveries } from "../db/deliveries.js";
import { listActiveSubscribersWithAnyTopic, listActiveSubscribersWithTopic } from "../db/subscribers.js";
import { selectDigestSections } from "../domain/digest-markdown.js";
import { themeHeadings } from "../domain/digest.js";
import { NEWSLETTER_TOPICS } from "../domain/subscriptions.js";

export interface DigestQueueInput {
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
export async function queueDigestIssue(
  db: Db,
  input: DigestQueueInput,
  now: Date,
): Promise<{ queued: number; alreadyQueued: number }> {
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

/**
 * Readers who chose themes but not the whole digest get only their themes' sections, rendered once per
 * combination of themes; nobody is queued when their sections are empty. Same key as the whole digest, so a
 * reader gets one version of an issue at most.
 */
export async function queueThemedDigestIssue(
  db: Db,
  input: {
    digestIssueId: number;
    markdown: string;
    render: (markdown: string, themes: string[]) => Promise<{ subject: string; html: string; text: string }>;
  },
  now: Date,
): Promise<{ queued: number; alreadyQueued: number }> {
  const themes = NEWSLETTER_TOPICS.filter((t) => t !== "digest");
  const readers = (await listActiveSubscribersWithAnyTopic(db, themes)).filter((r) => !r.topics.includes("digest"));
  const groups = new Map<string, typeof readers>();
  for (const r of readers) {
    const key = themes.filter((t) => r.topics.includes(t)).join(",");
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const total = { queued: 0, alreadyQueued: 0 };
  for (const [key, members] of groups) {
    const chosen = key.split(",");
    const markdown = selectDigestSections(input.markdown, themeHeadings(chosen));
    if (markdown === null) continue;
    const email = await input.render(markdown, chosen);
    const result = await enqueueDeliveries(
      db,
      members.map((r) => ({
        idempotencyKey: digestDeliveryKey(input.digestIssueId, r.id),
        kind: "digest" as const,
        digestIssueId: input.digestIssueId,
        subscriberId: r.id,
        recipient: r.email,
        subject: email.subject,
        bodyText: email.text,
        bodyHtml: email.html,
      })),
      now,
    );
    total.queued += result.queued;
    total.alreadyQueued += result.alreadyQueued;
  }
  return total;
}
