// Light pages (issue 17): every main route is served compressed (Brotli, else gzip) and weighs at most 60 KB on the
// wire, maps included; static files carry a content hash and are cached for a year.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./app.js";
import { MAIN_ROUTES } from "./main-routes.js";

const MAX_TRANSFERRED_BYTES = 60 * 1024;

describe("page weight", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  }, 600_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("serves every main route with Brotli at most 60 KB, and gzip to a client without Brotli", async () => {
    const heavy: string[] = [];
    const sizes: string[] = [];
    for (const route of MAIN_ROUTES) {
      const br = await t.app.request(route, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
      expect(br.status, route).toBe(200);
      expect(br.headers.get("Content-Encoding"), route).toBe("br");
      expect(br.headers.get("Vary"), route).toMatch(/Accept-Encoding/i);
      const bytes = (await br.arrayBuffer()).byteLength;
      sizes.push(`${route} ${(bytes / 1024).toFixed(1)} KB`);
      if (bytes > MAX_TRANSFERRED_BYTES) heavy.push(`${route}: ${(bytes / 1024).toFixed(1)} KB`);
    }
    console.log(`compressed page weights (limit 60 KB):\n${sizes.join("\n")}`);
    expect(heavy).toEqual([]);
    const gzip = await t.app.request("/states/FRA", { headers: { "Accept-Encoding": "gzip" } });
    expect(gzip.headers.get("Content-Encoding")).toBe("gzip");
    const plain = await t.app.request("/states/FRA");
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(await plain.text()).toContain("France");
  }, 300_000);

  it("compresses JSON from the API too", async () => {
    const res = await t.app.request("/api/v1/states", { headers: { "Accept-Encoding": "br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Encoding")).toBe("br");
  });

  it("links the stylesheet by a content hash and caches that address for a year", async () => {
    const html = await (await t.app.request("/")).text();
    const href = /<link rel="stylesheet" href="(\/static\/site\.css\?v=[0-9a-f]{12})"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const css = await t.app.request(href!, { headers: { "Accept-Encoding": "br" } });
    expect(css.status).toBe(200);
    expect(css.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(css.headers.get("Content-Encoding")).toBe("br");
    const stale = await t.app.request("/static/site.css?v=000000000000");
    expect(stale.headers.get("Cache-Control")).toBe("public, no-cache");
  });
});
