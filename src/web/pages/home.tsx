// The home page: what is running now and what meets next, recent sessions, counts, and the way into each section.
import { Hono } from "hono";
import type { AppDeps } from "../../http/deps.js";
import { listActivity } from "../../db/activity.js";
import { getHomeOverview } from "../../db/home.js";
import { listDeadlines } from "../../db/deadlines.js";
import { listUpdates } from "../../db/updates.js";
import { latestActivity } from "../../domain/activity.js";
import { listUpcomingDeadlines } from "../../domain/deadline.js";
import { formatPartialDate } from "../../domain/partial-date.js";
import type { Session } from "../../domain/session.js";
import { PROCESS_KIND_LABELS } from "../../domain/vocabulary.js";
import { ActivityList, ActivityNote } from "../components/activity.js";
import { DateRange } from "../components/date-range.js";
import { DateText } from "../components/partial-date.js";
import { SubscribeForm, TopicChoice } from "../components/subscribe-form.js";
import { UpdateList } from "../components/updates.js";
import { Layout } from "../layout.js";

function SessionList(props: { sessions: Session[]; empty: string; id: string }) {
  if (props.sessions.length === 0) return <p>{props.empty}</p>;
  return (
    <ol class="plain" id={props.id}>
      {props.sessions.map((s) => (
        <li>
          <DateRange start={s.start} end={s.end} />: <a href={`/sessions/${s.id}`}>{s.name}</a> (
          <a href={`/processes/${s.processId}`}>{s.processShortName}</a>){s.venue ? `, ${s.venue}` : ""}
        </li>
      ))}
    </ol>
  );
}

/** Only the exact path "/": mounted at "/", this sub-app must not answer for any other section. */
export function homePages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const today = deps.now().toISOString().slice(0, 10);
    const home = await getHomeOverview(deps.db, today);
    const deadlines = listUpcomingDeadlines(await listDeadlines(deps.db), deps.now()).slice(0, 5);
    const updates = await listUpdates(deps.db, {}, 5);
    const facts = latestActivity(await listActivity(deps.db), today, 8);
    const { counts } = home;
    return c.html(
      <Layout
        title="UN cyber diplomacy, tracked"
        path="/"
        description="Normwatch: an open observatory of UN cyber diplomacy — processes, sessions, resolutions and votes, norms and CBMs, with sources"
      >
        <h1>Normwatch</h1>
        <p class="lede">
          An open observatory of UN cyber diplomacy: what meets when, what was adopted and how States voted, and the
          norms and CBMs they agreed. Every record cites its sources.
        </p>
        <div class="home-grid">
          <section aria-labelledby="running-heading">
            <h2 id="running-heading">Running now</h2>
            <p class="meta">as of {formatPartialDate({ date: today, precision: "day" })}</p>
            {home.running.length === 0 ? (
              <p>No process is running today.</p>
            ) : (
              <ul class="plain" id="running">
                {home.running.map((p) => (
                  <li>
                    <a href={`/processes/${p.id}`}>{p.shortName}</a> — {PROCESS_KIND_LABELS[p.kind]}, since{" "}
                    <DateRange start={p.start} end={null} />
                    {p.end ? (
                      <>
                        {" "}
                        until <DateRange start={p.end} end={null} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="next-heading">
            <h2 id="next-heading">Next</h2>
            <SessionList sessions={home.upcoming} empty="No upcoming session is recorded." id="upcoming" />
          </section>
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recent sessions</h2>
            <SessionList sessions={home.recent} empty="No past session is recorded." id="recent" />
          </section>
          <section aria-labelledby="deadlines-heading">
            <h2 id="deadlines-heading">Deadlines ahead</h2>
            {deadlines.length === 0 ? (
              <p>No open or coming participation deadline is recorded.</p>
            ) : (
              <ul class="plain" id="deadlines">
                {deadlines.map((d) => (
                  <li>
                    <a href={`/participation/deadlines/${d.id}`}>{d.title}</a>
                    {d.closes ? (
                      <>
                        {" "}
                        — closes <DateText value={d.closes} />
                      </>
                    ) : d.isRolling ? (
                      " — rolling basis"
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href="/calendar">Calendar</a> ·{" "}
              <a href="/feeds/deadlines.ics">deadlines in your calendar app (iCalendar)</a>
            </p>
          </section>
          {deps.newsletter.secret ? (
            <section aria-labelledby="subscribe-heading" id="home-subscribe">
              <h2 id="subscribe-heading">Subscribe</h2>
              <p>
                The monthly digest, or one of its themes, by email. We send a confirmation link first; then “Follow” on
                any State, process, norm or document page works in one click.
              </p>
              {/* A GET to the full form: this page is cached for everyone, so it carries no per-visitor token. */}
              <SubscribeForm
                action="/subscribe"
                method="get"
                idPrefix="home-"
                emailLabel="Email address"
                submit="Continue"
              >
                <TopicChoice idPrefix="home-" />
              </SubscribeForm>
            </section>
          ) : null}
        </div>
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading">What happened lately</h2>
          <ActivityList facts={facts} id="latest-facts" />
          <ActivityNote />
        </section>
        <section aria-labelledby="updates-heading">
          <h2 id="updates-heading">Latest editors' updates</h2>
          <UpdateList updates={updates} headingLevel={3} empty="No editor's update yet." />
          <p>
            <a href="/updates">All updates</a> · <a href="/feeds/updates.atom">Atom feed</a> ·{" "}
            <a href="/feeds/updates.rss">RSS feed</a>
          </p>
        </section>
        <section aria-labelledby="counts-heading">
          <h2 id="counts-heading">In the observatory</h2>
          <ul class="counts">
            <li>
              <a href="/states">
                <strong>{counts.memberStates}</strong> Member States
              </a>
            </li>
            <li>
              <a href="/processes">
                <strong>{counts.processes}</strong> processes
              </a>
            </li>
            <li>
              <a href="/processes">
                <strong>{counts.sessions}</strong> sessions
              </a>
            </li>
            <li>
              <a href="/resolutions">
                <strong>{counts.resolutions}</strong> resolutions and decisions
              </a>
            </li>
            <li>
              <a href="/norms">
                <strong>{counts.frameworkItems}</strong> norms and CBMs
              </a>
            </li>
          </ul>
        </section>
        <section aria-labelledby="sections-heading">
          <h2 id="sections-heading">Explore</h2>
          <ul>
            <li>
              <a href="/processes">Processes</a>: GGEs, OEWGs, the Ad Hoc Committee on cybercrime and the Global
              Mechanism on one timeline.
            </li>
            <li>
              <a href="/resolutions">Resolutions</a>: every GA resolution and decision on the topic since 1998, with
              vote totals.
            </li>
            <li>
              <a href="/states">States</a>: regional groups, memberships, first cyber strategy and process roles.
            </li>
            <li>
              <a href="/norms">Norms and CBMs</a>: the 11 norms and the OSCE, OAS, ARF and UN confidence-building
              measures.
            </li>
            <li>
              <a href="/votes">Votes</a> and <a href="/alignment">alignment</a>: every recorded GA vote since 1946, who
              voted with whom, blocs and cohesion.
            </li>
            <li>
              <a href="/search">Search</a> every resolution text to the paragraph; <a href="/documents">documents</a>{" "}
              with their citations.
            </li>
            <li>
              <a href="/participation">Participation</a>: accreditation windows, who was kept out, stakeholders' joint
              letters; the <a href="/calendar">calendar</a> with feeds.
            </li>
            <li>
              <a href="/organizations">Organizations</a> and their members.
            </li>
            <li>
              <a href="/api/docs">Open API</a> and <a href="/about/data">about the data</a>: sources, licences and how
              to cite.
            </li>
          </ul>
        </section>
      </Layout>,
    );
  });
  return app;
}
