// The calendar's data: session and deadline events from the database, and the stored revision counter that
// gives each event its iCalendar SEQUENCE (raised whenever what a subscriber sees of the event changes).
import { sql } from "drizzle-orm";
import { deadlineEvents, eventFingerprint, sessionEvent, type CalendarEvent } from "../domain/calendar.js";
import type { EventRevision } from "../domain/feeds-ics.js";
import type { Db } from "./client.js";
import { queryRows } from "./client.js";
import { listDeadlines } from "./deadlines.js";
import { listSessions } from "./sessions.js";

/** Every dated session and every deadline date as calendar events (unfiltered; filter with filterEvents). */
export async function listCalendarEvents(db: Db): Promise<CalendarEvent[]> {
  const [{ items: sessions }, deadlines] = await Promise.all([listSessions(db), listDeadlines(db)]);
  const events = sessions.map(sessionEvent).filter((e): e is CalendarEvent => e !== null);
  return [...events, ...deadlines.flatMap(deadlineEvents)];
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
