// The digest email: one MJML template that validates, every item's link (absolute) in the HTML and the text part,
// no scripts or images, and the per-recipient footer placeholders in both parts.
import mjml2html from "mjml";
import { describe, expect, it } from "vitest";
import { composeDigest, monthPeriod, type DigestRecords } from "../domain/digest.js";
import { digestMjml, renderDigestEmail } from "./digest-email.js";

// Synthetic records (invented names), composed the way a real draft is.
const records: DigestRecords = {
  updates: [
    {
      slug: "2019-12-05-news",
      title: "Editors' news",
      summary: "A short update.",
      publishedOn: "2019-12-05",
      links: [{ title: "AHC", url: "/processes/ahc-x" }],
      theme: { processKind: "ahc", topic: null },
    },
  ],
  resolutions: [
    {
      symbol: "A/RES/99/1",
      title: "Test resolution",
      topic: "cybercrime",
      adoptedOn: "2019-12-27",
      adoptionNote: "without a vote",
      yes: null,
      no: null,
      abstain: null,
      source: { title: "UN record", url: "https://example.org/record" },
    },
  ],
  voteEvents: [],
  documents: [],
  sessions: [
    {
      id: "s-held",
      name: "Held session",
      processShortName: "OEWG",
      processKind: "oewg",
      start: { date: "2019-12-09", precision: "day" },
      end: { date: "2019-12-13", precision: "day" },
      venue: "New York",
      source: { title: "UN Web TV", url: "https://example.org/webtv" },
    },
    {
      id: "s-next",
      name: "Next session",
      processShortName: "OEWG",
      processKind: "oewg",
      start: { date: "2020-02-10", precision: "day" },
      end: null,
      venue: null,
      source: null,
    },
  ],
  deadlines: [],
  stakeholderActions: [
    {
      id: "letter",
      title: "Joint letter <b>on access</b>",
      kindLabel: "Joint letter",
      processId: "oewg-x",
      processShortName: "OEWG",
      actedOn: { date: "2019-12-01", precision: "month" },
      signatoryCount: null,
      source: null,
    },
  ],
  implementation: [],
  activity: [],
};
const composed = composeDigest(records, monthPeriod("2019-12"));
const issue = {
  slug: "2019-12",
  title: composed.title,
  bodyMarkdown: `${composed.markdown}\n<script>alert("x")</script>\n\n![tracking pixel](https://tracker.example/p.gif)\n`,
};
const options = { baseUrl: "https://normwatch.example/" };

describe("renderDigestEmail", () => {
  it("builds the HTML from an MJML template that reports no errors", async () => {
    const result = await mjml2html(digestMjml(issue, options), { validationLevel: "strict" });
    expect(result.errors).toEqual([]);
    expect(result.html).toContain("<!doctype html>");
  });

  it("links every item to its record (absolute) and its source in the HTML, without scripts or images", async () => {
    const email = await renderDigestEmail(issue, options);
    expect(email.subject).toBe("Normwatch digest: December 2019");
    const items = composed.sections.flatMap((s) => s.items);
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(email.html).toContain(`href="https://normwatch.example${item.path}"`);
      if (item.source) expect(email.html).toContain(`href="${item.source.url}"`);
    }
    expect(email.html).toContain('href="https://normwatch.example/processes/ahc-x"');
    expect(email.html).toContain('href="https://normwatch.example/digest/2019-12"');
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).not.toMatch(/<img/i);
    expect(email.html).not.toContain("<b>on access</b>");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.html).toContain("@media only screen and (min-width:480px)");
  });

  it("has a plain-text part with the same items and links", async () => {
    const email = await renderDigestEmail(issue, options);
    for (const item of composed.sections.flatMap((s) => s.items)) {
      expect(email.text.replace(/\s+/g, " ")).toContain(item.title.replace(/\s+/g, " "));
      expect(email.text).toContain(`https://normwatch.example${item.path}`);
    }
    for (const section of composed.sections) expect(email.text).toContain(section.heading);
    expect(email.text).toContain("https://example.org/record");
    expect(email.text).not.toMatch(/<\/?(a|li|p|h2)\b/);
  });

  it("keeps the address of every link of the HTML part in the plain-text part, long or in a heading or table", async () => {
    const long =
      "https://documents.un.org/api/symbol/access?j=N1946434&t=pdf&q=an-address-longer-than-the-seventy-eight-column-wrap";
    const markdown = `# Links\n\nSee [the record](/resolutions/A/RES/74/247) and <https://www.un.org/en/>.\n\n## [Votes](/votes) this month\n\n- [long](${long})\n\n| State | Link |\n|---|---|\n| France | [profile](/states/FRA) |\n`;
    const email = await renderDigestEmail({ slug: "2019-12", title: "Links", bodyMarkdown: markdown }, options);
    const hrefs = [...email.html.matchAll(/href="([^"]+)"/g)]
      .map((m) => m[1]!.replace(/&amp;/g, "&"))
      .filter((h) => !h.startsWith("%%"));
    expect(hrefs).toEqual(
      expect.arrayContaining([long, "https://normwatch.example/votes", "https://normwatch.example/states/FRA"]),
    );
    for (const href of hrefs) expect(email.text).toContain(href);
  });

  it("keeps the unsubscribe and preferences placeholders in both parts for the sender to fill in", async () => {
    const email = await renderDigestEmail(issue, options);
    for (const part of [email.html, email.text]) {
      expect(part).toContain("%%UNSUBSCRIBE_URL%%");
      expect(part).toContain("%%PREFERENCES_URL%%");
    }
    expect(email.html).toContain('href="%%UNSUBSCRIBE_URL%%"');
  });

  it("refuses a base URL that is not http(s)", async () => {
    await expect(renderDigestEmail(issue, { baseUrl: "javascript:alert(1)" })).rejects.toThrow(/http/);
  });
});
