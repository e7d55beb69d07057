// Derived indicators per UN regional group and organisation: members meeting each indicator, labelled with the
// dataset it comes from and kept apart from evidence (never counted in the evidence roll-up).
import {
  DERIVED_INDICATOR_IDS,
  DERIVED_INDICATORS,
  indicatorCoverageByGroup,
  type DerivedIndicatorValue,
} from "../../domain/implementation-indicators.js";
import { formatPartialDate } from "../../domain/partial-date.js";

const DATASET_LABELS: Record<string, string> = {
  "dataset:kostyuk-strategies": "Kostyuk national cybersecurity strategies dataset",
  "dataset:treaty-status": "treaty status (partial, each row as of its own page)",
  "dataset:national-positions": "positions on international law (not complete)",
};

/** Column headings short enough for a table; the list above the table gives the full labels and rules. */
const SHORT_LABELS: Record<(typeof DERIVED_INDICATOR_IDS)[number], string> = {
  "first-cyber-strategy": "First strategy",
  "budapest-convention-party": "Budapest Convention party",
  "legal-position-published": "Position on international law",
  "un-cybercrime-signed": "UN Convention signed",
};

export function IndicatorCoverageSection(props: {
  groups: { key: string; label: string; memberIso3s: string[] }[];
  values: DerivedIndicatorValue[];
}) {
  const rows = indicatorCoverageByGroup(props.groups, props.values);
  const labelOf = new Map(props.groups.map((g) => [g.key, g.label]));
  return (
    <section aria-labelledby="indicators-heading" class="derived">
      <h2 id="indicators-heading">
        <span class="badge">Derived indicators</span> From sourced datasets, beside the evidence
      </h2>
      <p>
        Facts computed by a stated rule from bundled datasets. They are not evidence for any norm or CBM and are not
        counted above. Where a dataset is partial, a State without a row has no value: "n of m" then counts members the
        data shows, not a share of those that did not.
      </p>
      <ul>
        {DERIVED_INDICATOR_IDS.map((id) => {
          const d = DERIVED_INDICATORS[id];
          return (
            <li>
              <strong>{d.label}</strong> — {d.sourceIds.map((s) => DATASET_LABELS[s] ?? s).join("; ")}. {d.rule}
            </li>
          );
        })}
      </ul>
      <div class="heatmap-wrap">
        <table class="heatmap indicator-coverage">
          <caption>Members meeting each derived indicator, per group</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              {DERIVED_INDICATOR_IDS.map((id) => (
                <th scope="col" title={DERIVED_INDICATORS[id].label}>
                  {SHORT_LABELS[id]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">{labelOf.get(row.key)}</th>
                {row.cells.map((c) => (
                  <td>
                    {c.met} of {c.members}
                    {DERIVED_INDICATORS[c.indicatorId].hasValuesOnlyWhereSourced && c.withValue > c.met ? (
                      <span class="share">{c.withValue - c.met} not met in the data</span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="meta">
        As JSON: <a href="/api/v1/implementation/indicators">/api/v1/implementation/indicators</a> ·{" "}
        <a href="/international-law">Positions on international law</a> · <a href="/treaties">Treaties</a>
      </p>
    </section>
  );
}

/** One State's derived indicators: met (since when), not met, or no value in the data (unknown), never counted as evidence. */
export function StateIndicatorList(props: { stateIso3: string; values: DerivedIndicatorValue[] }) {
  const own = new Map(props.values.filter((v) => v.stateIso3 === props.stateIso3).map((v) => [v.indicatorId, v]));
  return (
    <section aria-labelledby="state-indicators-heading" class="derived">
      <h2 id="state-indicators-heading">
        <span class="badge">Derived indicators</span> From sourced datasets
      </h2>
      <p class="meta">
        Computed by stated rules from bundled datasets; not evidence for any norm or CBM unless an editor links it.
      </p>
      <ul>
        {DERIVED_INDICATOR_IDS.map((id) => {
          const d = DERIVED_INDICATORS[id];
          const v = own.get(id);
          const value = !v
            ? "no value in the data (unknown)"
            : v.isMet
              ? v.since
                ? `yes, ${formatPartialDate(v.since)}`
                : "yes"
              : "no, per the data";
          return (
            <li>
              <strong>{d.label}</strong>: {value}{" "}
              <span class="meta">— {d.sourceIds.map((s) => DATASET_LABELS[s] ?? s).join("; ")}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The derived indicators of two or three States side by side (compare page). */
export function IndicatorCompareTable(props: {
  states: { iso3: string; name: string }[];
  values: DerivedIndicatorValue[];
}) {
  const valueOf = (iso3: string, id: string) => props.values.find((v) => v.stateIso3 === iso3 && v.indicatorId === id);
  return (
    <section aria-labelledby="compare-indicators-heading">
      <h2 id="compare-indicators-heading">Derived indicators from sourced datasets</h2>
      <p class="meta">
        Not evidence for any norm or CBM. Where a dataset is partial, "unknown" means the data has no row for the State.
      </p>
      <div class="table-wrap">
        <table class="data" id="compare-indicators">
          <caption>Derived indicators per State, with the dataset each comes from</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              {props.states.map((s) => (
                <th scope="col">{s.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DERIVED_INDICATOR_IDS.map((id) => {
              const d = DERIVED_INDICATORS[id];
              return (
                <tr>
                  <th scope="row">
                    {d.label} <span class="meta">({d.sourceIds.map((s) => DATASET_LABELS[s] ?? s).join("; ")})</span>
                  </th>
                  {props.states.map((s) => {
                    const v = valueOf(s.iso3, id);
                    return (
                      <td>
                        {!v ? (
                          <span class="muted">unknown</span>
                        ) : v.isMet ? (
                          v.since ? (
                            `yes, ${formatPartialDate(v.since)}`
                          ) : (
                            "yes"
                          )
                        ) : (
                          "no, per the data"
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
