// The implementation sections of a State's profile (evidence per norm/CBM, instruments with traffic lights,
// capacity-building programmes, gaps), and the traffic-light and instrument parts other pages reuse.
import type { ItemEvidenceRow, StateImplementation } from "../../domain/state-implementation.js";
import {
  INSTRUMENT_KIND_LABELS,
  INSTRUMENT_STATUS_LABELS,
  type InstrumentAssessments,
} from "../../domain/instruments.js";
import {
  summarizeByRubricVersion,
  TRAFFIC_LIGHT_LABELS,
  TRAFFIC_LIGHT_RULE,
  type Rubric,
  type TrafficLight,
  type TrafficLightSummary,
} from "../../domain/rubric.js";
import {
  EVIDENCE_STATUS_LABELS,
  EVIDENCE_STATUSES,
  REPORTER_KIND_LABELS,
  REPORTER_KINDS,
} from "../../domain/vocabulary.js";
import type { Programme } from "../../domain/programme.js";
import { DateRange } from "./date-range.js";
import { DateText } from "./partial-date.js";

/** Colours reuse the vote palette (green, red, amber, grey); the word is always written out. */
const LIGHT_CLASS: Record<TrafficLight, string> = {
  green: "vote-yes",
  red: "vote-no",
  amber: "vote-abstain",
  grey: "vote-absent",
};

export function lightClass(light: TrafficLight): string {
  return `vote-cell ${LIGHT_CLASS[light]}`;
}

export function LightText(props: { summary: TrafficLightSummary; rubric?: Rubric }) {
  const s = props.summary;
  return (
    <span class="traffic-light" data-light={s.light}>
      <span aria-hidden="true">● </span>
      {TRAFFIC_LIGHT_LABELS[s.light]}
      {s.light === "grey"
        ? ""
        : ` (${s.met} met, ${s.partly} partly, ${s.notMet} not met of ${s.total}${props.rubric ? `; ${props.rubric.title} v${props.rubric.version}` : ""})`}
    </span>
  );
}

/** The newest rubric version's light of an instrument, or null when nothing is assessed. */
export function latestLight(item: InstrumentAssessments, rubrics: Rubric[]) {
  return summarizeByRubricVersion(rubrics, item.assessments)[0] ?? null;
}

export function InstrumentTable(props: {
  items: InstrumentAssessments[];
  rubrics: Rubric[];
  caption: string;
  showSubject?: boolean;
}) {
  if (props.items.length === 0) return <p class="muted">No instruments recorded.</p>;
  return (
    <table class="data">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Instrument</th>
          {props.showSubject ? <th scope="col">State or organisation</th> : null}
          <th scope="col">Kind</th>
          <th scope="col">Status</th>
          <th scope="col">Adopted</th>
          <th scope="col">Assessment</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => {
          const light = latestLight(item, props.rubrics);
          const i = item.instrument;
          return (
            <tr>
              <th scope="row">
                <a href={`/instruments/${i.id}`}>{i.title}</a>
              </th>
              {props.showSubject ? (
                <td>{i.stateIso3 ? <a href={`/states/${i.stateIso3}`}>{i.subjectName}</a> : i.subjectName}</td>
              ) : null}
              <td>{INSTRUMENT_KIND_LABELS[i.kind]}</td>
              <td>{INSTRUMENT_STATUS_LABELS[i.status]}</td>
              <td>
                <DateText value={i.adopted} />
              </td>
              {light ? (
                <td class={lightClass(light.summary.light)}>
                  <LightText summary={light.summary} rubric={light.rubric} />
                </td>
              ) : (
                <td class="muted">Not assessed</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function counts(
  record: Partial<Record<string, number>>,
  keys: readonly string[],
  labels: Record<string, string>,
): string {
  const parts = keys.filter((k) => record[k]).map((k) => `${labels[k]}: ${record[k]}`);
  return parts.length ? parts.join(", ") : "—";
}

/** Every item with the State's evidence counts; each item links to the State's record on it (/states/FRA/norms/13c). */
export function EvidenceMatrix(props: { rows: ItemEvidenceRow[]; caption: string; stateIso3: string }) {
  return (
    <table class="data">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Norm or CBM</th>
          <th scope="col">Framework</th>
          <th scope="col">Evidence</th>
          <th scope="col">By status</th>
          <th scope="col">Reported by the State</th>
          <th scope="col">Reported by others</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">
              <a href={`/states/${props.stateIso3}/norms/${r.item.id}`}>{r.item.code}</a> {r.item.shortTitle}
            </th>
            <td>{r.frameworkName}</td>
            <td>{r.total}</td>
            <td>{counts(r.byStatus, EVIDENCE_STATUSES, EVIDENCE_STATUS_LABELS)}</td>
            <td>{r.byReporter.self ?? 0}</td>
            <td>
              {counts(
                r.byReporter,
                REPORTER_KINDS.filter((k) => k !== "self"),
                REPORTER_KIND_LABELS,
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProgrammeList(props: { programmes: Programme[]; empty: string }) {
  if (props.programmes.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="plain">
      {props.programmes.map((p) => (
        <li>
          <a href={`/capacity-building/${p.id}`}>{p.title}</a> (<DateRange start={p.start} end={p.end} />)
          {p.funders.length ? ` — funded by ${p.funders.join(", ")}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** The implementation part of /states/:iso3. */
export function StateImplementationSections(props: { data: StateImplementation; stateName: string }) {
  const { data, stateName } = props;
  const withEvidence = data.items.filter((r) => r.total > 0);
  const gapsByFramework = [...new Set(data.gaps.map((g) => g.frameworkName))].map((name) => ({
    name,
    items: data.gaps.filter((g) => g.frameworkName === name),
  }));
  return (
    <>
      <section aria-labelledby="implementation-heading">
        <h2 id="implementation-heading">Implementation of norms and CBMs</h2>
        <p>
          Published evidence for {stateName}: {withEvidence.length} of {data.items.length} norms and CBMs have at least
          one record. Self-reports and reports by civil society, researchers or intergovernmental bodies are counted
          apart.
        </p>
        <details>
          <summary>Every norm and CBM with its evidence count</summary>
          <EvidenceMatrix
            rows={data.items}
            caption={`Evidence per norm and CBM for ${stateName}`}
            stateIso3={data.stateIso3}
          />
        </details>
      </section>
      <section aria-labelledby="instruments-heading">
        <h2 id="instruments-heading">National instruments</h2>
        <InstrumentTable
          items={data.instruments}
          rubrics={data.rubrics}
          caption={`Strategies, laws, agencies and policies of ${stateName}`}
        />
        <p class="hint">
          Assessment: {TRAFFIC_LIGHT_RULE} <a href="/rubric">The rubric</a> · <a href="/instruments">All instruments</a>{" "}
          · <a href={`/compare?states=${data.stateIso3}`}>Compare {stateName} with other States</a>.
        </p>
      </section>
      <section aria-labelledby="programmes-heading">
        <h2 id="programmes-heading">Capacity building</h2>
        <ProgrammeList
          programmes={data.programmes}
          empty={`No recorded capacity-building programme lists ${stateName} as a beneficiary.`}
        />
      </section>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">No published evidence yet ({data.gaps.length})</h2>
        <p>
          Norms and CBMs for which Normwatch holds no published evidence about {stateName} yet. That is missing data,
          not a finding that {stateName} has not implemented them.
        </p>
        {gapsByFramework.map((f) => (
          <details>
            <summary>
              {f.name}: {f.items.length}
            </summary>
            <ul class="plain">
              {f.items.map((g) => (
                <li>
                  <a href={`/norms/${g.item.id}`}>{g.item.code}</a> {g.item.shortTitle}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </section>
    </>
  );
}
