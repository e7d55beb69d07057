import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderAtom, renderRss, type FeedEntry, type SyndicationOptions } from "./feeds-syndication.js";

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const options: SyndicationOptions = {
  title: "Normwatch: “<test>”",
  description: "Records matching <test>",
  baseUrl: "https://normwatch.example",
  feedPath: "/feeds/search",
  feedQuery: "?q=%3Ctest%3E",
  pagePath: "/updates?q=%3Ctest%3E",
  now: new Date("2026-11-23T12:00:00Z"),
};
const entries: FeedEntry[] = [
  {
    title: "A <test> & <script>alert(1)</script> ]]>",
    path: "/updates/a",
    date: new Date("2026-11-20T00:00:00Z"),
    summary: "Plain <b>text</b>\u0007 & more",
    contentHtml: "<p>Body &amp; <strong>bold</strong></p>",
    category: "Update",
  },
  {
    title: "Second",
    path: "/resolutions/A/RES/80/16",
    date: new Date("2026-11-21T00:00:00Z"),
    summary: "Adopted.",
    contentHtml: null,
    category: "Resolution",
  },
];

describe("Atom and RSS feeds", () => {
  it("writes an Atom feed with an author, its own id and self link, and plain-text titles typed as text", () => {
    const text = renderAtom(entries, options);
    expect(text).not.toMatch(/<script>|<test>|CDATA/);
    const feed = parseFeed(text);
    expect(feed.authors).toEqual([{ name: "Normwatch", email: null, url: "https://normwatch.example/" }]);
    expect(feed.title).toBe("Normwatch: “<test>”");
    expect(feed.self).toBe("https://normwatch.example/feeds/search.atom?q=%3Ctest%3E");
    expect(feed.items.map((i) => [i.id, i.title, i.url])).toEqual([
      [
        "https://normwatch.example/resolutions/A/RES/80/16",
        "Second",
        "https://normwatch.example/resolutions/A/RES/80/16",
      ],
      [
        "https://normwatch.example/updates/a",
        "A <test> & <script>alert(1)</script> ]]>",
        "https://normwatch.example/updates/a",
      ],
    ]);
    expect(feed.items[1]!.description).toBe("Plain <b>text</b> & more");
    // This parser decodes HTML entities in HTML content too.
    expect(feed.items[1]!.content).toBe("<p>Body & <strong>bold</strong></p>");
    const raw = xml.parse(text).feed;
    expect(raw.id).toBe("https://normwatch.example/feeds/search?q=%3Ctest%3E");
    expect(raw.title["@type"]).toBe("text");
    for (const entry of raw.entry) expect([entry.title["@type"], entry.summary["@type"]]).toEqual(["text", "text"]);
  });

  it("gives feeds that differ only in their query different ids", () => {
    const ids = ["?q=a", "?q=b", undefined].map(
      (feedQuery) => xml.parse(renderAtom([], { ...options, feedQuery })).feed.id,
    );
    expect(new Set(ids).size).toBe(3);
  });

  it("writes RSS 2.0 whose titles carry no markup and whose descriptions are the summary escaped as HTML, which a reader turns back into the same text", () => {
    const text = renderRss(entries, options);
    expect(text).not.toMatch(/<script>|<test>|CDATA/);
    const feed = parseFeed(text);
    expect(feed.meta.type).toBe("rss");
    const item = feed.items.find((i) => i.url === "https://normwatch.example/updates/a")!;
    expect(item.title).toBe("A <test> & <script>alert(1)</script> ]]>");
    expect(item.description).toBe("Plain <b>text</b> & more");
    expect(
      xml.parse(text).rss.channel.item.find((i: { link: string }) => i.link.endsWith("/updates/a")).description,
    ).toBe("Plain &lt;b&gt;text&lt;/b&gt; &amp; more");
    expect(item.content).toBe("<p>Body & <strong>bold</strong></p>");
    expect(item.id).toBe("https://normwatch.example/updates/a");
    expect(feed.self).toBe("https://normwatch.example/feeds/search.rss?q=%3Ctest%3E");
  });
});
