import { afterAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app.js";

// Each clock time seeds its own database inside the first test that uses it: time for that on a loaded machine.
describe("Home page", { timeout: 180_000 }, () => {
  /** One seeded app per clock time, shared by the tests that use the same time. */
  const apps = new Map<string, Promise<TestApp>>();
  afterAll(async () => {
    for (const t of apps.values()) await (await t).dispose();
  });
  async function homeAt(now: string): Promise<{ t: TestApp; html: string }> {
    if (!apps.has(now)) apps.set(now, createTestApp("pglite", { now: new Date(now) }));
    const t = await apps.get(now)!;
    const res = await t.app.request("/");
    expect(res.status).toBe(200);
    return { t, html: await res.text() };
  }

  it("on 23 November 2026 shows the Global Mechanism running and its 7–11 December 2026 meetings next", async () => {
    const { t, html } = await homeAt("2026-11-23T12:00:00Z");
    const running = html.slice(html.indexOf('id="running"'), html.indexOf('id="next-heading"'));
    expect(running).toContain('<a href="/processes/global-mechanism-ict-2026">Global Mechanism on ICT security</a>');
    expect(running).not.toContain("oewg-2021-2025");
    const next = html.slice(html.indexOf('id="upcoming"'), html.indexOf('id="recent-heading"'));
    expect(next).toContain(
      '<time datetime="2026-12-07">7 December 2026</time> – <time datetime="2026-12-11">11 December 2026</time>',
    );
    expect(next).toContain(
      'href="/sessions/global-mechanism-ict-2026-global-mechanism-dedicated-thematic-group-dtg-meetings"',
    );
    const recent = html.slice(html.indexOf('id="recent"'), html.indexOf('id="counts-heading"'));
    expect(
      recent.indexOf("global-mechanism-ict-2026-global-mechanism-first-substantive-plenary-session"),
    ).toBeGreaterThan(-1);
    expect(recent.indexOf("first-substantive-plenary-session")).toBeLessThan(recent.indexOf("signing-ceremony"));
    expect(html).toContain("<strong>193</strong> Member States");
    expect(html).toContain("<strong>10</strong> processes");
    expect(html).toContain("<strong>54</strong> sessions");
    expect(html).toContain("<strong>47</strong> resolutions and decisions");
    expect(html).toContain("<strong>36</strong> norms and CBMs");
    // Mounted at "/", the home page must not shadow the other sections.
    expect((await t.app.request("/states/CHE")).status).toBe(200);
    expect((await t.app.request("/no-such-page")).status).toBe(404);
  });

  it("on 15 January 2020 shows the OEWG 2019–2021 and the GGE 2019–2021 running, and the OEWG's February session next", async () => {
    const { html } = await homeAt("2020-01-15T12:00:00Z");
    const running = html.slice(html.indexOf('id="running"'), html.indexOf('id="next-heading"'));
    const ids = [...running.matchAll(/href="\/processes\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(["gge-2019-2021", "oewg-2019-2021"]);
    const next = html.slice(html.indexOf('id="upcoming"'), html.indexOf('id="recent-heading"'));
    const sessions = [...next.matchAll(/href="\/sessions\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(sessions.slice(0, 2)).toEqual([
      "oewg-2019-2021-oewg-second-substantive-session",
      "gge-2019-2021-gge-second-session",
    ]);
  });

  it("has a compact subscribe form leading to the full one, and no token or cookie (it stays cached)", async () => {
    const { t } = await homeAt("2026-11-23T12:00:00Z");
    const res = await t.app.request("/");
    expect(res.headers.get("set-cookie")).toBeNull();
    const html = await res.text();
    const form = html.slice(
      html.indexOf('id="home-subscribe"'),
      html.indexOf("</section>", html.indexOf('id="home-subscribe"')),
    );
    expect(form).toContain('<form method="get" action="/subscribe"');
    expect(form).toContain('name="email"');
    expect(form).toContain('<option value="digest" selected="">Monthly digest</option>');
    expect(form).toContain('<option value="cybercrime">Only the theme: UN cybercrime convention</option>');
    expect(form).not.toContain("_csrf");
    const next = await t.app.request("/subscribe?email=reader%40example.org&topics=digest");
    expect(next.status).toBe(200);
    expect(await next.text()).toMatch(/<form method="post" action="\/subscribe"[\s\S]*value="reader@example.org"/);
  });

  it("lists a deadline ahead until it closes: the 2022 no-objection period for non-ECOSOC stakeholders", async () => {
    const before = (await homeAt("2022-06-01T12:00:00Z")).html;
    const ahead = before.slice(before.indexOf('id="deadlines-heading"'), before.indexOf('id="updates-heading"'));
    expect(ahead).toContain('href="/participation/deadlines/oewg-2021-2025-non-ecosoc-accreditation-2022"');
    expect(ahead).toContain('closes <time datetime="2022-06-30">30 June 2022</time>');
    const after = (await homeAt("2022-07-01T12:00:00Z")).html;
    expect(after.slice(after.indexOf('id="deadlines-heading"'), after.indexOf('id="updates-heading"'))).not.toContain(
      "oewg-2021-2025-non-ecosoc-accreditation-2022",
    );
  });
});
