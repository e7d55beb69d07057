import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app.js";
import { composeShareCard, wrapText } from "./og/share-image.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's first chunk (IHDR), big-endian at bytes 16–23. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

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

  it("gives vote, State and norm pages an absolute og:image on the configured site, and a large Twitter card", async () => {
    for (const [page, image] of [
      ["/votes/A/RES/74/247", "http://localhost/og/votes/A/RES/74/247.png"],
      ["/states/FRA", "http://localhost/og/states/FRA.png"],
      ["/norms/13c", "http://localhost/og/norms/13c.png"],
    ] as const) {
      // The host a request names never makes the address: only PUBLIC_URL (config.siteUrl) does.
      const html = await (await t.app.request(`http://attacker.example${page}`)).text();
      expect(html, page).toContain(`<meta property="og:image" content="${image}"/>`);
      expect(html, page).toContain('<meta property="og:image:width" content="1200"/>');
      expect(html, page).toContain('<meta name="twitter:card" content="summary_large_image"/>');
      expect((await t.app.request(new URL(image).pathname)).status, image).toBe(200);
    }
    const plain = await (await t.app.request("/votes")).text();
    expect(plain).not.toContain("og:image");
    expect(plain).toContain('<meta name="twitter:card" content="summary"/>');
  });

  it("serves each share image as a 1200×630 PNG of the map, with Cache-Control and an ETag", async () => {
    const etags = new Set<string>();
    for (const path of [
      "/og/votes/A/RES/74/247.png",
      "/og/votes/A/RES/73/27.png",
      "/og/states/FRA.png",
      "/og/norms/13c.png",
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toBe("image/png");
      expect(res.headers.get("cache-control"), path).toMatch(/^public, max-age=\d+/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 8)], path).toEqual(PNG_SIGNATURE);
      expect(pngSize(bytes), path).toEqual({ width: 1200, height: 630 });
      // The map's 177 shapes make it far larger than an empty card with a line of text.
      expect(bytes.byteLength, path).toBeGreaterThan(50_000);
      const etag = res.headers.get("etag")!;
      etags.add(etag);
      const again = await t.app.request(path, { headers: { "If-None-Match": etag } });
      expect(again.status, path).toBe(304);
    }
    expect(etags.size).toBe(4);
    for (const missing of ["/og/states/XXQ.png", "/og/votes/A/RES/99/999.png", "/og/norms/no-such-norm.png"])
      expect((await t.app.request(missing)).status, missing).toBe(404);
  });

  it("draws the card from the page's data: fills inline, text escaped, long titles cut to two lines", () => {
    const svg = composeShareCard({
      title: "Vote on <A/RES/1> & more",
      subtitle: "a subtitle",
      places: [{ isoNumeric: "250", latitude: 46, longitude: 2, fill: "#123456", hasDot: true, isMarked: true }],
      otherFill: "#abcdef",
      legend: [{ fill: "#123456", label: "France" }],
    });
    expect(svg.match(/<path d="[^"]+" fill="#123456"/g)).toHaveLength(1);
    expect((svg.match(/fill="#abcdef"/g) ?? []).length).toBeGreaterThan(150);
    expect(svg).toContain("Vote on &#60;A/RES/1&#62; &#38; more");
    expect(svg).not.toContain("<A/RES/1>");
    expect(wrapText("one two three four five six", 9, 2)).toEqual(["one two", "three…"]);
    expect(wrapText("short", 9, 2)).toEqual(["short"]);
    expect(wrapText("a-very-long-single-word", 9, 2)).toEqual(["a-very-l…"]);
  });
});
