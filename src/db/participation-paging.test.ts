// Participation lists page in SQL (issue 14) and mean what the in-memory rules meant: upcoming deadlines decided in
// SQL in each deadline's own time zone agree with listUpcomingDeadlines at instants either side of a closing time,
// a page of calendar events is the same slice of the same events as filtering and sorting every event in memory, and
// the accreditation summary of paged records covers every match.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DRIVERS, type TestDatabase } from "../../test/database.js";
import { eventDays, filterEvents, sortEvents, type CalendarEvent } from "../domain/calendar.js";
import { listUpcomingDeadlines } from "../domain/deadline.js";
import { summarizeAccreditations } from "../domain/participation.js";
import { listAccreditationFacts, listAccreditations } from "./accreditations.js";
import { listCalendarEventPage, listCalendarEvents, type CalendarRange } from "./calendar.js";
import { countDeadlines, listDeadlines } from "./deadlines.js";

/** Test-only deadlines (not data): closing at a wall-clock time in zones either side of UTC, by month, rolling. */
const TEST_DEADLINES = [
  ["test-ny-timed", "2026-03-10", "day", "17:00", "America/New_York", false],
  ["test-tokyo-timed", "2026-03-10", "day", "09:30", "Asia/Tokyo", false],
  ["test-month", "2026-03-01", "month", null, null, false],
  ["test-rolling", null, null, null, null, true],
  ["test-undated", null, null, null, null, false],
  ["test-past", "2025-12-31", "day", null, null, false],
] as const;

const SORT_UIDS = (events: CalendarEvent[]) => events.map((e) => e.uid);

describe.each(TEST_DRIVERS)("participation lists paged in SQL ($label)", ({ driver, skip }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    if (skip) return;
    t = await createTestDatabase(driver, { seed: true });
    for (const [id, closes, precision, time, zone, rolling] of TEST_DEADLINES) {
      await t.db.execute(
        sql`INSERT INTO deadlines (id, process_id, kind, title, opens_on, opens_precision, closes_on, closes_precision, closes_time, time_zone, is_rolling, confidence)
            VALUES (${id}, 'oewg-2021-2025', 'written-input-call', ${`Test ${id}`}, ${id === "test-ny-timed" ? "2026-02-01" : null},
                    ${id === "test-ny-timed" ? "day" : null}, ${closes}, ${precision}, ${time}, ${zone}, ${rolling}, 'medium')`,
      );
    }
  }, 180_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it.skipIf(skip)(
    "decides upcoming deadlines in SQL as listUpcomingDeadlines does, in each deadline's time zone",
    async () => {
      const all = await listDeadlines(t.db);
      const instants = [
        "2026-03-10T00:29:59Z", // 09:29:59 in Tokyo: still open
        "2026-03-10T00:30:00Z", // 09:30 in Tokyo: closed
        "2026-03-10T20:59:59Z", // 16:59:59 in New York (EDT from 8 March): open
        "2026-03-10T21:00:00Z", // 17:00 in New York: closed
        "2026-03-31T23:59:59Z", // last moment of the month-precise closing
        "2026-04-01T00:00:00Z",
        "2026-11-23T12:00:00Z",
      ];
      for (const at of instants) {
        const now = new Date(at);
        const inMemory = listUpcomingDeadlines(all, now).map((d) => d.id);
        const inSql = (await listDeadlines(t.db, { upcomingAt: now })).map((d) => d.id);
        expect(inSql, at).toEqual(inMemory);
        expect(await countDeadlines(t.db, { upcomingAt: now }), at).toBe(inMemory.length);
        const page = await listDeadlines(t.db, { upcomingAt: now }, { limit: 2, offset: 1 });
        expect(
          page.map((d) => d.id),
          at,
        ).toEqual(inMemory.slice(1, 3));
      }
      const justBefore = (await listDeadlines(t.db, { upcomingAt: new Date("2026-03-10T20:59:59Z") })).map((d) => d.id);
      expect(justBefore).toContain("test-ny-timed");
      expect(justBefore).not.toContain("test-tokyo-timed");
    },
  );

  it.skipIf(skip)("pages calendar events in SQL exactly as filtering and sorting all of them in memory", async () => {
    const all = await listCalendarEvents(t.db);
    const ranges: CalendarRange[] = [
      {},
      { processId: "oewg-2021-2025" },
      { kind: "deadline" },
      { kind: "substantive" },
      { from: "2024-01-01", to: "2025-06-30" },
      { processId: "oewg-2021-2025", from: "2026-03-01" },
    ];
    for (const range of ranges) {
      const expected = sortEvents(filterEvents(all, range)).filter((e) => {
        const days = eventDays(e);
        return (!range.from || days.last >= range.from) && (!range.to || days.first <= range.to);
      });
      const whole = await listCalendarEventPage(t.db, range, { limit: 10_000, offset: 0 });
      expect(whole.total, JSON.stringify(range)).toBe(expected.length);
      expect(SORT_UIDS(whole.items), JSON.stringify(range)).toEqual(SORT_UIDS(expected));
      expect(whole.items, JSON.stringify(range)).toEqual(expected);
      const page = await listCalendarEventPage(t.db, range, { limit: 5, offset: 5 });
      expect(SORT_UIDS(page.items), JSON.stringify(range)).toEqual(SORT_UIDS(expected.slice(5, 10)));
      expect(page.total).toBe(expected.length);
    }
    expect((await listCalendarEventPage(t.db, {}, { limit: 5, offset: 100_000 })).total).toBe(all.length);
    expect(all.length).toBeGreaterThan(20);
  });

  it.skipIf(skip)("pages accreditation records in SQL while the summary covers every match", async () => {
    const all = await listAccreditations(t.db);
    expect(all.length).toBeGreaterThan(3);
    const page = await listAccreditations(t.db, {}, { limit: 2, offset: 2 });
    expect(page.map((a) => a.id)).toEqual(all.slice(2, 4).map((a) => a.id));
    expect(summarizeAccreditations(await listAccreditationFacts(t.db))).toEqual(summarizeAccreditations(all));
  });
});
