import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DRIVERS } from "../../../test/database.js";
import { createEditorialTestApp, type EditorialTestApp } from "../../../test/editorial.js";

const PASSWORD = "a long enough passphrase";

describe.each(TEST_DRIVERS)("accounts and API tokens on $label", ({ driver, skip }) => {
  let t: EditorialTestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await createEditorialTestApp(driver);
    await t.addUser("root@example.org", "admin", PASSWORD);
    await t.addUser("ada@example.org", "editor", PASSWORD);
  });
  afterAll(async () => t?.dispose());

  it.skipIf(skip)(
    "lets an admin add an editor, who sets a password from the mailed link; editors cannot add users",
    async () => {
      const admin = t.agent();
      await admin.logIn("root@example.org", PASSWORD);
      await admin.get("/account/users");
      const res = await admin.post("/account/users", { email: "lin@example.org", role: "editor" });
      expect(res.status).toBe(201);
      expect(await res.text()).toContain("/account/set-password?token=");
      const link = /https?:\/\/\S+\/account\/set-password\?token=([\w-]+)/.exec(t.mail.at(-1)!.text)!;
      const lin = t.agent();
      await lin.get(`/account/set-password?token=${link[1]}`);
      expect(
        (await lin.post("/account/set-password", { token: link[1]!, password: "lin's own passphrase" })).status,
      ).toBe(303);
      expect((await lin.logIn("lin@example.org", "lin's own passphrase")).status).toBe(303);

      const editor = t.agent();
      await editor.logIn("ada@example.org", PASSWORD);
      expect((await editor.get("/account/users")).status).toBe(403);
      expect((await editor.post("/account/users", { email: "eve@example.org", role: "admin" })).status).toBe(403);
    },
  );

  it.skipIf(skip)("creates an API token shown once, stores only its hash, and refuses it once revoked", async () => {
    const ada = t.agent();
    await ada.logIn("ada@example.org", PASSWORD);
    const created = await ada.post("/account/tokens", { name: "import script", scopes: "changes:write" });
    expect(created.status).toBe(201);
    const secret = /(nwt_[\w-]{43})/.exec(await created.text())![1]!;
    const rows = (await t.database.db.execute("select token_hash from api_tokens" as never)) as unknown as {
      rows: { token_hash: string }[];
    };
    expect(rows.rows.map((r) => r.token_hash)).not.toContain(secret);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await t.app.request("/api/v1/changes", { headers: bearer })).status).toBe(200);
    expect(await (await ada.get("/account")).text()).not.toContain(secret);
    const id = /\/account\/tokens\/(\d+)\/revoke/.exec(await (await ada.get("/account")).text())![1]!;
    expect((await ada.post(`/account/tokens/${id}/revoke`, {})).status).toBe(303);
    expect((await t.app.request("/api/v1/changes", { headers: bearer })).status).toBe(401);
  });

  it.skipIf(skip)(
    "lets an admin change a role, disable and re-enable an account, but never the last active admin",
    async () => {
      const lee = await t.addUser("lee@example.org", "editor", PASSWORD);
      const admin = t.agent();
      await admin.logIn("root@example.org", PASSWORD);
      await admin.get("/account/users");
      const rootId = (await t.database.db.execute(
        `select id from users where email = 'root@example.org'` as never,
      )) as unknown as { rows: { id: number }[] };
      const demoteSelf = await admin.post(`/account/users/${rootId.rows[0]!.id}`, {
        role: "editor",
        disabled: "false",
      });
      expect(demoteSelf.status).toBe(409);
      expect(await demoteSelf.text()).toContain("last active admin");

      const leeSession = t.agent();
      expect((await leeSession.logIn("lee@example.org", PASSWORD)).status).toBe(303);
      expect((await admin.post(`/account/users/${lee.id}`, { role: "editor", disabled: "true" })).status).toBe(200);
      expect((await leeSession.get("/account")).status).not.toBe(200);
      expect((await t.agent().logIn("lee@example.org", PASSWORD)).status).not.toBe(303);
      expect((await admin.post(`/account/users/${lee.id}`, { role: "admin", disabled: "false" })).status).toBe(200);
      expect((await t.agent().logIn("lee@example.org", PASSWORD)).status).toBe(303);
      // With lee now an admin too, root may step down.
      expect(
        (await admin.post(`/account/users/${rootId.rows[0]!.id}`, { role: "editor", disabled: "false" })).status,
      ).toBe(200);
      expect((await admin.get("/account/users")).status).toBe(403);
    },
  );

  it.skipIf(skip)(
    "changes a signed-in user's password only with the current one, then ends their sessions",
    async () => {
      await t.addUser("kim@example.org", "editor", PASSWORD);
      const kim = t.agent();
      await kim.logIn("kim@example.org", PASSWORD);
      const wrong = await kim.post("/account/password", {
        current: "not the password at all",
        password: "a brand new passphrase",
      });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain("not your current password");
      const changed = await kim.post("/account/password", { current: PASSWORD, password: "a brand new passphrase" });
      expect(changed.status).toBe(303);
      expect(changed.headers.get("location")).toBe("/login?changed=1");
      expect((await kim.get("/account")).status).not.toBe(200);
      expect((await t.agent().logIn("kim@example.org", PASSWORD)).status).not.toBe(303);
      expect((await t.agent().logIn("kim@example.org", "a brand new passphrase")).status).toBe(303);
    },
  );
});
