import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("vote and alignment pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it("shows a vote event with totals, a server-rendered map, the State table and breakdowns", async () => {
    const res = await t.app.request("/votes/A/RES/74/247");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>A/RES/74/247</h1>");
    expect(html).toMatch(/<svg viewBox="0 0 960 470" role="img"/);
    expect(html).toContain('class="vote-no" data-iso3="USA"');
    expect(html).toContain('class="vote-yes" data-iso3="RUS"');
    expect((html.match(/<tr data-vote=/g) ?? []).length).toBe(193);
    expect(html).toContain("By UN regional group");
    expect(html).toContain("Sponsors (");
    expect(html).toContain("acknowledge the United Nations as the source");
  });

  it("lists cyber votes and compares two iterations", async () => {
    const list = await (await t.app.request("/votes?cyber=1")).text();
    expect(list).toContain('href="/votes/A/RES/73/27"');
    expect(list).not.toContain('href="/votes/A/RES/74/7"');
    const compare = await (await t.app.request("/votes/compare?a=A/RES/73/187&b=A/RES/74/247")).text();
    expect(compare).toMatch(/\d+ States moved/);
  });

  it("shows a State's cyber votes and the alignment heatmap with a pair lookup", async () => {
    const state = await (await t.app.request("/states/CHE/votes")).text();
    expect(state).toContain("Votes on cyber resolutions");
    expect(state).toContain('href="/votes/A/RES/74/247"');
    const alignment = await (await t.app.request("/alignment?scope=cyber&a=FRA&b=DEU&group=EU")).text();
    expect(alignment).toContain("FRA and DEU");
    expect(alignment).toContain('class="heatmap"');
    expect(alignment).toContain("Bloc 1:");
    expect(alignment).toMatch(/Mean agreement of its 27 members/);
  });

  it("answers an unknown vote with a 404 page", async () => {
    expect((await t.app.request("/votes/A/RES/99/999")).status).toBe(404);
  });
});
