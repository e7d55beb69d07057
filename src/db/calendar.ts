// The calendar's data: session and deadline events from the database (all, or one filtered page chosen in SQL), and
// the stored revision counter that gives each event its iCalendar SEQUENCE (raised whenever what a subscriber sees of
// the event changes).
import { sql, type SQL } from "drizzle-orm";
import {
  deadlineEvents,
  eventFingerprint,
  sessionEvent,
  type CalendarEvent,
  type CalendarFilter,
} from "../domain/calendar.js";
import type { EventRevision } from "../domain/feeds-ics.js";
import type { Db } from "./client.js";
import { queryRows } from "./client.js";
import { listDeadlines } from "./deadlines.js";
import { lastDaySql } from "./partial-date-sql.js";
import { listSessions, listSessionsById } from "./sessions.js";

/** Every dated session and every deadline date as calendar events (unfiltered; filter with filterEvents). */
export async function listCalendarEvents(db: Db): Promise<CalendarEvent[]> {
  const [{ items: sessions }, deadlines] = await Promise.all([listSessions(db), listDeadlines(db)]);
  const events = sessions.map(sessionEvent).filter((e): e is CalendarEvent => e !== null);
  return [...events, ...deadlines.flatMap(deadlineEvents)];
}

export interface CalendarRange extends CalendarFilter {
  /** ISO day: events ending on or after it. */
  from?: string | undefined;
  /** ISO day: events starting on or before it. */
  to?: string | undefined;
}

/**
 * The events sessionEvent and deadlineEvents derive, one row each, as SQL (UNION ALL of dated sessions, deadline
 * openings and deadline closings): the uid, the record, and the days eventDays gives (last_day: the last day the end,
 * or without one the start, can mean, never before the start).
 */
function calendarEventRows(range: CalendarRange): SQL {
  const conditions = [
    range.processId ? sql`e.process_id = ${range.processId}` : null,
    range.kind === "deadline" ? sql`e.source = 'deadline'` : range.kind ? sql`e.session_kind = ${range.kind}` : null,
    range.from ? sql`e.last_day >= ${range.from}::date` : null,
    range.to ? sql`e.start_date <= ${range.to}::date` : null,
  ].filter((c) => c !== null);
  const start = { date: sql`u.start_date`, precision: sql`u.start_precision` };
  const endLastDay = sql`CASE WHEN u.end_date IS NOT NULL AND u.end_precision IS NOT NULL
    THEN ${lastDaySql(sql`u.end_date`, sql`u.end_precision`)} ELSE ${lastDaySql(start.date, start.precision)} END`;
  return sql`(SELECT * FROM (
    SELECT u.*, CASE WHEN ${endLastDay} < u.start_date THEN ${lastDaySql(start.date, start.precision)} ELSE ${endLastDay} END AS last_day
    FROM (
      SELECT 'session-' || s.id || '@normwatch' AS uid, 'session' AS source, s.id AS record_id, s.process_id,
             s.kind::text AS session_kind, s.start_date, s.start_precision::text AS start_precision,
             s.end_date, s.end_precision::text AS end_precision
        FROM sessions s WHERE s.start_date IS NOT NULL AND s.start_precision IS NOT NULL
      UNION ALL
      SELECT 'deadline-' || d.id || '-opens@normwatch', 'deadline', d.id, d.process_id, NULL, d.opens_on,
             d.opens_precision::text, NULL, NULL
        FROM deadlines d WHERE d.opens_on IS NOT NULL AND d.opens_precision IS NOT NULL
      UNION ALL
      SELECT 'deadline-' || d.id || '-closes@normwatch', 'deadline', d.id, d.process_id, NULL, d.closes_on,
             d.closes_precision::text, NULL, NULL
        FROM deadlines d WHERE d.closes_on IS NOT NULL AND d.closes_precision IS NOT NULL
    ) u
  ) e ${conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``})`;
}

/**
 * One page of calendar events in date order (ties by uid, byte order), filtered and paged in SQL; only the page's
 * sessions and deadlines are then read to build their events with the same domain rules as listCalendarEvents.
 */
export async function listCalendarEventPage(
  db: Db,
  range: CalendarRange,
  page: { limit: number; offset: number },
): Promise<{ items: CalendarEvent[]; total: number }> {
  const rows = await queryRows<{ uid: string; source: "session" | "deadline"; record_id: string; total: number }>(
    db,
    sql`SELECT e.uid, e.source, e.record_id, count(*) OVER ()::int AS total FROM ${calendarEventRows(range)} e
        ORDER BY e.start_date, e.uid COLLATE "C" LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  const ids = (source: string) => [...new Set(rows.filter((r) => r.source === source).map((r) => r.record_id))];
  const sessionIds = ids("session");
  const deadlineIds = ids("deadline");
  const [sessions, deadlines] = await Promise.all([
    listSessionsById(db, sessionIds),
    deadlineIds.length ? listDeadlines(db, { ids: deadlineIds }) : [],
  ]);
  const byUid = new Map<string, CalendarEvent>();
  for (const session of sessions) {
    const event = sessionEvent(session);
    if (event) byUid.set(event.uid, event);
  }
  for (const event of deadlines.flatMap(deadlineEvents)) byUid.set(event.uid, event);
  const items = rows.map((r) => byUid.get(r.uid)).filter((e): e is CalendarEvent => e !== undefined);
  const total =
    rows[0]?.total ??
    (page.offset > 0
      ? ((await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${calendarEventRows(range)} e`))[0]
          ?.n ?? 0)
      : 0);
  return { items, total };
}

/**
 * Records the current fingerprint of each event and returns its revision: sequence 0 when first seen, one more
 * each time the fingerprint changes. One statement, safe under concurrent requests (the row lock serialises them).
 */
export async function syncCalendarRevisions(
  db: Db,
  events: CalendarEvent[],
  now: Date,
): Promise<Map<string, EventRevision>> {
  const out = new Map<string, EventRevision>();
  if (events.length === 0) return out;
  const payload = JSON.stringify(events.map((e) => ({ uid: e.uid, fingerprint: eventFingerprint(e) })));
  const rows = await queryRows<{ uid: string; sequence: number; modified_at: string | Date }>(
    db,
    sql`INSERT INTO calendar_revisions AS r (uid, fingerprint, sequence, modified_at)
        SELECT x.uid, x.fingerprint, 0, ${now.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${payload}::jsonb) AS x(uid text, fingerprint text)
        ON CONFLICT (uid) DO UPDATE SET fingerprint = excluded.fingerprint, sequence = r.sequence + 1, modified_at = excluded.modified_at
          WHERE r.fingerprint <> excluded.fingerprint
        RETURNING uid, sequence, modified_at`,
  );
  for (const row of rows) out.set(row.uid, { sequence: Number(row.sequence), modifiedAt: new Date(row.modified_at) });
  const missing = events.map((e) => e.uid).filter((uid) => !out.has(uid));
  if (missing.length > 0) {
    const unchanged = await queryRows<{ uid: string; sequence: number; modified_at: string | Date }>(
      db,
      sql`SELECT uid, sequence, modified_at FROM calendar_revisions WHERE uid IN (SELECT jsonb_array_elements_text(${JSON.stringify(missing)}::jsonb))`,
    );
    for (const row of unchanged)
      out.set(row.uid, { sequence: Number(row.sequence), modifiedAt: new Date(row.modified_at) });
  }
  return out;
}
