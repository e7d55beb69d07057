// Editors' updates as a list (on record pages and /updates), their safely rendered Markdown bodies, and the
// feed links: <link rel="alternate"> tags for a page's <head> and visible "subscribe" links.
import { raw } from "hono/html";
import { markdownToPlainText, renderMarkdown } from "../../domain/markdown.js";
import { linkPath, type Update } from "../../domain/updates.js";
import { UPDATE_LINK_KINDS, type AlertTargetKind } from "../../domain/vocabulary.js";
import type { KnownLinkTargets } from "../../domain/text-links.js";
import { LinkedText } from "./linked-text.js";

const KIND_LABELS: Record<(typeof UPDATE_LINK_KINDS)[number], string> = {
  process: "Process",
  session: "Session",
  state: "State",
  norm: "Norm",
  resolution: "Resolution",
  document: "Document",
  deadline: "Deadline",
};

/** The body of an update: renderMarkdown escapes raw HTML and refuses unsafe links, so its output may be inserted. */
export function UpdateBody(props: { markdown: string }) {
  return <div class="update-body">{raw(renderMarkdown(props.markdown))}</div>;
}

export function UpdateLinks(props: { update: Update }) {
  if (props.update.links.length === 0) return null;
  return (
    <p class="update-links meta">
      About:{" "}
      {props.update.links.map((l, i) => (
        <>
          {i > 0 ? ", " : ""}
          <a href={linkPath(l)}>{`${KIND_LABELS[l.kind]} ${l.id}`}</a>
        </>
      ))}
    </p>
  );
}

/**
 * Updates newest first; `full` shows whole bodies, otherwise a plain-text summary, whose symbols and norm references
 * link where `links` knows a page (see LinkedText).
 */
export function UpdateList(props: {
  updates: Update[];
  full?: boolean;
  headingLevel?: 2 | 3;
  empty?: string;
  links?: KnownLinkTargets | undefined;
}) {
  if (props.updates.length === 0) return <p class="muted">{props.empty ?? "No updates yet."}</p>;
  return (
    <ol class="updates">
      {props.updates.map((u) => (
        <li class="update" id={`update-${u.slug}`}>
          {props.headingLevel === 3 ? (
            <h3>
              <a href={`/updates/${u.slug}`}>{u.title}</a>
            </h3>
          ) : (
            <h2>
              <a href={`/updates/${u.slug}`}>{u.title}</a>
            </h2>
          )}
          <p class="meta">
            <time datetime={u.publishedOn}>{u.publishedOn}</time>
          </p>
          {props.full ? (
            <UpdateBody markdown={u.bodyMarkdown} />
          ) : (
            <p>
              <LinkedText text={markdownToPlainText(u.bodyMarkdown)} links={props.links} />
            </p>
          )}
          <UpdateLinks update={u} />
        </li>
      ))}
    </ol>
  );
}

/** Updates of one record, for its page (the lead mounts this on process, session, State and norm pages). */
export function RecordUpdates(props: { updates: Update[]; feedHref?: string; links?: KnownLinkTargets | undefined }) {
  return (
    <section class="record-updates" aria-labelledby="record-updates-heading">
      <h2 id="record-updates-heading">Updates</h2>
      <UpdateList updates={props.updates} headingLevel={3} links={props.links} />
      {props.feedHref ? (
        <p>
          <a href={props.feedHref} type="application/atom+xml">
            Follow updates (Atom feed)
          </a>
        </p>
      ) : null}
    </section>
  );
}

export interface FeedLink {
  href: string;
  type: "application/atom+xml" | "application/rss+xml" | "text/calendar";
  title: string;
}

/** <link rel="alternate"> tags: belong in <head> (needs a head slot in Layout; see the issue 7 report). */
export function AlternateLinks(props: { links: FeedLink[] }) {
  return (
    <>
      {props.links.map((l) => (
        <link rel="alternate" type={l.type} href={l.href} title={l.title} />
      ))}
    </>
  );
}

/** Visible subscribe links, so feeds are found without reading the page source. */
/** Where to ask for email (or webhook) alerts about a record or a saved search. */
export function followHref(kind: AlertTargetKind, id: string): string {
  return `/follow?${new URLSearchParams({ kind, id })}`;
}

export function SubscribeLinks(props: {
  links: FeedLink[];
  heading?: string;
  follow?: { kind: AlertTargetKind; id: string; name: string };
}) {
  return (
    <section class="subscribe" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{props.heading ?? "Subscribe"}</h2>
      <ul>
        {props.links.map((l) => (
          <li>
            <a href={l.href} type={l.type}>
              {l.title}
            </a>
          </li>
        ))}
        {props.follow ? (
          <li>
            <a href={followHref(props.follow.kind, props.follow.id)}>
              Email alerts when something about {props.follow.name} changes
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** Feed links for a record kind that has feeds. */
export function feedLinksFor(kind: "process" | "state" | "norm", id: string, name: string): FeedLink[] {
  const base =
    kind === "process" ? `/feeds/processes/${id}` : kind === "state" ? `/feeds/states/${id}` : `/feeds/norms/${id}`;
  const links: FeedLink[] = [
    { href: `${base}.atom`, type: "application/atom+xml", title: `${name}: updates and new records (Atom)` },
    { href: `${base}.rss`, type: "application/rss+xml", title: `${name}: updates and new records (RSS)` },
  ];
  if (kind === "process")
    links.push({ href: `${base}.ics`, type: "text/calendar", title: `${name}: sessions and deadlines (iCalendar)` });
  return links;
}
