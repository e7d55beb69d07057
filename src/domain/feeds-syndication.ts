// RSS 2.0 and Atom feeds of updates and other new records, written by the `feed` package.
import { Feed } from "feed";

export interface FeedEntry {
  /** Stable id, e.g. "tag:normwatch,2026:update/12". */
  id: string;
  title: string;
  /** Site path, e.g. "/updates/new-oewg-modalities". */
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
  baseUrl: string;
  /** Site path of the feed itself without extension, e.g. "/feeds/processes/oewg-2021-2025". */
  feedPath: string;
  /** Query string of the feed's own address ("?q=…"), for search feeds. */
  feedQuery?: string;
  /** Page the feed is about. */
  pagePath: string;
  /** Used as <updated> when there are no entries. */
  now: Date;
}

function buildFeed(entries: FeedEntry[], options: SyndicationOptions, selfPath: string): Feed {
  const sorted = [...entries].sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
  const feed = new Feed({
    id: `${options.baseUrl}${options.feedPath}`,
    title: options.title,
    description: options.description,
    link: `${options.baseUrl}${options.pagePath}`,
    feed: `${options.baseUrl}${selfPath}${options.feedQuery ?? ""}`,
    feedLinks: { rss: `${options.baseUrl}${options.feedPath}.rss${options.feedQuery ?? ""}`, atom: `${options.baseUrl}${options.feedPath}.atom${options.feedQuery ?? ""}` },
    language: "en",
    updated: sorted[0]?.date ?? options.now,
    generator: "Normwatch",
    copyright: "Facts from the cited public sources; see each record",
  });
  for (const entry of sorted) {
    feed.addItem({
      id: entry.id,
      guid: entry.id,
      title: entry.title,
      link: `${options.baseUrl}${entry.path}`,
      date: entry.date,
      published: entry.date,
      description: entry.summary,
      ...(entry.contentHtml ? { content: entry.contentHtml } : {}),
      category: [{ name: entry.category, term: entry.category }],
    });
  }
  return feed;
}

export function renderRss(entries: FeedEntry[], options: SyndicationOptions): string {
  return buildFeed(entries, options, `${options.feedPath}.rss`).rss2();
}

export function renderAtom(entries: FeedEntry[], options: SyndicationOptions): string {
  return buildFeed(entries, options, `${options.feedPath}.atom`).atom1();
}
