import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

describe("Session pages", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.dispose());

  it("shows a session with its process, dates, venue, kind and sources", async () => {
    const res = await t.app.request("/sessions/oewg-2019-2021-oewg-organizational-session");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<a href="/processes/oewg-2019-2021">OEWG 2019–2021</a>');
    expect(html).toContain(
      '<time datetime="2019-06-03">3 June 2019</time> – <time datetime="2019-06-04">4 June 2019</time>',
    );
    expect(html).toContain("New York (Conference Room 4)");
    expect(html).toContain("Organizational session");
    expect(html).toContain('<h2 id="sources-heading">Sources</h2>');
  });

  it("shows a month-precision date once, as a month", async () => {
    const html = await (await t.app.request("/sessions/gge-2012-2013-second-meeting")).text();
    expect(html).toContain('<dd><time datetime="2013-01">January 2013</time></dd>');
    expect(html).toContain("Geneva");
  });

  it("shows the fact base's notes as the compiler's note under the sources, with confidence only where not high (issue 15)", async () => {
    const html = await (await t.app.request("/sessions/gge-2019-2021-gge-regional-consultation-osce")).text();
    expect(html).not.toContain('id="notes-heading"');
    expect(html).not.toContain("<dt>Confidence</dt>");
    const sources = html.slice(html.indexOf('<h2 id="sources-heading">Sources</h2>'));
    expect(sources).toContain(
      "Compiler&#39;s note: GPD: held in June 2019 (before the OAS one). Exact date and venue not retrieved. (Confidence: medium.)",
    );
    const high = await (await t.app.request("/sessions/oewg-2019-2021-oewg-organizational-session")).text();
    expect(high).not.toContain("Confidence:");
  });

  it("answers an unknown session with a 404 page", async () => {
    expect((await t.app.request("/sessions/oewg-2019-2021-twelfth-session")).status).toBe(404);
  });

  it("summarises stakeholder accreditation on the session page: 18 non-ECOSOC applicants, all blocked", async () => {
    const html = await (await t.app.request("/sessions/oewg-2019-2021-oewg-first-substantive-session")).text();
    expect(html).toContain('id="accreditation-heading"');
    expect(html).toMatch(/Without ECOSOC status[\s\S]*?18[\s\S]*?18/);
    expect(html).toContain('href="/participation/sessions/oewg-2019-2021-oewg-first-substantive-session"');
    expect(html).toContain('href="/history/session/oewg-2019-2021-oewg-first-substantive-session"');
  });
});
