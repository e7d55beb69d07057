// Updates: the editors' update items newest first (all, about one record, or matching words), and one update
// with its safely rendered Markdown body. Writing them goes through the editorial workflow (issue 5), later.
import { Hono } from "hono";
import { linkPath, type UpdateLink } from "../../domain/updates.js";
import { UPDATE_LINK_KINDS, type UpdateLinkKind } from "../../domain/vocabulary.js";
import type { AppDeps } from "../../http/deps.js";
import { listActivity } from "../../db/activity.js";
import { getUpdateBySlug, listUpdates } from "../../db/updates.js";
import { latestActivity } from "../../domain/activity.js";
import { ActivityList, ActivityNote } from "../components/activity.js";
import { SubscribeLinks, UpdateBody, UpdateLinks, UpdateList, type FeedLink } from "../components/updates.js";
import { Layout } from "../layout.js";

function parseRecord(value: string | undefined): UpdateLink | undefined {
  const match = /^([a-z]+):(.{1,200})$/.exec(value ?? "");
  if (!match || !UPDATE_LINK_KINDS.includes(match[1] as UpdateLinkKind)) return undefined;
  return { kind: match[1] as UpdateLinkKind, id: match[2]! };
}

export function updatesPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const record = parseRecord(c.req.query("record"));
    const query = (c.req.query("q") ?? "").trim().slice(0, 200);
    const updates = await listUpdates(deps.db, { link: record, query: query || undefined });
    // Derived facts beside the editors' updates on the unfiltered page (a filter applies to editors' words and links).
    const facts =
      record || query ? [] : latestActivity(await listActivity(deps.db), deps.now().toISOString().slice(0, 10), 40);
    const feeds: FeedLink[] = query
      ? [
          {
            href: `/feeds/search.atom?q=${encodeURIComponent(query)}`,
            type: "application/atom+xml",
            title: `Updates matching “${query}” (Atom)`,
          },
        ]
      : [
          { href: "/feeds/updates.atom", type: "application/atom+xml", title: "All updates and new records (Atom)" },
          { href: "/feeds/updates.rss", type: "application/rss+xml", title: "All updates and new records (RSS)" },
        ];
    return c.html(
      <Layout
        title="Updates"
        path="/updates"
        description="What changed in UN cyber diplomacy, written by Normwatch editors"
      >
        <h1>Updates</h1>
        <p class="lede">
          What changed: updates written by the editors with links to the records concerned, and the latest facts derived
          from the dated records of the data.
        </p>
        <form class="filters" method="get" action="/updates">
          <label>
            Words
            <input type="search" name="q" value={query} />
          </label>
          <button type="submit">Search updates</button>
        </form>
        {record ? (
          <p>
            About <a href={linkPath(record)}>{`${record.kind} ${record.id}`}</a> · <a href="/updates">all updates</a>
          </p>
        ) : null}
        <section aria-labelledby="editors-updates">
          <h2 id="editors-updates">Editors' updates</h2>
          <UpdateList updates={updates} headingLevel={3} empty="No editor's update yet." />
        </section>
        {record || query ? null : (
          <section aria-labelledby="derived-facts">
            <h2 id="derived-facts">From the data: what happened</h2>
            <ActivityNote />
            <ActivityList facts={facts} id="derived-facts-list" />
          </section>
        )}
        <SubscribeLinks links={feeds} />
      </Layout>,
    );
  });
  app.get("/:slug{[a-z0-9-]+}", async (c) => {
    const update = await getUpdateBySlug(deps.db, c.req.param("slug"));
    return c.html(
      <Layout title={update.title} path="/updates">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/updates">Updates</a> › {update.title}
        </nav>
        <article>
          <h1>{update.title}</h1>
          <p class="meta">
            <time datetime={update.publishedOn}>{update.publishedOn}</time>
          </p>
          <UpdateBody markdown={update.bodyMarkdown} />
          <UpdateLinks update={update} />
        </article>
      </Layout>,
    );
  });
  return app;
}
