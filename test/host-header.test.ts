// Absolute links never come from the Host header a client sends (issue 13): reset and set-password mail, feeds,
// calendars and API answers use PUBLIC_URL, or http://localhost:<PORT> on a development install.
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "../src/db/users.js";
import type { MailMessage } from "../src/newsletter/mailer.js";
import { createApp } from "../src/server.js";
import { createTestDeps } from "./app.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

const ATTACKER = "http://attacker.example";

describe.each([
  { label: "without PUBLIC_URL (development)", env: { PUBLIC_URL: "", PORT: "4321" }, site: "http://localhost:4321" },
  {
    label: "with PUBLIC_URL",
    env: { PUBLIC_URL: "https://normwatch.example.org/" },
    site: "https://normwatch.example.org",
  },
])("links $label", ({ env, site }) => {
  let database: TestDatabase;
  let app: Hono;
  const mail: MailMessage[] = [];
  beforeAll(async () => {
    database = await createTestDatabase("pglite", { seed: true });
    const now = new Date("2026-11-23T12:00:00Z");
    await insertUser(database.db, { email: "editor@example.org", role: "editor", now });
    const mailer = {
      send: async (m: MailMessage) => (mail.push(m), { status: "logged" as const, messageId: `m${mail.length}` }),
    };
    app = createApp(createTestDeps(database, { now: () => now, mailer, env }));
  });
  afterAll(async () => {
    await database?.dispose();
  });

  /** A request as a client that sets Host: attacker.example would send it. */
  function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("host", "attacker.example");
    return Promise.resolve(app.request(`${ATTACKER}${path}`, { ...init, headers }));
  }

  it("mails the reset link on the configured site, whatever the Host header", async () => {
    const form = await request("/account/reset");
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const res = await request("/account/reset", {
      method: "POST",
      headers: { cookie, origin: ATTACKER, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf, email: "editor@example.org" }),
    });
    expect(res.status).toBeLessThan(400);
    const message = mail.at(-1)!;
    expect(message.text).toContain(`${site}/account/set-password?token=`);
    expect(message.text).not.toContain("attacker.example");
  });

  it.each([
    "/feeds/updates.atom",
    "/feeds/updates.rss",
    "/digest/feed.atom",
    "/feeds/calendar.ics",
    "/feeds/processes/oewg-2021-2025.ics",
    "/api/v1/evidence?per_page=5",
  ])("serves %s with links on the configured site only", async (path) => {
    const res = await request(path);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).not.toContain("attacker.example");
    if (!path.startsWith("/api/")) expect(body).toContain(new URL(site).hostname);
  });
});
