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

  it("names an early roll call by the source's own identifier, never by a symbol made from Voeten's number (issue 15)", async () => {
    const res = await t.app.request("/votes/RC-319");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Roll call 319 (Voeten code R/7/69)</h1>");
    expect(html).toContain("none known (the source&#39;s code is not a UN symbol)");
    expect(html).not.toContain("A/RES/69(VII)");
    expect((await t.app.request("/votes/A/RES/69(VII)")).status).toBe(404);
    const session7 = await (await t.app.request("/votes?session=7")).text();
    expect(session7).not.toMatch(/A\/RES\/\d+\(VII\)/);
  });

  it("shows a decision of session 39 as a decision (issue 15)", async () => {
    const html = await (await t.app.request("/votes/A/DEC/39/412")).text();
    expect(html).toContain("<h1>A/DEC/39/412</h1>");
    expect(html).toContain("<dt>Motion</dt><dd>decision</dd>");
    expect((await t.app.request("/votes/A/RES/39/412")).status).toBe(404);
  });

  it("shows no data, not zero absent, where the source records no absences (sessions 71–73) (issue 15)", async () => {
    const html = await (await t.app.request("/votes/A/RES/73/27")).text();
    expect(html).toMatch(/Counted from the State list<\/th><td class="num">119<\/td><td class="num">46<\/td><td class="num">14<\/td><td class="num">no data<\/td>/);
    expect(html).not.toMatch(/<td class="num">\d+<\/td><td class="num">0<\/td><\/tr>/);
    expect(html).toContain("who was absent or not a member is not known");
    // A UN record counts its absences.
    const un = await (await t.app.request("/votes/A/RES/74/247")).text();
    expect(un).not.toContain("no data</td>");
  });

  it("labels organisations counted with today's members, and counts ASEAN as it was on the day (issue 15)", async () => {
    const html = await (await t.app.request("/votes/A/RES/74/247")).text();
    expect(html).toContain("By organisation: members on 2019-12-27 where the source dates membership, else today&#39;s members");
    expect(html).toMatch(/<th scope="row">EU<span class="muted"> \(current members\)<\/span><\/th><td class="num">27<\/td>/);
    expect(html).toMatch(/<th scope="row">ASEAN<\/th><td class="num">10<\/td>/);
  });

  it("answers an unknown vote with a 404 page", async () => {
    expect((await t.app.request("/votes/A/RES/99/999")).status).toBe(404);
  });
});
