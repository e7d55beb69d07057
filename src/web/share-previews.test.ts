import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";

describe("favicon, print stylesheet and share previews (issue 17)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it("gives vote, State and norm pages a share title and description", async () => {
    for (const [path, title] of [
      ["/votes/A/RES/74/247", "Vote on A/RES/74/247"],
      ["/states/FRA", "France"],
      ["/norms/13c", ""],
    ] as const) {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/<meta property="og:title" content="[^"]+"\/>/);
      if (title) expect(html).toContain(`<meta property="og:title" content="${title}"/>`);
      expect(html).toMatch(/<meta property="og:description" content="[^"]+"\/>/);
    }
  });

  it("links a favicon and a print stylesheet that the server serves", async () => {
    const html = await (await t.app.request("/votes")).text();
    const icon = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"\/>/.exec(html)?.[1];
    const print = /<link rel="stylesheet" href="([^"]+)" media="print"\/>/.exec(html)?.[1];
    expect(icon).toMatch(/^\/static\/favicon\.svg/);
    expect(print).toMatch(/^\/static\/print\.css/);
    const iconRes = await t.app.request(icon!);
    expect(iconRes.status).toBe(200);
    expect(iconRes.headers.get("content-type")).toContain("image/svg+xml");
    expect(await (await t.app.request(print!)).text()).toContain(".site-header, .site-footer");
  });
});
