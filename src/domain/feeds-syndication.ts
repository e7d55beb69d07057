// RSS 2.0 and Atom feeds of updates and other new records, written with fast-xml-parser's XML builder so that
// plain text is sent as text (Atom type="text", RSS titles without markup) and every Atom feed names its author.
import { XMLBuilder } from "fast-xml-parser";

export interface FeedEntry {
  title: string;
  /** Site path, e.g. "/updates/new-oewg-modalities"; its absolute URL is also the entry's id. */
  path: string;
  date: Date;
  /** Plain-text summary. */
  summary: string;
  /** Sanitised HTML (from renderMarkdown), when the entry has a body. */
  contentHtml: string | null;
  category: string;
}

export interface SyndicationOptions {
  title: string;
  description: string;
  /** The instance's public address without a trailing slash: ids and links are built from it. */
  baseUrl: string;
  /** Site path of the feed itself without extension, e.g. "/feeds/processes/oewg-2021-2025". */
  feedPath: string;
  /** Query string of the feed's own address ("?q=…"), for search feeds: part of the feed's id. */
  feedQuery?: string;
  /** Page the feed is about. */
  pagePath: string;
  /** Used as <updated> when there are no entries. */
  now: Date;
}

/** Who writes every feed (RFC 4287 §4.1.1 requires an author; the entries inherit it). */
export const FEED_AUTHOR = "Normwatch";

const ATOM_NS = "http://www.w3.org/2005/Atom";
const CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  format: true,
  suppressEmptyNode: true,
});

/** Characters XML 1.0 does not allow anywhere, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function clean(text: string): string {
  return text.replace(NOT_XML, "");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The feed's id: its own address without the format extension, with the query of a search feed. */
export function feedId(options: Pick<SyndicationOptions, "baseUrl" | "feedPath" | "feedQuery">): string {
  return `${options.baseUrl}${options.feedPath}${options.feedQuery ?? ""}`;
}

function sortEntries(entries: FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => b.date.getTime() - a.date.getTime() || a.path.localeCompare(b.path));
}

function build(document: Record<string, unknown>): string {
  return builder.build({ "?xml": { "@version": "1.0", "@encoding": "utf-8" }, ...document }) as string;
}

export function renderAtom(entries: FeedEntry[], options: SyndicationOptions): string {
  const sorted = sortEntries(entries);
  const text = (value: string) => ({ "@type": "text", "#text": clean(value) });
  const self = `${options.baseUrl}${options.feedPath}.atom${options.feedQuery ?? ""}`;
  return build({
    feed: {
      "@xmlns": ATOM_NS,
      "@xml:lang": "en",
      id: feedId(options),
      title: text(options.title),
      subtitle: text(options.description),
      updated: (sorted[0]?.date ?? options.now).toISOString(),
      author: { name: FEED_AUTHOR, uri: `${options.baseUrl}/` },
      link: [
        { "@rel": "self", "@type": "application/atom+xml", "@href": self },
        { "@rel": "alternate", "@type": "text/html", "@href": `${options.baseUrl}${options.pagePath}` },
      ],
      generator: "Normwatch",
      rights: text("Facts from the cited public sources; see each record"),
      entry: sorted.map((entry) => ({
        id: `${options.baseUrl}${entry.path}`,
        title: text(entry.title),
        link: { "@rel": "alternate", "@type": "text/html", "@href": `${options.baseUrl}${entry.path}` },
        published: entry.date.toISOString(),
        updated: entry.date.toISOString(),
        summary: text(entry.summary),
        ...(entry.contentHtml ? { content: { "@type": "html", "#text": clean(entry.contentHtml) } } : {}),
        category: { "@term": entry.category },
      })),
    },
  });
}

export function renderRss(entries: FeedEntry[], options: SyndicationOptions): string {
  const sorted = sortEntries(entries);
  const self = `${options.baseUrl}${options.feedPath}.rss${options.feedQuery ?? ""}`;
  return build({
    rss: {
      "@version": "2.0",
      "@xmlns:atom": ATOM_NS,
      "@xmlns:content": CONTENT_NS,
      channel: {
        // Titles are plain text (the RSS Board's profile: no markup in titles); descriptions are HTML, so the
        // plain-text summary is escaped as HTML before the XML escaping.
        title: clean(options.title),
        link: `${options.baseUrl}${options.pagePath}`,
        description: escapeHtml(clean(options.description)),
        "atom:link": { "@rel": "self", "@type": "application/rss+xml", "@href": self },
        language: "en",
        copyright: "Facts from the cited public sources; see each record",
        lastBuildDate: (sorted[0]?.date ?? options.now).toUTCString(),
        generator: "Normwatch",
        item: sorted.map((entry) => ({
          title: clean(entry.title),
          link: `${options.baseUrl}${entry.path}`,
          guid: { "@isPermaLink": "true", "#text": `${options.baseUrl}${entry.path}` },
          pubDate: entry.date.toUTCString(),
          description: escapeHtml(clean(entry.summary)),
          ...(entry.contentHtml ? { "content:encoded": clean(entry.contentHtml) } : {}),
          category: entry.category,
        })),
      },
    },
  });
}
