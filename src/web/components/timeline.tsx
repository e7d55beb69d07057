// Server-rendered SVG swimlane timeline of processes (from layoutTimeline), with sessions, GA adoptions and a "now" marker.
import { formatPartialDate, type PartialDate } from "../../domain/partial-date.js";
import { symbolPath } from "../../domain/resolution.js";
import type { TimelineBar, TimelineLayout } from "../../domain/timeline.js";

const LABEL_WIDTH = 150;
const PX_PER_YEAR = 36;
/** Roughly 6.5 px per character at 11 px. */
const CHAR_WIDTH = 6.5;
const AXIS_HEIGHT = 26;
const LANE_HEIGHT = 36;
const BAR_HEIGHT = 22;
const RESOLUTION_LANE_HEIGHT = 30;
const REGIONAL_LANE_HEIGHT = 26;
const RIGHT_PAD = 12;

const px = (years: number) => Math.round((LABEL_WIDTH + years * PX_PER_YEAR) * 10) / 10;
const len = (years: number) => Math.round(years * PX_PER_YEAR * 10) / 10;

function dayText(iso: string): string {
  return formatPartialDate({ date: iso, precision: "day" });
}

function spanText(start: PartialDate, end: PartialDate | null, open: string): string {
  return `${formatPartialDate(start)} – ${end ? formatPartialDate(end) : open}`;
}

/** The name without the kind prefix the lane already shows ("GGE 2004–2005" → "2004–2005"). */
function barLabel(shortName: string): string {
  return shortName.replace(/^(GGE|OEWG) (?=\d)/, "");
}

/** Where the bar's name goes: inside when it fits, else left of the bar when the lane is free there, else nowhere. */
function labelPlacement(
  bar: TimelineBar,
  previousEnd: number,
): { x: number; anchor: "start" | "end"; inside: boolean } | null {
  const text = barLabel(bar.shortName).length * CHAR_WIDTH + 8;
  if (text <= len(bar.width)) return { x: px(bar.x) + 4, anchor: "start", inside: true };
  if (px(bar.x) - text >= px(previousEnd)) return { x: px(bar.x) - 4, anchor: "end", inside: false };
  return null;
}

function Bar(props: { bar: TimelineBar; y: number; previousEnd: number }) {
  const { bar, y } = props;
  const width = Math.max(len(bar.width), 3);
  const label = labelPlacement(bar, props.previousEnd);
  return (
    <>
      <a
        href={`/processes/${bar.processId}`}
        aria-label={`${bar.shortName}: ${spanText(bar.start, bar.end, "ongoing")}`}
      >
        <rect
          class={`bar kind-${bar.kind}${bar.isOpenEnded ? " open-ended" : ""}`}
          data-process-id={bar.processId}
          x={px(bar.x)}
          y={y}
          width={width}
          height={BAR_HEIGHT}
          rx={3}
        >
          <title>{`${bar.shortName}: ${spanText(bar.start, bar.end, "ongoing")}`}</title>
        </rect>
        {label ? (
          <text
            class={label.inside ? "bar-label" : "bar-label outside"}
            x={label.x}
            y={y + BAR_HEIGHT / 2 + 4}
            text-anchor={label.anchor}
          >
            {barLabel(bar.shortName)}
          </text>
        ) : null}
      </a>
      {bar.sessions.map((s) => (
        <a href={`/sessions/${s.sessionId}`} aria-label={`${s.name}: ${formatPartialDate(s.start)}`}>
          <rect
            class="session-mark"
            data-session-id={s.sessionId}
            x={px(s.x)}
            y={y + BAR_HEIGHT - 5}
            width={Math.max(len(s.width), 2)}
            height={5}
          >
            <title>{`${s.name}: ${formatPartialDate(s.start)}`}</title>
          </rect>
        </a>
      ))}
      {bar.deadlines.map((d) => (
        <a
          href={`/participation/deadlines/${d.deadlineId}`}
          aria-label={`${d.title}: ${d.edge === "closes" ? "closes" : "opens"} ${formatPartialDate(d.date)}`}
        >
          <path
            class={`deadline-mark ${d.edge}`}
            data-deadline-id={d.deadlineId}
            d={`M ${px(d.x)} ${y - 1} l -4 -6 h 8 z`}
          >
            <title>{`${d.title}: ${d.edge === "closes" ? "closes" : "opens"} ${formatPartialDate(d.date)}`}</title>
          </path>
        </a>
      ))}
    </>
  );
}

export function Timeline(props: { layout: TimelineLayout; nowLabel: string }) {
  const { layout } = props;
  const lanesTop = AXIS_HEIGHT;
  const regionalTop = lanesTop + layout.lanes.length * LANE_HEIGHT;
  const resolutionsTop = regionalTop + (layout.regionalEvents.length ? REGIONAL_LANE_HEIGHT : 0);
  const height = resolutionsTop + RESOLUTION_LANE_HEIGHT + 20;
  const width = px(layout.span) + RIGHT_PAD;
  return (
    <svg
      class="timeline"
      role="group"
      aria-labelledby="timeline-title timeline-desc"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="timeline-title">{`UN cyber processes running in parallel, ${layout.firstYear}–${layout.lastYear}`}</title>
      <desc id="timeline-desc">
        One lane per kind of process; each bar runs from the start to the end of a process (open-ended processes run to
        today), small marks are its sessions, triangles above a bar are participation deadlines, a lane of regional
        consultations marks the sessions held with regional organisations, and the bottom lane marks the adoption of
        General Assembly resolutions. The same information is in the tables below.
      </desc>
      <g class="axis">
        {layout.ticks.map((t) => (
          <>
            <line class="tick" x1={px(t.x)} x2={px(t.x)} y1={AXIS_HEIGHT - 6} y2={height - 18} />
            {t.year % 2 === 0 ? (
              <text class="tick-label" x={px(t.x) + 2} y={AXIS_HEIGHT - 10}>
                {String(t.year)}
              </text>
            ) : null}
          </>
        ))}
      </g>
      {layout.lanes.map((lane, i) => {
        const y = lanesTop + i * LANE_HEIGHT;
        return (
          <g class="lane" data-lane={lane.id}>
            <rect class="lane-bg" x={0} y={y} width={width} height={LANE_HEIGHT} />
            <text class="lane-label" x={6} y={y + LANE_HEIGHT / 2 + 4}>
              {lane.label}
            </text>
            {lane.bars.map((bar, j) => {
              const previous = lane.bars[j - 1];
              const previousEnd = previous ? previous.x + previous.width : 0;
              return <Bar bar={bar} y={y + (LANE_HEIGHT - BAR_HEIGHT) / 2} previousEnd={previousEnd} />;
            })}
          </g>
        );
      })}
      {layout.regionalEvents.length ? (
        <g class="lane lane-regional" data-lane="regional">
          <rect class="lane-bg" x={0} y={regionalTop} width={width} height={REGIONAL_LANE_HEIGHT} />
          <text class="lane-label" x={6} y={regionalTop + REGIONAL_LANE_HEIGHT / 2 + 4}>
            Regional consultations
          </text>
          {layout.regionalEvents.map((e) => (
            <a href={`/sessions/${e.sessionId}`} aria-label={`${e.name}: ${formatPartialDate(e.start)}`}>
              <circle
                class="regional-mark"
                data-session-id={e.sessionId}
                cx={px(e.x + e.width / 2)}
                cy={regionalTop + REGIONAL_LANE_HEIGHT / 2}
                r={4}
              >
                <title>{`${e.name}: ${formatPartialDate(e.start)}`}</title>
              </circle>
            </a>
          ))}
        </g>
      ) : null}
      <g class="lane lane-resolutions" data-lane="resolutions">
        <rect class="lane-bg" x={0} y={resolutionsTop} width={width} height={RESOLUTION_LANE_HEIGHT} />
        <text class="lane-label" x={6} y={resolutionsTop + RESOLUTION_LANE_HEIGHT / 2 + 4}>
          GA resolutions
        </text>
        {layout.resolutions.map((r) => (
          <a href={`/resolutions/${symbolPath(r.symbol)}`} aria-label={`${r.symbol}, adopted ${dayText(r.adoptedOn)}`}>
            <rect
              class="resolution-tick"
              data-symbol={r.symbol}
              x={px(r.x) - 1}
              y={resolutionsTop + 5}
              width={2}
              height={RESOLUTION_LANE_HEIGHT - 10}
            >
              <title>{`${r.symbol}, adopted ${dayText(r.adoptedOn)}`}</title>
            </rect>
          </a>
        ))}
      </g>
      <g class="now">
        <line class="now-line" x1={px(layout.now)} x2={px(layout.now)} y1={AXIS_HEIGHT - 4} y2={height - 16} />
        <text class="now-label" x={px(layout.now)} y={height - 4} text-anchor="end">
          {props.nowLabel}
        </text>
      </g>
    </svg>
  );
}
