// A world map of States coloured by their evidence status for one norm or CBM (shapes from the vote map), with a
// legend; pages always put the same information in a table beside it.
import type { StateStatus } from "../../domain/evidence.js";
import { EVIDENCE_STATUS_LABELS, EVIDENCE_STATUSES } from "../../domain/vocabulary.js";
import { assetUrl } from "../asset-urls.js";
import { ShapeMap, type MapEntry } from "./world-map.js";

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
  const statusOf = new Map(props.statuses.map((s) => [s.stateIso3, s.status]));
  return (
    <ShapeMap
      id="evidence-map"
      figureClass="evidence-map"
      entries={props.states.map((s) => {
        const status = statusOf.get(s.iso3);
        return {
          ...mapPlace(s),
          className: `ev-${status ?? "none"}`,
          title: `${s.name}: ${status ? EVIDENCE_STATUS_LABELS[status] : "no published evidence"}`,
          // A State too small for a shape gets a dot only when it has evidence (else the map fills with grey dots).
          hasDot: status !== undefined,
        };
      })}
      noneClass="ev-none"
      caption={props.caption}
      legendClass="map-legend"
      legend={[
        ...EVIDENCE_STATUSES.map((st) => ({ className: `ev-${st}`, label: EVIDENCE_STATUS_LABELS[st] })),
        { className: "ev-none", label: "No published evidence" },
      ]}
    />
  );
}

/** Where a State is drawn on a map. */
export function mapPlace(s: MapState): Pick<MapEntry, "iso3" | "isoNumeric" | "latitude" | "longitude"> {
  return { iso3: s.iso3, isoNumeric: s.isoNumeric, latitude: s.latitude, longitude: s.longitude };
}
