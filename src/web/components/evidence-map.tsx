// A world map of States coloured by their evidence status for one norm or CBM (shapes from the vote map), with a
// legend; pages always put the same information in a table beside it.
import type { StateStatus } from "../../domain/evidence.js";
import { EVIDENCE_STATUS_LABELS, EVIDENCE_STATUSES } from "../../domain/vocabulary.js";
import { assetUrl } from "../asset-urls.js";
import { HEIGHT, loadShapes, WIDTH } from "./world-map.js";

export interface MapState {
  iso3: string;
  name: string;
  isoNumeric: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** The stylesheet of the implementation pages (map colours, heatmap shades, side-by-side reports). */
export function ImplementationStyles() {
  return <link rel="stylesheet" href={assetUrl("static", "implementation.css")} />;
}

export function EvidenceMap(props: { states: MapState[]; statuses: StateStatus[]; caption: string }) {
  const { paths, project } = loadShapes();
  const statusOf = new Map(props.statuses.map((s) => [s.stateIso3, s.status]));
  const byNumeric = new Map(props.states.filter((s) => s.isoNumeric).map((s) => [s.isoNumeric!, s]));
  // States too small for the 1:110m shapes get a dot, but only when they have evidence (else the map fills with grey dots).
  const dots = props.states.filter((s) => (!s.isoNumeric || !paths.has(s.isoNumeric)) && statusOf.has(s.iso3));
  const label = (s: MapState) =>
    `${s.name}: ${statusOf.has(s.iso3) ? EVIDENCE_STATUS_LABELS[statusOf.get(s.iso3)!] : "no published evidence"}`;
  return (
    <figure class="evidence-map" id="evidence-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="evidence-map-caption"
        xmlns="http://www.w3.org/2000/svg"
      >
        <g class="countries">
          {[...paths.entries()].map(([numeric, d]) => {
            const state = byNumeric.get(numeric);
            const status = state ? statusOf.get(state.iso3) : undefined;
            return (
              <path d={d} class={`ev-${status ?? "none"}`} data-iso3={state?.iso3}>
                {state ? <title>{label(state)}</title> : null}
              </path>
            );
          })}
        </g>
        <g class="small-states">
          {dots.map((s) => {
            const at = s.latitude !== null && s.longitude !== null ? project(s.longitude, s.latitude) : null;
            if (!at) return null;
            return (
              <circle
                cx={at[0].toFixed(1)}
                cy={at[1].toFixed(1)}
                r="3.5"
                class={`ev-${statusOf.get(s.iso3)}`}
                data-iso3={s.iso3}
              >
                <title>{label(s)}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      <figcaption id="evidence-map-caption">
        {props.caption}
        <ul class="map-legend">
          {EVIDENCE_STATUSES.map((st) => (
            <li>
              <span class={`swatch ev-${st}`} aria-hidden="true"></span>
              {EVIDENCE_STATUS_LABELS[st]}
            </li>
          ))}
          <li>
            <span class="swatch ev-none" aria-hidden="true"></span>No published evidence
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
