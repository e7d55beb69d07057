import { describe, expect, it } from "vitest";
import {
  deadlineStatus,
  isDeadlineClosed,
  listUpcomingDeadlines,
  zonedTimeToInstant,
  type Deadline,
} from "./deadline.js";
import { parsePartialDate } from "./partial-date.js";

// The two bundled deadlines, as the seed stores them (datasets/participation/deadlines.json).
const silenceProcedure: Deadline = {
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
  eligibility: null,
  notes: null,
  confidence: "high",
  sources: [],
};
const interestForm: Deadline = {
  ...silenceProcedure,
  id: "global-mechanism-ict-2026-stakeholder-interest-form",
  processId: "global-mechanism-ict-2026",
  kind: "stakeholder-registration",
  opens: parsePartialDate("2026"),
  closes: null,
  isRolling: true,
};

describe("Deadlines", () => {
  it("lists a deadline as upcoming before it closes and not once its day has passed", () => {
    expect(listUpcomingDeadlines([silenceProcedure], new Date("2022-06-15T12:00:00Z")).map((d) => d.id)).toEqual([
      silenceProcedure.id,
    ]);
    expect(listUpcomingDeadlines([silenceProcedure], new Date("2022-06-30T23:00:00Z")).map((d) => d.id)).toEqual([
      silenceProcedure.id,
    ]);
    expect(listUpcomingDeadlines([silenceProcedure], new Date("2022-07-01T00:00:01Z"))).toEqual([]);
    expect(
      listUpcomingDeadlines([silenceProcedure, interestForm], new Date("2026-11-23T12:00:00Z")).map((d) => d.id),
    ).toEqual([interestForm.id]);
  });

  it("closes a deadline with a closing time at that moment in the venue's zone", () => {
    // A hypothetical 18:00 New York closing time on the real date: 22:00 UTC in summer time.
    const timed = { ...silenceProcedure, closesTime: "18:00", timeZone: "America/New_York" };
    expect(zonedTimeToInstant("2022-06-30", "18:00", "America/New_York").toISOString()).toBe(
      "2022-06-30T22:00:00.000Z",
    );
    expect(zonedTimeToInstant("2022-01-10", "18:00", "America/New_York").toISOString()).toBe(
      "2022-01-10T23:00:00.000Z",
    );
    expect(isDeadlineClosed(timed, new Date("2022-06-30T21:59:00Z"))).toBe(false);
    expect(isDeadlineClosed(timed, new Date("2022-06-30T22:00:00Z"))).toBe(true);
  });

  it("derives the status from the dates and the moment given", () => {
    expect(deadlineStatus(silenceProcedure, new Date("2026-11-23T00:00:00Z"))).toBe("closed");
    expect(deadlineStatus(interestForm, new Date("2026-11-23T00:00:00Z"))).toBe("open");
    expect(
      deadlineStatus({ ...silenceProcedure, opens: parsePartialDate("2022-06-01") }, new Date("2022-05-01T00:00:00Z")),
    ).toBe("not-yet-open");
  });
});
