// Session pages: one session with its process, dates at their precision, venue, kind, and sources with the compiler's note.
import { Hono } from "hono";
import type { AppDeps } from "../../http/deps.js";
import { getSessionDetail } from "../../db/sessions.js";
import { listAccreditations } from "../../db/accreditations.js";
import { listDeadlines } from "../../db/deadlines.js";
import { listStates } from "../../db/states.js";
import { listUpdates } from "../../db/updates.js";
import { summarizeAccreditations } from "../../domain/participation.js";
import { SESSION_KIND_LABELS } from "../../domain/vocabulary.js";
import { DateRange } from "../components/date-range.js";
import { SourceList } from "../components/sources.js";
import { AccreditationSummary } from "../components/accreditation-summary.js";
import { RecordEditorialLinks } from "../components/history.js";
import { DateText } from "../components/partial-date.js";
import { RecordUpdates } from "../components/updates.js";
import { Layout } from "../layout.js";
import { TakingPart } from "../components/taking-part.js";
import { findLinkTargets } from "../../db/link-targets.js";
import { symbolsToLookUp } from "../../domain/text-links.js";

export function sessionsPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/:id{[a-z0-9-]+}", async (c) => {
    const { session: s, processName, sources } = await getSessionDetail(deps.db, c.req.param("id"));
    const [accreditations, deadlines, updates] = await Promise.all([
      listAccreditations(deps.db, { sessionId: s.id }),
      listDeadlines(deps.db, { processId: s.processId }),
      listUpdates(deps.db, { link: { kind: "session", id: s.id } }, 10),
    ]);
    const sessionDeadlines = deadlines.filter((d) => d.sessionId === s.id);
    const links = updates.length
      ? await findLinkTargets(deps.db, symbolsToLookUp(updates.map((u) => u.bodyMarkdown)))
      : undefined;
    const stateNames = accreditations.some((a) => a.objectingStates.length)
      ? new Map((await listStates(deps.db)).items.map((x) => [x.iso3, x.name] as const))
      : undefined;
    return c.html(
      <Layout
        title={`${s.name} (${s.processShortName})`}
        path="/processes"
        description={`${s.name} of the ${processName}`}
      >
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/processes">Processes</a> › <a href={`/processes/${s.processId}`}>{s.processShortName}</a> › {s.name}
        </nav>
        <h1>{s.name}</h1>
        <p class="lede">
          <a href={`/processes/${s.processId}`}>{processName}</a>
        </p>
        <dl class="facts">
          <dt>Kind</dt>
          <dd>{SESSION_KIND_LABELS[s.kind]}</dd>
          <dt>Dates</dt>
          <dd>
            <DateRange start={s.start} end={s.end} />
          </dd>
          <dt>Venue</dt>
          <dd>{s.venue ?? <span class="muted">not known</span>}</dd>
        </dl>
        <TakingPart
          deadlines={deadlines}
          accreditations={accreditations}
          participationHref={`/participation/sessions/${s.id}`}
          now={deps.now()}
        />
        {sessionDeadlines.length ? (
          <section aria-labelledby="deadlines-heading">
            <h2 id="deadlines-heading">Deadlines</h2>
            <ul>
              {sessionDeadlines.map((d) => (
                <li>
                  <a href={`/participation/deadlines/${d.id}`}>{d.title}</a>
                  {d.closes ? (
                    <>
                      {" "}
                      — closes <DateText value={d.closes} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {accreditations.length ? (
          <>
            <AccreditationSummary
              summary={summarizeAccreditations(accreditations)}
              records={accreditations}
              stateNames={stateNames}
            />
            <p>
              <a href={`/participation/sessions/${s.id}`}>Accreditation records and their sources</a>
            </p>
          </>
        ) : null}
        <RecordUpdates updates={updates} links={links} />
        <SourceList sources={sources} compilerNote={{ notes: s.notes, confidence: s.confidence }} />
        <RecordEditorialLinks kind="session" id={s.id} />
      </Layout>,
    );
  });
  return app;
}
