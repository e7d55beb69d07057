// The public digest: the archive of published issues, one issue as a web page, and Atom / RSS feeds of issues.
// Drafts never appear here: every query asks for published issues only.
import { Hono } from "hono";
import { currentPrincipal } from "../../http/auth.js";
import { hasPermission } from "../../domain/auth.js";
import { raw } from "hono/html";
import { splitDigestMarkdown } from "../../domain/digest-markdown.js";
import type { DigestIssue } from "../../domain/digest.js";
import { renderAtom, renderRss, type FeedEntry } from "../../domain/feeds-syndication.js";
import { formatPartialDate } from "../../domain/partial-date.js";
import { markdownToPlainText, renderMarkdown } from "../../domain/markdown.js";
import type { AppDeps } from "../../http/deps.js";
import { getPublishedDigestIssue, listDigestIssues } from "../../db/digest.js";
import { AlternateLinks, SubscribeLinks, type FeedLink } from "../components/updates.js";
import { Layout } from "../layout.js";
import { originOf } from "./feeds.js";

export const DIGEST_FEEDS: FeedLink[] = [
  { href: "/digest/feed.atom", type: "application/atom+xml", title: "Normwatch monthly digest (Atom)" },
  { href: "/digest/feed.rss", type: "application/rss+xml", title: "Normwatch monthly digest (RSS)" },
];

export function periodLabel(issue: Pick<DigestIssue, "periodStart">): string {
  return formatPartialDate({ date: issue.periodStart, precision: "month" });
}

/**
 * An issue's Markdown as HTML: the title is the page's own heading, so the Markdown's first-level heading is
 * left out; sections keep their second-level headings. renderMarkdown escapes raw HTML and refuses unsafe links.
 */
export function digestBodyHtml(markdown: string): string {
  const parts = splitDigestMarkdown(markdown);
  return [parts.intro, ...parts.sections.map((s) => `## ${s.heading}\n\n${s.markdown}`)].map(renderMarkdown).join("\n");
}

export function DigestBody(props: { markdown: string }) {
  return <div class="digest-body update-body">{raw(digestBodyHtml(props.markdown))}</div>;
}

function dayOf(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

export function digestPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const issues = await listDigestIssues(deps.db, { status: "published" });
    const principal = currentPrincipal(c);
    return c.html(
      <Layout
        title="Monthly digest"
        path="/digest"
        description="The Normwatch monthly digest of UN cyber diplomacy: every issue"
        head={<AlternateLinks links={DIGEST_FEEDS} />}
      >
        <h1>Monthly digest</h1>
        <p class="lede">
          What changed each month in UN cyber diplomacy, drafted from the records Normwatch tracks and edited by its
          editors.
        </p>
        {issues.length === 0 ? (
          <p class="muted">No issue has been published yet.</p>
        ) : (
          <ol class="digest-issues">
            {issues.map((issue) => (
              <li>
                <a href={`/digest/${issue.slug}`}>{issue.title}</a>{" "}
                <span class="meta">
                  ({periodLabel(issue)}; published{" "}
                  <time datetime={dayOf(issue.publishedAt)}>{dayOf(issue.publishedAt)}</time>)
                </span>
              </li>
            ))}
          </ol>
        )}
        <SubscribeLinks links={DIGEST_FEEDS} heading="Follow the digest" />
        {principal && hasPermission(principal, "edit") ? (
          <p>
            <a href="/editor/digest">Editors: drafts and all issues</a>
          </p>
        ) : null}
      </Layout>,
    );
  });

  for (const format of ["atom", "rss"] as const) {
    app.get(`/feed.${format}`, async (c) => {
      const issues = await listDigestIssues(deps.db, { status: "published" });
      const entries: FeedEntry[] = issues.map((issue) => ({
        title: issue.title,
        path: `/digest/${issue.slug}`,
        date: issue.publishedAt ?? issue.updatedAt,
        summary: markdownToPlainText(splitDigestMarkdown(issue.bodyMarkdown).intro || issue.bodyMarkdown),
        // Feed readers do not all resolve relative links: site paths become absolute.
        contentHtml: digestBodyHtml(issue.bodyMarkdown).replace(/href="\/(?!\/)/g, `href="${originOf(deps)}/`),
        category: "Digest",
      }));
      const options = {
        title: "Normwatch monthly digest",
        description: "What changed each month in UN cyber diplomacy.",
        baseUrl: originOf(deps),
        feedPath: "/digest/feed",
        pagePath: "/digest",
        now: deps.now(),
      };
      const body = format === "rss" ? renderRss(entries, options) : renderAtom(entries, options);
      const type = format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8";
      return c.body(body, 200, { "Content-Type": type, "Cache-Control": "public, max-age=900" });
    });
  }

  app.get("/:slug{[0-9]{4}-[0-9]{2}}", async (c) => {
    const issue = await getPublishedDigestIssue(deps.db, c.req.param("slug"));
    return c.html(
      <Layout
        title={issue.title}
        path="/digest"
        description={`Normwatch monthly digest for ${periodLabel(issue)}`}
        head={<AlternateLinks links={DIGEST_FEEDS} />}
      >
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/digest">Monthly digest</a> › {periodLabel(issue)}
        </nav>
        <article>
          <h1>{issue.title}</h1>
          <p class="meta">
            Published <time datetime={dayOf(issue.publishedAt)}>{dayOf(issue.publishedAt)}</time>
          </p>
          <DigestBody markdown={issue.bodyMarkdown} />
        </article>
        <SubscribeLinks links={DIGEST_FEEDS} heading="Follow the digest" />
      </Layout>,
    );
  });
  return app;
}
