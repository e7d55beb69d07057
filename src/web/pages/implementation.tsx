// Regional roll-up of implementation evidence: per UN regional group and regional organisation, the share of
// member States with published evidence for each norm or CBM, as a heatmap (numbers printed) and as tables.
import { Hono } from "hono";
import {
  formatPercent,
  loadImplementationRollup,
  ROLLUP_RULE,
  shadeOf,
  type RollupCell,
  type RollupRow,
} from "../../analysis/implementation-rollup.js";
import type { AppDeps } from "../../http/deps.js";
import { listFrameworks } from "../../db/frameworks.js";
import type { FrameworkWithItems } from "../../domain/framework.js";
import { ImplementationStyles } from "../components/evidence-map.js";
import { loadDerivedIndicatorValues } from "../../db/implementation-indicators.js";
import { IndicatorCoverageSection } from "../components/indicator-coverage.js";
import { Layout } from "../layout.js";

type Measure = "implemented" | "any";
const MEASURE_LABELS: Record<Measure, string> = {
  implemented: "States with evidence of status implemented",
  any: "States with evidence of any status",
};

const GROUP_KINDS = [
  { kind: "un-regional-group", label: "UN regional groups" },
  { kind: "organization", label: "Regional organisations" },
] as const;

function countOf(cell: RollupCell, measure: Measure): number {
  return measure === "implemented" ? cell.statesImplemented : cell.statesWithAny;
}

function coverageOf(cell: RollupCell, measure: Measure): number {
  return measure === "implemented" ? cell.coverageImplemented : cell.coverageAny;
}

function groupHref(row: RollupRow): string {
  return row.group.kind === "un-regional-group"
    ? `/states?group=${row.group.id}`
    : `/organizations/${encodeURIComponent(row.group.id)}`;
}

function Heatmap(props: { rows: RollupRow[]; framework: FrameworkWithItems; measure: Measure }) {
  return (
    <div class="heatmap-wrap" tabindex={0} role="region" aria-labelledby="heatmap-caption">
      <table class="heatmap" id="rollup-heatmap">
        <caption id="heatmap-caption">
          {MEASURE_LABELS[props.measure]} per group and item of {props.framework.name}: count / group size, then the
          share
        </caption>
        <thead>
          <tr>
            <th scope="col">Group (States)</th>
            {props.framework.items.map((i) => (
              <th scope="col">
                <a href={`/norms/${i.id}`} title={i.shortTitle}>
                  {i.code}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        {GROUP_KINDS.map(({ kind, label }) => (
          <tbody>
            <tr>
              <th scope="colgroup" colspan={props.framework.items.length + 1} class="group-kind">
                {label}
              </th>
            </tr>
            {props.rows
              .filter((row) => row.group.kind === kind)
              .map((row) => (
                <tr>
                  <th scope="row">
                    <a href={groupHref(row)}>{row.group.label}</a> ({row.group.memberIso3s.length})
                  </th>
                  {row.cells.map((cell) => (
                    <td class={`heat-${shadeOf(coverageOf(cell, props.measure))}`}>
                      {countOf(cell, props.measure)}/{cell.groupSize}
                      <span class="share">{formatPercent(coverageOf(cell, props.measure))}</span>
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function GroupTable(props: { row: RollupRow; framework: FrameworkWithItems }) {
  const { row } = props;
  return (
    <details>
      <summary>
        {row.group.label} ({row.group.memberIso3s.length} States)
      </summary>
      <table class="data">
        <caption>
          Coverage of {props.framework.name} in {row.group.label}
        </caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" class="num">
              States in group
            </th>
            <th scope="col" class="num">
              With any evidence
            </th>
            <th scope="col" class="num">
              Share
            </th>
            <th scope="col" class="num">
              With implemented evidence
            </th>
            <th scope="col" class="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {row.cells.map((cell, i) => {
            const item = props.framework.items[i]!;
            return (
              <tr>
                <th scope="row">
                  <a href={`/norms/${item.id}`}>{item.code}</a> {item.shortTitle}
                </th>
                <td class="num">{cell.groupSize}</td>
                <td class="num">{cell.statesWithAny}</td>
                <td class="num">{formatPercent(cell.coverageAny)}</td>
                <td class="num">{cell.statesImplemented}</td>
                <td class="num">{formatPercent(cell.coverageImplemented)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

export function implementationPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const frameworks = await listFrameworks(deps.db);
    const framework = frameworks.find((f) => f.id === c.req.query("framework")) ?? frameworks[0];
    const measure: Measure = c.req.query("measure") === "any" ? "any" : "implemented";
    if (!framework)
      return c.html(
        <Layout title="Implementation" path="/implementation">
          <h1>Implementation</h1>
          <p>No frameworks yet.</p>
        </Layout>,
      );
    const rollup = await loadImplementationRollup(deps.db, { frameworkId: framework.id });
    const indicatorValues = await loadDerivedIndicatorValues(deps.db);
    return c.html(
      <Layout
        title={`Implementation of ${framework.name} by region`}
        path="/implementation"
        description="Coverage of norms and CBMs by published evidence, per UN regional group and regional organisation"
        head={<ImplementationStyles />}
      >
        <h1>Implementation by region</h1>
        <p class="lede">
          How many States of each UN regional group and regional organisation have published evidence for each norm or
          CBM.
        </p>
        <p class="meta">{ROLLUP_RULE} Groups count current State members as the bundled memberships list them.</p>
        <form method="get" action="/implementation" class="filters">
          <label>
            Framework
            <select name="framework">
              {frameworks.map((f) => (
                <option value={f.id} selected={f.id === framework.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Heatmap shows
            <select name="measure">
              <option value="implemented" selected={measure === "implemented"}>
                {MEASURE_LABELS.implemented}
              </option>
              <option value="any" selected={measure === "any"}>
                {MEASURE_LABELS.any}
              </option>
            </select>
          </label>
          <button type="submit">Show</button>
        </form>
        <h2>Heatmap</h2>
        <Heatmap rows={rollup.rows} framework={framework} measure={measure} />
        <ul class="heat-legend" aria-label="Shades">
          <li>
            <span class="heat-0">0%</span>
          </li>
          <li>
            <span class="heat-1">up to 20%</span>
          </li>
          <li>
            <span class="heat-2">up to 40%</span>
          </li>
          <li>
            <span class="heat-3">up to 60%</span>
          </li>
          <li>
            <span class="heat-4">up to 80%</span>
          </li>
          <li>
            <span class="heat-5">up to 100%</span>
          </li>
        </ul>
        <IndicatorCoverageSection groups={rollup.rows.map((r) => r.group)} values={indicatorValues} />
        <h2>Tables by group</h2>
        {rollup.rows.map((row) => (
          <GroupTable row={row} framework={framework} />
        ))}
        <p class="meta">
          The same numbers as JSON:{" "}
          <a href={`/api/v1/implementation/rollup?framework=${framework.id}`}>/api/v1/implementation/rollup</a>. The
          evidence itself: <a href={`/api/v1/evidence/export?framework=${framework.id}&format=csv`}>CSV</a> ·{" "}
          <a href={`/api/v1/evidence/export?framework=${framework.id}&format=json`}>JSON</a>.
        </p>
      </Layout>,
    );
  });
  return app;
}
