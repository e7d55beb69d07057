// Who applied to take part in a session or process and who was kept out: counts per ECOSOC status (as the
// sources give them), objecting States where public, and the named applications with their sources.
import type { Accreditation, AccreditationSummary as Summary } from "../../domain/participation.js";
import type { EcosocStatus } from "../../domain/vocabulary.js";
import { DateText } from "./partial-date.js";

const STATUS_LABELS: Record<EcosocStatus, string> = {
  ecosoc: "With ECOSOC status",
  "non-ecosoc": "Without ECOSOC status (no-objection basis)",
  unknown: "ECOSOC status not known",
};
const count = (n: number | null) => (n === null ? <span class="muted">not stated</span> : String(n));

export function AccreditationSummary(props: {
  summary: Summary;
  records: Accreditation[];
  stateNames?: Map<string, string>;
}) {
  const { summary } = props;
  if (summary.records === 0) return null;
  const name = (iso3: string) => props.stateNames?.get(iso3) ?? iso3;
  return (
    <section class="accreditation-summary" aria-labelledby="accreditation-heading">
      <h2 id="accreditation-heading">Accreditation of stakeholders</h2>
      <table class="data">
        <caption class="visually-hidden">Applications and outcomes by ECOSOC status</caption>
        <thead>
          <tr>
            <th scope="col">Applicants</th>
            <th scope="col" class="num">
              Applied
            </th>
            <th scope="col" class="num">
              Accredited
            </th>
            <th scope="col" class="num">
              Blocked by objection
            </th>
            <th scope="col" class="num">
              Share blocked
            </th>
            <th scope="col">Counted from</th>
          </tr>
        </thead>
        <tbody>
          {summary.groups.map((g) => (
            <tr>
              <th scope="row">{STATUS_LABELS[g.ecosocStatus]}</th>
              <td class="num">{count(g.applicants)}</td>
              <td class="num">{count(g.accredited)}</td>
              <td class="num">{count(g.objected)}</td>
              <td class="num">
                {g.objectedShare === null ? <span class="muted">—</span> : `${Math.round(g.objectedShare * 100)}%`}
              </td>
              <td>{g.basis === "aggregate" ? "totals reported by the sources" : "named applications"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Objecting States made public:{" "}
        {summary.objectingStates.length === 0 ? (
          <span class="muted">none named in the sources</span>
        ) : (
          summary.objectingStates.map((s, i) => (
            <>
              {i > 0 ? ", " : ""}
              <a href={`/states/${s}`}>{name(s)}</a>
            </>
          ))
        )}
      </p>
      <AccreditationRecords records={props.records} name={name} />
    </section>
  );
}

function AccreditationRecords(props: { records: Accreditation[]; name: (iso3: string) => string }) {
  const named = props.records.filter((r) => !r.isAggregate);
  if (named.length === 0) return null;
  return (
    <table class="data accreditation-records">
      <caption>Named applications</caption>
      <thead>
        <tr>
          <th scope="col">Organisation</th>
          <th scope="col">Outcome</th>
          <th scope="col">Decided</th>
          <th scope="col">Objecting State</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {named.map((r) => (
          <tr>
            <td>{r.organizationName}</td>
            <td>{r.outcome}</td>
            <td>
              <DateText value={r.decided} />
            </td>
            <td>
              {r.objectingStates.length ? (
                r.objectingStates.map(props.name).join(", ")
              ) : (
                <span class="muted">not public</span>
              )}
            </td>
            <td>
              {r.sources
                .filter((s) => s.url)
                .map((s, i) => (
                  <>
                    {i > 0 ? " · " : ""}
                    <a href={s.url!} rel="external noopener">
                      {s.title}
                    </a>
                  </>
                ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
