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

  it.skipIf(skip)("lets an admin add an editor, who sets a password from the mailed link; editors cannot add users", async () => {
    const admin = t.agent();
    await admin.logIn("root@example.org", PASSWORD);
    await admin.get("/account/users");
    const res = await admin.post("/account/users", { email: "lin@example.org", role: "editor" });
    expect(res.status).toBe(201);
    expect(await res.text()).toContain("/account/set-password?token=");
    const link = /https?:\/\/\S+\/account\/set-password\?token=([\w-]+)/.exec(t.mail.at(-1)!.text)!;
    const lin = t.agent();
    await lin.get(`/account/set-password?token=${link[1]}`);
    expect((await lin.post("/account/set-password", { token: link[1]!, password: "lin's own passphrase" })).status).toBe(303);
    expect((await lin.logIn("lin@example.org", "lin's own passphrase")).status).toBe(303);

    const editor = t.agent();
    await editor.logIn("ada@example.org", PASSWORD);
    expect((await editor.get("/account/users")).status).toBe(403);
    expect((await editor.post("/account/users", { email: "eve@example.org", role: "admin" })).status).toBe(403);
  });

  it.skipIf(skip)("creates an API token shown once, stores only its hash, and refuses it once revoked", async () => {
    const ada = t.agent();
    await ada.logIn("ada@example.org", PASSWORD);
    const created = await ada.post("/account/tokens", { name: "import script", scopes: "changes:write" });
    expect(created.status).toBe(201);
    const secret = /(nwt_[\w-]{43})/.exec(await created.text())![1]!;
    const rows = (await t.database.db.execute("select token_hash from api_tokens" as never)) as unknown as { rows: { token_hash: string }[] };
    expect(rows.rows.map((r) => r.token_hash)).not.toContain(secret);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await t.app.request("/api/v1/changes", { headers: bearer })).status).toBe(200);
    expect(await (await ada.get("/account")).text()).not.toContain(secret);
    const id = /\/account\/tokens\/(\d+)\/revoke/.exec(await (await ada.get("/account")).text())![1]!;
    expect((await ada.post(`/account/tokens/${id}/revoke`, {})).status).toBe(303);
    expect((await t.app.request("/api/v1/changes", { headers: bearer })).status).toBe(401);
  });
});
