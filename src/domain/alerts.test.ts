import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  alertDeliveryKey,
  alertTargetPath,
  ALERT_MAX_ITEMS,
  composeAlert,
  isAlertDue,
  normaliseAlertTarget,
  signWebhookBody,
  verifyWebhookSignature,
  type AlertChange,
} from "./alerts.js";
import { InvalidInputError } from "./errors.js";

const NOW = new Date("2026-11-23T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("when an alert is due", () => {
  it("instant: whenever time has passed; daily: after 24 hours; weekly: after 7 days", () => {
    expect(isAlertDue({ frequency: "instant", checkedUntil: hoursAgo(0.01) }, NOW)).toBe(true);
    expect(isAlertDue({ frequency: "instant", checkedUntil: NOW }, NOW)).toBe(false);
    expect(isAlertDue({ frequency: "daily", checkedUntil: hoursAgo(23.9) }, NOW)).toBe(false);
    expect(isAlertDue({ frequency: "daily", checkedUntil: hoursAgo(24) }, NOW)).toBe(true);
    expect(isAlertDue({ frequency: "weekly", checkedUntil: hoursAgo(24 * 6) }, NOW)).toBe(false);
    expect(isAlertDue({ frequency: "weekly", checkedUntil: hoursAgo(24 * 7) }, NOW)).toBe(true);
  });
});

describe("what may be followed", () => {
  it("normalises ISO codes, symbols and searches and refuses what cannot be an id", () => {
    expect(normaliseAlertTarget("state", " fra ")).toBe("FRA");
    expect(normaliseAlertTarget("document", "A/RES/76/19")).toBe("A/RES/76/19");
    expect(normaliseAlertTarget("search", "  critical   infrastructure ")).toBe("critical infrastructure");
    expect(() => normaliseAlertTarget("state", "France")).toThrow(InvalidInputError);
    expect(() => normaliseAlertTarget("process", "../admin")).toThrow(InvalidInputError);
    expect(() => normaliseAlertTarget("search", "")).toThrow(InvalidInputError);
    expect(alertTargetPath("document", "A/RES/76/19")).toBe("/documents/A/RES/76/19");
    expect(alertTargetPath("search", "a&b")).toBe("/search?q=a%26b");
  });
});

describe("an alert's message", () => {
  const base = {
    target: { kind: "state" as const, id: "FRA" },
    windowStart: hoursAgo(24),
    windowEnd: NOW,
    baseUrl: "https://nw.example",
  };
  const change = (i: number, date = "2026-11-23"): AlertChange => ({
    kind: "vote-event",
    key: `vote-event:${i}`,
    title: `Vote ${i}`,
    path: `/votes/${i}`,
    date,
  });

  it("is nothing at all when nothing changed (skipped when empty)", () => {
    expect(composeAlert({ ...base, changes: [] })).toBeNull();
  });
  it("lists each change once, newest first, with absolute links, in the email and the webhook body", () => {
    const message = composeAlert({ ...base, changes: [change(1, "2026-11-22"), change(2), change(1, "2026-11-22")] })!;
    expect(message.subject).toBe("Normwatch: 2 changes for State FRA");
    expect(message.text.indexOf("Vote 2")).toBeLessThan(message.text.indexOf("Vote 1"));
    expect(message.text).toContain("https://nw.example/votes/1");
    const payload = JSON.parse(message.payload) as {
      total: number;
      changes: { url: string }[];
      target: { url: string };
    };
    expect(payload.total).toBe(2);
    expect(payload.changes.map((c) => c.url)).toEqual(["https://nw.example/votes/2", "https://nw.example/votes/1"]);
    expect(payload.target.url).toBe("https://nw.example/states/FRA");
  });
  it("caps the list and says how many more there are", () => {
    const message = composeAlert({
      ...base,
      changes: Array.from({ length: ALERT_MAX_ITEMS + 3 }, (_, i) => change(i)),
    })!;
    expect(message.text).toContain("…and 3 more");
    expect((JSON.parse(message.payload) as { changes: unknown[] }).changes).toHaveLength(ALERT_MAX_ITEMS);
  });
  it("is keyed by subscription and window end", () => {
    expect(alertDeliveryKey(4, NOW)).toBe("alert:4:2026-11-23T12:00:00.000Z");
  });
});

describe("webhook signatures", () => {
  it("are the hex HMAC-SHA256 of the exact body, verifiable by the receiver", () => {
    const body = '{"total":1}';
    const signature = `sha256=${signWebhookBody("s3cret", body)}`;
    // Independent check with node:crypto, as a receiver would compute it.
    expect(signature).toBe(`sha256=${createHmac("sha256", "s3cret").update(body).digest("hex")}`);
    expect(verifyWebhookSignature("s3cret", body, signature)).toBe(true);
    expect(verifyWebhookSignature("s3cret", `${body} `, signature)).toBe(false);
    expect(verifyWebhookSignature("other", body, signature)).toBe(false);
    expect(verifyWebhookSignature("s3cret", body, "sha1=abc")).toBe(false);
  });
});
