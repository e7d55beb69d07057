import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DRIVERS } from "../../../test/database.js";
import { createEditorialTestApp, type EditorialTestApp } from "../../../test/editorial.js";

const PASSWORD = "correct horse battery staple";

describe.each(TEST_DRIVERS)("editor sign-in on $label", ({ driver, skip }) => {
  let t: EditorialTestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await createEditorialTestApp(driver);
    await t.addUser("ada@example.org", "editor", PASSWORD);
    await t.addUser("grace@example.org", "editor", PASSWORD);
    await t.addUser("lin@example.org", "editor", PASSWORD);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)("signs in with the right password and sets an HttpOnly, SameSite session cookie", async () => {
    const agent = t.agent();
    await agent.get("/login");
    const res = await agent.post("/login", { email: "Ada@Example.org", password: PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/editor");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("nw_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const account = await agent.get("/account");
    expect(account.status).toBe(200);
    expect(await account.text()).toContain("ada@example.org");
  });

  it.skipIf(skip)("marks the cookie Secure behind TLS", async () => {
    const agent = t.agent();
    await agent.get("/login");
    const res = await agent.request("https://normwatch.example/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "ada@example.org", password: PASSWORD, _csrf: agent.csrf! }),
    });
    expect(res.headers.getSetCookie().find((c) => c.startsWith("nw_session="))).toMatch(/Secure/);
  });

  it.skipIf(skip)("refuses a wrong password and an unknown account with the same message", async () => {
    const agent = t.agent();
    await agent.get("/login");
    const wrong = await agent.post("/login", { email: "grace@example.org", password: "not the password" });
    const unknown = await agent.post("/login", { email: "nobody@example.org", password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toContain("wrong email or password");
    expect(await unknown.text()).toContain("wrong email or password");
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith("nw_session="))).toBe(false);
  });

  it.skipIf(skip)(
    "backs off after five wrong passwords instead of locking the account, and answers an unknown address alike (issue 13)",
    async () => {
      const agent = t.agent();
      await agent.get("/login");
      const attempt = async (email: string, password: string) => {
        const res = await agent.post("/login", { email, password });
        return {
          status: res.status,
          error: /class="error-summary"[\s\S]*?<\/div>/.exec(await res.text())?.[0]?.replace(/\d+ s/, "N s"),
        };
      };
      const known: unknown[] = [];
      const unknown: unknown[] = [];
      for (let i = 0; i < 6; i++) known.push(await attempt("lin@example.org", `wrong ${i}`));
      for (let i = 0; i < 6; i++) unknown.push(await attempt("nobody-here@example.org", `wrong ${i}`));
      expect(unknown).toEqual(known);
      expect(known.at(-1)).toMatchObject({ status: 429 });
      expect((await agent.post("/login", { email: "lin@example.org", password: PASSWORD })).status).toBe(429);
      t.clock.advanceMinutes(1);
      expect((await agent.post("/login", { email: "lin@example.org", password: PASSWORD })).status).toBe(303);
    },
  );

  it.skipIf(skip)("rejects a login form without its CSRF token, or with another visitor's", async () => {
    const agent = t.agent();
    await agent.get("/login");
    const missing = await agent.post("/login", { email: "ada@example.org", password: PASSWORD }, { csrf: null });
    expect(missing.status).toBe(403);
    const other = t.agent();
    await other.get("/login");
    const forged = await agent.post("/login", { email: "ada@example.org", password: PASSWORD }, { csrf: other.csrf! });
    expect(forged.status).toBe(403);
  });

  it.skipIf(skip)("rejects a signed-in write without the session's CSRF token and a cross-origin one", async () => {
    const agent = t.agent();
    await agent.logIn("ada@example.org", PASSWORD);
    const res = await agent.post(
      "/account/tokens",
      { name: "x", scopes: "changes:write" },
      { csrf: "forged-token-forged-token-forged-token" },
    );
    expect(res.status).toBe(403);
    const cross = await agent.request("/account/tokens", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: new URLSearchParams({ name: "x", scopes: "changes:write", _csrf: agent.csrf! }),
    });
    expect(cross.status).toBe(403);
  });

  it.skipIf(skip)("ends a session when it expires", async () => {
    const agent = t.agent();
    await agent.logIn("grace@example.org", PASSWORD);
    expect((await agent.get("/account")).status).toBe(200);
    t.clock.advanceMinutes(12 * 60 + 1);
    expect((await agent.get("/account")).status).toBe(401);
  });

  it.skipIf(skip)("signs out everywhere: every browser of the user loses its session", async () => {
    const laptop = t.agent();
    const phone = t.agent();
    await laptop.logIn("ada@example.org", PASSWORD);
    await phone.logIn("ada@example.org", PASSWORD);
    const res = await laptop.post("/account/logout-everywhere", {});
    expect(res.status).toBe(303);
    expect((await phone.get("/account")).status).toBe(401);
    expect((await laptop.get("/account")).status).toBe(401);
  });

  it.skipIf(skip)("resets a forgotten password by an emailed one-time link that ends old sessions", async () => {
    const old = t.agent();
    await old.logIn("grace@example.org", PASSWORD);
    const agent = t.agent();
    await agent.get("/account/reset");
    const res = await agent.post("/account/reset", { email: "grace@example.org" });
    expect(res.status).toBe(303);
    const message = t.mail.at(-1)!;
    expect(message.to).toBe("grace@example.org");
    const link = /\/account\/set-password\?token=([\w-]+)/.exec(message.text)!;
    await agent.get(link[0]);
    const tooShort = await agent.post("/account/set-password", { token: link[1]!, password: "short" });
    expect(tooShort.status).toBe(400);
    const set = await agent.post("/account/set-password", { token: link[1]!, password: "a brand new passphrase" });
    expect(set.status).toBe(303);
    expect((await old.get("/account")).status).toBe(401);
    const again = await agent.post("/account/set-password", { token: link[1]!, password: "another new passphrase" });
    expect(again.status).toBe(400);
    const login = t.agent();
    expect((await login.logIn("grace@example.org", "a brand new passphrase")).status).toBe(303);
  });

  it.skipIf(skip)("sends no reset mail for an unknown address and answers the same way", async () => {
    const before = t.mail.length;
    const agent = t.agent();
    await agent.get("/account/reset");
    const res = await agent.post("/account/reset", { email: "nobody@example.org" });
    expect(res.status).toBe(303);
    expect(t.mail.length).toBe(before);
  });

  it.skipIf(skip)("limits login attempts per client address", async () => {
    const agent = t.agent();
    await agent.get("/login");
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await agent.post("/login", { email: `probe${i}@example.org`, password: "x" })).status);
    expect(statuses).toContain(429);
  });
});
