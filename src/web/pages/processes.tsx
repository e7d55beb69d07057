// Process pages: the list with a swimlane timeline of processes running in parallel since 1998, and one process.
import { Hono } from "hono";
import type { AppDeps } from "../../http/deps.js";
import { getProcessDetail, listProcesses } from "../../db/processes.js";
import { listResolutions } from "../../db/resolutions.js";
import { listSessions } from "../../db/sessions.js";
import { listDeadlines } from "../../db/deadlines.js";
import { listUpdates } from "../../db/updates.js";
import { toTimelineDeadlines, type Deadline } from "../../domain/deadline.js";
import { listAccreditations } from "../../db/accreditations.js";
import type { Accreditation } from "../../domain/participation.js";
import { findNextSession, TakingPart } from "../components/taking-part.js";
import { formatPartialDate } from "../../domain/partial-date.js";
import type { ProcessDetail } from "../../domain/process.js";
import { layoutTimeline } from "../../domain/timeline.js";
import { PROCESS_KIND_LABELS, SESSION_KIND_LABELS } from "../../domain/vocabulary.js";
import { DateRange } from "../components/date-range.js";
import { DateText } from "../components/partial-date.js";
import { AdoptionText, ResolutionLink } from "../components/resolution-link.js";
import { SourceList } from "../components/sources.js";
import { Timeline } from "../components/timeline.js";
import { RecordEditorialLinks } from "../components/history.js";
import { AlternateLinks, feedLinksFor, RecordUpdates, SubscribeLinks } from "../components/updates.js";
import type { Update } from "../../domain/updates.js";
import { listTreatyStatusesFor } from "../../db/international-law.js";
import type { Treaty, TreatyAction } from "../../domain/international-law.js";
import { TreatyStatusSection } from "../components/international-law.js";
import { Layout } from "../layout.js";
import { findLinkTargets } from "../../db/link-targets.js";
import { symbolsToLookUp, type KnownLinkTargets } from "../../domain/text-links.js";
import { LinkedText } from "../components/linked-text.js";

export function processesPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const now = deps.now();
    const [{ items: processes }, { items: sessions }, { items: resolutions }, deadlines] = [
      await listProcesses(deps.db),
      await listSessions(deps.db),
      await listResolutions(deps.db),
      await listDeadlines(deps.db),
    ];
    const layout = layoutTimeline({ processes, sessions, resolutions, deadlines: toTimelineDeadlines(deadlines), now });
    const sessionCount = new Map<string, number>();
    for (const s of sessions) sessionCount.set(s.processId, (sessionCount.get(s.processId) ?? 0) + 1);
    const today = formatPartialDate({ date: now.toISOString().slice(0, 10), precision: "day" });
    const links = await findLinkTargets(deps.db, symbolsToLookUp(processes.map((p) => p.outcome)));
    return c.html(
      <Layout
        title="Processes"
        path="/processes"
        description="UN cyber processes since 1998: GGEs, OEWGs, the Ad Hoc Committee on cybercrime and the Global Mechanism, on one timeline"
      >
        <h1>Processes</h1>
        <p class="lede">
          UN tracks on ICTs in international security and on cybercrime since 1998, and how they ran in parallel.
        </p>
        <figure class="timeline-figure">
          <div class="timeline-scroll">
            <Timeline layout={layout} nowLabel={`today (${today})`} />
          </div>
          <figcaption>
            Timeline of {processes.length} processes, {sessions.filter((s) => s.start).length} dated sessions,{" "}
            {layout.lanes.reduce((n, l) => n + l.bars.reduce((m, b) => m + b.deadlines.length, 0), 0)} participation
            deadlines and {layout.resolutions.length} GA adoptions. GGEs follow one another on one lane. Dates known
            only to the month or year are drawn over the whole month or year.
          </figcaption>
        </figure>
        <table class="data" id="processes-table">
          <caption>All processes</caption>
          <thead>
            <tr>
              <th scope="col">Process</th>
              <th scope="col">Kind</th>
              <th scope="col">Dates</th>
              <th scope="col">Chair</th>
              <th scope="col" class="num">
                Sessions
              </th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {processes.map((p) => (
              <tr>
                <th scope="row">
                  <a href={`/processes/${p.id}`}>{p.shortName}</a>
                </th>
                <td>{PROCESS_KIND_LABELS[p.kind]}</td>
                <td>
                  <DateRange start={p.start} end={p.end} openEnd="ongoing" />
                </td>
                <td>
                  {p.chairName ?? <span class="muted">not known</span>}
                  {p.chairStateIso3 ? (
                    <>
                      {" "}
                      (<a href={`/states/${p.chairStateIso3}`}>{p.chairStateName ?? p.chairStateIso3}</a>)
                    </>
                  ) : null}
                </td>
                <td class="num">{sessionCount.get(p.id) ?? 0}</td>
                <td>{p.outcome ? <LinkedText text={p.outcome} links={links} /> : <span class="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <details class="timeline-resolutions">
          <summary>GA adoptions shown on the timeline ({layout.resolutions.length})</summary>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Adopted</th>
              </tr>
            </thead>
            <tbody>
              {layout.resolutions.map((r) => (
                <tr>
                  <td>
                    <ResolutionLink symbol={r.symbol} />
                  </td>
                  <td>
                    <DateText value={{ date: r.adoptedOn, precision: "day" }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </Layout>,
    );
  });
  app.get("/:id{[a-z0-9-]+}", async (c) => {
    const detail = await getProcessDetail(deps.db, c.req.param("id"));
    const updates = await listUpdates(deps.db, { link: { kind: "process", id: detail.process.id } }, 10);
    const treaties = await listTreatyStatusesFor(deps.db, { processId: detail.process.id });
    const [deadlines, accreditations] = [
      await listDeadlines(deps.db, { processId: detail.process.id }),
      await listAccreditations(deps.db, { processId: detail.process.id }),
    ];
    const p = detail.process;
    const texts = [
      p.mandatingResolutions,
      p.outcome,
      p.finalReports,
      ...detail.resolutions.map((r) => r.title),
      ...updates.map((u) => u.bodyMarkdown),
    ];
    const links = await findLinkTargets(deps.db, symbolsToLookUp(texts));
    return c.html(
      <ProcessPage
        detail={detail}
        updates={updates}
        links={links}
        treaties={treaties}
        participation={{ deadlines, accreditations, now: deps.now() }}
      />,
    );
  });
  return app;
}

function ProcessPage({
  detail,
  updates,
  links,
  treaties,
  participation,
}: {
  detail: ProcessDetail;
  updates: Update[];
  links: KnownLinkTargets;
  treaties: { treaty: Treaty; actions: TreatyAction[] }[];
  participation: { deadlines: Deadline[]; accreditations: Accreditation[]; now: Date };
}) {
  const { process: p, chairState, memberStates, sessions, resolutions, sources } = detail;
  const feeds = feedLinksFor("process", p.id, p.shortName);
  return (
    <Layout
      title={p.shortName}
      path="/processes"
      description={`${p.name}: mandate, chair, membership, sessions and resolutions`}
      head={<AlternateLinks links={feeds} />}
    >
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/processes">Processes</a> › {p.shortName}
      </nav>
      <h1>{p.shortName}</h1>
      <p class="lede">{p.name}</p>
      <dl class="facts">
        <dt>Kind</dt>
        <dd>
          {PROCESS_KIND_LABELS[p.kind]}
          {p.parentBody ? ` (${p.parentBody})` : ""}
        </dd>
        <dt>Dates</dt>
        <dd>
          <DateRange start={p.start} end={p.end} openEnd="ongoing" />
        </dd>
        <dt>Mandate</dt>
        <dd>
          <LinkedText text={p.mandatingResolutions} links={links} />
        </dd>
        <dt>Chair</dt>
        <dd>
          {p.chairName ?? <span class="muted">not known</span>}
          {chairState ? (
            <>
              {" "}
              (<a href={`/states/${chairState.iso3}`}>{chairState.name}</a>)
            </>
          ) : null}
          {p.chairConfidence === "medium" ? <span class="muted"> (medium confidence)</span> : null}
        </dd>
        <dt>Membership</dt>
        <dd>{p.membership}</dd>
        <dt>Outcome</dt>
        <dd>{p.outcome ? <LinkedText text={p.outcome} links={links} /> : <span class="muted">—</span>}</dd>
        <dt>Final reports</dt>
        <dd>{p.finalReports ? <LinkedText text={p.finalReports} links={links} /> : <span class="muted">none</span>}</dd>
      </dl>
      {memberStates.length ? (
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">Member States ({memberStates.length})</h2>
          <ul class="columns">
            {memberStates.map((s) => (
              <li>
                <a href={`/states/${s.iso3}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions ({sessions.length})</h2>
        {sessions.length === 0 ? (
          <p>No sessions recorded.</p>
        ) : (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Kind</th>
                <th scope="col">Dates</th>
                <th scope="col">Venue</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={`/sessions/${s.id}`}>{s.name}</a>
                  </th>
                  <td>{SESSION_KIND_LABELS[s.kind]}</td>
                  <td>
                    <DateRange start={s.start} end={s.end} />
                  </td>
                  <td>{s.venue ?? <span class="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="resolutions-heading">
        <h2 id="resolutions-heading">Resolutions</h2>
        {resolutions.length === 0 ? (
          <p>No linked resolutions.</p>
        ) : (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Relation</th>
                <th scope="col">Adopted</th>
                <th scope="col">Title</th>
                <th scope="col">Yes–no–abstain</th>
              </tr>
            </thead>
            <tbody>
              {resolutions.map((r) => (
                <tr>
                  <th scope="row">
                    <ResolutionLink symbol={r.symbol} />
                  </th>
                  <td>{r.relation}</td>
                  <td>
                    {r.adoptedOn ? (
                      <DateText value={{ date: r.adoptedOn, precision: "day" }} />
                    ) : (
                      <span class="muted">not known</span>
                    )}
                  </td>
                  <td>{r.title ? <LinkedText text={r.title} links={links} /> : <span class="muted">—</span>}</td>
                  <td>
                    <AdoptionText resolution={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <TreatyStatusSection statuses={treaties} />
      <TakingPart
        {...participation}
        nextSession={findNextSession(sessions, participation.now)}
        participationHref={`/participation/processes/${p.id}`}
      />
      <p>
        <a href={`/participation/processes/${p.id}`}>Participation: deadlines, accreditation and stakeholder actions</a>
      </p>
      <RecordUpdates updates={updates} feedHref={feeds[0]!.href} links={links} />
      <SubscribeLinks links={feeds} follow={{ kind: "process", id: p.id, name: p.shortName }} />
      <SourceList sources={sources} compilerNote={{ notes: p.notes, confidence: p.confidence }} />
      <RecordEditorialLinks kind="process" id={p.id} />
    </Layout>
  );
}
