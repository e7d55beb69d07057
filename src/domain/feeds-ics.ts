// iCalendar (RFC 5545) feeds of calendar events, written by ical-generator: stable UIDs, SEQUENCE from the stored
// revision counter, all-day events with an exclusive DTEND, TZID plus VTIMEZONE only for timed events.
import ical, { ICalCalendarMethod } from "ical-generator";
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
    // A generator without a calendar-wide zone: VTIMEZONE blocks are emitted only for the zones events use.
    timezone: { name: null as unknown as string, generator: vtimezone },
  });
  for (const event of sortEvents(events.filter(isDayPrecise))) {
    const revision = options.revisions.get(event.uid);
    const days = eventDays(event);
    const common = {
      id: event.uid,
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
      // A closing time is a moment, not a stretch of time: zero-length event at that moment, in the venue's zone.
      const start = `${days.first}T${event.time.start}:00`;
      calendar.createEvent({ ...common, start, end: start, timezone: event.time.timeZone, transparency: null });
    } else {
      calendar.createEvent({ ...common, start: days.first, end: addDays(days.last, 1), allDay: true });
    }
  }
  return calendar.toString();
}
