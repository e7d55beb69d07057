// The digest on the site: editors draft December 2019 from the bundled data, edit, preview, publish and queue it;
// the public archive, issue page and feeds show published issues only, with safe Markdown.
import { parseFeed } from "@rowanmanning/feed-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEditorialTestApp, type Agent, type EditorialTestApp } from "../../../test/editorial.js";
import { deliveries, subscribers } from "../../db/schema/newsletter.js";

const PASSWORD = "a long enough passphrase";

describe("digest pages", () => {
  let t: EditorialTestApp;
  let editor: Agent;
  beforeAll(async () => {
    t = await createEditorialTestApp("pglite", { seed: true });
    await t.addUser("digest-editor@example.org", "editor", PASSWORD);
    editor = t.agent();
    await editor.logIn("digest-editor@example.org", PASSWORD);
  }, 120_000);
  afterAll(async () => t?.dispose());

  it("refuses the editors' digest pages and writes to the anonymous public", async () => {
    expect((await t.app.request("/editor/digest")).status).toBe(401);
    expect(
      (await t.app.request("/editor/digest/draft", { method: "POST", body: new URLSearchParams({ month: "2019-12" }) }))
        .status,
    ).toBe(401);
  });

  it("drafts December 2019 from changes; the draft stays out of the archive, issue page, feeds and API", async () => {
    await editor.get("/editor/digest");
    const drafted = await editor.post("/editor/digest/draft", { month: "2019-12" });
    expect(drafted.status).toBe(303);
    expect(drafted.headers.get("location")).toBe("/editor/digest/2019-12");
    const page = await (await editor.get("/editor/digest/2019-12")).text();
    expect(page).toContain("[A/RES/74/247](/resolutions/A/RES/74/247)");
    expect(page).toContain("OEWG second substantive session");
    expect(page).toContain('<button type="submit">Publish</button>');

    const archive = await (await t.app.request("/digest")).text();
    expect(archive).toContain("No issue has been published yet.");
    expect(archive).not.toContain('href="/editor/digest"');
    expect(await (await editor.get("/digest")).text()).toContain(
      '<a href="/editor/digest">Editors: drafts and all issues</a>',
    );
    expect(archive).not.toContain("December 2019");
    expect((await t.app.request("/digest/2019-12")).status).toBe(404);
    expect(await (await t.app.request("/digest/feed.atom")).text()).not.toContain("2019-12");
    expect((await t.app.request("/api/v1/digest/2019-12")).status).toBe(404);
  });

  it("shows form errors for a bad month and for an empty title", async () => {
    await editor.get("/editor/digest");
    const bad = await editor.post("/editor/digest/draft", { month: "2019-13" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("not a month (YYYY-MM)");
    await editor.get("/editor/digest/2019-12");
    const empty = await editor.post("/editor/digest/2019-12", { title: " ", bodyMarkdown: "x" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("a title is required");
  });

  it("saves edits, previews them as a web page and as the email, with raw HTML neutralised", async () => {
    const body = (await (await editor.get("/editor/digest/2019-12")).text()).match(
      /<textarea[^>]*>([\s\S]*?)<\/textarea>/,
    )![1]!;
    const markdown = `${body
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")}\n## Editors' note\n\nA word from the editors. <script>alert("x")</script>\n`;
    t.clock.advanceMinutes(5);
    const saved = await editor.post("/editor/digest/2019-12", {
      title: "December 2019: a convention is set in motion",
      bodyMarkdown: markdown,
    });
    expect(saved.status).toBe(303);
    const redraft = await editor.post("/editor/digest/draft", { month: "2019-12" });
    expect(redraft.status).toBe(409);
    expect(await redraft.text()).toContain(
      "was edited after it was drafted: confirm that the edits are to be replaced",
    );

    const web = await (await editor.get("/editor/digest/2019-12/preview")).text();
    expect(web).toContain("December 2019: a convention is set in motion");
    expect(web).toContain('<a href="/resolutions/A/RES/74/247">A/RES/74/247</a>');
    expect(web).not.toContain("<script>alert");
    expect(web).toContain("&lt;script&gt;");

    const email = await (await editor.get("/editor/digest/2019-12/email")).text();
    expect(email).toContain(
      '<iframe title="HTML part of the email" sandbox="" src="/editor/digest/2019-12/email-frame"',
    );
    expect(email).toContain("Subject: <strong>December 2019: a convention is set in motion</strong>");
    expect(email).toContain("%%UNSUBSCRIBE_URL%%");
    const frame = await editor.get("/editor/digest/2019-12/email-frame");
    expect(frame.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
    );
    expect(await frame.text()).toContain('href="http://localhost/resolutions/A/RES/74/247"');
    expect((await t.app.request("/editor/digest/2019-12/email-frame")).status).toBe(401);
    // Every other page keeps the site's strict policy.
    expect((await editor.get("/editor/digest/2019-12/email")).headers.get("content-security-policy")).toContain(
      "style-src 'self'",
    );
    const download = await editor.get("/editor/digest/2019-12/email.html");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="normwatch-digest-2019-12.html"');
  });

  it("refuses to send a draft, publishes it, then archives it publicly with feeds and keeps it from edits", async () => {
    await editor.get("/editor/digest/2019-12");
    const early = await editor.post("/editor/digest/2019-12/send", {});
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("publish it before sending it");

    expect((await editor.post("/editor/digest/2019-12/publish", {})).status).toBe(303);
    const archive = await (await t.app.request("/digest")).text();
    expect(archive).toContain('<a href="/digest/2019-12">December 2019: a convention is set in motion</a>');
    expect(archive).toContain('<link rel="alternate" type="application/atom+xml" href="/digest/feed.atom"');
    const issue = await t.app.request("/digest/2019-12");
    expect(issue.status).toBe(200);
    const html = await issue.text();
    expect(html).toContain('<a href="/resolutions/A/RES/74/247">A/RES/74/247</a>');
    expect(html).toContain(
      '<a href="/sessions/oewg-2019-2021-oewg-second-substantive-session">OEWG second substantive session</a>',
    );
    expect(html).not.toContain("<script>alert");
    expect(html).toContain('href="/digest/feed.rss"');

    const atom = await t.app.request("/digest/feed.atom");
    expect(atom.headers.get("content-type")).toContain("application/atom+xml");
    const atomText = await atom.text();
    const atomFeed = parseFeed(atomText);
    expect(atomFeed.authors.map((a) => a.name)).toEqual(["Normwatch"]);
    const item = atomFeed.items.find((i) => i.id === "http://localhost/digest/2019-12");
    expect(item?.title).toBe("December 2019: a convention is set in motion");
    expect(item?.content).toContain('<a href="http://localhost/resolutions/A/RES/74/247">A/RES/74/247</a>');
    const rss = await (await t.app.request("/digest/feed.rss")).text();
    expect(rss).toContain("<link>http://localhost/digest/2019-12</link>");

    await editor.get("/editor/digest/2019-12");
    expect((await editor.post("/editor/digest/2019-12", { title: "Changed", bodyMarkdown: "Changed" })).status).toBe(
      409,
    );
    await editor.get("/editor/digest");
    const redraft = await editor.post("/editor/digest/draft", { month: "2019-12" });
    expect(redraft.status).toBe(409);
    expect(await redraft.text()).toContain("digest issue 2019-12 is published and cannot be redrafted");
    expect(await (await t.app.request("/digest/2019-12")).text()).toContain("A word from the editors.");
  });

  it("queues a published issue once per active reader (the whole digest, or only the chosen themes' sections), however often Send is pressed", async () => {
    // Synthetic subscribers: two active readers of the whole digest, one pending, one who chose only the cybercrime theme.
    const at = t.clock.now;
    await t.database.db.insert(subscribers).values([
      { email: "reader-one@example.org", status: "active", topics: ["digest"], createdAt: at, confirmedAt: at },
      {
        email: "reader-two@example.org",
        status: "active",
        topics: ["digest", "cybercrime"],
        createdAt: at,
        confirmedAt: at,
      },
      { email: "pending@example.org", status: "pending", topics: ["digest"], createdAt: at },
      {
        email: "cybercrime-only@example.org",
        status: "active",
        topics: ["cybercrime"],
        createdAt: at,
        confirmedAt: at,
      },
    ]);
    await editor.get("/editor/digest/2019-12");
    const first = await editor.post("/editor/digest/2019-12/send", {});
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Queued for 3 subscribers (0 were already queued)");
    const second = await editor.post("/editor/digest/2019-12/send", {});
    expect(await second.text()).toContain("Queued for 0 subscribers (3 were already queued)");
    const rows = await t.database.db.select().from(deliveries);
    expect(rows.map((r) => r.recipient).sort()).toEqual([
      "cybercrime-only@example.org",
      "reader-one@example.org",
      "reader-two@example.org",
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        kind: "digest",
        status: "queued",
        subject: "December 2019: a convention is set in motion",
      });
      expect(row.bodyHtml).toContain("%%UNSUBSCRIBE_URL%%");
      expect(row.bodyText).toContain("http://localhost/resolutions/A/RES/74/247");
    }
    const whole = rows.find((r) => r.recipient === "reader-one@example.org")!;
    const themed = rows.find((r) => r.recipient === "cybercrime-only@example.org")!;
    expect(whole.bodyText).toContain("First Committee: OEWG and GGE");
    expect(themed.bodyText).toContain("UN cybercrime convention");
    expect(themed.bodyText).not.toContain("First Committee: OEWG and GGE");
    expect(themed.bodyText).toContain(
      "you chose these themes of the Normwatch monthly digest: UN cybercrime convention",
    );
  });
});
