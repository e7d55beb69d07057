// A State's voting record: its votes on cyber resolutions, and the States it agrees with most and least.
import { Hono } from "hono";
import { listVoterAgreements, type VoterAgreementRow } from "../../analysis/alignment-queries.js";
import type { AppDeps } from "../../http/deps.js";
import { getState } from "../../db/states.js";
import { listVoterCyberVotes } from "../../db/votes.js";
import { voteEventLabel, voteEventPath, voteOptionOf } from "../../domain/votes.js";
import { Layout } from "../layout.js";
import { VOTE_LABELS } from "../components/world-map.js";
import { TableScroll } from "../components/table-scroll.js";

function AgreementList(props: { title: string; rows: VoterAgreementRow[] }) {
  return (
    <table class="data">
      <caption>{props.title}</caption>
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col" class="num">
            Agreement
          </th>
          <th scope="col" class="num">
            Votes counted
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">
              <a href={`/states/${r.code}/votes`}>{r.name}</a>
            </th>
            <td class="num">{(r.agreement * 100).toFixed(1)} %</td>
            <td class="num">{r.events}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function stateVotesPages(deps: AppDeps) {
  const app = new Hono();
  app.get("/:iso3{[A-Za-z]{3}}/votes", async (c) => {
    const state = await getState(deps.db, c.req.param("iso3"));
    const votes = await listVoterCyberVotes(deps.db, state.iso3);
    const cyber = await listVoterAgreements(deps.db, state.iso3, { isCyberOnly: true });
    const all = await listVoterAgreements(deps.db, state.iso3, {});
    return c.html(
      <Layout
        title={`${state.name}: votes`}
        path="/states"
        description={`${state.name}: votes on cyber resolutions and agreement with other States`}
      >
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <a href="/states">States</a> › <a href={`/states/${state.iso3}`}>{state.name}</a> › Votes
        </nav>
        <h1>{state.name}: voting record</h1>
        <TableScroll label="Votes on cyber resolutions">
          <table class="data">
            <caption>Votes on cyber resolutions</caption>
            <thead>
              <tr>
                <th scope="col">Resolution</th>
                <th scope="col">Date</th>
                <th scope="col">Title</th>
                <th scope="col">Vote</th>
              </tr>
            </thead>
            <tbody>
              {votes.map(({ event, vote }) => {
                const option = voteOptionOf(vote);
                return (
                  <tr>
                    <th scope="row">
                      <a href={`/votes/${voteEventPath(event.id)}`}>{voteEventLabel(event)}</a>
                    </th>
                    <td>{event.date}</td>
                    <td>{event.title ?? "—"}</td>
                    <td class={option ? `vote-cell vote-${option}` : undefined}>
                      {option ? VOTE_LABELS[option] : "no data"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        <p>
          Agreement index: same vote 1, one abstention 0.5, yes against no 0; votes where either State was absent are
          left out. <a href={`/alignment?a=${state.iso3}`}>Compare with another State</a>
        </p>
        <div class="two-columns">
          <AgreementList
            title={`Most in agreement on cyber votes (${cyber.scope.eventCount} votes)`}
            rows={cyber.rows.slice(0, 15)}
          />
          <AgreementList title="Least in agreement on cyber votes" rows={cyber.rows.slice(-15).reverse()} />
          <AgreementList
            title={`Most in agreement on all recorded votes (${all.scope.eventCount})`}
            rows={all.rows.slice(0, 15)}
          />
          <AgreementList title="Least in agreement on all recorded votes" rows={all.rows.slice(-15).reverse()} />
        </div>
      </Layout>,
    );
  });
  return app;
}
