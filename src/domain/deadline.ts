// Deadlines as first-class records (accreditation windows, calls for inputs or nominations, registrations) and
// which of them are still ahead of a given moment; `now` is always passed in.
import { lastDayOf, type PartialDate } from "./partial-date.js";
import type { Source } from "./source.js";
import type { Confidence, DeadlineKind } from "./vocabulary.js";

export interface Deadline {
  id: string;
  processId: string;
  processShortName: string;
  sessionId: string | null;
  kind: DeadlineKind;
  title: string;
  opens: PartialDate | null;
  closes: PartialDate | null;
  /** Local closing time "HH:MM" in timeZone, when the call gives one. */
  closesTime: string | null;
  timeZone: string | null;
  isRolling: boolean;
  eligibility: string | null;
  notes: string | null;
  confidence: Confidence;
  sources: Source[];
}

export type DeadlineStatus = "not-yet-open" | "open" | "closed" | "unknown";

/** The instant a local wall-clock time in an IANA zone means. */
export function zonedTimeToInstant(day: string, time: string, timeZone: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const offsetAt = (at: Date) => {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(at);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return (
      Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - at.getTime()
    );
  };
  const first = new Date(guess.getTime() - offsetAt(guess));
  return new Date(guess.getTime() - offsetAt(first));
}

/** Whether the deadline has passed at `now`: its closing instant (time given) or the end of its last possible day (UTC). */
export function isDeadlineClosed(
  deadline: Pick<Deadline, "closes" | "closesTime" | "timeZone" | "isRolling">,
  now: Date,
): boolean {
  if (!deadline.closes) return false;
  if (deadline.closesTime && deadline.timeZone && deadline.closes.precision === "day") {
    return now.getTime() >= zonedTimeToInstant(deadline.closes.date, deadline.closesTime, deadline.timeZone).getTime();
  }
  return lastDayOf(deadline.closes) < now.toISOString().slice(0, 10);
}

export function deadlineStatus(deadline: Deadline, now: Date): DeadlineStatus {
  if (isDeadlineClosed(deadline, now)) return "closed";
  const today = now.toISOString().slice(0, 10);
  if (deadline.opens && deadline.opens.precision === "day" && deadline.opens.date > today) return "not-yet-open";
  if (deadline.opens || deadline.isRolling) return "open";
  return deadline.closes ? "open" : "unknown";
}

/** Deadlines not yet closed at `now` that have a closing date or are open on a rolling basis; soonest first. */
export function listUpcomingDeadlines<T extends Deadline>(deadlines: T[], now: Date): T[] {
  return deadlines
    .filter((d) => !isDeadlineClosed(d, now) && (d.closes !== null || d.isRolling))
    .sort((a, b) => (a.closes?.date ?? "9999").localeCompare(b.closes?.date ?? "9999") || a.id.localeCompare(b.id));
}

/** A deadline as the swimlane timeline draws it: a mark on its process's bar at the closing (or opening) date. */
export interface TimelineDeadlineInput {
  id: string;
  processId: string;
  title: string;
  date: PartialDate;
  /** "closes" when the closing date is known, else "opens" (rolling calls). */
  edge: "opens" | "closes";
}

/** Deadlines for the timeline (src/domain/timeline.ts): one mark each, at the closing date or, for rolling calls, the opening date. */
export function toTimelineDeadlines(deadlines: Deadline[]): TimelineDeadlineInput[] {
  return deadlines.flatMap((d): TimelineDeadlineInput[] => {
    if (d.closes) return [{ id: d.id, processId: d.processId, title: d.title, date: d.closes, edge: "closes" }];
    if (d.opens) return [{ id: d.id, processId: d.processId, title: d.title, date: d.opens, edge: "opens" }];
    return [];
  });
}
