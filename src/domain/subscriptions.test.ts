import { describe, expect, it } from "vitest";
import {
  backoffDelayMs,
  confirmExpiry,
  decideAfterFailure,
  DEFAULT_RETRY_POLICY,
  fillRecipientLinks,
  hashConfirmToken,
  isConfirmTokenValid,
  isPermanentSmtpFailure,
  isSubscriberSendable,
  recipientLinks,
  signSubscriberLink,
  summariseDeliveries,
  unsubscribeHeaders,
  verifySubscriberLink,
} from "./subscriptions.js";

const SECRET = "a-test-secret-that-is-long-enough-to-use";
const NOW = new Date("2026-11-23T12:00:00Z");

describe("confirmation tokens", () => {
  const token = "tok_0123456789abcdefghij";
  const stored = { confirmTokenHash: hashConfirmToken(token), confirmExpiresAt: confirmExpiry(NOW, 48) };
  it("are stored as SHA-256 hex and accepted until they expire", () => {
    expect(stored.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.confirmTokenHash).not.toContain(token);
    expect(isConfirmTokenValid(stored, token, NOW)).toBe(true);
    expect(isConfirmTokenValid(stored, token, new Date(NOW.getTime() + 48 * 3_600_000 - 1))).toBe(true);
    expect(isConfirmTokenValid(stored, token, new Date(NOW.getTime() + 48 * 3_600_000))).toBe(false);
  });
  it("refuse another token and a used (cleared) one", () => {
    expect(isConfirmTokenValid(stored, `${token}x`, NOW)).toBe(false);
    expect(isConfirmTokenValid({ confirmTokenHash: null, confirmExpiresAt: null }, token, NOW)).toBe(false);
  });
});

describe("signed subscriber links", () => {
  it("verify for the same subscriber and purpose only", () => {
    const sig = signSubscriberLink(SECRET, 7, "unsubscribe");
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySubscriberLink(SECRET, 7, "unsubscribe", sig)).toBe(true);
    expect(verifySubscriberLink(SECRET, 8, "unsubscribe", sig)).toBe(false);
    expect(verifySubscriberLink(SECRET, 7, "preferences", sig)).toBe(false);
    expect(verifySubscriberLink("another-secret-another-secret-another", 7, "unsubscribe", sig)).toBe(false);
  });
  it("reject malformed signatures and ids without throwing", () => {
    expect(verifySubscriberLink(SECRET, 7, "unsubscribe", "")).toBe(false);
    expect(verifySubscriberLink(SECRET, 7, "unsubscribe", "zz".repeat(32))).toBe(false);
    expect(verifySubscriberLink(SECRET, 7, "unsubscribe", signSubscriberLink(SECRET, 7, "unsubscribe").slice(2))).toBe(
      false,
    );
    expect(verifySubscriberLink(SECRET, 0, "unsubscribe", signSubscriberLink(SECRET, 0, "unsubscribe"))).toBe(false);
    expect(verifySubscriberLink(SECRET, Number.NaN, "unsubscribe", "0".repeat(64))).toBe(false);
  });
  it("fill the renderer's placeholders, escaped in HTML, and make RFC 8058 headers", () => {
    const links = recipientLinks("https://nw.example", SECRET, 7);
    expect(links.unsubscribeUrl).toBe(
      `https://nw.example/unsubscribe?s=7&sig=${signSubscriberLink(SECRET, 7, "unsubscribe")}`,
    );
    expect(fillRecipientLinks("u=%%UNSUBSCRIBE_URL%% p=%%PREFERENCES_URL%%", links, false)).toBe(
      `u=${links.unsubscribeUrl} p=${links.preferencesUrl}`,
    );
    expect(fillRecipientLinks('<a href="%%UNSUBSCRIBE_URL%%">', links, true)).toBe(
      `<a href="${links.unsubscribeUrl.replace("&", "&amp;")}">`,
    );
    expect(unsubscribeHeaders(links)).toEqual({
      "List-Unsubscribe": `<${links.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});

describe("retries", () => {
  const policy = { maxAttempts: 4, baseDelayMs: 60_000, maxDelayMs: 300_000 };
  it("back off exponentially up to a cap", () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy))).toEqual([60_000, 120_000, 240_000, 300_000, 300_000]);
    expect(backoffDelayMs(1, DEFAULT_RETRY_POLICY)).toBe(60_000);
  });
  it("fail at once on a permanent (5xx) refusal and after the last attempt otherwise", () => {
    expect(isPermanentSmtpFailure(550)).toBe(true);
    expect(isPermanentSmtpFailure(451)).toBe(false);
    expect(isPermanentSmtpFailure(undefined)).toBe(false);
    expect(decideAfterFailure({ attempts: 1, isPermanent: true, now: NOW, policy })).toEqual({ status: "failed" });
    expect(decideAfterFailure({ attempts: 2, isPermanent: false, now: NOW, policy })).toEqual({
      status: "queued",
      nextAttemptAt: new Date(NOW.getTime() + 120_000),
    });
    expect(decideAfterFailure({ attempts: 4, isPermanent: false, now: NOW, policy })).toEqual({ status: "failed" });
  });
});

describe("statuses derived from stored rows", () => {
  it("say in progress while anything is queued or sending, and never call sent mail delivered", () => {
    expect(summariseDeliveries([]).progress).toBe("not-queued");
    expect(summariseDeliveries(["sent", "sending"]).progress).toBe("in-progress");
    expect(summariseDeliveries(["sent", "sent"])).toEqual({
      total: 2,
      progress: "finished",
      counts: { queued: 0, sending: 0, sent: 2, failed: 0, bounced: 0 },
    });
    expect(summariseDeliveries(["sent", "bounced", "failed"]).progress).toBe("finished-with-failures");
  });
  it("send list mail only to active subscribers, confirmations also to pending ones", () => {
    expect(isSubscriberSendable("active", "digest")).toBe(true);
    expect(isSubscriberSendable("pending", "digest")).toBe(false);
    expect(isSubscriberSendable("pending", "confirmation")).toBe(true);
    expect(isSubscriberSendable("unsubscribed", "alert")).toBe(false);
    expect(isSubscriberSendable("bounced", "confirmation")).toBe(false);
  });
});
