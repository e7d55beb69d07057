// The calendar page: sessions and deadlines in a month grid or a list, filtered by process and kind with a
// plain GET form (works without JavaScript); one-event .ics downloads; the feeds to subscribe to.
import { Hono } from "hono";
import {
  buildMonthGrid,
  eventDays,
  filterEvents,
  isDayPrecise,
  shiftMonth,
  sortEvents,
  type CalendarEvent,
  type CalendarFilter,
} from "../../domain/calendar.js";
import { FEED_PRECISION_NOTE } from "../../domain/feeds-ics.js";
import { formatPartialDate, lastDayOf } from "../../domain/partial-date.js";
import { SESSION_KIND_LABELS, SESSION_KINDS, type SessionKind } from "../../domain/vocabulary.js";
import { listCalendarEvents } from "../../db/calendar.js";
import type { AppDeps } from "../../http/deps.js";
import { listProcesses } from "../../db/processes.js";
import { DateRange } from "../components/date-range.js";
import { SubscribeLinks, type FeedLink } from "../components/updates.js";
import { Layout } from "../layout.js";
import { respondIcs } from "./feeds.js";
import { NotFoundError } from "../../domain/errors.js";

const monthLabel = (month: string) => formatPartialDate({ date: `${month}-01`, precision: "month" });

/** "session-x@normwatch" → "session-x", the key of the one-event download. */
export const eventKey = (event: CalendarEvent) => event.uid.replace(/@normwatch$/, "");

function queryString(params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]));
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}

function kindLabel(event: CalendarEvent): string {
  return event.kind === "deadline" ? "Deadline" : SESSION_KIND_LABELS[event.sessionKind!];
}

function EventLine(props: { event: CalendarEvent; showDates?: boolean }) {
  const e = props.event;
  return (
    <>
      <a href={e.path}>{e.title}</a>
      <span class={`event-kind event-${e.kind}`}> · {kindLabel(e)}</span>
      {props.showDates ? (
        <>
          {" "}
          · <DateRange start={e.start} end={e.end} />
        </>
      ) : null}
      {e.venue ? <span class="meta"> · {e.venue}</span> : null}
      {isDayPrecise(e) ? (
        <>
          {" "}
          ·{" "}
          <a class="ics-link" href={`/calendar/events/${eventKey(e)}.ics`} download>
            Add to calendar<span class="visually-hidden"> (.ics): {e.title}</span>
          </a>
        </>
      ) : null}
    </>
  );
}

export function calendarPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const now = deps.now();
    const today = now.toISOString().slice(0, 10);
    const view = c.req.query("view") === "list" ? "list" : "month";
    const monthParam = c.req.query("month") ?? "";
    const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : today.slice(0, 7);
    const { items: processes } = await listProcesses(deps.db);
    const processId = processes.some((p) => p.id === c.req.query("process")) ? c.req.query("process") : undefined;
    const kindParam = c.req.query("kind");
    const kind =
      kindParam === "deadline" || SESSION_KINDS.includes(kindParam as SessionKind)
        ? (kindParam as CalendarFilter["kind"])
        : undefined;
    const events = sortEvents(filterEvents(await listCalendarEvents(deps.db), { processId, kind }));
    const filters = { process: processId, kind };
    const link = (extra: Record<string, string | undefined>) =>
      `/calendar${queryString({ ...filters, view, month, ...extra })}`;
    const feeds: FeedLink[] = [
      processId
        ? {
            href: `/feeds/processes/${processId}.ics`,
            type: "text/calendar",
            title: `Sessions and deadlines of the ${processes.find((p) => p.id === processId)!.shortName} (iCalendar)`,
          }
        : { href: "/feeds/calendar.ics", type: "text/calendar", title: "All sessions and deadlines (iCalendar)" },
      { href: "/feeds/deadlines.ics", type: "text/calendar", title: "Deadlines only (iCalendar)" },
      ...(kind && kind !== "deadline"
        ? [
            {
              href: `/feeds/sessions/${kind}.ics`,
              type: "text/calendar" as const,
              title: `${SESSION_KIND_LABELS[kind]}s (iCalendar)`,
            },
          ]
        : []),
    ];
    const undated = events.filter((e) => !isDayPrecise(e) && lastDayOf(e.end ?? e.start) >= today);
    return c.html(
      <Layout
        title="Calendar"
        path="/calendar"
        description="Sessions of UN cyber processes and participation deadlines, by month or as a list, with iCalendar feeds"
      >
        <h1>Calendar</h1>
        <p class="lede">
          Sessions of UN cyber processes and participation deadlines (accreditation, calls for inputs, registrations).
        </p>
        <form class="filters" method="get" action="/calendar">
          <input type="hidden" name="view" value={view} />
          <input type="hidden" name="month" value={month} />
          <label>
            Process
            <select name="process">
              <option value="">All processes</option>
              {processes.map((p) => (
                <option value={p.id} selected={p.id === processId}>
                  {p.shortName}
                </option>
              ))}
            </select>
          </label>
          <label>
            Kind
            <select name="kind">
              <option value="">Sessions and deadlines</option>
              <option value="deadline" selected={kind === "deadline"}>
                Deadlines
              </option>
              {SESSION_KINDS.map((k) => (
                <option value={k} selected={k === kind}>
                  {SESSION_KIND_LABELS[k]}s
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Show</button>
        </form>
        <nav class="view-switch" aria-label="Calendar view">
          <a href={link({ view: "month" })} aria-current={view === "month" ? "page" : undefined}>
            Month
          </a>
          {" · "}
          <a href={link({ view: "list" })} aria-current={view === "list" ? "page" : undefined}>
            List
          </a>
        </nav>
        {view === "month" ? (
          <MonthView month={month} events={events} today={today} link={link} />
        ) : (
          <ListView events={events} today={today} showPast={c.req.query("past") === "1"} link={link} />
        )}
        <section aria-labelledby="undated-heading">
          <h2 id="undated-heading">Dates not yet announced</h2>
          {undated.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <ul>
              {undated.map((e) => (
                <li>
                  {formatPartialDate(e.start)}: <EventLine event={e} />
                </li>
              ))}
            </ul>
          )}
          <p class="meta">{FEED_PRECISION_NOTE}</p>
        </section>
        <SubscribeLinks links={feeds} heading="Subscribe in your calendar app" />
      </Layout>,
    );
  });
  app.get("/events/:file{[a-z0-9-]+\\.ics}", async (c) => {
    const key = c.req.param("file").replace(/\.ics$/, "");
    const event = (await listCalendarEvents(deps.db)).find((e) => eventKey(e) === key && isDayPrecise(e));
    if (!event) throw new NotFoundError("calendar event with dates known to the day", key);
    return respondIcs(c, deps, [event], event.title, "One event from the Normwatch calendar.", `${key}.ics`);
  });
  return app;
}

function MonthView(props: {
  month: string;
  events: CalendarEvent[];
  today: string;
  link: (p: Record<string, string>) => string;
}) {
  const weeks = buildMonthGrid(props.month, props.events);
  const inMonth = props.events.filter(
    (e) => isDayPrecise(e) && eventDays(e).first <= `${props.month}-31` && eventDays(e).last >= `${props.month}-01`,
  );
  return (
    <section aria-labelledby="month-heading">
      <h2 id="month-heading">{monthLabel(props.month)}</h2>
      <nav class="month-nav" aria-label="Months">
        <a href={props.link({ month: shiftMonth(props.month, -1) })} rel="prev">
          ← {monthLabel(shiftMonth(props.month, -1))}
        </a>
        {" · "}
        <a href={props.link({ month: props.today.slice(0, 7) })}>This month</a>
        {" · "}
        <a href={props.link({ month: shiftMonth(props.month, 1) })} rel="next">
          {monthLabel(shiftMonth(props.month, 1))} →
        </a>
      </nav>
      <table class="month-grid">
        <caption class="visually-hidden">{`Sessions and deadlines in ${monthLabel(props.month)}`}</caption>
        <thead>
          <tr>
            {["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((d) => (
              <th scope="col">{d}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr>
              {week.map((d) => (
                <td class={`${d.inMonth ? "" : "other-month"}${d.day === props.today ? " today" : ""}`}>
                  <span class="day-number">
                    <time datetime={d.day}>{Number(d.day.slice(8))}</time>
                  </span>
                  <ul>
                    {d.events.map((e) => (
                      <li class={`event-${e.kind}`}>
                        <a href={e.path}>{e.title}</a>
                      </li>
                    ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>In {monthLabel(props.month)}</h3>
      {inMonth.length === 0 ? (
        <p class="muted">No sessions or deadlines with known days this month.</p>
      ) : (
        <EventList events={inMonth} />
      )}
    </section>
  );
}

function EventList(props: { events: CalendarEvent[] }) {
  return (
    <ul class="event-list">
      {props.events.map((e) => (
        <li>
          <EventLine event={e} showDates />
        </li>
      ))}
    </ul>
  );
}

function ListView(props: {
  events: CalendarEvent[];
  today: string;
  showPast: boolean;
  link: (p: Record<string, string>) => string;
}) {
  const precise = props.events.filter(isDayPrecise);
  const upcoming = precise.filter((e) => eventDays(e).last >= props.today);
  const past = precise.filter((e) => eventDays(e).last < props.today).reverse();
  return (
    <section aria-labelledby="list-heading">
      <h2 id="list-heading">Upcoming</h2>
      {upcoming.length === 0 ? <p class="muted">Nothing upcoming with known days.</p> : <EventList events={upcoming} />}
      <h2>Past</h2>
      {props.showPast ? (
        <EventList events={past} />
      ) : (
        <p>
          <a href={props.link({ past: "1" })}>Show {past.length} past sessions and deadlines</a>
        </p>
      )}
    </section>
  );
}
