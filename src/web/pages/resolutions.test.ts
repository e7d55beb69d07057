import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("Resolution pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it("lists resolutions with date, title, committee and yes–no–abstain, filtered by topic without JavaScript", async () => {
    const res = await t.app.request("/resolutions?topic=cybercrime");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("11 resolutions and decisions");
    expect(html).toContain('<a href="/resolutions/A/RES/74/247">A/RES/74/247</a>');
    expect(html).toContain('<time datetime="2019-12-27">27 December 2019</time>');
    expect(html).toContain("79–60–33");
    expect(html).toContain('<a href="/resolutions/decision%2074/567">decision 74/567</a>');
    expect(html).not.toContain("A/RES/73/27");
  });

  it("shows A/RES/74/247: adopted 27 December 2019 by 79–60–33, what it does, the AHC it mandates, a votes link and sources", async () => {
    const res = await t.app.request("/resolutions/A/RES/74/247");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>A/RES/74/247</h1>");
    expect(html).toContain('<time datetime="2019-12-27">27 December 2019</time>');
    expect(html).toContain("79 in favour, 60 against, 33 abstentions");
    expect(html).toContain("Third Committee");
    expect(html).toContain('<a href="/votes/A/RES/74/247">');
    expect(html).toContain('<a href="/processes/ahc-cybercrime-2022-2024">');
    expect(html).toContain("What it does");
    expect(html).toContain('<h2 id="sources-heading">Sources</h2>');
  });

  it("opens a decision whose symbol has a space, encoded or not", async () => {
    for (const path of ["/resolutions/decision%2074/567", "/resolutions/decision%2074%2F567"]) {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("<h1>decision 74/567</h1>");
      expect(html).not.toContain('href="/votes/');
    }
  });

  it("answers an unknown symbol with a 404 page and a bad filter with a 400 page", async () => {
    const missing = await t.app.request("/resolutions/A/RES/74/999");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("<h1>Not found</h1>");
    expect((await t.app.request("/resolutions?topic=space")).status).toBe(400);
  });

  it("shows the fact base's notes as the compiler's note under the sources, confidence only where not high (issue 15)", async () => {
    const html = await (await t.app.request("/resolutions/A/RES/71/28")).text();
    expect(html).not.toContain('id="notes-heading"');
    expect(html).not.toContain("<dt>Confidence</dt>");
    const sources = html.slice(html.indexOf('<h2 id="sources-heading">Sources</h2>'));
    expect(sources).toContain("Compiler&#39;s note: Voeten: Ukraine abstained.");
    expect(sources).toContain("(Confidence: medium.)");
  });
});
