// The calendar of sessions and deadlines: one event per session and per deadline date, venue time zones,
// date-only ranges with an exclusive end, and the month grid of the calendar page.
//
// Precision rule (also shown on the calendar page and in each feed's description): only events whose dates are
// known to the day go into iCalendar feeds, as all-day events. Sessions known only to the month or year are
// listed on the calendar page under "dates not yet announced" but left out of feeds, because a calendar app
// would show a month-long block that nobody will attend.
import type { Deadline } from "./deadline.js";
import { formatPartialDate, lastDayOf, type PartialDate } from "./partial-date.js";
import type { Session } from "./session.js";
import {
  DEADLINE_KIND_LABELS,
  SESSION_KIND_LABELS,
  type CalendarEventKind,
  type DeadlineKind,
  type SessionKind,
} from "./vocabulary.js";

export interface CalendarEvent {
  /** Stable across feeds and edits: "session-<id>@normwatch" or "deadline-<id>-<opens|closes>@normwatch". */
  uid: string;
  kind: CalendarEventKind;
  recordId: string;
  title: string;
  description: string;
  processId: string;
  processShortName: string;
  sessionKind: SessionKind | null;
  deadlineKind: DeadlineKind | null;
  start: PartialDate;
  end: PartialDate | null;
  /** A timed event: local start time "HH:MM" in an IANA zone (deadlines with a closing time). */
  time: { start: string; timeZone: string } | null;
  venue: string | null;
  /** Site path of the record. */
  path: string;
}

const VENUE_ZONES: [RegExp, string][] = [
  [/^new york\b/i, "America/New_York"],
  [/^geneva\b/i, "Europe/Zurich"],
  [/^vienna\b/i, "Europe/Vienna"],
];

/** The IANA zone of a venue we know; null means floating (or date-only) times. */
export function venueTimeZone(venue: string | null): string | null {
  if (!venue) return null;
  return VENUE_ZONES.find(([pattern]) => pattern.test(venue.trim()))?.[1] ?? null;
}

export function sessionEvent(session: Session): CalendarEvent | null {
  if (!session.start) return null;
  return {
    uid: `session-${session.id}@normwatch`,
    kind: "session",
    recordId: session.id,
    title: `${session.processShortName}: ${session.name}`,
    description: `${SESSION_KIND_LABELS[session.kind]} of the ${session.processShortName}.`,
    processId: session.processId,
    processShortName: session.processShortName,
    sessionKind: session.kind,
    deadlineKind: null,
    start: session.start,
    end: session.end,
    time: null,
    venue: session.venue,
    path: `/sessions/${session.id}`,
  };
}

/** A deadline gives an event for its opening day and one for its closing day (when known). */
export function deadlineEvents(deadline: Deadline): CalendarEvent[] {
  const base = {
    kind: "deadline" as const,
    recordId: deadline.id,
    processId: deadline.processId,
    processShortName: deadline.processShortName,
    sessionKind: null,
    deadlineKind: deadline.kind,
    end: null,
    venue: null,
    path: `/participation/deadlines/${deadline.id}`,
  };
  const label = DEADLINE_KIND_LABELS[deadline.kind];
  const eligibility = deadline.eligibility ? ` Eligibility: ${deadline.eligibility}` : "";
  const events: CalendarEvent[] = [];
  if (deadline.opens) {
    events.push({
      ...base,
      uid: `deadline-${deadline.id}-opens@normwatch`,
      title: `Opens: ${deadline.title}`,
      description: `${label} (${deadline.processShortName}) opens${deadline.isRolling ? " (rolling basis)" : ""}.${eligibility}`,
      start: deadline.opens,
      time: null,
    });
  }
  if (deadline.closes) {
    const time =
      deadline.closesTime && deadline.timeZone && deadline.closes.precision === "day"
        ? { start: deadline.closesTime, timeZone: deadline.timeZone }
        : null;
    events.push({
      ...base,
      uid: `deadline-${deadline.id}-closes@normwatch`,
      title: `Deadline: ${deadline.title}`,
      description: `${label} (${deadline.processShortName}) closes ${formatPartialDate(deadline.closes)}${time ? ` at ${time.start} (${time.timeZone})` : ""}.${eligibility}`,
      start: deadline.closes,
      time,
    });
  }
  return events;
}

/** Whether the event's dates are known to the day (the only ones that go into iCalendar feeds). */
export function isDayPrecise(event: CalendarEvent): boolean {
  return event.start.precision === "day" && (event.end === null || event.end.precision === "day");
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** First and last day the event can cover; ranges are inclusive here (iCalendar's DTEND adds one day). */
export function eventDays(event: CalendarEvent): { first: string; last: string } {
  const last = lastDayOf(event.end ?? event.start);
  return { first: event.start.date, last: last < event.start.date ? lastDayOf(event.start) : last };
}

export interface CalendarFilter {
  processId?: string | undefined;
  /** A session kind, or "deadline". */
  kind?: SessionKind | "deadline" | undefined;
}

export function filterEvents(events: CalendarEvent[], filter: CalendarFilter): CalendarEvent[] {
  return events.filter(
    (e) =>
      (!filter.processId || e.processId === filter.processId) &&
      (!filter.kind || (filter.kind === "deadline" ? e.kind === "deadline" : e.sessionKind === filter.kind)),
  );
}

export function sortEvents(events: CalendarEvent[]): CalendarEvent[] {
  return [...events].sort((a, b) => a.start.date.localeCompare(b.start.date) || a.uid.localeCompare(b.uid));
}

/** What decides SEQUENCE: the fields a subscriber sees change. */
export function eventFingerprint(event: CalendarEvent): string {
  const { uid, title, description, start, end, time, venue } = event;
  return JSON.stringify({ uid, title, description, start, end, time, venue });
}

export interface MonthDay {
  day: string;
  inMonth: boolean;
  events: CalendarEvent[];
}

/** Weeks (Monday first) of the month `YYYY-MM`, each day with the day-precise events that cover it. */
export function buildMonthGrid(month: string, events: CalendarEvent[]): MonthDay[][] {
  const first = `${month}-01`;
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const last = lastDayOf({ date: first, precision: "month" });
  const precise = events.filter(isDayPrecise).map((e) => ({ e, ...eventDays(e) }));
  const weeks: MonthDay[][] = [];
  for (let day = addDays(first, -weekday); day <= last || weeks.at(-1)?.length !== 7; day = addDays(day, 1)) {
    if (weeks.length === 0 || weeks.at(-1)!.length === 7) weeks.push([]);
    weeks.at(-1)!.push({
      day,
      inMonth: day.startsWith(month),
      events: precise.filter((p) => p.first <= day && day <= p.last).map((p) => p.e),
    });
  }
  return weeks;
}

/** Neighbouring months of `YYYY-MM`. */
export function shiftMonth(month: string, by: number): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
}
