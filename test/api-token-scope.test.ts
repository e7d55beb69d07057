// API tokens act only on the API operations their scopes name (issue 13): a changes:write token once minted a
// changes:review token, approved changes, drafted, published and sent the digest, uploaded documents and added
// rubric versions through the web forms. Those need a signed-in session; tokens end with the password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertApiToken } from "../src/db/api-tokens.js";
import { TEST_DRIVERS } from "./database.js";
import { createEditorialTestApp, type EditorialTestApp } from "./editorial.js";

const PASSWORD = "a long enough passphrase";

describe.each(TEST_DRIVERS)("API token scopes on $label", ({ driver, skip }) => {
  let t: EditorialTestApp;
  let adaId: number;
  beforeAll(async () => {
    if (skip) return;
    t = await createEditorialTestApp(driver, { seed: false });
    adaId = (await t.addUser("ada@example.org", "admin", PASSWORD)).id;
    await t.addUser("grace@example.org", "editor", PASSWORD);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function token(scopes: ("changes:write" | "changes:review")[]): Promise<Record<string, string>> {
    const { secret } = await insertApiToken(t.database.db, {
      userId: adaId,
      name: scopes.join("+"),
      scopes,
      now: t.clock.now,
    });
    return { authorization: `Bearer ${secret}` };
  }

  function form(headers: Record<string, string>, fields: Record<string, string> = {}): RequestInit {
    return {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    };
  }

  it.skipIf(skip)(
    "refuses a token on account and token management, the digest, uploads, rubric versions and review forms",
    async () => {
      const write = await token(["changes:write"]);
      const review = await token(["changes:review"]);
      const before = (await t.database.db.execute("select count(*)::int as n from api_tokens" as never)) as unknown as {
        rows: { n: number }[];
      };
      for (const [path, fields] of [
        ["/account/tokens", { name: "escalated", scopes: "changes:review" }],
        ["/account/users", { email: "mallory@example.org", role: "admin" }],
        ["/account/logout-everywhere", {}],
        ["/editor/digest/draft", { month: "2019-12" }],
        ["/editor/digest/2019-12/publish", {}],
        ["/editor/digest/2019-12/send", {}],
        ["/editor/documents/upload", { licence: "x" }],
        ["/rubric/default/new-version", { title: "x" }],
        ["/editor/changes/1/review", { decision: "approve", note: "" }],
        ["/editor/changes", { kind: "session" }],
      ] as const) {
        for (const headers of [write, review])
          expect((await t.app.request(path, form(headers, fields))).status, path).toBe(403);
      }
      expect((await t.app.request("/editor", { headers: write })).status).toBe(403);
      expect(
        (await t.app.request("/api/v1/documents", { method: "POST", headers: write, body: new FormData() })).status,
      ).toBe(403);
      const after = (await t.database.db.execute("select count(*)::int as n from api_tokens" as never)) as unknown as {
        rows: { n: number }[];
      };
      expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    },
  );

  it.skipIf(skip)("still lets a token do what its scopes name in the API", async () => {
    const write = await token(["changes:write"]);
    const review = await token(["changes:review"]);
    expect((await t.app.request("/api/v1/changes", { headers: write })).status).toBe(200);
    const json = (headers: Record<string, string>, body: unknown): RequestInit => ({
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect((await t.app.request("/api/v1/changes", json(write, {}))).status).toBe(400);
    expect((await t.app.request("/api/v1/changes/999/approve", json(write, { note: "" }))).status).toBe(403);
    expect((await t.app.request("/api/v1/changes/999/approve", json(review, { note: "" }))).status).toBe(404);
  });

  it.skipIf(skip)("revokes a user's tokens on a password change, a reset and signing out everywhere", async () => {
    const probe = async (headers: Record<string, string>) =>
      (await t.app.request("/api/v1/changes", { headers })).status;
    const grace = t.agent();
    await grace.logIn("grace@example.org", PASSWORD);
    const graceId = (await t.database.db.execute(
      `select id from users where email = 'grace@example.org'` as never,
    )) as unknown as { rows: { id: number }[] };
    const graceToken = async () => ({
      authorization: `Bearer ${(await insertApiToken(t.database.db, { userId: graceId.rows[0]!.id, name: "s", scopes: ["changes:write"], now: t.clock.now })).secret}`,
    });

    const first = await graceToken();
    expect(await probe(first)).toBe(200);
    expect((await grace.post("/account/logout-everywhere", {})).status).toBe(303);
    expect(await probe(first)).toBe(401);

    await grace.logIn("grace@example.org", PASSWORD);
    const second = await graceToken();
    expect((await grace.post("/account/password", { current: PASSWORD, password: `${PASSWORD} changed` })).status).toBe(
      303,
    );
    expect(await probe(second)).toBe(401);

    const third = await graceToken();
    const anonymous = t.agent();
    await anonymous.get("/account/reset");
    await anonymous.post("/account/reset", { email: "grace@example.org" });
    const link = /set-password\?token=([\w-]+)/.exec(t.mail.at(-1)!.text)![1]!;
    await anonymous.get(`/account/set-password?token=${link}`);
    expect(
      (await anonymous.post("/account/set-password", { token: link, password: `${PASSWORD} reset` })).status,
    ).toBeLessThan(400);
    expect(await probe(third)).toBe(401);
  });
});
