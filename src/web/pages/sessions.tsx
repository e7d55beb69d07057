// Session pages: one session with its process, dates at their precision, venue, kind, notes and sources.
import { Hono } from "hono";
import type { AppDeps } from "../../db/context.js";
import { getSessionDetail } from "../../db/sessions.js";
import { SESSION_KIND_LABELS } from "../../domain/vocabulary.js";
import { DateRange } from "../components/date-range.js";
import { SourceList } from "../components/sources.js";
import { Layout } from "../layout.js";

export function sessionsPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/:id{[a-z0-9-]+}", async (c) => {
    const { session: s, processName, sources } = await getSessionDetail(deps.db, c.req.param("id"));
    return c.html(
      <Layout title={`${s.name} (${s.processShortName})`} path="/processes" description={`${s.name} of the ${processName}`}>
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/processes">Processes</a> › <a href={`/processes/${s.processId}`}>{s.processShortName}</a> › {s.name}
        </nav>
        <h1>{s.name}</h1>
        <p class="lede"><a href={`/processes/${s.processId}`}>{processName}</a></p>
        <dl class="facts">
          <dt>Kind</dt>
          <dd>{SESSION_KIND_LABELS[s.kind]}</dd>
          <dt>Dates</dt>
          <dd><DateRange start={s.start} end={s.end} /></dd>
          <dt>Venue</dt>
          <dd>{s.venue ?? <span class="muted">not known</span>}</dd>
          <dt>Confidence</dt>
          <dd>{s.confidence}</dd>
        </dl>
        {s.notes ? (
          <section aria-labelledby="notes-heading">
            <h2 id="notes-heading">Notes</h2>
            <p>{s.notes}</p>
          </section>
        ) : null}
        <SourceList sources={sources} />
      </Layout>,
    );
  });
  return app;
}
