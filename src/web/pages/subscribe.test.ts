import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { TEST_DRIVERS } from "../../../test/database.js";
import { createNewsletterTestApp, TEST_NEWSLETTER_SETTINGS, type NewsletterTestApp } from "../../../test/smtp.js";
import { deliveries, subscribers } from "../../db/schema/newsletter.js";
import { findSubscriberByEmail } from "../../db/subscribers.js";
import { signSubscriberLink } from "../../domain/subscriptions.js";

// Synthetic addresses only.
describe.each(TEST_DRIVERS)("sign-up, confirmation, preferences and unsubscribe on $label", ({ driver, skip }) => {
  let t: NewsletterTestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await createNewsletterTestApp(driver);
  });
  afterAll(async () => t?.dispose());

  async function signUpAs(email: string, topics = ["digest", "cybercrime"]): Promise<Response> {
    const agent = t.agent();
    const form = await agent.get("/subscribe");
    expect(form.status).toBe(200);
    return agent.post("/subscribe", { email, topics, language: "fr", website: "" });
  }

  function linkIn(body: string, path: string): string {
    const match = new RegExp(`https://normwatch\\.test${path.replace(/\//g, "\\/")}\\?\\S+`).exec(body);
    expect(match, `link to ${path}`).not.toBeNull();
    return match![0];
  }

  it.skipIf(skip)(
    "double opt-in: the confirmation mail arrives through SMTP, its link shows a button, and pressing it activates",
    async () => {
      const res = await signUpAs("Ada@Example.org");
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/subscribe/check-email");
      expect(await findSubscriberByEmail(t.database.db, "ada@example.org")).toMatchObject({
        status: "pending",
        topics: ["digest", "cybercrime"],
        language: "fr",
      });
      expect(await t.send()).toMatchObject({ sent: 1 });
      const mail = t.smtp.received.find((m) => m.to === "ada@example.org")!;
      expect(mail.headers["subject"]).toBe("Confirm your Normwatch subscription");
      const link = new URL(linkIn(mail.body, "/subscribe/confirm"));

      const reader = t.agent();
      const page = await reader.get(link.pathname + link.search);
      expect(await page.text()).toContain("Yes, subscribe me");
      expect((await findSubscriberByEmail(t.database.db, "ada@example.org"))!.status).toBe("pending");
      const confirmed = await reader.post("/subscribe/confirm", { token: link.searchParams.get("token")! });
      expect(confirmed.status).toBe(200);
      expect(await confirmed.text()).toContain("You are subscribed");
      // The confirmed reader's cookie: signed, a year long by the app's clock, HttpOnly, Lax, not Secure over http.
      const ada = (await findSubscriberByEmail(t.database.db, "ada@example.org"))!;
      const year = Math.floor(t.clock.now.getTime() / 1000) + 365 * 86_400;
      const cookie = confirmed.headers.get("set-cookie")!;
      expect(cookie).toMatch(new RegExp(`^nw_reader=${ada.id}\\.${year}\\.[0-9a-f]{64};`));
      expect(cookie).toContain("Max-Age=31536000");
      expect(cookie).toContain("Path=/");
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
      expect(cookie).not.toContain("Secure");
      expect((await findSubscriberByEmail(t.database.db, "ada@example.org"))!.status).toBe("active");
      // The token is not stored, and the sent confirmation no longer holds it either.
      const [row] = await t.database.db.select().from(subscribers).where(eq(subscribers.email, "ada@example.org"));
      expect(row!.confirmTokenHash).toBeNull();
      const [sent] = await t.database.db.select().from(deliveries).where(eq(deliveries.recipient, "ada@example.org"));
      expect(sent!.bodyText).not.toContain(link.searchParams.get("token")!);
      // A link works once.
      expect((await reader.post("/subscribe/confirm", { token: link.searchParams.get("token")! })).status).toBe(400);
    },
  );

  it.skipIf(skip)("confirming over https sets the reader's cookie with Secure", async () => {
    await signUpAs("secure@example.org");
    await t.send();
    const link = new URL(
      linkIn(t.smtp.received.find((m) => m.to === "secure@example.org")!.body, "/subscribe/confirm"),
    );
    const reader = t.agent();
    await reader.get(`https://localhost${link.pathname}${link.search}`);
    const res = await reader.post("https://localhost/subscribe/confirm", { token: link.searchParams.get("token")! });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/^nw_reader=\d+\.\d+\.[0-9a-f]{64};.*; Secure/);
  });

  it.skipIf(skip)(
    "fills in the form from the home page's compact form (a GET) and still asks to press Subscribe",
    async () => {
      const res = await t.app.request("/subscribe?email=reader%40example.org&topics=cybercrime&topics=not-a-topic");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('value="reader@example.org"');
      expect(html).toContain('id="topic-cybercrime" name="topics" value="cybercrime" checked=""');
      expect(html).not.toContain('id="topic-digest" name="topics" value="digest" checked=""');
      expect(html).toContain("Check your choice and press Subscribe");
      expect(await findSubscriberByEmail(t.database.db, "reader@example.org")).toBeNull();
    },
  );

  it.skipIf(skip)("refuses an expired confirmation link", async () => {
    await signUpAs("late@example.org");
    await t.send();
    const link = new URL(linkIn(t.smtp.received.find((m) => m.to === "late@example.org")!.body, "/subscribe/confirm"));
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + (TEST_NEWSLETTER_SETTINGS.confirmHours + 1) * 3_600_000);
    const reader = t.agent();
    await reader.get(link.pathname + link.search);
    expect((await reader.post("/subscribe/confirm", { token: link.searchParams.get("token")! })).status).toBe(400);
    expect((await findSubscriberByEmail(t.database.db, "late@example.org"))!.status).toBe("pending");
    t.clock.now = saved;
  });

  it.skipIf(skip)(
    "answers a sign-up for an address already subscribed exactly as for a new one, and tells only the mailbox",
    async () => {
      const again = await signUpAs("ada@example.org", ["digest"]);
      const fresh = await signUpAs("nobody-yet@example.org", ["digest"]);
      expect(again.status).toBe(fresh.status);
      expect(again.headers.get("location")).toBe(fresh.headers.get("location"));
      expect(await again.text()).toBe(await fresh.text());
      expect((await findSubscriberByEmail(t.database.db, "ada@example.org"))!.topics).toEqual(["digest", "cybercrime"]);
      t.smtp.received.length = 0;
      await t.send();
      expect(t.smtp.received.find((m) => m.to === "ada@example.org")!.headers["subject"]).toBe(
        "Your Normwatch subscription",
      );
      expect(t.smtp.received.find((m) => m.to === "nobody-yet@example.org")!.headers["subject"]).toBe(
        "Confirm your Normwatch subscription",
      );
    },
  );

  it.skipIf(skip)(
    "refuses a sign-up without a list or with a bad address, and one without the CSRF token",
    async () => {
      const agent = t.agent();
      await agent.get("/subscribe");
      const bad = await agent.post("/subscribe", { email: "not an address", language: "en" });
      expect(bad.status).toBe(400);
      const html = await bad.text();
      expect(html).toContain("choose at least one list");
      expect(html).toContain('href="#field-email"');
      expect(
        (await agent.post("/subscribe", { email: "x@example.org", topics: "digest" }, { csrf: null })).status,
      ).toBe(403);
    },
  );

  it.skipIf(skip)(
    "one-click unsubscribe: the signed POST a mail client sends works without cookie or token; a forged one is refused",
    async () => {
      const ada = (await findSubscriberByEmail(t.database.db, "ada@example.org"))!;
      const forged = await t.app.request(`/unsubscribe?s=${ada.id}&sig=${"0".repeat(64)}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(forged.status).toBe(403);
      const otherPurpose = signSubscriberLink(TEST_NEWSLETTER_SETTINGS.secret, ada.id, "preferences");
      expect(
        (
          await t.app.request(`/unsubscribe?s=${ada.id}&sig=${otherPurpose}`, {
            method: "POST",
            body: "List-Unsubscribe=One-Click",
            headers: { "content-type": "application/x-www-form-urlencoded" },
          })
        ).status,
      ).toBe(403);
      expect((await findSubscriberByEmail(t.database.db, "ada@example.org"))!.status).toBe("active");

      const sig = signSubscriberLink(TEST_NEWSLETTER_SETTINGS.secret, ada.id, "unsubscribe");
      const page = await t.app.request(`/unsubscribe?s=${ada.id}&sig=${sig}`);
      expect(await page.text()).toContain("Stop all Normwatch mail");
      const res = await t.app.request(`/unsubscribe?s=${ada.id}&sig=${sig}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("unsubscribed");
      expect((await findSubscriberByEmail(t.database.db, "ada@example.org"))!.status).toBe("unsubscribed");
      // Other anonymous writes still need their token.
      expect(
        (
          await t.app.request("/subscribe/preferences", {
            method: "POST",
            body: `s=${ada.id}`,
            headers: { "content-type": "application/x-www-form-urlencoded" },
          })
        ).status,
      ).toBe(403);
    },
  );

  it.skipIf(skip)(
    "preferences open only by the signed link, save topics and language, and bring an unsubscribed reader back",
    async () => {
      const ada = (await findSubscriberByEmail(t.database.db, "ada@example.org"))!;
      expect((await t.app.request(`/subscribe/preferences?s=${ada.id}&sig=${"a".repeat(64)}`)).status).toBe(403);
      expect((await t.app.request(`/subscribe/preferences?s=${ada.id}`)).status).toBe(403);
      const sig = signSubscriberLink(TEST_NEWSLETTER_SETTINGS.secret, ada.id, "preferences");
      const agent = t.agent();
      const page = await agent.get(`/subscribe/preferences?s=${ada.id}&sig=${sig}`);
      const html = await page.text();
      expect(html).toContain("ada@example.org");
      expect(html).toContain("Save and subscribe again");
      const saved = await agent.post("/subscribe/preferences", {
        s: String(ada.id),
        sig,
        topics: ["first-committee"],
        language: "es",
      });
      expect(saved.status).toBe(200);
      expect(await findSubscriberByEmail(t.database.db, "ada@example.org")).toMatchObject({
        status: "active",
        topics: ["first-committee"],
        language: "es",
      });
    },
  );

  it.skipIf(skip)("limits sign-ups per network address", async () => {
    const agent = t.agent();
    await agent.get("/subscribe");
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push((await agent.post("/subscribe", { email: `flood${i}@example.org`, topics: "digest" })).status);
    expect(statuses).toContain(429);
  });
});
