// World maps rendered to SVG on the server (Natural Earth 1:110m via world-atlas, projected with d3-geo): the figure
// every coloured map draws, and the map coloured by vote.
import fs from "node:fs";
import { createRequire } from "node:module";
import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { Child } from "hono/jsx";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { VoterPosition } from "../../domain/votes.js";
import { VOTE_OPTIONS, type VoteOption } from "../../domain/vocabulary.js";

export const WIDTH = 960;
export const HEIGHT = 470;

export interface MapShapes {
  /** SVG path per ISO 3166 numeric code. */
  paths: Map<string, string>;
  project(longitude: number, latitude: number): [number, number] | null;
}

let shapes: MapShapes | undefined;

/** Projects the 177 country shapes once per process; each map then only chooses colours. */
export function loadShapes(): MapShapes {
  if (shapes) return shapes;
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(fs.readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8")) as Topology<{
    countries: GeometryCollection;
  }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], countries);
  const path = geoPath(projection);
  const paths = new Map<string, string>();
  for (const f of countries.features as Feature<Geometry, { name: string }>[]) {
    const d = path(f);
    if (d && f.id !== undefined) paths.set(String(f.id), roundPath(d));
  }
  shapes = { paths, project: (lon, lat) => projection([lon, lat]) };
  return shapes;
}

/**
 * One decimal is plenty at this size, and relative moves ("l1.2 -0.4" rather than "L512.3,210.9") make each of the
 * ~10,000 points a few characters: the maps are most of the heaviest pages (issue 17). Positions are kept in whole
 * tenths so the relative steps add up to exactly the rounded absolute points.
 */
export function roundPath(d: string): string {
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  const text = (tenths: number) => String(tenths / 10);
  for (const [, command, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (command === "Z") {
      parts.push("z");
      continue;
    }
    const numbers = (args ?? "")
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const nx = Math.round(numbers[i]! * 10);
      const ny = Math.round(numbers[i + 1]! * 10);
      if (command === "M" && i === 0) parts.push(`M${text(nx)} ${text(ny)}`);
      else parts.push(`${i === 0 || (command === "M" && i === 2) ? "l" : " "}${text(nx - x)} ${text(ny - y)}`);
      x = nx;
      y = ny;
    }
  }
  return parts.join("");
}

export const VOTE_LABELS: Record<VoteOption, string> = {
  yes: "Yes",
  no: "No",
  abstain: "Abstain",
  absent: "Absent / not recorded",
};

export interface MapVoter extends VoterPosition {
  latitude: number | null;
  longitude: number | null;
}

/** One State on a map: its shape, or its dot when it has none at 1:110m, gets `className` and a <title>. */
export interface MapEntry {
  iso3: string | undefined;
  isoNumeric: string | null;
  latitude: number | null;
  longitude: number | null;
  className: string;
  title: string;
  /** Whether it is drawn as a dot when too small for a shape (maps that would fill with grey dots say no). */
  hasDot: boolean;
}

export interface MapLegendEntry {
  className: string;
  label: string;
}

/**
 * The figure every coloured world map is: the 177 shapes filled by their entry's class (`noneClass` without one),
 * dots at the coordinates of States too small for a shape, a <title> on each for pointer and screen-reader users, and
 * a caption with the legend. The pages put the same facts in a table or list beside it.
 */
export function ShapeMap(props: {
  id: string;
  figureClass: string;
  entries: MapEntry[];
  noneClass: string;
  caption: string;
  legendClass: string;
  legend: MapLegendEntry[];
  /** SVG <defs> (patterns) the classes use. */
  defs?: Child;
}) {
  const { paths, project } = loadShapes();
  const byNumeric = new Map(props.entries.filter((e) => e.isoNumeric).map((e) => [e.isoNumeric!, e]));
  const dots = props.entries.filter((e) => (!e.isoNumeric || !paths.has(e.isoNumeric)) && e.hasDot);
  const captionId = `${props.id}-caption`;
  return (
    <figure class={props.figureClass} id={props.id}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={captionId} xmlns="http://www.w3.org/2000/svg">
        {props.defs}
        <g class="countries">
          {[...paths.entries()].map(([numeric, d]) => {
            const entry = byNumeric.get(numeric);
            return (
              <path d={d} class={entry?.className ?? props.noneClass} data-iso3={entry?.iso3}>
                {entry ? <title>{entry.title}</title> : null}
              </path>
            );
          })}
        </g>
        <g class="small-states">
          {dots.map((e) => {
            const at = e.latitude !== null && e.longitude !== null ? project(e.longitude, e.latitude) : null;
            if (!at) return null;
            return (
              <circle cx={at[0].toFixed(1)} cy={at[1].toFixed(1)} r="3.5" class={e.className} data-iso3={e.iso3}>
                <title>{e.title}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      <figcaption id={captionId}>
        {props.caption}
        <ul class={props.legendClass}>
          {props.legend.map((l) => (
            <li>
              <span class={`swatch ${l.className}`} aria-hidden="true"></span>
              {l.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/**
 * Every State with a position gets its shape filled by vote; States too small for the 1:110m shapes are drawn as
 * dots at their coordinates, so none is missing.
 */
export function WorldMap(props: { voters: MapVoter[]; caption: string; id?: string }) {
  return (
    <ShapeMap
      id={props.id ?? "vote-map"}
      figureClass="vote-map"
      entries={props.voters.map((v) => ({
        iso3: v.stateIso3 ?? undefined,
        isoNumeric: v.isoNumeric,
        latitude: v.latitude,
        longitude: v.longitude,
        className: `vote-${v.vote}`,
        title: `${v.name}: ${VOTE_LABELS[v.vote]}`,
        hasDot: true,
      }))}
      noneClass="vote-none"
      caption={props.caption}
      legendClass="vote-legend"
      legend={[
        ...VOTE_OPTIONS.map((o) => ({ className: `vote-${o}`, label: VOTE_LABELS[o] })),
        { className: "vote-none", label: "Not a voter in this event" },
      ]}
      defs={
        <defs>
          <pattern id="vote-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill="#fff" />
            <rect width="1.5" height="4" fill="#6b6b6b" />
          </pattern>
        </defs>
      }
    />
  );
}
