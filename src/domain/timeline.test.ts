import { describe, expect, it } from "vitest";
import { readReferenceFile } from "../ingest/reference/import-reference.js";
import { DATASETS_DIR } from "../ingest/seed.js";
import { parsePartialDate } from "./partial-date.js";
import { layoutTimeline, yearOffset, type TimelineProcessInput, type TimelineSessionInput } from "./timeline.js";

const date = (text: string) => parsePartialDate(text)!;

function bundled(now: Date) {
  const processes: TimelineProcessInput[] = readReferenceFile(DATASETS_DIR, "processes").map((p) => ({
    id: p.id,
    shortName: p.shortName,
    name: p.name,
    kind: p.kind,
    start: date(p.start),
    end: p.end ? date(p.end) : null,
  }));
  const sessions: TimelineSessionInput[] = readReferenceFile(DATASETS_DIR, "sessions").map((s) => ({
    id: s.id,
    processId: s.processId,
    name: s.name,
    kind: s.kind,
    start: parsePartialDate(s.start),
    end: parsePartialDate(s.end),
  }));
  const resolutions = readReferenceFile(DATASETS_DIR, "resolutions").map((r) => ({
    symbol: r.symbol,
    adoptedOn: r.adoptedOn,
  }));
  return layoutTimeline({ processes, sessions, resolutions, now });
}

describe("timeline layout", () => {
  it("places days on a year scale starting 1 January 1998", () => {
    expect(yearOffset("1998-01-01")).toBe(0);
    expect(yearOffset("2019-01-01")).toBe(21);
    expect(yearOffset("2020-07-02")).toBeCloseTo(22 + 183 / 366, 10);
  });

  it("runs the scale from 1998 to the year after now, with a tick per year", () => {
    const layout = bundled(new Date("2026-11-23T12:00:00Z"));
    expect(layout.firstYear).toBe(1998);
    expect(layout.lastYear).toBe(2027);
    expect(layout.span).toBe(29);
    expect(layout.ticks[0]).toEqual({ year: 1998, x: 0 });
    expect(layout.ticks.at(-1)).toEqual({ year: 2027, x: 29 });
    expect(layout.now).toBeCloseTo(yearOffset("2026-11-23"), 10);
  });

  it("puts the six GGEs on one lane, as they never overlap, and each kind on its own lane", () => {
    const layout = bundled(new Date("2026-11-23T12:00:00Z"));
    expect(layout.lanes.map((l) => l.id)).toEqual(["gge", "oewg", "ahc", "permanent-mechanism"]);
    const gge = layout.lanes.find((l) => l.id === "gge")!;
    expect(gge.bars.map((b) => b.processId)).toEqual([
      "gge-2004-2005",
      "gge-2009-2010",
      "gge-2012-2013",
      "gge-2014-2015",
      "gge-2016-2017",
      "gge-2019-2021",
    ]);
    for (const lane of layout.lanes) {
      for (let i = 1; i < lane.bars.length; i++)
        expect(lane.bars[i]!.x).toBeGreaterThanOrEqual(lane.bars[i - 1]!.x + lane.bars[i - 1]!.width);
    }
  });

  it("spreads year-precision dates over the whole year and month precision over the whole month", () => {
    const gge = bundled(new Date("2026-11-23T12:00:00Z")).lanes[0]!;
    const first = gge.bars.find((b) => b.processId === "gge-2004-2005")!;
    expect(first.x).toBe(6);
    expect(first.width).toBeCloseTo(2, 10);
    const third = gge.bars.find((b) => b.processId === "gge-2012-2013")!;
    expect(third.x).toBeCloseTo(yearOffset("2012-08-01"), 10);
    expect(third.x + third.width).toBeCloseTo(yearOffset("2013-07-01"), 10);
  });

  it("runs the open-ended Global Mechanism up to now and keeps its sessions as marks on its bar", () => {
    const layout = bundled(new Date("2026-11-23T12:00:00Z"));
    const gm = layout.lanes.find((l) => l.id === "permanent-mechanism")!.bars[0]!;
    expect(gm.processId).toBe("global-mechanism-ict-2026");
    expect(gm.isOpenEnded).toBe(true);
    expect(gm.x).toBeCloseTo(yearOffset("2026-03-30"), 10);
    expect(gm.x + gm.width).toBeCloseTo(layout.now, 10);
    expect(gm.sessions.map((s) => s.sessionId)).toEqual([
      "global-mechanism-ict-2026-global-mechanism-organizational-session",
      "global-mechanism-ict-2026-global-mechanism-first-substantive-plenary-session",
      "global-mechanism-ict-2026-global-mechanism-dedicated-thematic-group-dtg-meetings",
    ]);
    const organizational = gm.sessions[0]!;
    expect(organizational.x + organizational.width).toBeCloseTo(yearOffset("2026-04-01"), 10);
  });

  it("leaves out sessions without dates and places resolution adoptions on their own ticks", () => {
    const layout = bundled(new Date("2026-11-23T12:00:00Z"));
    const oewg = layout.lanes.find((l) => l.id === "oewg")!.bars.find((b) => b.processId === "oewg-2021-2025")!;
    expect(oewg.sessions.map((s) => s.sessionId)).not.toContain("oewg-2021-2025-oewg-fifth-substantive-session");
    expect(layout.resolutions[0]).toEqual({
      symbol: "A/RES/53/70",
      adoptedOn: "1998-12-04",
      x: yearOffset("1998-12-04"),
    });
    const tick = layout.resolutions.find((r) => r.symbol === "A/RES/74/247")!;
    expect(tick.adoptedOn).toBe("2019-12-27");
    expect(layout.resolutions.map((r) => r.symbol)).not.toContain("decision 78/549");
  });

  it("opens a second lane when two processes of one kind overlap", () => {
    const a = {
      id: "oewg-a",
      shortName: "A",
      name: "A",
      kind: "oewg" as const,
      start: date("2019-06-03"),
      end: date("2021-03-12"),
    };
    const b = { id: "oewg-b", shortName: "B", name: "B", kind: "oewg" as const, start: date("2020"), end: null };
    const layout = layoutTimeline({
      processes: [b, a],
      sessions: [],
      resolutions: [],
      now: new Date("2022-01-01T00:00:00Z"),
    });
    expect(layout.lanes.map((l) => [l.id, l.label, l.bars.map((x) => x.processId)])).toEqual([
      ["oewg", "OEWGs", ["oewg-a"]],
      ["oewg-2", "OEWGs (2)", ["oewg-b"]],
    ]);
    expect(layout.lanes[1]!.bars[0]!.x + layout.lanes[1]!.bars[0]!.width).toBeCloseTo(24, 10);
  });

  it("marks each deadline on its process's bar at the closing date, or the opening date of a rolling call", () => {
    const a = { id: "oewg-a", shortName: "A", name: "A", kind: "oewg" as const, start: date("2021-06-01"), end: null };
    const deadlines = [
      {
        id: "d-closes",
        processId: "oewg-a",
        title: "Accreditation closes",
        date: date("2022-06-30"),
        edge: "closes" as const,
      },
      { id: "d-opens", processId: "oewg-a", title: "Rolling call", date: date("2022-01"), edge: "opens" as const },
      { id: "d-other", processId: "unknown", title: "Elsewhere", date: date("2022-03-01"), edge: "closes" as const },
    ];
    const layout = layoutTimeline({
      processes: [a],
      sessions: [],
      resolutions: [],
      deadlines,
      now: new Date("2026-11-23T00:00:00Z"),
    });
    const bar = layout.lanes[0]!.bars[0]!;
    expect(bar.deadlines.map((d) => [d.deadlineId, d.edge])).toEqual([
      ["d-opens", "opens"],
      ["d-closes", "closes"],
    ]);
    expect(bar.deadlines[1]!.x).toBeCloseTo(yearOffset("2022-06-30"), 10);
  });

  it("puts the regional consultations of the bundled data on a lane of their own, in date order", () => {
    const layout = bundled(new Date("2026-11-23T00:00:00Z"));
    const expected = readReferenceFile(DATASETS_DIR, "sessions").filter(
      (s) => s.kind === "regional-consultation" && s.start,
    );
    expect(layout.regionalEvents).toHaveLength(expected.length);
    expect(layout.regionalEvents.map((e) => e.sessionId)).toContain(
      "gge-2019-2021-gge-regional-consultation-african-union",
    );
    expect(layout.regionalEvents.every((e) => e.processId === "gge-2019-2021")).toBe(true);
    const xs = layout.regionalEvents.map((e) => e.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const oas = layout.regionalEvents.find((e) => e.sessionId.endsWith("organization-of-american-states"))!;
    expect(oas.x).toBeCloseTo(yearOffset("2019-08-15"), 10);
  });
});
