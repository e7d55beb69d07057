import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DRIVERS } from "../../../test/database.js";
import { createNewsletterTestApp, TEST_NEWSLETTER_SETTINGS, type NewsletterTestApp } from "../../../test/smtp.js";
import { listAlertSubscriptionsOf } from "../../db/alerts.js";
import { findSubscriberByEmail } from "../../db/subscribers.js";
import { signSubscriberLink } from "../../domain/subscriptions.js";

// Synthetic addresses only; the State and process are from the bundled data.
describe.each(TEST_DRIVERS)("following a State, process, norm, document or search on $label", ({ driver, skip }) => {
  let t: NewsletterTestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await createNewsletterTestApp(driver, { seed: true });
  }, 240_000);
  afterAll(async () => t?.dispose());

  it.skipIf(skip)(
    "a new address follows through the double opt-in: the alert waits until the address is confirmed",
    async () => {
      const agent = t.agent();
      const page = await agent.get("/follow?kind=state&id=fra");
      const html = await page.text();
      expect(html).toContain('Follow <a href="/states/FRA">State FRA</a>');
      expect(html).toContain('name="email"');
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
    "from the signed preferences link: follow by email or webhook, refuse a loopback webhook, list and stop alerts",
    async () => {
      const follower = (await findSubscriberByEmail(t.database.db, "follower@example.org"))!;
      const sig = signSubscriberLink(TEST_NEWSLETTER_SETTINGS.secret, follower.id, "preferences");
      const agent = t.agent();
      const form = await (await agent.get(`/follow?kind=process&id=oewg-2021-2025&s=${follower.id}&sig=${sig}`)).text();
      expect(form).toContain("Webhook (JSON POST, signed)");
      const loopback = await agent.post("/follow", {
        kind: "process",
        id: "oewg-2021-2025",
        s: String(follower.id),
        sig,
        channel: "webhook",
        webhook_url: "http://127.0.0.1:8080/hook",
        frequency: "instant",
      });
      expect(loopback.status).toBe(400);
      expect(await loopback.text()).toContain("private or loopback");
      const forged = await agent.post("/follow", {
        kind: "process",
        id: "oewg-2021-2025",
        s: String(follower.id),
        sig: "b".repeat(64),
        channel: "email",
        frequency: "daily",
      });
      expect(forged.status).toBe(403);
      const ok = await agent.post("/follow", {
        kind: "process",
        id: "oewg-2021-2025",
        s: String(follower.id),
        sig,
        channel: "email",
        frequency: "daily",
      });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("You follow process oewg-2021-2025");
      const alerts = await listAlertSubscriptionsOf(t.database.db, follower.id);
      expect(alerts.map((a) => `${a.targetKind}:${a.targetId}:${a.channel}`)).toEqual([
        "state:FRA:email",
        "process:oewg-2021-2025:email",
      ]);

      const prefs = await (await agent.get(`/subscribe/preferences?s=${follower.id}&sig=${sig}`)).text();
      expect(prefs).toContain("<caption>What you follow</caption>");
      expect(prefs).toContain('href="/processes/oewg-2021-2025"');
      const stopped = await agent.post("/subscribe/preferences/alerts/delete", {
        s: String(follower.id),
        sig,
        alert: String(alerts[1]!.id),
      });
      expect(await stopped.text()).toContain("You no longer follow that.");
      expect(await listAlertSubscriptionsOf(t.database.db, follower.id)).toHaveLength(1);
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
