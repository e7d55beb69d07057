// The digest API: published issues only, newest month first, one issue with its sections as Markdown and safe
// HTML; drafts are "not found". On PGlite and (with TEST_DATABASE_URL) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_DRIVERS } from "../../test/database.js";
import { createEditorialTestApp, type EditorialTestApp } from "../../test/editorial.js";
import { draftDigestIssue, publishDigestIssue, updateDigestIssue } from "../db/digest.js";

describe.each(TEST_DRIVERS)("digest API ($label)", ({ driver, skip }) => {
  let t: EditorialTestApp;
  beforeAll(async () => {
    if (skip) return;
    t = await createEditorialTestApp(driver);
    const editor = await t.addUser("api-digest@example.org", "editor");
    const now = t.clock.now;
    // An empty database: the drafts say nothing changed, and the edited bodies are synthetic.
    for (const month of ["2020-01", "2020-02", "2020-03"])
      await draftDigestIssue(t.database.db, { month, userId: editor.id, now });
    await updateDigestIssue(t.database.db, {
      slug: "2020-02",
      title: "February 2020",
      bodyMarkdown:
        "# February\n\nIntro [link](/sessions/x).\n\n## First Committee: OEWG and GGE\n\n- item <script>x</script>\n\n## Other\n\nMore.",
      userId: editor.id,
      now,
    });
    await publishDigestIssue(t.database.db, { slug: "2020-02", userId: editor.id, now });
    await publishDigestIssue(t.database.db, { slug: "2020-01", userId: editor.id, now });
  }, 60_000);
  afterAll(async () => t?.dispose());

  it.skipIf(skip)("lists published issues only, latest month first", async () => {
    const res = await t.app.request("/api/v1/digest?per_page=1&page=2");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { slug: string; page_url: string }[]; meta: { total: number } };
    expect(body.meta.total).toBe(2);
    expect(body.data).toEqual([
      expect.objectContaining({
        slug: "2020-01",
        title: "Normwatch digest: January 2020",
        period_start: "2020-01-01",
        period_end: "2020-02-01",
        page_url: "/digest/2020-01",
        url: "/api/v1/digest/2020-01",
      }),
    ]);
    const all = (await (await t.app.request("/api/v1/digest")).json()) as { data: { slug: string }[] };
    expect(all.data.map((i) => i.slug)).toEqual(["2020-02", "2020-01"]);
  });

  it.skipIf(skip)("gives one issue's Markdown and its sections rendered safely", async () => {
    const body = (await (await t.app.request("/api/v1/digest/2020-02")).json()) as {
      title: string;
      body_markdown: string;
      intro_html: string;
      sections: { heading: string; markdown: string; html: string }[];
      published_at: string;
    };
    expect(body.title).toBe("February 2020");
    expect(body.published_at).toBe("2026-11-23T12:00:00.000Z");
    expect(body.body_markdown).toContain("# February");
    expect(body.intro_html).toBe('<p>Intro <a href="/sessions/x">link</a>.</p>\n');
    expect(body.sections.map((s) => s.heading)).toEqual(["First Committee: OEWG and GGE", "Other"]);
    expect(body.sections[0]!.html).toBe("<ul>\n<li>item &lt;script&gt;x&lt;/script&gt;</li>\n</ul>\n");
  });

  it.skipIf(skip)("answers 404 for a draft and 400 for a malformed month", async () => {
    expect((await t.app.request("/api/v1/digest/2020-03")).status).toBe(404);
    expect((await t.app.request("/api/v1/digest/2020-3")).status).toBe(400);
    const spec = (await (await t.app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/v1/digest", "/api/v1/digest/{slug}"]));
  });
});
