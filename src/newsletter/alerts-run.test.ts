import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { TEST_DRIVERS } from "../../test/database.js";
import { createNewsletterTestApp, TEST_NEWSLETTER_SETTINGS, type NewsletterTestApp } from "../../test/smtp.js";
import { upsertAlertSubscription } from "../db/alerts.js";
import { queryRows } from "../db/client.js";
import { updateLinks, updates } from "../db/schema/participation.js";
import { documentParagraphs, documents, paragraphMentions } from "../db/schema/documents.js";
import { alertSubscriptions, deliveries, subscribers } from "../db/schema/newsletter.js";
import { verifyWebhookSignature } from "../domain/alerts.js";
import { listAlertChanges } from "../db/alerts.js";
import { runAlerts } from "./alerts-run.js";
import { createWebhookPoster } from "./webhook.js";

// The update and the addresses below are synthetic test fixtures; the vote events come from the bundled data.
describe.each(TEST_DRIVERS)("alerts on $label", ({ driver, skip }) => {
  let t: NewsletterTestApp;
  let subscriberId: number;
  let voteDate: Date;
  let voteId: string;
  beforeAll(async () => {
    if (skip) return;
    t = await createNewsletterTestApp(driver, { seed: true });
    const [row] = await t.database.db
      .insert(subscribers)
      .values({ email: "watcher@example.org", status: "active", topics: [], createdAt: t.clock.now })
      .returning({ id: subscribers.id });
    subscriberId = row!.id;
    const [vote] = await queryRows<{ id: string; date: string }>(
      t.database.db,
      sql`SELECT v.id, v.date::text AS date FROM vote_events v JOIN voters o ON o.state_iso3 = 'FRA' WHERE substr(v.votes, o.position + 1, 1) IN ('Y','N','A') ORDER BY v.date DESC, v.id LIMIT 1`,
    );
    voteId = vote!.id;
    voteDate = new Date(`${vote!.date}T00:00:00Z`);
  }, 240_000);
  afterAll(async () => t?.dispose());

  const days = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

  it.skipIf(skip)(
    "finds a State's vote events and linked updates in the window, mails them once, and skips a target with nothing new",
    async () => {
      const start = days(voteDate, -3);
      const now = days(voteDate, 4);
      const state = await upsertAlertSubscription(t.database.db, {
        subscriberId,
        targetKind: "state",
        targetId: "FRA",
        channel: "email",
        frequency: "weekly",
        now: start,
      });
      const quiet = await upsertAlertSubscription(t.database.db, {
        subscriberId,
        targetKind: "search",
        targetId: "zzyzx nothing matches",
        channel: "email",
        frequency: "daily",
        now: start,
      });
      const [update] = await t.database.db
        .insert(updates)
        .values({
          slug: "test-alert-update",
          title: "France submits its national position",
          bodyMarkdown: "Test fixture.",
          publishedOn: "2026-01-01",
          createdAt: days(voteDate, 1),
          updatedAt: days(voteDate, 1),
        })
        .returning({ id: updates.id });
      await t.database.db.insert(updateLinks).values({ updateId: update!.id, recordKind: "state", recordId: "FRA" });

      const report = await runAlerts(t.database.db, { now, baseUrl: TEST_NEWSLETTER_SETTINGS.baseUrl });
      expect(report).toMatchObject({ checked: 2, queued: 1, skippedEmpty: 1 });
      const queued = await t.database.db.select().from(deliveries).where(eq(deliveries.alertSubscriptionId, state.id));
      expect(queued).toHaveLength(1);
      expect(queued[0]!.idempotencyKey).toBe(`alert:${state.id}:${now.toISOString()}`);
      expect(queued[0]!.bodyText).toContain("France submits its national position");
      expect(queued[0]!.bodyText).toContain(`https://normwatch.test/votes/${voteId}`);
      expect(
        await t.database.db.select().from(deliveries).where(eq(deliveries.alertSubscriptionId, quiet.id)),
      ).toHaveLength(0);
      const windows = await t.database.db
        .select({ id: alertSubscriptions.id, until: alertSubscriptions.checkedUntil })
        .from(alertSubscriptions);
      expect(windows.every((w) => w.until.getTime() === now.getTime())).toBe(true);

      // A second run at the same moment has nothing due, and queues nothing twice.
      expect(await runAlerts(t.database.db, { now, baseUrl: TEST_NEWSLETTER_SETTINGS.baseUrl })).toMatchObject({
        checked: 0,
        notDue: 2,
      });
      await t.send();
      const mail = t.smtp.received.filter((m) => m.to === "watcher@example.org");
      expect(mail).toHaveLength(1);
      expect(mail[0]!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
      expect(mail[0]!.headers["list-id"]).toBe(`Normwatch alerts <alert.normwatch.test>`);
      expect(mail[0]!.body).toContain("https://normwatch.test/subscribe/preferences?s=");
      // The next week has no news for France: nothing is sent.
      expect(
        await runAlerts(t.database.db, { now: days(now, 7), baseUrl: TEST_NEWSLETTER_SETTINGS.baseUrl }),
      ).toMatchObject({ queued: 0 });
      await t.database.db.delete(alertSubscriptions);
    },
  );

  it.skipIf(skip)(
    "posts a webhook alert whose X-Normwatch-Signature the receiver can verify with the alert's secret",
    async () => {
      const got: { body: string; signature: string; timestamp: string }[] = [];
      const receiver = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          got.push({
            body: Buffer.concat(chunks).toString("utf8"),
            signature: String(req.headers["x-normwatch-signature"]),
            timestamp: String(req.headers["x-normwatch-timestamp"]),
          });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      try {
        const secret = "webhook-secret-for-the-test";
        const start = days(voteDate, -1);
        await upsertAlertSubscription(t.database.db, {
          subscriberId,
          targetKind: "document",
          targetId: voteId,
          channel: "webhook",
          webhookUrl: url,
          webhookSecret: secret,
          frequency: "daily",
          now: start,
        });
        await upsertAlertSubscription(t.database.db, {
          subscriberId,
          targetKind: "state",
          targetId: "FRA",
          channel: "webhook",
          webhookUrl: url,
          webhookSecret: secret,
          frequency: "instant",
          now: start,
        });
        const now = days(voteDate, 1);
        // The bundled vote is both a vote of France and (by its symbol) the followed document: two alerts.
        expect(await runAlerts(t.database.db, { now, baseUrl: TEST_NEWSLETTER_SETTINGS.baseUrl })).toMatchObject({
          queued: 2,
        });
        t.clock.now = now;
        const report = await t.send({ webhook: createWebhookPoster({ assertAllowedUrl: async () => {} }) });
        expect(report).toMatchObject({ sent: 2, failed: 0 });
        expect(got).toHaveLength(2);
        for (const hook of got) {
          expect(verifyWebhookSignature(secret, hook.body, hook.signature)).toBe(true);
          expect(verifyWebhookSignature("wrong", hook.body, hook.signature)).toBe(false);
          expect(hook.timestamp).toBe(now.toISOString());
        }
        const payloads = got.map(
          (g) => JSON.parse(g.body) as { target: { kind: string; id: string }; changes: { url: string }[] },
        );
        const forState = payloads.find((p) => p.target.kind === "state")!;
        expect(forState.target.id).toBe("FRA");
        expect(forState.changes.map((c) => c.url)).toContain(`https://normwatch.test/votes/${voteId}`);
      } finally {
        await new Promise<void>((resolve) => receiver.close(() => resolve()));
      }
    },
  );

  it.skipIf(skip)("marks a webhook to a refused address failed at once, without retrying", async () => {
    const before = await t.database.db.select({ id: deliveries.id }).from(deliveries);
    const [row] = await t.database.db
      .select({ id: alertSubscriptions.id })
      .from(alertSubscriptions)
      .where(eq(alertSubscriptions.targetKind, "state"));
    await t.database.db.insert(deliveries).values({
      idempotencyKey: "alert:test-refused",
      kind: "alert",
      alertSubscriptionId: row!.id,
      subscriberId,
      recipient: "http://127.0.0.1:9/hook",
      subject: "s",
      bodyText: "{}",
      status: "queued",
      nextAttemptAt: t.clock.now,
      queuedAt: t.clock.now,
    });
    const refusing = createWebhookPoster({
      assertAllowedUrl: async () => {
        throw new Error("refused: 127.0.0.1 is a private or loopback address");
      },
    });
    expect(await t.send({ webhook: refusing })).toMatchObject({ failed: 1, retried: 0 });
    const [failed] = await t.database.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.idempotencyKey, "alert:test-refused"));
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed!.lastError).toContain("loopback");
    expect(before.length).toBeGreaterThan(0);
  });

  it.skipIf(skip)(
    "reports documents stored in the window that mention the State or match a saved search, and not those stored before",
    async () => {
      const start = new Date("2030-01-01T00:00:00Z");
      const end = new Date("2030-01-02T00:00:00Z");
      // Synthetic documents: one stored inside the window, one just before it.
      const add = async (slug: string, ingestedAt: Date) => {
        const [doc] = await t.database.db
          .insert(documents)
          .values({
            slug,
            language: "en",
            version: 1,
            isCurrent: true,
            type: "statement",
            format: "text",
            title: `Test statement ${slug}`,
            licence: "test fixture",
            contentHash: slug,
            textHash: slug,
            byteSize: 10,
            paragraphCount: 1,
            ingestedAt,
          })
          .returning({ id: documents.id });
        const [para] = await t.database.db
          .insert(documentParagraphs)
          .values({
            documentId: doc!.id,
            position: 1,
            anchor: "para-1",
            label: "1",
            kind: "text",
            text: "France supports protecting critical infrastructure from ransomware.",
            searchConfig: "english",
          })
          .returning({ id: documentParagraphs.id });
        await t.database.db.insert(paragraphMentions).values({
          paragraphId: para!.id,
          documentId: doc!.id,
          kind: "state",
          targetId: "FRA",
          confidence: 1,
          matchedText: "France",
        });
      };
      await add("test-doc-inside", new Date("2030-01-01T10:00:00Z"));
      await add("test-doc-before", new Date("2029-12-31T23:59:59Z"));
      const forState = await listAlertChanges(t.database.db, { kind: "state", id: "FRA" }, start, end);
      expect(forState.filter((c) => c.kind === "document").map((c) => c.path)).toEqual(["/documents/test-doc-inside"]);
      const forSearch = await listAlertChanges(
        t.database.db,
        { kind: "search", id: "ransomware infrastructure" },
        start,
        end,
      );
      expect(forSearch.map((c) => c.path)).toEqual(["/documents/test-doc-inside#para-1"]);
      expect(
        await listAlertChanges(t.database.db, { kind: "search", id: "quantum teleportation" }, start, end),
      ).toEqual([]);
      expect(await listAlertChanges(t.database.db, { kind: "state", id: "DEU" }, start, end)).toEqual([]);
    },
  );

  it.skipIf(skip)("reports a process's sessions that start in the window", async () => {
    const [session] = await queryRows<{ id: string; start: string; process: string }>(
      t.database.db,
      sql`SELECT id, start_date::text AS start, process_id AS process FROM sessions WHERE start_date IS NOT NULL ORDER BY start_date DESC, id LIMIT 1`,
    );
    const day = new Date(`${session!.start}T00:00:00Z`);
    const changes = await listAlertChanges(
      t.database.db,
      { kind: "process", id: session!.process },
      days(day, -1),
      days(day, 1),
    );
    expect(changes.filter((c) => c.kind === "session").map((c) => c.path)).toContain(`/sessions/${session!.id}`);
    const later = await listAlertChanges(t.database.db, { kind: "process", id: session!.process }, day, days(day, 1));
    expect(later.filter((c) => c.path === `/sessions/${session!.id}`)).toEqual([]);
  });

  it.skipIf(skip)(
    "reports a State's treaty signature from the bundled data by the signature's own day, in that window only (issue 16)",
    async () => {
      const actions = JSON.parse(fs.readFileSync("datasets/international-law/treaty-actions.json", "utf8")) as {
        id: string;
        stateIso3: string | null;
        partyName: string;
        signed: string | null;
      }[];
      const signed = actions.find((a) => a.stateIso3 === "DZA" && a.signed?.length === 10)!;
      const day = new Date(`${signed.signed}T00:00:00Z`);
      const sub = await upsertAlertSubscription(t.database.db, {
        subscriberId,
        targetKind: "state",
        targetId: "DZA",
        channel: "email",
        frequency: "instant",
        now: days(day, -1),
      });
      await runAlerts(t.database.db, { now: days(day, 1), baseUrl: TEST_NEWSLETTER_SETTINGS.baseUrl });
      const [mail] = await t.database.db.select().from(deliveries).where(eq(deliveries.alertSubscriptionId, sub.id));
      expect(mail!.bodyText).toContain(
        `From the data (${signed.signed}): Treaty signed: ${signed.partyName} signed the`,
      );
      expect(mail!.bodyText).toContain("https://normwatch.test/treaties/");
      // The next window, after the day, has nothing about it.
      const report = await runAlerts(t.database.db, { now: days(day, 2), baseUrl: TEST_NEWSLETTER_SETTINGS.baseUrl });
      expect(
        await t.database.db.select().from(deliveries).where(eq(deliveries.alertSubscriptionId, sub.id)),
      ).toHaveLength(1);
      expect(report.checked).toBeGreaterThan(0);
    },
  );
});
