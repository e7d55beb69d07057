// Swimlane timeline layout: processes running in parallel since 1998, their sessions and GA adoptions, on a year scale.
//
// Lanes: one per process kind (GGEs, OEWGs, Ad Hoc Committee, permanent mechanism), in PROCESS_KINDS order.
// Processes of one kind share their lane because they follow one another (the GGEs never overlapped); if
// two of one kind ever overlap, the later one gets an extra lane of that kind ("oewg-2") rather than being
// drawn on top. Resolutions get a lane of their own, below the processes.
import type { TimelineDeadlineInput } from "./deadline.js";
import { lastDayOf, type PartialDate } from "./partial-date.js";
import { PROCESS_KINDS, type ProcessKind, type SessionKind } from "./vocabulary.js";

export const TIMELINE_FIRST_YEAR = 1998;

export const TIMELINE_LANE_LABELS: Record<ProcessKind, string> = {
  gge: "GGEs",
  oewg: "OEWGs",
  ahc: "Ad Hoc Committee",
  "permanent-mechanism": "Permanent mechanism",
};

export interface TimelineProcessInput {
  id: string;
  shortName: string;
  name: string;
  kind: ProcessKind;
  start: PartialDate;
  end: PartialDate | null;
}

export interface TimelineSessionInput {
  id: string;
  processId: string;
  name: string;
  /** Regional consultations also get a lane of their own ("regional events"). */
  kind?: SessionKind;
  start: PartialDate | null;
  end: PartialDate | null;
}

export interface TimelineResolutionInput {
  symbol: string;
  adoptedOn: string | null;
}

export interface TimelineInput {
  processes: TimelineProcessInput[];
  sessions: TimelineSessionInput[];
  resolutions: TimelineResolutionInput[];
  /** Participation deadlines (see toTimelineDeadlines), drawn as marks on their process's bar. */
  deadlines?: TimelineDeadlineInput[];
  now: Date;
}

/** A span on the scale: x and width in years from 1 January of the first year. */
export interface TimelineSpan {
  x: number;
  width: number;
}

export interface TimelineSessionMark extends TimelineSpan {
  sessionId: string;
  name: string;
  start: PartialDate;
}

export interface TimelineDeadlineMark {
  deadlineId: string;
  title: string;
  date: PartialDate;
  edge: "opens" | "closes";
  x: number;
}

export interface TimelineBar extends TimelineSpan {
  processId: string;
  shortName: string;
  name: string;
  kind: ProcessKind;
  start: PartialDate;
  end: PartialDate | null;
  /** Still running: drawn up to `now`. */
  isOpenEnded: boolean;
  sessions: TimelineSessionMark[];
  deadlines: TimelineDeadlineMark[];
}

export interface TimelineLane {
  id: string;
  label: string;
  kind: ProcessKind;
  bars: TimelineBar[];
}

export interface TimelineResolutionTick {
  symbol: string;
  adoptedOn: string;
  x: number;
}

export interface TimelineLayout {
  firstYear: number;
  /** The scale ends on 1 January of this year (the year after `now`). */
  lastYear: number;
  /** Length of the scale in years. */
  span: number;
  /** Years to label, from firstYear to lastYear. */
  ticks: { year: number; x: number }[];
  now: number;
  lanes: TimelineLane[];
  /** Regional consultations (sessions held with regional organisations), on their own lane. */
  regionalEvents: (TimelineSessionMark & { processId: string })[];
  resolutions: TimelineResolutionTick[];
}

/** Position of the start of an ISO day on the scale, in years from 1 January of `firstYear`. */
export function yearOffset(isoDay: string, firstYear = TIMELINE_FIRST_YEAR): number {
  const year = Number(isoDay.slice(0, 4));
  const startOfYear = Date.UTC(year, 0, 1);
  const day = Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`);
  const yearLength = Date.UTC(year + 1, 0, 1) - startOfYear;
  return year - firstYear + (day - startOfYear) / yearLength;
}

function dayAfter(isoDay: string): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** From the first day a start can mean to the end of the last day an end can mean (a year-precision end covers the year). */
function spanOf(start: PartialDate, end: PartialDate | null, endOffset: number, span: number): TimelineSpan {
  const from = clamp(yearOffset(start.date), 0, span);
  const to = clamp(end ? yearOffset(dayAfter(lastDayOf(end))) : endOffset, from, span);
  return { x: from, width: to - from };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

export function layoutTimeline(input: TimelineInput): TimelineLayout {
  const nowDay = input.now.toISOString().slice(0, 10);
  const lastYear = input.now.getUTCFullYear() + 1;
  const span = lastYear - TIMELINE_FIRST_YEAR;
  const now = clamp(yearOffset(nowDay), 0, span);
  const sessionsByProcess = new Map<string, TimelineSessionInput[]>();
  for (const s of input.sessions)
    sessionsByProcess.set(s.processId, [...(sessionsByProcess.get(s.processId) ?? []), s]);
  const deadlinesByProcess = new Map<string, TimelineDeadlineMark[]>();
  for (const d of input.deadlines ?? []) {
    const x = yearOffset(d.date.date);
    if (x < 0 || x > span) continue;
    deadlinesByProcess.set(d.processId, [
      ...(deadlinesByProcess.get(d.processId) ?? []),
      { deadlineId: d.id, title: d.title, date: d.date, edge: d.edge, x },
    ]);
  }

  const lanes: TimelineLane[] = [];
  for (const kind of PROCESS_KINDS) {
    const ofKind = input.processes
      .filter((p) => p.kind === kind)
      .sort((a, b) => a.start.date.localeCompare(b.start.date) || a.id.localeCompare(b.id));
    const kindLanes: { lane: TimelineLane; endsAt: number }[] = [];
    for (const p of ofKind) {
      const bar: TimelineBar = {
        processId: p.id,
        shortName: p.shortName,
        name: p.name,
        kind,
        start: p.start,
        end: p.end,
        isOpenEnded: p.end === null,
        ...spanOf(p.start, p.end, now, span),
        sessions: marksOf(sessionsByProcess.get(p.id) ?? [], span),
        deadlines: (deadlinesByProcess.get(p.id) ?? []).sort(
          (a, b) => a.x - b.x || a.deadlineId.localeCompare(b.deadlineId),
        ),
      };
      let slot = kindLanes.find((l) => l.endsAt <= bar.x);
      if (!slot) {
        const n = kindLanes.length + 1;
        slot = {
          lane: {
            id: n === 1 ? kind : `${kind}-${n}`,
            label: n === 1 ? TIMELINE_LANE_LABELS[kind] : `${TIMELINE_LANE_LABELS[kind]} (${n})`,
            kind,
            bars: [],
          },
          endsAt: 0,
        };
        kindLanes.push(slot);
      }
      slot.lane.bars.push(bar);
      slot.endsAt = bar.x + bar.width;
    }
    lanes.push(...kindLanes.map((l) => l.lane));
  }

  const resolutions = input.resolutions
    .filter((r): r is { symbol: string; adoptedOn: string } => r.adoptedOn !== null)
    .map((r) => ({ symbol: r.symbol, adoptedOn: r.adoptedOn, x: yearOffset(r.adoptedOn) }))
    .filter((r) => r.x >= 0 && r.x <= span)
    .sort((a, b) => a.x - b.x || a.symbol.localeCompare(b.symbol));

  const regional = input.sessions.filter((s) => s.kind === "regional-consultation");
  const regionalEvents = marksOf(regional, span)
    .map((m) => ({ ...m, processId: regional.find((s) => s.id === m.sessionId)!.processId }))
    .sort((a, b) => a.x - b.x || a.sessionId.localeCompare(b.sessionId));

  const ticks = Array.from({ length: span + 1 }, (_, i) => ({ year: TIMELINE_FIRST_YEAR + i, x: i }));
  return { firstYear: TIMELINE_FIRST_YEAR, lastYear, span, ticks, now, lanes, regionalEvents, resolutions };
}

function marksOf(sessions: TimelineSessionInput[], span: number): TimelineSessionMark[] {
  return sessions
    .filter((s): s is TimelineSessionInput & { start: PartialDate } => s.start !== null)
    .map((s) => ({ sessionId: s.id, name: s.name, start: s.start, ...spanOf(s.start, s.end ?? s.start, 0, span) }))
    .sort((a, b) => a.x - b.x);
}
