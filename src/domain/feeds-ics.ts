// iCalendar (RFC 5545) feeds of calendar events, written by ical-generator: stable UIDs, SEQUENCE from the stored
// revision counter, all-day events with an exclusive DTEND, TZID plus VTIMEZONE only for timed events, UIDs in the
// instance's domain, a refresh interval, and CRLF after every line (RFC 5545 §3.1), the last one included.
import ical, { ICalCalendarMethod, ICalEventTransparency } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { addDays, eventDays, isDayPrecise, sortEvents, type CalendarEvent } from "./calendar.js";

export interface EventRevision {
  sequence: number;
  modifiedAt: Date;
}

export interface IcsFeedOptions {
  name: string;
  description: string;
  /** Absolute base of links, e.g. "https://normwatch.example" (no trailing slash). */
  baseUrl: string;
  /** DTSTAMP of every event: when the feed was generated. */
  now: Date;
  revisions: Map<string, EventRevision>;
}

/** How often subscribers should fetch a feed again (REFRESH-INTERVAL, RFC 7986, and X-PUBLISHED-TTL): 6 hours. */
export const FEED_REFRESH_SECONDS = 6 * 60 * 60;

/**
 * How long the event of a closing time lasts. A closing time is a moment, but RFC 5545 §3.8.2.2 wants DTEND later
 * than DTSTART: the event starts at the moment and lasts the shortest block calendar apps draw legibly.
 */
export const CLOSING_TIME_MINUTES = 15;

/** "session-x@normwatch" → "session-x@normwatch.example": UIDs are globally unique in the instance's domain. */
export function icsUid(uid: string, baseUrl: string): string {
  return `${uid.replace(/@[^@]*$/, "")}@${new URL(baseUrl).hostname}`;
}

function addMinutes(localDateTime: string, minutes: number): string {
  // Local wall-clock arithmetic on "YYYY-MM-DDTHH:MM:SS" (the zone is attached separately, as TZID).
  const moment = new Date(`${localDateTime}Z`);
  return new Date(moment.getTime() + minutes * 60_000).toISOString().slice(0, 19);
}

export const FEED_PRECISION_NOTE =
  "Only sessions and deadlines with dates known to the day are included, as all-day events; sessions announced only by month or year are listed on the calendar page until their dates are known.";

function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

/** Renders the day-precise events as one VCALENDAR (events with coarser dates are left out; see FEED_PRECISION_NOTE). */
export function renderIcsFeed(events: CalendarEvent[], options: IcsFeedOptions): string {
  const calendar = ical({
    name: options.name,
    description: `${options.description} ${FEED_PRECISION_NOTE}`,
    prodId: { company: "Normwatch", product: "Calendar", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: FEED_REFRESH_SECONDS,
    // A generator without a calendar-wide zone: VTIMEZONE blocks are emitted only for the zones events use.
    timezone: { name: null as unknown as string, generator: vtimezone },
  });
  for (const event of sortEvents(events.filter(isDayPrecise))) {
    const revision = options.revisions.get(event.uid);
    const days = eventDays(event);
    const common = {
      id: icsUid(event.uid, options.baseUrl),
      sequence: revision?.sequence ?? 0,
      stamp: options.now,
      lastModified: revision?.modifiedAt ?? null,
      summary: event.title,
      description: event.description,
      location: event.venue,
      url: `${options.baseUrl}${event.path}`,
      categories: [{ name: event.kind === "deadline" ? "Deadline" : "Session" }],
    };
    if (event.time) {
      // A closing time is a moment in the venue's zone: a short event from that moment that does not mark anyone busy.
      const start = `${days.first}T${event.time.start}:00`;
      const end = addMinutes(start, CLOSING_TIME_MINUTES);
      calendar.createEvent({
        ...common,
        start,
        end,
        timezone: event.time.timeZone,
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    } else {
      calendar.createEvent({ ...common, start: days.first, end: addDays(days.last, 1), allDay: true });
    }
  }
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
