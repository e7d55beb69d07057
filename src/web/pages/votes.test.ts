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
    expect(html).toContain('<pattern id="vote-hatch"');
    expect((html.match(/<tr data-vote=/g) ?? []).length).toBe(193);
    expect(html).toContain("By UN regional group");
    expect(html).toContain("Sponsors (");
    expect(html).toContain("acknowledge the United Nations as the source");
  });

  it("lists cyber votes and compares two iterations", async () => {
    const list = await (await t.app.request("/votes")).text();
    expect(list).toContain('href="/votes/A/RES/73/27"');
    expect(list).not.toContain('href="/votes/A/RES/74/7"');
    const compare = await (await t.app.request("/votes/compare?a=A/RES/73/187&b=A/RES/74/247")).text();
    expect(compare).toMatch(/\d+ States changed their vote/);
  });

  it("compares two votes in date order, short symbols accepted, changes of vote apart from presence changes, in a from→to table (issue 17)", async () => {
    const res = await t.app.request("/votes/compare?a=74/247&b=73/187");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Shown in date order: the earlier vote first.");
    expect(html).toMatch(
      /<a href="\/votes\/A\/RES\/73\/187">A\/RES\/73\/187<\/a> \(2018-12-17\) → <a href="\/votes\/A\/RES\/74\/247">A\/RES\/74\/247<\/a>/,
    );
    const changed = Number(/<strong>(\d+) States changed their vote<\/strong>; (\d+) voted in one/.exec(html)?.[1]);
    const presence = Number(/States changed their vote<\/strong>; (\d+) voted in one/.exec(html)?.[1]);
    expect(changed).toBeGreaterThan(0);
    expect(presence).toBeGreaterThan(0);
    // The table's off-diagonal cells name the States and add up to the changes.
    const cells = [...html.matchAll(/<td class="moved"><strong>(\d+)<\/strong>: /g)].map((m) => Number(m[1]));
    expect(cells.reduce((x, y) => x + y, 0)).toBe(changed);
    expect(html).toContain("Presence changes: voted in one, absent or without data in the other");
    expect(html).toMatch(/\d+ unchanged/);
    expect(html).not.toContain("States moved");
  });

  it("links a cyber vote to the previous and next recorded votes of its series with the comparison one click away (issue 17)", async () => {
    const html = await (await t.app.request("/votes/A/RES/74/247")).text();
    expect(html).toContain(
      '<a href="/votes/A/RES/73/187" rel="prev">A/RES/73/187</a> (<a href="/votes/compare?a=A%2FRES%2F73%2F187&amp;b=A%2FRES%2F74%2F247">compare</a>)',
    );
    // 75/282 was adopted without a vote: listed in the series, linked to its resolution page, not as a vote.
    expect(html).toContain("no later recorded vote in this series");
    expect(html).toContain('<a href="/resolutions/A/RES/75/282">A/RES/75/282</a> (2021-05-26): no recorded vote');
    const ict = await (await t.app.request("/votes/A/RES/74/29")).text();
    expect(ict).toContain('rel="prev">A/RES/73/27</a>');
    expect(ict).toContain('rel="next">A/RES/75/240</a>');
    // A vote outside the fact base's series has no series navigation.
    expect(await (await t.app.request("/votes/A/RES/78/165")).text()).not.toContain(
      'aria-label="Votes of this series"',
    );
  });

  it("opens the vote list on the cyber votes with a switch for all, finds votes by words, and shows clean titles (issue 17)", async () => {
    const cyber = await (await t.app.request("/votes")).text();
    expect(cyber).toContain('href="/votes/A/RES/74/247"');
    expect(cyber).not.toContain('href="/votes/A/RES/78/165"');
    expect(cyber).toMatch(/<p role="status">\d+ cyber vote events/);
    const all = await (await t.app.request("/votes?all=1&session=78")).text();
    expect(all).toContain('href="/votes/A/RES/78/165"');
    const words = await (await t.app.request("/votes?q=cybercrime")).text();
    expect(words).toContain('href="/votes/A/RES/74/247"');
    expect(words).toContain('href="/votes/A/RES/73/187"');
    const short = await (await t.app.request("/votes?q=74%2F247")).text();
    expect(short).toContain('href="/votes/A/RES/74/247"');
    expect(cyber).not.toContain("resolution / adopted by the General Assembly");
    expect(cyber).toContain(
      "Countering the use of information and communications technologies for criminal purposes</td>".replace(
        "</td>",
        "",
      ),
    );
    const session1 = await (await t.app.request("/votes?all=1&session=1")).text();
    expect(session1).toContain("Amendments, rules of procedure");
    expect(session1).not.toContain("AMENDMENTS, RULES OF PROCEDURE");
  });

  it("shows a State's cyber votes and the alignment heatmap with a pair lookup", async () => {
    const state = await (await t.app.request("/states/CHE/votes")).text();
    expect(state).toContain("Votes on cyber resolutions");
    expect(state).toContain('href="/votes/A/RES/74/247"');
    const alignment = await (await t.app.request("/alignment?scope=cyber&a=FRA&b=DEU&group=EU")).text();
    expect(alignment).toContain("France and Germany");
    expect(alignment).toContain('class="heatmap"');
    expect(alignment).toContain("<strong>Bloc A (");
    expect(alignment).toMatch(/Mean agreement of its 27 members/);
  });

  it("answers which States sit between the blocs, with named blocs of a useful size, a legend and row names (issue 17)", async () => {
    const html = await (await t.app.request("/alignment?scope=cyber")).text();
    expect(html).toContain('<h2 id="between-heading">Between the blocs</h2>');
    const rows = [
      ...html.matchAll(
        /<tr><td class="num">(\d+)<\/td><th scope="row"><a href="\/states\/[A-Z]{3}\/votes">[^<]+<\/a><\/th><td>(?:[A-C]|none)<\/td>((?:<td class="num">\d+ %<\/td>)+)<td class="num">([\d.]+) pts<\/td><\/tr>/g,
      ),
    ];
    expect(rows.length).toBe(40);
    const gaps = rows.map((r) => Number(r[3]));
    expect([...gaps].sort((x, y) => x - y)).toEqual(gaps);
    // Blocs are named, and none is a bloc of one State.
    expect(html).toMatch(/<th scope="row">A: with Russia, China<\/th>/);
    expect(html).toMatch(/<th scope="row">C: with France, United Kingdom<\/th>/);
    // A bloc without a permanent member is named by its largest regional group and its most central members.
    expect(html).toMatch(/<th scope="row">B: largest share African Group \(\d+ of \d+\); around [^<]+<\/th>/);
    for (const m of html.matchAll(/<strong>Bloc [A-Z] \((\d+)\):/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(8);
    expect(html).toContain('aria-label="Colour scale"');
    expect(html).toContain("<title>France (bloc C)</title>");
    // The period is a choice: an earlier range changes the selection.
    const early = await (await t.app.request("/alignment?scope=cyber&session_to=73")).text();
    expect(early).toContain("(sessions 1–73)");
    // A period typed last first is read the right way round and said on the page, not a bare 400.
    const backwards = await t.app.request("/alignment?scope=cyber&session_from=78&session_to=70");
    expect(backwards.status).toBe(200);
    const backwardsHtml = await backwards.text();
    expect(backwardsHtml).toContain("The sessions were given last first: shown from session 70 to session 78.");
    expect(backwardsHtml).toContain("(sessions 70–78)");
  });

  it("takes a State by name or code in the pair lookup, and says so when none matches (issue 17)", async () => {
    const res = await t.app.request("/alignment?a=Brazil&b=fra");
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(
      /<h2 id="pair-heading">Brazil and France<\/h2><p class="pair-result">Agreement [\d.]+ %/,
    );
    const unknown = await t.app.request("/alignment?a=Atlantis&b=FRA");
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain("No State matches “Atlantis”.");
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

  it("shows a decision of session 39 as a decision, by the source's identifier and without a made-up symbol (issue 15)", async () => {
    const html = await (await t.app.request("/votes/RC-2790")).text();
    expect(html).toContain("<h1>Roll call 2790 (Voeten code R/39/412)</h1>");
    expect(html).toContain("<dt>Motion</dt><dd>decision</dd>");
    expect(html).not.toContain("A/DEC/");
    expect((await t.app.request("/votes/A/DEC/39/412")).status).toBe(404);
    expect((await t.app.request("/votes/A/RES/39/412")).status).toBe(404);
    const session39 = await (await t.app.request("/votes?session=39&all=1&q=colonial%20powers")).text();
    expect(session39).toMatch(/Roll call 2790 \(Voeten code R\/39\/412\)<\/a> \(decision\)/);
  });

  it("shows no data, not zero absent, where the source records no absences (sessions 71–73) (issue 15)", async () => {
    const html = await (await t.app.request("/votes/A/RES/73/27")).text();
    expect(html).toMatch(
      /Counted from the State list<\/th><td class="num">119<\/td><td class="num">46<\/td><td class="num">14<\/td><td class="num">no data<\/td>/,
    );
    expect(html).not.toMatch(/<td class="num">\d+<\/td><td class="num">0<\/td><\/tr>/);
    expect(html).toContain("who was absent or not a member is not known");
    // A UN record counts its absences.
    const un = await (await t.app.request("/votes/A/RES/74/247")).text();
    expect(un).not.toContain("no data</td>");
  });

  it("labels organisations counted with today's members, and counts ASEAN as it was on the day (issue 15)", async () => {
    const html = await (await t.app.request("/votes/A/RES/74/247")).text();
    expect(html).toContain(
      "By organisation: members on 2019-12-27 where the source dates membership, else today&#39;s members",
    );
    expect(html).toMatch(
      /<th scope="row">EU<span class="muted"> \(current members\)<\/span><\/th><td class="num">27<\/td>/,
    );
    expect(html).toMatch(/<th scope="row">ASEAN<\/th><td class="num">10<\/td>/);
  });

  it("answers an unknown vote with a 404 page", async () => {
    expect((await t.app.request("/votes/A/RES/99/999")).status).toBe(404);
  });
});
