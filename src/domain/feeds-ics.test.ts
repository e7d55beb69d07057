import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildMonthGrid, deadlineEvents, venueTimeZone } from "./calendar.js";
import type { Deadline } from "./deadline.js";
import { renderIcsFeed } from "./feeds-ics.js";
import { parsePartialDate } from "./partial-date.js";

const deadline: Deadline = {
  id: "oewg-2021-2025-non-ecosoc-accreditation-2022",
  processId: "oewg-2021-2025",
  processShortName: "OEWG 2021–2025",
  sessionId: null,
  kind: "no-objection-period",
  title: "OEWG 2021–2025: silence procedure on accrediting non-ECOSOC stakeholders ends",
  opens: null,
  closes: parsePartialDate("2022-06-30"),
  closesTime: null,
  timeZone: null,
  isRolling: false,
  eligibility: "NGOs without ECOSOC status",
  notes: null,
  confidence: "high",
  sources: [],
};
const options = {
  name: "Test",
  description: "Test feed.",
  baseUrl: "https://normwatch.example",
  now: new Date("2026-11-23T12:00:00Z"),
  revisions: new Map(),
};

describe("iCalendar rendering", () => {
  it("maps the three venues to their zones and leaves others floating", () => {
    expect(venueTimeZone("New York (Conference Room 4)")).toBe("America/New_York");
    expect(venueTimeZone("Geneva")).toBe("Europe/Zurich");
    expect(venueTimeZone("Vienna (Boardroom D, VIC)")).toBe("Europe/Vienna");
    expect(venueTimeZone("Hanoi (National Convention Centre)")).toBeNull();
    expect(venueTimeZone(null)).toBeNull();
  });

  it("writes a closing time with TZID and a VTIMEZONE that an independent parser resolves to the right instant", () => {
    // Hypothetical closing time: the bundled deadlines give dates only.
    const events = deadlineEvents({ ...deadline, closesTime: "18:00", timeZone: "America/New_York" });
    const text = renderIcsFeed(events, options);
    expect(text).toContain("DTSTART;TZID=America/New_York:20220630T180000");
    const component = new ICAL.Component(ICAL.parse(text));
    const zone = component.getFirstSubcomponent("vtimezone")!;
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const start = component.getFirstSubcomponent("vevent")!.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.toJSDate().toISOString()).toBe("2022-06-30T22:00:00.000Z");
  });

  it("writes date-only deadlines as one all-day event without any VTIMEZONE", () => {
    const text = renderIcsFeed(deadlineEvents(deadline), options);
    expect(text).toContain("DTSTART;VALUE=DATE:20220630");
    expect(text).toContain("DTEND;VALUE=DATE:20220701");
    expect(text).not.toContain("VTIMEZONE");
    expect(text).toContain("SEQUENCE:0");
  });

  it("ends every line with CRLF, the last one too, and has no bare line feed (RFC 5545 §3.1)", () => {
    for (const events of [
      [],
      deadlineEvents(deadline),
      deadlineEvents({ ...deadline, closesTime: "18:00", timeZone: "America/New_York" }),
    ]) {
      const text = renderIcsFeed(events, options);
      expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    }
  });

  it("gives a closing time a DTEND later than its DTSTART, in the same zone, without marking the reader busy", () => {
    const text = renderIcsFeed(
      deadlineEvents({ ...deadline, closesTime: "23:50", timeZone: "America/New_York" }),
      options,
    );
    const component = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(new ICAL.Timezone(component.getFirstSubcomponent("vtimezone")!));
    const event = new ICAL.Event(component.getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().toISOString()).toBe("2022-07-01T03:50:00.000Z");
    expect(event.endDate.compare(event.startDate)).toBe(1);
    expect(event.endDate.toString()).toBe("2022-07-01T00:05:00");
    expect(event.endDate.zone.tzid).toBe("America/New_York");
    expect(component.getFirstSubcomponent("vevent")!.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
  });

  it("asks subscribers to refresh every six hours and writes UIDs in the instance's domain", () => {
    const component = new ICAL.Component(ICAL.parse(renderIcsFeed(deadlineEvents(deadline), options)));
    expect(String(component.getFirstPropertyValue("refresh-interval"))).toBe("PT6H");
    expect(String(component.getFirstPropertyValue("x-published-ttl"))).toBe("PT6H");
    expect(component.getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid")).toBe(
      "deadline-oewg-2021-2025-non-ecosoc-accreditation-2022-closes@normwatch.example",
    );
  });

  it("lays a month out in Monday-first weeks with events on each day they cover", () => {
    const weeks = buildMonthGrid("2022-06", deadlineEvents(deadline));
    expect(weeks[0]![0]!.day).toBe("2022-05-30");
    expect(weeks.at(-1)!.at(-1)!.day).toBe("2022-07-03");
    const cells = weeks
      .flat()
      .filter((d) => d.events.length > 0)
      .map((d) => d.day);
    expect(cells).toEqual(["2022-06-30"]);
  });
});
