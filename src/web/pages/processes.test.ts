import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("Process pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite", { now: new Date("2026-11-23T12:00:00Z") });
  });
  afterAll(async () => t.dispose());

  it("draws the swimlane timeline as server-rendered SVG with one linked bar per process", async () => {
    const res = await t.app.request("/processes");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<svg class="timeline" role="group" aria-labelledby="timeline-title timeline-desc"');
    expect(html).toContain('<title id="timeline-title">UN cyber processes running in parallel, 1998–2027</title>');
    const lanes = [...html.matchAll(/<g class="lane[^"]*" data-lane="([a-z0-9-]+)">/g)].map((m) => m[1]);
    expect(lanes).toEqual(["gge", "oewg", "ahc", "permanent-mechanism", "regional", "resolutions"]);
    expect(html).toMatch(
      /<a href="\/sessions\/gge-2019-2021-gge-regional-consultation-african-union"[^>]*><circle class="regional-mark"/,
    );
    const bars = [
      ...html.matchAll(
        /<a href="\/processes\/([a-z0-9-]+)"[^>]*><rect class="bar[^"]*" data-process-id="([a-z0-9-]+)"/g,
      ),
    ];
    expect(bars).toHaveLength(10);
    for (const [, href, id] of bars) expect(href).toBe(id);
    expect(html).toMatch(
      /<rect class="bar kind-permanent-mechanism open-ended" data-process-id="global-mechanism-ict-2026"[^>]*><title>Global Mechanism on ICT security: 30 March 2026 – ongoing<\/title>/,
    );
  });

  it("marks sessions on their bars, GA adoptions on their own lane, year ticks and today", async () => {
    const html = await (await t.app.request("/processes")).text();
    expect(html).toContain('data-session-id="oewg-2019-2021-oewg-organizational-session"');
    // Links inside the SVG are named for screen readers (the SVG is a group, not an image that hides them).
    expect(html).toContain('<a href="/resolutions/A/RES/74/247" aria-label="A/RES/74/247, adopted 27 December 2019">');
    expect(html).toMatch(
      /<a href="\/resolutions\/A\/RES\/74\/247"[^>]*><rect class="resolution-tick" data-symbol="A\/RES\/74\/247"[^>]*><title>A\/RES\/74\/247, adopted 27 December 2019<\/title>/,
    );
    expect(html).toContain('<text class="tick-label"');
    expect(html).toContain(">1998</text>");
    expect(html).toContain("today (23 November 2026)");
  });

  it("lists every process in a table beneath the timeline, as its accessible equivalent", async () => {
    const html = await (await t.app.request("/processes")).text();
    expect(html).toContain('<table class="data" id="processes-table">');
    expect(html).toContain('<a href="/processes/oewg-2019-2021">OEWG 2019–2021</a>');
    expect(html).toContain('Jürg Lauber (<a href="/states/CHE">Switzerland</a>)');
    expect(html).toContain("<summary>GA adoptions shown on the timeline");
  });

  it("shows the OEWG 2019–2021: chair, mandate, sessions with dates, resolution with totals, outcome and sources", async () => {
    const res = await t.app.request("/processes/oewg-2019-2021");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>OEWG 2019–2021</h1>");
    expect(html).toContain('Jürg Lauber (<a href="/states/CHE">Switzerland</a>)');
    expect(html).toContain('<a href="/sessions/oewg-2019-2021-oewg-organizational-session">');
    expect(html).toContain(
      '<time datetime="2019-06-03">3 June 2019</time> – <time datetime="2019-06-04">4 June 2019</time>',
    );
    expect(html).toContain('<a href="/resolutions/A/RES/73/27">A/RES/73/27</a>');
    expect(html).toContain("119–46–14");
    expect(html).toContain('<a href="/votes/A/RES/73/27">votes</a>');
    expect(html).toContain("Consensus report adopted (12 March 2021)");
    expect(html).toContain('<h2 id="sources-heading">Sources</h2>');
  });

  it("links the listed members of the GGE 2019–2021 to their State pages and keeps month precision", async () => {
    const html = await (await t.app.request("/processes/gge-2019-2021")).text();
    expect(html).toContain("Member States (25)");
    expect(html).toContain('<a href="/states/EST">Estonia</a>');
    expect(html).toContain('<time datetime="2019-12">December 2019</time>');
    expect(html).toContain('<time datetime="2019-06">June 2019</time>');
  });

  it("answers an unknown process with a 404 page", async () => {
    const res = await t.app.request("/processes/gge-1999-2000");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("<h1>Not found</h1>");
  });

  it("marks participation deadlines on their process's bar, linked to the deadline", async () => {
    const html = await (await t.app.request("/processes")).text();
    expect(html).toMatch(
      /<a href="\/participation\/deadlines\/oewg-2021-2025-non-ecosoc-accreditation-2022"[^>]*><path class="deadline-mark closes" data-deadline-id="oewg-2021-2025-non-ecosoc-accreditation-2022"[^>]*><title>[^<]*closes 30 June 2022<\/title>/,
    );
  });

  it("lists a process's updates and offers its feeds, in <head> and visibly, with history and correction links", async () => {
    const html = await (await t.app.request("/processes/oewg-2021-2025")).text();
    expect(html).toMatch(
      /<head>[\s\S]*<link rel="alternate" type="application\/atom\+xml" href="\/feeds\/processes\/oewg-2021-2025.atom"[\s\S]*<\/head>/,
    );
    expect(html).toContain('<h2 id="record-updates-heading">Updates</h2>');
    expect(html).toContain('href="/feeds/processes/oewg-2021-2025.ics"');
    expect(html).toContain('href="/participation/processes/oewg-2021-2025"');
    expect(html).toContain('href="/history/process/oewg-2021-2025"');
    expect(html).toContain('href="/corrections/new?kind=process&amp;id=oewg-2021-2025"');
  });

  it("shows the fact base's notes as the compiler's note under the sources, and no high confidence (issue 15)", async () => {
    const html = await (await t.app.request("/processes/gge-2009-2010")).text();
    expect(html).not.toContain('id="notes-heading"');
    expect(html).not.toContain("<dt>Confidence</dt>");
    const sources = html.slice(html.indexOf('<h2 id="sources-heading">Sources</h2>'));
    expect(sources).toContain(
      "Compiler&#39;s note: UN ODA page: &#39;A first successful GGE report was issued in 2010 (A/65/201)&#39;",
    );
    expect(sources).not.toContain("Confidence:");
  });
});
