import { describe, expect, it } from "vitest";
import type { ClaimedDelivery } from "../db/deliveries.js";
import { recipientLinks } from "../domain/subscriptions.js";
import { MailSendError, type Mailer, type MailMessage } from "./mailer.js";
import { sendDueDeliveries, type DeliveryStore } from "./sender.js";

// The sender against an in-memory store and mailer: the small interfaces it declares make its rules testable
// without a database or a server. Addresses are synthetic.
function memoryStore(rows: ClaimedDelivery[]) {
  const outcome = new Map<number, string>();
  const released: number[] = [];
  let claimed = false;
  const store: DeliveryStore = {
    async claim() {
      if (claimed) return [];
      claimed = true;
      return rows;
    },
    async markSent(d, messageId) {
      outcome.set(d.id, `sent ${messageId}`);
    },
    async markRetry(d, error, next) {
      outcome.set(d.id, `retry at ${next.toISOString()}: ${error}`);
    },
    async markFailed(d, error) {
      outcome.set(d.id, `failed: ${error}`);
    },
    async release(ds) {
      released.push(...ds.map((d) => d.id));
    },
  };
  return { store, outcome, released };
}

const row = (id: number, extra: Partial<ClaimedDelivery> = {}): ClaimedDelivery => ({
  id,
  idempotencyKey: `digest:1:${id}`,
  kind: "digest",
  recipient: `r${id}@example.org`,
  subject: "Digest",
  bodyText: "Bye: %%UNSUBSCRIBE_URL%%",
  bodyHtml: null,
  attempts: 1,
  subscriberId: id,
  subscriberStatus: "active",
  channel: null,
  webhookSecret: null,
  ...extra,
});

describe("the sender's rules", () => {
  const policy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };
  const linksFor = (id: number) => recipientLinks("https://nw.example", "secret-secret-secret-secret-secret!", id);

  it("keeps to the rate limit by waiting between messages on its clock", async () => {
    let now = new Date("2026-11-23T12:00:00Z").getTime();
    const waits: number[] = [];
    const sentAt: number[] = [];
    const mailer: Mailer = {
      async send() {
        sentAt.push(now);
        return { status: "accepted", messageId: `m${sentAt.length}` };
      },
    };
    const { store } = memoryStore([row(1), row(2), row(3), row(4)]);
    const report = await sendDueDeliveries({
      store,
      mailer,
      linksFor,
      policy,
      ratePerSecond: 4,
      now: () => new Date(now),
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    expect(report.sent).toBe(4);
    expect(waits).toEqual([250, 250, 250]);
    expect(sentAt.map((t) => t - sentAt[0]!)).toEqual([0, 250, 500, 750]);
  });

  it("fills the links, retries a temporary failure, fails a permanent one at once, and skips unsubscribed readers", async () => {
    const mail: MailMessage[] = [];
    const mailer: Mailer = {
      async send(message) {
        if (message.to === "r2@example.org") throw new MailSendError("try later", 421);
        if (message.to === "r3@example.org") throw new MailSendError("no such user", 550);
        mail.push(message);
        return { status: "accepted", messageId: "ok" };
      },
    };
    const { store, outcome } = memoryStore([
      row(1),
      row(2),
      row(3),
      row(4, { subscriberStatus: "unsubscribed" }),
      row(5, { attempts: 3, recipient: "r2@example.org" }),
    ]);
    const now = new Date("2026-11-23T12:00:00Z");
    const report = await sendDueDeliveries({ store, mailer, linksFor, policy, ratePerSecond: 0, now: () => now });
    expect(report).toEqual({ sent: 1, retried: 1, failed: 2, skipped: 1 });
    expect(mail[0]!.text).toBe(`Bye: ${linksFor(1).unsubscribeUrl}`);
    expect(mail[0]!.headers).toEqual({
      "Content-Language": "en",
      "List-Id": `Normwatch monthly digest <digest.nw.example>`,
      "List-Unsubscribe": `<${linksFor(1).unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(outcome.get(2)).toBe("retry at 2026-11-23T12:00:01.000Z: 421: try later");
    expect(outcome.get(3)).toBe("failed: 550: no such user");
    expect(outcome.get(4)).toBe("failed: skipped: the subscriber is unsubscribed");
    expect(outcome.get(5)).toBe("failed: 421: try later");
  });

  it("hands back the rows it has not started when its lease is about to end, so no other sender can take a row it still sends", async () => {
    let now = new Date("2026-11-23T12:00:00Z").getTime();
    const mailer: Mailer = {
      async send() {
        now += 4 * 60_000;
        return { status: "accepted", messageId: "slow" };
      },
    };
    const { store, outcome, released } = memoryStore([row(1), row(2), row(3), row(4)]);
    const report = await sendDueDeliveries({
      store,
      mailer,
      linksFor,
      policy,
      ratePerSecond: 0,
      now: () => new Date(now),
    });
    expect(report.sent).toBe(2);
    expect([...outcome.keys()]).toEqual([1, 2]);
    expect(released).toEqual([3, 4]);
  });

  it("sends a confirmation as it was written: no list headers, in English (the only language mail exists in)", async () => {
    const mail: MailMessage[] = [];
    const mailer: Mailer = {
      async send(m) {
        mail.push(m);
        return { status: "accepted", messageId: "c" };
      },
    };
    const { store } = memoryStore([
      row(1, {
        kind: "confirmation",
        subscriberStatus: "pending",
        bodyText: "Confirm: https://nw.example/subscribe/confirm?token=abc",
      }),
    ]);
    await sendDueDeliveries({ store, mailer, linksFor, policy, ratePerSecond: 0, now: () => new Date() });
    expect(mail[0]!.headers).toEqual({ "Content-Language": "en" });
    expect(mail[0]!.text).toBe("Confirm: https://nw.example/subscribe/confirm?token=abc");
  });
});
