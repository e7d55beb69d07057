import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("Organization pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it("lists the 44 organizations with member counts", async () => {
    const res = await t.app.request("/organizations");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("44 organizations");
    expect(html).toContain('<a href="/organizations/OSCE">');
  });

  it("shows the EU with its 27 members linked to their State profiles", async () => {
    const html = await (await t.app.request("/organizations/EU")).text();
    expect(html).toContain("Members (27)");
    expect(html).toContain('<a href="/states/EST">Estonia</a>');
    expect(html).toContain('<h2 id="sources-heading">Sources</h2>');
  });

  it("links member organizations, such as the EU in the ASEAN Regional Forum, and 404s an unknown one", async () => {
    const html = await (await t.app.request("/organizations/ARF")).text();
    expect(html).toContain('<a href="/organizations/EU">European Union</a>');
    expect((await t.app.request("/organizations/XYZ")).status).toBe(404);
  });
});
