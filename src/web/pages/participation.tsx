// Participation pages: upcoming and past deadlines, accreditation outcomes with the per-process and per-session
// summary (who was kept out), and stakeholder actions (joint letters, submissions, meetings) with signatories.
import { Hono } from "hono";
import { deadlineStatus, listUpcomingDeadlines, type Deadline } from "../../domain/deadline.js";
import { summarizeAccreditations, type StakeholderAction } from "../../domain/participation.js";
import { DEADLINE_KIND_LABELS, STAKEHOLDER_ACTION_KIND_LABELS } from "../../domain/vocabulary.js";
import { listAccreditations } from "../../db/accreditations.js";
import type { AppDeps } from "../../http/deps.js";
import { getDeadline, listDeadlines } from "../../db/deadlines.js";
import { getProcess, listProcesses } from "../../db/processes.js";
import { getSessionDetail } from "../../db/sessions.js";
import { listStakeholderActions } from "../../db/stakeholder-actions.js";
import { listStates } from "../../db/states.js";
import { listUpdates } from "../../db/updates.js";
import { AccreditationSummary } from "../components/accreditation-summary.js";
import { DateRange } from "../components/date-range.js";
import { DateText } from "../components/partial-date.js";
import { SourceList } from "../components/sources.js";
import { RecordUpdates, SubscribeLinks, feedLinksFor } from "../components/updates.js";
import { RecordEditorialLinks } from "../components/history.js";
import { registerUrl } from "../components/taking-part.js";
import { Layout } from "../layout.js";

const STATUS_LABELS = {
  "not-yet-open": "not yet open",
  open: "open",
  closed: "closed",
  unknown: "dates not known",
} as const;

function DeadlineTable(props: { deadlines: Deadline[]; now: Date; caption: string }) {
  if (props.deadlines.length === 0) return <p class="muted">None.</p>;
  return (
    <table class="data deadlines">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Deadline</th>
          <th scope="col">Process</th>
          <th scope="col">Opens</th>
          <th scope="col">Closes</th>
          <th scope="col">Status</th>
          <th scope="col">Eligibility</th>
        </tr>
      </thead>
      <tbody>
        {props.deadlines.map((d) => (
          <tr>
            <td>
              <a href={`/participation/deadlines/${d.id}`}>{d.title}</a>
              <br />
              <span class="meta">{DEADLINE_KIND_LABELS[d.kind]}</span>
            </td>
            <td>
              <a href={`/processes/${d.processId}`}>{d.processShortName}</a>
            </td>
            <td>
              <DateText value={d.opens} />
            </td>
            <td>
              {d.isRolling && !d.closes ? "rolling basis" : <DateText value={d.closes} />}
              {d.closesTime ? ` ${d.closesTime} (${d.timeZone})` : ""}
            </td>
            <td>{STATUS_LABELS[deadlineStatus(d, props.now)]}</td>
            <td>{d.eligibility ?? <span class="muted">not stated</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ActionList(props: { actions: StakeholderAction[] }) {
  if (props.actions.length === 0) return <p class="muted">None recorded.</p>;
  return (
    <ol class="stakeholder-actions">
      {props.actions.map((a) => (
        <li id={a.id}>
          <h3>{a.title}</h3>
          <p class="meta">
            {STAKEHOLDER_ACTION_KIND_LABELS[a.kind]} · <DateText value={a.actedOn} fallback="date not known" />
            {a.processId ? (
              <>
                {" "}
                · <a href={`/processes/${a.processId}`}>{a.processId}</a>
              </>
            ) : (
              " · process not determined"
            )}
          </p>
          <p>{a.description}</p>
          {a.leadOrganizations.length ? (
            <p>
              <strong>Led by:</strong> {a.leadOrganizations.join("; ")}
            </p>
          ) : null}
          {a.signatoryOrganizations.length ? (
            <p>
              <strong>Signatories:</strong> {a.signatoryOrganizations.join("; ")}
            </p>
          ) : null}
          {a.signatoryCount ? (
            <p>
              <strong>Signatories (as counted by the sources):</strong> {a.signatoryCount}
            </p>
          ) : null}
          {a.document ? (
            <p>
              <a href={`/documents/${a.document.slug}`}>Full text in Normwatch: {a.document.title}</a>
            </p>
          ) : null}
          {a.documentUrl ? (
            <p>
              <a href={a.documentUrl} rel="external noopener">
                Text at the source{a.documentSymbol ? ` (${a.documentSymbol})` : ""}
              </a>
            </p>
          ) : null}
          {a.notes ? <p class="meta">{a.notes}</p> : null}
          <details>
            <summary>Sources ({a.sources.length})</summary>
            <SourceList sources={a.sources} />
          </details>
          <RecordEditorialLinks kind="stakeholder-action" id={a.id} />
        </li>
      ))}
    </ol>
  );
}

async function stateNames(deps: AppDeps): Promise<Map<string, string>> {
  const { items } = await listStates(deps.db);
  return new Map(items.map((s) => [s.iso3, s.name]));
}

export function participationPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const now = deps.now();
    const [deadlines, actions, { items: processes }, accreditations] = await Promise.all([
      listDeadlines(deps.db),
      listStakeholderActions(deps.db),
      listProcesses(deps.db),
      listAccreditations(deps.db),
    ]);
    const upcoming = listUpcomingDeadlines(deadlines, now);
    const withRecords = processes.filter((p) => accreditations.some((a) => a.processId === p.id));
    return c.html(
      <Layout
        title="Participation"
        path="/participation"
        description="Accreditation windows and deadlines, accreditation outcomes and objections, and stakeholders' joint letters and submissions"
      >
        <h1>Participation</h1>
        <p class="lede">
          Deadlines for stakeholders, who was accredited and who was kept out, and what stakeholders sent.
        </p>
        <h2>Upcoming deadlines</h2>
        <DeadlineTable deadlines={upcoming} now={now} caption="Deadlines not yet closed" />
        <h2>All deadlines</h2>
        <DeadlineTable deadlines={deadlines} now={now} caption="Every recorded deadline" />
        <h2>Accreditation by process</h2>
        <ul>
          {withRecords.map((p) => (
            <li>
              <a href={`/participation/processes/${p.id}`}>{p.shortName}</a>
            </li>
          ))}
        </ul>
        <h2>Stakeholder actions</h2>
        <ActionList actions={actions} />
      </Layout>,
    );
  });
  app.get("/deadlines/:id{[a-z0-9-]+}", async (c) => {
    const d = await getDeadline(deps.db, c.req.param("id"));
    const apply = registerUrl(d);
    const updates = await listUpdates(deps.db, { link: { kind: "deadline", id: d.id } }, 10);
    const now = deps.now();
    return c.html(
      <Layout title={d.title} path="/participation">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/participation">Participation</a> › {d.title}
        </nav>
        <h1>{d.title}</h1>
        <dl class="facts">
          <dt>Kind</dt>
          <dd>{DEADLINE_KIND_LABELS[d.kind]}</dd>
          <dt>Process</dt>
          <dd>
            <a href={`/processes/${d.processId}`}>{d.processShortName}</a>
          </dd>
          {d.sessionId ? (
            <>
              <dt>Session</dt>
              <dd>
                <a href={`/sessions/${d.sessionId}`}>{d.sessionId}</a>
              </dd>
            </>
          ) : null}
          <dt>Window</dt>
          <dd>
            <DateRange start={d.opens} end={d.closes} openEnd={d.isRolling ? "rolling basis" : "not known"} />
          </dd>
          <dt>Status</dt>
          <dd>{STATUS_LABELS[deadlineStatus(d, now)]}</dd>
          <dt>Eligibility</dt>
          <dd>{d.eligibility ?? <span class="muted">not stated</span>}</dd>
          <dt>Apply or register</dt>
          <dd>
            {apply ? (
              <>
                <a href={apply} rel="external">
                  {apply.replace(/^https:\/\//, "")}
                </a>{" "}
                (the page this deadline cites)
              </>
            ) : (
              <span class="muted">no web page cited</span>
            )}
          </dd>
          <dt>Confidence</dt>
          <dd>{d.confidence}</dd>
        </dl>
        {d.notes ? <p>{d.notes}</p> : null}
        {d.closes?.precision === "day" ? (
          <p>
            <a href={`/calendar/events/deadline-${d.id}-closes.ics`} download>
              Add the closing date to your calendar (.ics)
            </a>
          </p>
        ) : null}
        {updates.length ? <RecordUpdates updates={updates} /> : null}
        <SourceList sources={d.sources} />
        <RecordEditorialLinks kind="deadline" id={d.id} />
      </Layout>,
    );
  });
  app.get("/processes/:id{[a-z0-9-]+}", async (c) => {
    const process = await getProcess(deps.db, c.req.param("id"));
    const now = deps.now();
    const [deadlines, records, actions, names] = await Promise.all([
      listDeadlines(deps.db, { processId: process.id }),
      listAccreditations(deps.db, { processId: process.id }),
      listStakeholderActions(deps.db, { processId: process.id }),
      stateNames(deps),
    ]);
    const processWide = records.filter((r) => r.sessionId === null);
    const sessionIds = [...new Set(records.map((r) => r.sessionId).filter((s): s is string => s !== null))];
    return c.html(
      <Layout title={`Participation in the ${process.shortName}`} path="/participation">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/participation">Participation</a> › {process.shortName}
        </nav>
        <h1>Participation in the {process.shortName}</h1>
        <p class="lede">
          <a href={`/processes/${process.id}`}>{process.name}</a>
        </p>
        <h2>Deadlines</h2>
        <DeadlineTable deadlines={deadlines} now={now} caption={`Deadlines of the ${process.shortName}`} />
        {processWide.length ? (
          <AccreditationSummary
            summary={summarizeAccreditations(processWide)}
            records={processWide}
            stateNames={names}
          />
        ) : null}
        {sessionIds.length ? (
          <>
            <h2>Accreditation for single sessions</h2>
            <ul>
              {sessionIds.map((s) => (
                <li>
                  <a href={`/participation/sessions/${s}`}>{s}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>Stakeholder actions</h2>
        <ActionList actions={actions} />
        <SubscribeLinks links={feedLinksFor("process", process.id, process.shortName)} />
      </Layout>,
    );
  });
  app.get("/sessions/:id{[a-z0-9-]+}", async (c) => {
    const { session, processName } = await getSessionDetail(deps.db, c.req.param("id"));
    const [records, names] = await Promise.all([
      listAccreditations(deps.db, { sessionId: session.id }),
      stateNames(deps),
    ]);
    return c.html(
      <Layout title={`Accreditation: ${session.name}`} path="/participation">
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/participation">Participation</a> ›{" "}
          <a href={`/participation/processes/${session.processId}`}>{session.processShortName}</a> › {session.name}
        </nav>
        <h1>
          Accreditation for the <a href={`/sessions/${session.id}`}>{session.name}</a>
        </h1>
        <p class="lede">{processName}</p>
        {records.length ? (
          <AccreditationSummary summary={summarizeAccreditations(records)} records={records} stateNames={names} />
        ) : (
          <p class="muted">No accreditation records for this session.</p>
        )}
        <SourceList sources={dedupeSources(records.flatMap((r) => r.sources))} />
      </Layout>,
    );
  });
  return app;
}

function dedupeSources<T extends { id: string }>(sources: T[]): T[] {
  return [...new Map(sources.map((s) => [s.id, s])).values()];
}
