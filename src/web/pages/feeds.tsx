// Feeds: iCalendar (all, per process, per session kind, deadlines only) and RSS 2.0 / Atom of updates and new
// records (all, per State, per norm, per process, per search). SEQUENCE values come from calendar_revisions.
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { activityFeedEntries, latestActivity } from "../../domain/activity.js";
import { filterEvents, type CalendarEvent, type CalendarFilter } from "../../domain/calendar.js";
import { renderIcsFeed } from "../../domain/feeds-ics.js";
import { renderAtom, renderRss, type FeedEntry, type SyndicationOptions } from "../../domain/feeds-syndication.js";
import { documentPath } from "../../domain/documents.js";
import { NotFoundError } from "../../domain/errors.js";
import { markdownToPlainText, renderMarkdown } from "../../domain/markdown.js";
import {
  DOCUMENT_TYPE_LABELS,
  SESSION_KIND_LABELS,
  SESSION_KINDS,
  type DocumentType,
  type SessionKind,
} from "../../domain/vocabulary.js";
import { listCalendarEvents, syncCalendarRevisions } from "../../db/calendar.js";
import type { AppDeps } from "../../http/deps.js";
import { findFrameworkItem } from "../../db/frameworks.js";
import { getProcess } from "../../db/processes.js";
import { getState } from "../../db/states.js";
import { listFeedContent, type FeedContent, type FeedScope } from "../../db/updates-feed.js";

const TYPES = {
  ics: "text/calendar; charset=utf-8",
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
} as const;

/** The base of feed ids and links: the configured site URL, never the Host header (feeds sit in public caches). */
export function originOf(deps: AppDeps): string {
  return deps.editorial.siteUrl;
}

/** Renders a calendar feed of the filtered events, recording revisions first so SEQUENCE reflects this state. */
export async function respondIcs(
  c: Context,
  deps: AppDeps,
  events: CalendarEvent[],
  name: string,
  description: string,
  filename: string,
): Promise<Response> {
  const now = deps.now();
  const revisions = await syncCalendarRevisions(deps.db, events, now);
  const body = renderIcsFeed(events, { name, description, baseUrl: originOf(deps), now, revisions });
  return c.body(body, 200, {
    "Content-Type": TYPES.ics,
    "Content-Disposition": `inline; filename="${filename}"`,
    "Cache-Control": "public, max-age=900",
  });
}

async function calendarFeed(
  c: Context,
  deps: AppDeps,
  filter: CalendarFilter & { deadlinesOnly?: boolean },
  name: string,
  description: string,
  filename: string,
) {
  const all = await listCalendarEvents(deps.db);
  const events = filterEvents(all, filter).filter((e) => !filter.deadlinesOnly || e.kind === "deadline");
  return respondIcs(c, deps, events, name, description, filename);
}

function entriesOf(content: FeedContent, today: string): FeedEntry[] {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  return [
    ...content.updates.map((u) => ({
      title: u.title,
      path: `/updates/${u.slug}`,
      date: day(u.publishedOn),
      summary: markdownToPlainText(u.bodyMarkdown),
      contentHtml: renderMarkdown(u.bodyMarkdown),
      category: "Update",
    })),
    ...content.documents.map((d) => ({
      title: d.symbol ? `${d.symbol}: ${d.title}` : d.title,
      path: documentPath(d.slug),
      date: day(d.date),
      summary: `${DOCUMENT_TYPE_LABELS[d.type as DocumentType] ?? "Document"} dated ${d.date}.`,
      contentHtml: null,
      category: "Document",
    })),
    ...content.resolutions.map((r) => ({
      title: r.title ? `${r.symbol}: ${r.title}` : r.symbol,
      path: `/resolutions/${r.symbol}`,
      date: day(r.adoptedOn),
      summary: `Adopted on ${r.adoptedOn}.`,
      contentHtml: null,
      category: "Resolution",
    })),
    ...content.sessions.map((s) => ({
      title: s.name,
      path: `/sessions/${s.id}`,
      date: day(s.startDate),
      summary: `Starts ${s.startDate}${s.venue ? ` in ${s.venue}` : ""}.`,
      contentHtml: null,
      category: "Session",
    })),
    ...activityFeedEntries(latestActivity(content.facts, today, 50)),
  ];
}

async function syndicationFeed(
  c: Context,
  deps: AppDeps,
  scope: FeedScope,
  format: "rss" | "atom",
  options: Omit<SyndicationOptions, "baseUrl" | "now">,
) {
  const entries = entriesOf(await listFeedContent(deps.db, scope), deps.now().toISOString().slice(0, 10));
  const full = { ...options, baseUrl: originOf(deps), now: deps.now() };
  const body = format === "rss" ? renderRss(entries, full) : renderAtom(entries, full);
  return c.body(body, 200, { "Content-Type": TYPES[format], "Cache-Control": "public, max-age=900" });
}

/** Splits "<id>.<ext>" and checks the extension is one this route serves. */
function splitFile<E extends string>(file: string, extensions: readonly E[]): { id: string; ext: E } {
  const dot = file.lastIndexOf(".");
  const ext = file.slice(dot + 1) as E;
  if (dot <= 0 || !extensions.includes(ext))
    throw new HTTPException(404, { message: "There is no feed at this address." });
  return { id: file.slice(0, dot), ext };
}

export function feedsPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/calendar.ics", (c) =>
    calendarFeed(
      c,
      deps,
      {},
      "Normwatch: UN cyber calendar",
      "Sessions of UN cyber processes and participation deadlines.",
      "normwatch-calendar.ics",
    ),
  );
  app.get("/deadlines.ics", (c) =>
    calendarFeed(
      c,
      deps,
      { deadlinesOnly: true },
      "Normwatch: participation deadlines",
      "Accreditation windows, calls for inputs and registrations of UN cyber processes.",
      "normwatch-deadlines.ics",
    ),
  );
  app.get("/sessions/:file{[a-z-]+\\.ics}", (c) => {
    const { id } = splitFile(c.req.param("file"), ["ics"] as const);
    if (!SESSION_KINDS.includes(id as SessionKind)) throw new NotFoundError("session kind", id);
    const kind = id as SessionKind;
    return calendarFeed(
      c,
      deps,
      { kind },
      `Normwatch: ${SESSION_KIND_LABELS[kind]}s`,
      `${SESSION_KIND_LABELS[kind]}s of UN cyber processes.`,
      `normwatch-${kind}.ics`,
    );
  });
  app.get("/processes/:file{[a-z0-9-]+\\.(ics|atom|rss)}", async (c) => {
    const { id, ext } = splitFile(c.req.param("file"), ["ics", "atom", "rss"] as const);
    const process = await getProcess(deps.db, id);
    if (ext === "ics")
      return calendarFeed(
        c,
        deps,
        { processId: id },
        `Normwatch: ${process.shortName}`,
        `Sessions and participation deadlines of the ${process.name}.`,
        `normwatch-${id}.ics`,
      );
    return syndicationFeed(c, deps, { kind: "process", id }, ext, {
      title: `Normwatch: ${process.shortName}`,
      description: `Updates, documents, resolutions and sessions of the ${process.name}.`,
      feedPath: `/feeds/processes/${id}`,
      pagePath: `/processes/${id}`,
    });
  });
  app.get("/updates.rss", (c) => syndicationFeed(c, deps, { kind: "all" }, "rss", ALL_FEED));
  app.get("/updates.atom", (c) => syndicationFeed(c, deps, { kind: "all" }, "atom", ALL_FEED));
  app.get("/states/:file{[A-Za-z]{3}\\.(atom|rss)}", async (c) => {
    const { id, ext } = splitFile(c.req.param("file"), ["atom", "rss"] as const);
    const state = await getState(deps.db, id.toUpperCase());
    return syndicationFeed(c, deps, { kind: "state", iso3: state.iso3 }, ext, {
      title: `Normwatch: ${state.name}`,
      description: `Updates about ${state.name} and documents that mention it.`,
      feedPath: `/feeds/states/${state.iso3}`,
      pagePath: `/states/${state.iso3}`,
    });
  });
  app.get("/norms/:file{[a-z0-9-]+\\.(atom|rss)}", async (c) => {
    const { id, ext } = splitFile(c.req.param("file"), ["atom", "rss"] as const);
    const item = await findFrameworkItem(deps.db, id);
    if (!item) throw new NotFoundError("norm or CBM", id);
    return syndicationFeed(c, deps, { kind: "norm", id }, ext, {
      title: `Normwatch: ${item.code} ${item.shortTitle}`,
      description: `Updates about ${item.code} and documents that mention it.`,
      feedPath: `/feeds/norms/${id}`,
      pagePath: `/norms/${id}`,
    });
  });
  for (const ext of ["atom", "rss"] as const) {
    app.get(`/search.${ext}`, (c) => {
      const query = (c.req.query("q") ?? "").trim().slice(0, 200);
      if (query === "") throw new HTTPException(400, { message: "Give the words to follow as ?q=." });
      return syndicationFeed(c, deps, { kind: "search", query }, ext, {
        title: `Normwatch: “${query}”`,
        description: `Updates, documents and resolutions matching “${query}”.`,
        feedPath: `/feeds/search`,
        feedQuery: `?q=${encodeURIComponent(query)}`,
        pagePath: `/updates?q=${encodeURIComponent(query)}`,
      });
    });
  }
  return app;
}

const ALL_FEED = {
  title: "Normwatch: updates and new records",
  description: "Editors' updates, new documents and resolutions on UN cyber diplomacy.",
  feedPath: "/feeds/updates",
  pagePath: "/updates",
};
