import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { TEST_DRIVERS } from "../../test/database.js";
import { createNewsletterTestApp, TEST_NEWSLETTER_SETTINGS, type NewsletterTestApp } from "../../test/smtp.js";
import { listDeliveries, recordBounce } from "../db/deliveries.js";
import { digestIssues, deliveries, subscribers } from "../db/schema/newsletter.js";
import { unsubscribeSubscriber } from "../db/subscribers.js";
import { summariseDeliveries, verifySubscriberLink } from "../domain/subscriptions.js";
import { queueDigestIssue } from "./digest-queue.js";
import type { Mailer } from "./mailer.js";

// Synthetic readers and digest text for the tests; no real addresses.
const DIGEST = {
  subject: "Normwatch digest: January 2020",
  text: "What changed in January.\n\nPreferences: %%PREFERENCES_URL%%\nUnsubscribe: %%UNSUBSCRIBE_URL%%\n",
  html: '<p>What changed in January.</p><p><a href="%%PREFERENCES_URL%%">Preferences</a> · <a href="%%UNSUBSCRIBE_URL%%">Unsubscribe</a></p>',
};

describe.each(TEST_DRIVERS)("delivery queue through a real SMTP server on $label", ({ driver, skip }) => {
  let t: NewsletterTestApp;
  let issue = 0;
  beforeAll(async () => {
    if (skip) return;
    t = await createNewsletterTestApp(driver);
  });
  afterAll(async () => t?.dispose());
  beforeEach(async () => {
    if (skip) return;
    await t.database.db.delete(deliveries);
    await t.database.db.delete(subscribers);
    t.smtp.received.length = 0;
    t.smtp.refuse.clear();
    t.clock.now = new Date("2026-11-23T12:00:00Z");
  });

  async function addReaders(n: number, topics = ["digest"]): Promise<{ id: number; email: string }[]> {
    const rows = Array.from({ length: n }, (_, i) => ({
      email: `reader${i + 1}@example.org`,
      status: "active" as const,
      topics,
      language: "en",
      createdAt: t.clock.now,
    }));
    return t.database.db.insert(subscribers).values(rows).returning({ id: subscribers.id, email: subscribers.email });
  }

  async function newIssue(): Promise<number> {
    issue += 1;
    const now = t.clock.now;
    const [row] = await t.database.db
      .insert(digestIssues)
      .values({
        slug: `test-${issue}`,
        periodStart: "2020-01-01",
        periodEnd: "2020-02-01",
        title: "Test issue",
        bodyMarkdown: "x",
        status: "published",
        composedAt: now,
        updatedAt: now,
      })
      .returning({ id: digestIssues.id });
    return row!.id;
  }

  it.skipIf(skip)(
    "sends a digest to 50 readers: the one the server refuses is failed with its reason, every other reader gets it once",
    async () => {
      const readers = await addReaders(50);
      t.smtp.refuse.set("reader17@example.org", 550);
      const id = await newIssue();
      expect(await queueDigestIssue(t.database.db, { digestIssueId: id, ...DIGEST }, t.clock.now)).toEqual({
        queued: 50,
        alreadyQueued: 0,
      });
      const report = await t.send();
      expect(report).toMatchObject({ sent: 49, failed: 1, retried: 0 });
      const rows = await listDeliveries(t.database.db, { digestIssueId: id });
      const refused = rows.find((r) => r.recipient === "reader17@example.org")!;
      expect(refused.status).toBe("failed");
      expect(refused.lastError).toMatch(/^550: .*unavailable/);
      expect(rows.filter((r) => r.status === "sent")).toHaveLength(49);
      for (const r of readers) expect(t.smtp.countFor(r.email)).toBe(r.email === "reader17@example.org" ? 0 : 1);
      expect(summariseDeliveries(rows.map((r) => r.status))).toMatchObject({
        total: 50,
        progress: "finished-with-failures",
        counts: { sent: 49, failed: 1 },
      });

      // Queued again and sent again: nobody is mailed twice.
      expect(await queueDigestIssue(t.database.db, { digestIssueId: id, ...DIGEST }, t.clock.now)).toEqual({
        queued: 0,
        alreadyQueued: 50,
      });
      expect(await t.send()).toMatchObject({ sent: 0, failed: 0 });
      expect(t.smtp.received).toHaveLength(49);
    },
  );

  it.skipIf(skip)(
    "puts each reader's own signed links in the body and the RFC 8058 headers on the message",
    async () => {
      const [reader] = await addReaders(1);
      await queueDigestIssue(t.database.db, { digestIssueId: await newIssue(), ...DIGEST }, t.clock.now);
      await t.send();
      const mail = t.smtp.received[0]!;
      expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
      expect(mail.headers["list-id"]).toBe(`Normwatch monthly digest <digest.normwatch.test>`);
      const url = /^<(https:\/\/normwatch\.test\/unsubscribe\?[^>]+)>$/.exec(mail.headers["list-unsubscribe"]!)?.[1];
      expect(url).toBeDefined();
      const params = new URL(url!).searchParams;
      expect(Number(params.get("s"))).toBe(reader!.id);
      expect(verifySubscriberLink(TEST_NEWSLETTER_SETTINGS.secret, reader!.id, "unsubscribe", params.get("sig")!)).toBe(
        true,
      );
      expect(mail.body).toContain(`Unsubscribe: ${url}`);
      expect(mail.body).toContain("https://normwatch.test/subscribe/preferences?s=");
      expect(mail.body).not.toContain("%%");
      expect(mail.body).toContain("<p>What changed in January.</p>");
    },
  );

  it.skipIf(skip)(
    "resumes after a crash mid-send: rows left sending go out after their lease, and every reader gets exactly one message",
    async () => {
      const readers = await addReaders(20);
      await queueDigestIssue(t.database.db, { digestIssueId: await newIssue(), ...DIGEST }, t.clock.now);
      const controller = new AbortController();
      let accepted = 0;
      const crashing: Mailer = {
        async send(message) {
          const receipt = await t.mailer.send(message);
          accepted += 1;
          if (accepted === 7) controller.abort();
          return receipt;
        },
      };
      expect(await t.send({ mailer: crashing, signal: controller.signal, batchSize: 10 })).toMatchObject({ sent: 7 });
      const afterCrash = await listDeliveries(t.database.db, { kind: "digest" });
      expect(afterCrash.filter((r) => r.status === "sent")).toHaveLength(7);
      expect(afterCrash.filter((r) => r.status === "sending")).toHaveLength(3);
      expect(afterCrash.filter((r) => r.status === "queued")).toHaveLength(10);

      // A new sender at once: the crashed sender's rows are still leased, so only the queued ones go.
      expect(await t.send()).toMatchObject({ sent: 10 });
      // After the lease has run out the three left "sending" are sent too.
      t.clock.now = new Date(t.clock.now.getTime() + 11 * 60_000);
      expect(await t.send()).toMatchObject({ sent: 3 });
      for (const r of readers) expect(t.smtp.countFor(r.email)).toBe(1);
      expect((await listDeliveries(t.database.db, { kind: "digest" })).every((r) => r.status === "sent")).toBe(true);
    },
  );

  it.skipIf(skip)(
    "retries a temporary refusal with growing delays, then marks it failed after the last attempt",
    async () => {
      await addReaders(1);
      t.smtp.refuse.set("reader1@example.org", 451);
      await queueDigestIssue(t.database.db, { digestIssueId: await newIssue(), ...DIGEST }, t.clock.now);
      const start = t.clock.now.getTime();
      expect(await t.send()).toMatchObject({ retried: 1, sent: 0 });
      const [first] = await t.database.db.select().from(deliveries);
      expect(first).toMatchObject({ status: "queued", attempts: 1 });
      expect(first!.nextAttemptAt.getTime() - start).toBe(TEST_NEWSLETTER_SETTINGS.policy.baseDelayMs);
      expect(await t.send()).toMatchObject({ retried: 0, sent: 0 });
      t.clock.now = first!.nextAttemptAt;
      expect(await t.send()).toMatchObject({ retried: 1 });
      const [second] = await t.database.db.select().from(deliveries);
      expect(second!.nextAttemptAt.getTime() - t.clock.now.getTime()).toBe(
        2 * TEST_NEWSLETTER_SETTINGS.policy.baseDelayMs,
      );
      t.clock.now = second!.nextAttemptAt;
      expect(await t.send()).toMatchObject({ failed: 1 });
      const [last] = await t.database.db.select().from(deliveries);
      expect(last).toMatchObject({ status: "failed", attempts: 3 });
      expect(last!.lastError).toMatch(/^451/);
    },
  );

  it.skipIf(skip)("skips readers who unsubscribed after the digest was queued", async () => {
    const [a, b] = await addReaders(2);
    await queueDigestIssue(t.database.db, { digestIssueId: await newIssue(), ...DIGEST }, t.clock.now);
    await unsubscribeSubscriber(t.database.db, b!.id, t.clock.now);
    expect(await t.send()).toMatchObject({ sent: 1, skipped: 1 });
    expect(t.smtp.countFor(a!.email)).toBe(1);
    expect(t.smtp.countFor(b!.email)).toBe(0);
    const [row] = await t.database.db.select().from(deliveries).where(eq(deliveries.recipient, b!.email));
    expect(row).toMatchObject({ status: "failed", lastError: "skipped: the subscriber is unsubscribed" });
  });

  it.skipIf(skip)(
    "records a reported bounce: the last message to the address is bounced and nothing more is sent to it",
    async () => {
      const [a] = await addReaders(1);
      await queueDigestIssue(t.database.db, { digestIssueId: await newIssue(), ...DIGEST }, t.clock.now);
      await t.send();
      expect(
        await recordBounce(t.database.db, {
          email: a!.email,
          reason: "550 5.1.1 user unknown (bounce message)",
          now: t.clock.now,
        }),
      ).toBe(true);
      const [row] = await t.database.db.select().from(deliveries).where(eq(deliveries.recipient, a!.email));
      expect(row).toMatchObject({ status: "bounced", lastError: "550 5.1.1 user unknown (bounce message)" });
      const [reader] = await t.database.db.select().from(subscribers).where(eq(subscribers.id, a!.id));
      expect(reader!.status).toBe("bounced");
      expect(
        await queueDigestIssue(t.database.db, { digestIssueId: await newIssue(), ...DIGEST }, t.clock.now),
      ).toEqual({ queued: 0, alreadyQueued: 0 });
      expect(await recordBounce(t.database.db, { email: "stranger@example.org", reason: "x", now: t.clock.now })).toBe(
        false,
      );
    },
  );

  it.skipIf(skip)("queues only active readers of the digest list", async () => {
    await addReaders(2);
    await t.database.db.insert(subscribers).values([
      { email: "themes-only@example.org", status: "active", topics: ["cybercrime"], createdAt: t.clock.now },
      { email: "pending@example.org", status: "pending", topics: ["digest"], createdAt: t.clock.now },
    ]);
    expect(await queueDigestIssue(t.database.db, { digestIssueId: await newIssue(), ...DIGEST }, t.clock.now)).toEqual({
      queued: 2,
      alreadyQueued: 0,
    });
    const keys = (
      await t.database.db
        .select({ k: deliveries.idempotencyKey })
        .from(deliveries)
        .orderBy(sql`1`)
    ).map((r) => r.k);
    expect(keys.every((k) => /^digest:\d+:\d+$/.test(k))).toBe(true);
  });
});
