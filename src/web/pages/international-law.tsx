// The "International law" page: published positions on how international law applies to the use of ICTs, with a
// map of States with a position, a timeline by year, topic coverage, the regional roll-up and the full list.
import { Hono } from "hono";
import { listMapStates } from "../../db/evidence.js";
import {
  listLegalPositions,
  listRegionalPositionRollup,
  type RegionalPositionRollup,
} from "../../db/international-law.js";
import { positionsByYear, topicCoverage, type LegalPosition } from "../../domain/international-law.js";
import { LEGAL_TOPIC_LABELS } from "../../domain/vocabulary.js";
import type { AppDeps } from "../../http/deps.js";
import type { MapState } from "../components/evidence-map.js";
import { CategoryMap, InternationalLawStyles, PositionItem } from "../components/international-law.js";
import { Layout } from "../layout.js";

export function internationalLawPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/", async (c) => {
    const positions = await listLegalPositions(deps.db);
    const [states, rollup] = [await listMapStates(deps.db), await listRegionalPositionRollup(deps.db, positions)];
    return c.html(<InternationalLawPage positions={positions} states={states} rollup={rollup} />);
  });
  return app;
}

function Bar(props: { value: number; max: number }) {
  const width = props.max === 0 ? 0 : Math.max(2, Math.round((props.value / props.max) * 160));
  return (
    <svg class="bar" width="160" height="12" viewBox="0 0 160 12" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">
      <rect x="0" y="1" width={String(width)} height="10" />
    </svg>
  );
}

function InternationalLawPage(props: {
  positions: LegalPosition[];
  states: MapState[];
  rollup: RegionalPositionRollup[];
}) {
  const { positions } = props;
  const stateIso3s = new Set(positions.flatMap((p) => (p.stateIso3 ? [p.stateIso3] : [])));
  const organizations = [...new Set(positions.flatMap((p) => (p.organizationId ? [p.actorName] : [])))];
  const years = positionsByYear(positions);
  const maxPerYear = Math.max(0, ...years.map((y) => y.positions.length));
  const coverage = topicCoverage(positions);
  const categoryOf = new Map([...stateIso3s].map((iso3) => [iso3, "position"]));
  const latestFirst = [...positions].reverse();
  return (
    <Layout
      title="International law"
      path="/international-law"
      description="Published national and regional positions on how international law applies to the use of ICTs"
      head={<InternationalLawStyles />}
    >
      <h1>International law</h1>
      <p class="lede">
        How international law applies to States' use of ICTs is a pillar of the GGE and OEWG framework, beside norms and
        CBMs. These are the positions States and regional organisations have published — national papers, speeches,
        submissions to the UN compendium A/76/136 — as far as our fact base has checked them: {positions.length}{" "}
        positions of {stateIso3s.size} States{organizations.length ? ` and ${organizations.join(" and ")}` : ""}.
      </p>
      <p class="notice il-notice">
        The list is not complete: positions not yet checked against a source are not here. Topics are those a source
        says a position addresses; a topic not listed was
        <strong> not extracted</strong>, which does not mean the position leaves it out.
      </p>
      <p>
        <a href="/api/v1/legal-positions?format=csv">Download as CSV</a> ·{" "}
        <a href="/api/v1/legal-positions">JSON API</a> · <a href="#positions">Jump to the list</a>
      </p>

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">States with a published position</h2>
        <CategoryMap
          id="positions-map"
          states={props.states}
          categoryOf={categoryOf}
          categories={[{ key: "position", label: "At least one published position" }]}
          noneLabel="None in our data (not checked, or none published)"
          caption={`${stateIso3s.size} States with at least one published position on international law in our data.`}
        />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline by year</h2>
        <div class="table-wrap">
          <table class="timeline-table">
            <caption>Published positions per year</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col">Positions</th>
                <th scope="col">Published by</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr>
                  <th scope="row">{y.year}</th>
                  <td class="count">
                    <Bar value={y.positions.length} max={maxPerYear} /> {y.positions.length}
                  </td>
                  <td>
                    {y.positions.map((p, i) => (
                      <>
                        {i > 0 ? ", " : ""}
                        <a href={`#${p.id}`}>{p.actorName}</a>
                      </>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">Topics</h2>
        <p>
          How many positions a source says address each topic. {coverage.withoutExtractedTopics} of {positions.length}{" "}
          positions have no topics extracted yet.
        </p>
        <div class="table-wrap">
          <table class="topic-table">
            <caption>Positions per topic a source says they address</caption>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Positions addressing it (per a source)</th>
                <th scope="col">States and organisations</th>
              </tr>
            </thead>
            <tbody>
              {coverage.topics.map((t) => (
                <tr>
                  <th scope="row">{LEGAL_TOPIC_LABELS[t.topic]}</th>
                  <td class="count">
                    <Bar value={t.positions} max={positions.length} /> {t.positions}
                  </td>
                  <td class="count">{t.actors}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading">By regional organisation</h2>
        <p>
          Members (in the bundled membership lists) with at least one published position in our data, and the
          organisation's own common position.
        </p>
        <div class="table-wrap">
          <table class="rollup-table">
            <caption>Members of regional organisations with a published position</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Members with a position</th>
                <th scope="col">Common position</th>
              </tr>
            </thead>
            <tbody>
              {props.rollup.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/states?organization=${r.organizationId}`}>{r.abbreviation ?? r.name}</a>
                  </th>
                  <td>
                    {r.withPosition.length} of {r.members}
                    {r.withPosition.length ? ": " : ""}
                    {r.withPosition.map((m, i) => (
                      <>
                        {i > 0 ? ", " : ""}
                        <a href={`/states/${m.iso3}#international-law`}>{m.name}</a>
                      </>
                    ))}
                  </td>
                  <td>
                    {r.ownPositions ? `${r.ownPositions} in our data` : <span class="muted">none in our data</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="positions">
        <h2 id="positions">All positions, latest first ({positions.length})</h2>
        <ol class="position-list">
          {latestFirst.map((p) => (
            <PositionItem position={p} showActor />
          ))}
        </ol>
      </section>
    </Layout>
  );
}
