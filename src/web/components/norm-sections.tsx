// Sections of a norm or CBM page: States by evidence status (map and table), a derived indicator (labelled as
// derived, with its rule), and the documents whose paragraphs mention the item.
import type { RelatedDocument } from "../../db/evidence.js";
import { STATE_STATUS_RULE, type StateStatus } from "../../domain/evidence.js";
import type { FrameworkItem } from "../../domain/framework.js";
import { formatPartialDate } from "../../domain/partial-date.js";
import type { DerivedIndicatorDefinition, DerivedIndicatorValue } from "../../domain/implementation-indicators.js";
import { EVIDENCE_STATUS_LABELS, EVIDENCE_STATUSES } from "../../domain/vocabulary.js";
import { EvidenceMap, type MapState } from "./evidence-map.js";
import { STATE_PLACEHOLDER } from "../../http/state-param.js";

export function StatesByStatus(props: { item: FrameworkItem; statuses: StateStatus[]; mapStates: MapState[] }) {
  const byStatus = EVIDENCE_STATUSES.map((status) => ({
    status,
    states: props.statuses.filter((s) => s.status === status),
  }));
  return (
    <section aria-labelledby="states-heading">
      <h2 id="states-heading">States by status</h2>
      <p class="meta">{STATE_STATUS_RULE}</p>
      <EvidenceMap
        states={props.mapStates}
        statuses={props.statuses}
        caption={`States by the status of their evidence for ${props.item.code}`}
      />
      <table class="data" id="states-by-status">
        <caption>
          States by evidence status for {props.item.code} ({props.statuses.length} of {props.mapStates.length} States
          have published evidence)
        </caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col" class="num">
              States
            </th>
            <th scope="col">Which</th>
          </tr>
        </thead>
        <tbody>
          {byStatus.map(({ status, states }) => (
            <tr>
              <th scope="row">
                <span class={`swatch ev-${status}`} aria-hidden="true"></span> {EVIDENCE_STATUS_LABELS[status]}
              </th>
              <td class="num">{states.length}</td>
              <td>
                {states.length ? (
                  states.map((s, i) => (
                    <>
                      {i ? ", " : ""}
                      <a href={`/states/${s.stateIso3}/norms/${props.item.id}`}>{s.name}</a>
                    </>
                  ))
                ) : (
                  <span class="muted">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DerivedIndicatorBox(props: {
  definition: DerivedIndicatorDefinition;
  values: DerivedIndicatorValue[];
  states: MapState[];
}) {
  const d = props.definition;
  const values = props.values.filter((v) => v.indicatorId === d.id);
  const met = values.filter((v) => v.isMet);
  const names = new Map(props.states.map((s) => [s.iso3, s.name]));
  const headingId = `derived-${d.id}-heading`;
  return (
    <section class="derived" aria-labelledby={headingId} id={`derived-${d.id}`}>
      <h2 id={headingId}>
        <span class="badge">Derived indicator</span> {d.label}
      </h2>
      <p>{d.rule}</p>
      <p class="meta">Shown here for context: it is not evidence for this item and is not counted in the roll-up.</p>
      {d.hasValuesOnlyWhereSourced ? (
        <p>
          <strong>{met.length}</strong> States in the data
          {met.length < values.length ? ` (of ${values.length} with a sourced row)` : ""}; for the others the data says
          nothing (unknown).
        </p>
      ) : (
        <p>
          <strong>{met.length}</strong> of {values.length} States.
        </p>
      )}
      <details>
        <summary>Which States</summary>
        <ul class="columns">
          {met
            .map((v) => ({ ...v, name: names.get(v.stateIso3) ?? v.stateIso3 }))
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((v) => (
              <li>
                <a href={`/states/${v.stateIso3}`}>{v.name}</a>
                {v.since ? ` (${formatPartialDate(v.since)})` : ""}
              </li>
            ))}
        </ul>
      </details>
    </section>
  );
}

export function RelatedDocuments(props: { documents: RelatedDocument[] }) {
  return (
    <section aria-labelledby="related-documents-heading">
      <h2 id="related-documents-heading">Documents that mention it ({props.documents.length})</h2>
      <p class="meta">
        Paragraphs that cite the item explicitly (e.g. "13 (c)") or match its topic keywords; keyword matches are hints,
        not evidence.
      </p>
      {props.documents.length === 0 ? (
        <p class="muted">No ingested document mentions it.</p>
      ) : (
        <ul>
          {props.documents.map((d) => (
            <li>
              <a href={`/documents/${d.slug}`}>{d.symbol ?? d.title}</a>
              {d.symbol ? ` — ${d.title}` : ""}
              {d.documentDate ? ` (${d.documentDate})` : ""}:{" "}
              {d.paragraphs.map((p, i) => (
                <>
                  {i ? ", " : ""}
                  <a href={`/documents/${d.slug}#${p.anchor}`}>{p.label}</a>
                  {p.isExplicit ? "" : " (topic)"}
                </>
              ))}
              {d.paragraphCount > d.paragraphs.length ? ` and ${d.paragraphCount - d.paragraphs.length} more` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The small form on a norm page: a State's name or code, to its record on the item. */
export function StateOnItemForm(props: { itemId: string; itemCode: string; value?: string }) {
  return (
    <form
      class="filters"
      method="get"
      action={`/norms/${props.itemId}/state`}
      aria-label={`A State on ${props.itemCode}`}
    >
      <label>
        A State's record on {props.itemCode}{" "}
        <input name="state" value={props.value ?? ""} placeholder={STATE_PLACEHOLDER} size={14} required />
      </label>{" "}
      <button type="submit">Show</button>
    </form>
  );
}
