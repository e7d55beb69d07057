import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("Norms and CBMs pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it("lists the 11 norms 13(a)–(k) first, each with its stable id anchor, then OSCE, OAS, ARF and UN CBMs", async () => {
    const res = await t.app.request("/norms");
    expect(res.status).toBe(200);
    const html = await res.text();
    const anchors = [...html.matchAll(/<article class="norm-item" id="([a-z0-9-]+)">/g)].map((m) => m[1]);
    expect(anchors).toHaveLength(36);
    expect(anchors.slice(0, 11)).toEqual(["13a", "13b", "13c", "13d", "13e", "13f", "13g", "13h", "13i", "13j", "13k"]);
    expect(anchors).toContain("osce-2016-05");
    const sections = [...html.matchAll(/<section id="framework-([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(["un-norms-2015", "osce-cbms", "oas-cbms", "arf-ict", "un-global-cbms"]);
    expect(html).toContain('<a href="/norms/13c">13(c)</a>');
  });

  it("shows one norm with its framework, reference, notes, confidence and sources", async () => {
    const res = await t.app.request("/norms/13c");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("A/70/174 para 13(c)");
    expect(html).toContain("Voluntary, non-binding norms of responsible State behaviour");
    expect(html).toContain("<dt>Confidence</dt>");
    expect(html).toContain('<h2 id="sources-heading">Sources</h2>');
  });

  it("shows an OSCE CBM by its stable id and answers an unknown id with a 404 page", async () => {
    const osce = await t.app.request("/norms/osce-2016-05");
    expect(osce.status).toBe(200);
    expect(await osce.text()).toContain("OSCE-2016-05");
    expect((await t.app.request("/norms/13z")).status).toBe(404);
  });
});
