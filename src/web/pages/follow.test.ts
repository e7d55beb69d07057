import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { TEST_DRIVERS } from "../../../test/database.js";
import type { Agent } from "../../../test/editorial.js";
import { createNewsletterTestApp, TEST_NEWSLETTER_SETTINGS, type NewsletterTestApp } from "../../../test/smtp.js";
import { listAlertSubscriptionsOf } from "../../db/alerts.js";
import { deliveries } from "../../db/schema/newsletter.js";
import { findSubscriberByEmail } from "../../db/subscribers.js";
import { signSubscriberLink } from "../../domain/subscriptions.js";
import { signReaderToken } from "../../newsletter/reader-token.js";
import { READER_COOKIE } from "../reader-cookie.js";

// Synthetic addresses only; the State and process are from the bundled data.
describe.each(TEST_DRIVERS)("following a State, process, norm, document or search on $label", ({ driver, skip }) => {
  let t: NewsletterTestApp;
  /** The browser that confirmed follower@example.org (it holds the confirmed reader's cookie). */
  let reader: Agent;
  const queuedFor = async (address: string) =>
    (await t.database.db.select().from(deliveries).where(eq(deliveries.recipient, address))).length;
  beforeAll(async () => {
    if (skip) return;
    t = await createNewsletterTestApp(driver, { seed: true });
  }, 240_000);
  afterAll(async () => t?.dispose());

  it.skipIf(skip)(
    "a new address follows through the double opt-in: the alert waits until the address is confirmed",
    async () => {
      const agent = t.agent();
      reader = agent;
      const page = await agent.get("/follow?kind=state&id=fra");
      const html = await page.text();
      expect(html).toContain('Follow <a href="/states/FRA">State FRA</a>');
      expect(html).toContain('name="email"');
      expect(html).not.toContain("Follow as");
      const res = await agent.post("/follow", {
        kind: "state",
        id: "FRA",
        email: "Follower@Example.org",
        frequency: "weekly",
      });
      expect(res.status).toBe(303);
      const follower = (await findSubscriberByEmail(t.database.db, "follower@example.org"))!;
      expect(follower.status).toBe("pending");
      expect(await listAlertSubscriptionsOf(t.database.db, follower.id)).toMatchObject([
        { targetKind: "state", targetId: "FRA", channel: "email", frequency: "weekly" },
      ]);
      await t.send();
      const mail = t.smtp.received.find((m) => m.to === "follower@example.org")!;
      expect(mail.body).toContain("alerts about the State FRA");
      const link = new URL(/https:\/\/normwatch\.test\/subscribe\/confirm\?\S+/.exec(mail.body)![0]);
      await agent.get(link.pathname + link.search);
      await agent.post("/subscribe/confirm", { token: link.searchParams.get("token")! });
      expect((await findSubscriberByEmail(t.database.db, "follower@example.org"))!.status).toBe("active");
      expect(agent.cookies.get(READER_COOKIE)).toMatch(/^\d+\.\d+\.[0-9a-f]{64}$/);
    },
  );

  it.skipIf(skip)(
    "an address typed in that is already active gets a link in its mailbox, and no alert is added by a stranger",
    async () => {
      const follower = (await findSubscriberByEmail(t.database.db, "follower@example.org"))!;
      const agent = t.agent();
      await agent.get("/follow?kind=process&id=oewg-2021-2025");
      expect(
        (
          await agent.post("/follow", {
            kind: "process",
            id: "oewg-2021-2025",
            email: "follower@example.org",
            frequency: "daily",
          })
        ).status,
      ).toBe(303);
      expect(await listAlertSubscriptionsOf(t.database.db, follower.id)).toHaveLength(1);
      t.smtp.received.length = 0;
      await t.send();
      const note = t.smtp.received.find((m) => m.to === "follower@example.org")!;
      expect(note.headers["subject"]).toBe("Your Normwatch subscription");
      expect(note.body).toMatch(
        /https:\/\/normwatch\.test\/follow\?s=\d+&sig=[0-9a-f]{64}&kind=process&id=oewg-2021-2025/,
      );
    },
  );

  it.skipIf(skip)(
    "the browser that confirmed follows in one click: the alert is active at once and no email is sent",
    async () => {
      const follower = (await findSubscriberByEmail(t.database.db, "follower@example.org"))!;
      const queued = await queuedFor("follower@example.org");
      const form = await (await reader.get("/follow?kind=state&id=DEU")).text();
      expect(form).toContain("Follow as follower@example.org");
      expect(form).not.toContain('name="email"');
      const res = await reader.post("/follow", { kind: "state", id: "DEU", as: "reader", frequency: "weekly" });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("You follow State DEU");
      const alerts = await listAlertSubscriptionsOf(t.database.db, follower.id);
      expect(alerts.find((a) => a.targetId === "DEU")).toMatchObject({
        targetKind: "state",
        channel: "email",
        frequency: "weekly",
      });
      expect((await findSubscriberByEmail(t.database.db, "follower@example.org"))!.status).toBe("active");
      expect(await queuedFor("follower@example.org")).toBe(queued);
      t.smtp.received.length = 0;
      await t.send();
      expect(t.smtp.countFor("follower@example.org")).toBe(0);
      // Still a form post: without the CSRF token nothing happens.
      const forged = await reader.post(
        "/follow",
        { kind: "state", id: "ITA", as: "reader", frequency: "daily" },
        { csrf: null },
      );
      expect(forged.status).toBe(403);
      expect((await listAlertSubscriptionsOf(t.database.db, follower.id)).map((a) => a.targetId)).not.toContain("ITA");
    },
  );

  it.skipIf(skip)("ignores a forged or expired reader cookie: the double opt-in stays", async () => {
    const follower = (await findSubscriberByEmail(t.database.db, "follower@example.org"))!;
    const before = (await listAlertSubscriptionsOf(t.database.db, follower.id)).length;
    const genuine = reader.cookies.get(READER_COOKIE)!;
    const expiry = Number(genuine.split(".")[1]);
    const tries: [string, string][] = [
      ["a forged signature", `${follower.id}.${expiry}.${"a".repeat(64)}`],
      ["a bare id", String(follower.id)],
      ["a later expiry under the same signature", `${follower.id}.${expiry + 86_400}.${genuine.split(".")[2]}`],
      [
        "another secret",
        signReaderToken("some-other-secret-of-thirty-two-characters", follower, new Date(expiry * 1000)),
      ],
    ];
    for (const [why, cookie] of tries) {
      const agent = t.agent();
      agent.cookies.set(READER_COOKIE, cookie);
      const form = await (await agent.get("/follow?kind=state&id=ITA")).text();
      expect(form, why).not.toContain("Follow as");
      expect(form, why).toContain('name="email"');
      const res = await agent.post("/follow", { kind: "state", id: "ITA", as: "reader", frequency: "daily" });
      expect(res.status, why).toBe(400);
      expect(await res.text(), why).toContain("no longer remembers your address");
    }
    // The genuine cookie, a day after its year: the injected clock decides.
    const saved = t.clock.now;
    t.clock.now = new Date(expiry * 1000 + 86_400_000);
    try {
      const agent = t.agent();
      agent.cookies.set(READER_COOKIE, genuine);
      expect(await (await agent.get("/follow?kind=state&id=ITA")).text()).not.toContain("Follow as");
      expect((await agent.post("/follow", { kind: "state", id: "ITA", as: "reader", frequency: "daily" })).status).toBe(
        400,
      );
    } finally {
      t.clock.now = saved;
    }
    expect(await listAlertSubscriptionsOf(t.database.db, follower.id)).toHaveLength(before);
  });

  it.skipIf(skip)(
    "from the signed preferences link: follow by email only (no webhook on the follow form), list and stop alerts",
    async () => {
      const follower = (await findSubscriberByEmail(t.database.db, "follower@example.org"))!;
      const sig = signSubscriberLink(TEST_NEWSLETTER_SETTINGS.secret, follower.id, "preferences");
      const agent = t.agent();
      const form = await (await agent.get(`/follow?kind=process&id=oewg-2021-2025&s=${follower.id}&sig=${sig}`)).text();
      expect(form.toLowerCase()).not.toContain("webhook");
      const anonymous = await (await t.agent().get("/follow?kind=process&id=oewg-2021-2025")).text();
      expect(anonymous.toLowerCase()).not.toContain("webhook");
      const forged = await agent.post("/follow", {
        kind: "process",
        id: "oewg-2021-2025",
        s: String(follower.id),
        sig: "b".repeat(64),
        frequency: "daily",
      });
      expect(forged.status).toBe(403);
      // A webhook posted to the follow form anyway is not set up: the alert is by email.
      const ok = await agent.post("/follow", {
        kind: "process",
        id: "oewg-2021-2025",
        s: String(follower.id),
        sig,
        channel: "webhook",
        webhook_url: "https://1.1.1.1/hook",
        frequency: "daily",
      });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("You follow process oewg-2021-2025");
      const alerts = await listAlertSubscriptionsOf(t.database.db, follower.id);
      expect(alerts.map((a) => `${a.targetKind}:${a.targetId}:${a.channel}`)).toEqual([
        "state:FRA:email",
        "state:DEU:email",
        "process:oewg-2021-2025:email",
      ]);

      const prefs = await (await agent.get(`/subscribe/preferences?s=${follower.id}&sig=${sig}`)).text();
      expect(prefs).toContain("<caption>What you follow</caption>");
      expect(prefs).toContain('href="/processes/oewg-2021-2025"');
      const stopped = await agent.post("/subscribe/preferences/alerts/delete", {
        s: String(follower.id),
        sig,
        alert: String(alerts[2]!.id),
      });
      expect(await stopped.text()).toContain("You no longer follow that.");
      expect(await listAlertSubscriptionsOf(t.database.db, follower.id)).toHaveLength(2);
    },
  );

  it.skipIf(skip)(
    "webhooks are set up on the preferences page: a loopback address is refused, a public one gets its secret once",
    async () => {
      const follower = (await findSubscriberByEmail(t.database.db, "follower@example.org"))!;
      const sig = signSubscriberLink(TEST_NEWSLETTER_SETTINGS.secret, follower.id, "preferences");
      const agent = t.agent();
      const prefs = await (await agent.get(`/subscribe/preferences?s=${follower.id}&sig=${sig}`)).text();
      expect(prefs).toContain("Alerts by webhook");
      expect(prefs).toContain('name="webhook_url"');
      const hook = { s: String(follower.id), sig, action: "webhook", kind: "norm", id: "13c", frequency: "instant" };
      const loopback = await agent.post("/subscribe/preferences", {
        ...hook,
        webhook_url: "http://127.0.0.1:8080/hook",
      });
      expect(loopback.status).toBe(400);
      expect(await loopback.text()).toContain("private or loopback");
      const unknown = await agent.post("/subscribe/preferences", {
        ...hook,
        id: "no-such-norm",
        webhook_url: "https://1.1.1.1/hook",
      });
      expect(unknown.status).toBe(400);
      const ok = await agent.post("/subscribe/preferences", { ...hook, webhook_url: "https://1.1.1.1/hook" });
      expect(ok.status).toBe(200);
      const html = await ok.text();
      expect(html).toMatch(/<code>[0-9a-f]{64}<\/code>/);
      expect(html).toContain("webhook to https://1.1.1.1/hook");
      const alerts = await listAlertSubscriptionsOf(t.database.db, follower.id);
      expect(alerts.find((a) => a.channel === "webhook")).toMatchObject({
        targetKind: "norm",
        targetId: "13c",
        webhookUrl: "https://1.1.1.1/hook",
        frequency: "instant",
      });
    },
  );

  it.skipIf(skip)(
    "the remembered reader reaches the preferences page by the cookie, signs out there; unsubscribing forgets it",
    async () => {
      expect((await t.agent().get("/subscribe/preferences")).status).toBe(403);
      const page = await reader.get("/subscribe/preferences");
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("follower@example.org");
      expect(html).toContain("Sign out on this browser");
      const follower = (await findSubscriberByEmail(t.database.db, "follower@example.org"))!;
      const sig = signSubscriberLink(TEST_NEWSLETTER_SETTINGS.secret, follower.id, "preferences");
      const out = await reader.post("/subscribe/preferences", { s: String(follower.id), sig, action: "sign-out" });
      expect(out.status).toBe(200);
      expect(out.headers.get("set-cookie")).toMatch(new RegExp(`${READER_COOKIE}=;.*Max-Age=0`, "i"));
      expect(await out.text()).toContain("Remember me on this browser");
      expect(reader.cookies.has(READER_COOKIE)).toBe(false);
      const form = await (await reader.get("/follow?kind=state&id=ITA")).text();
      expect(form).not.toContain("Follow as");
      // "Remember me" from the signed link brings it back.
      const back = await reader.post("/subscribe/preferences", { s: String(follower.id), sig, action: "remember" });
      expect(back.status).toBe(200);
      expect(reader.cookies.get(READER_COOKIE)).toMatch(/^\d+\.\d+\.[0-9a-f]{64}$/);
      expect(await (await reader.get("/follow?kind=state&id=ITA")).text()).toContain("Follow as follower@example.org");
      // Unsubscribing from this browser forgets it too (an unsubscribed reader's cookie would be ignored anyway).
      const unsubscribeSig = signSubscriberLink(TEST_NEWSLETTER_SETTINGS.secret, follower.id, "unsubscribe");
      await reader.get(`/unsubscribe?s=${follower.id}&sig=${unsubscribeSig}`);
      const gone = await reader.post(`/unsubscribe?s=${follower.id}&sig=${unsubscribeSig}`, {});
      expect(gone.status).toBe(200);
      expect(reader.cookies.has(READER_COOKIE)).toBe(false);
    },
  );

  it.skipIf(skip)("refuses to follow what does not exist or cannot be an id", async () => {
    expect((await t.app.request("/follow?kind=state&id=XXQ")).status).toBe(404);
    expect((await t.app.request("/follow?kind=state&id=France")).status).toBe(400);
    expect((await t.app.request("/follow?kind=planet&id=mars")).status).toBe(400);
  });

  it.skipIf(skip)("record pages and the search page link to the follow form for what they show", async () => {
    const pages: [string, string][] = [
      ["/states/FRA", "/follow?kind=state&amp;id=FRA"],
      ["/processes/oewg-2021-2025", "/follow?kind=process&amp;id=oewg-2021-2025"],
      ["/norms/13c", "/follow?kind=norm&amp;id=13c"],
      ["/documents/A/RES/74/247", "/follow?kind=document&amp;id=A%2FRES%2F74%2F247"],
      ["/search?q=critical+infrastructure", "/follow?kind=search&amp;id=critical+infrastructure"],
    ];
    for (const [page, href] of pages) {
      const html = await (await t.app.request(page)).text();
      expect(html, page).toContain(`href="${href}"`);
      expect((await t.app.request(href.replace(/&amp;/g, "&"))).status, href).toBe(200);
    }
    expect(await (await t.app.request("/search?q=the+of")).text()).not.toContain("/follow?kind=search");
  });
});
