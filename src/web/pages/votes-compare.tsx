// The comparison of two vote events (earlier first): cast votes in a from→to table with the States in each cell, presence changes apart.
import type { VoteComparison } from "../../analysis/vote-event-detail.js";
import { CAST_VOTE_OPTIONS, voteEventLabel, voteEventPath, type VoteShift } from "../../domain/votes.js";
import { VOTE_LABELS } from "../components/world-map.js";

function stateList(states: { code: string; name: string }[]) {
  return states.map((s, i) => (
    <>
      {i > 0 ? ", " : ""}
      <span>{s.name}</span>
    </>
  ));
}

function optionLabel(option: VoteShift["from"]): string {
  return option ? VOTE_LABELS[option] : "no data";
}

export function VoteComparisonView(props: { comparison: VoteComparison }) {
  const { a, b, isReordered, transitions } = props.comparison;
  const [la, lb] = [voteEventLabel(a), voteEventLabel(b)];
  const { changes, presenceChanges, cells } = transitions;
  return (
    <>
      {isReordered ? <p class="note">Shown in date order: the earlier vote first.</p> : null}
      <p>
        <a href={`/votes/${voteEventPath(a.id)}`}>{la}</a> ({a.date}) →{" "}
        <a href={`/votes/${voteEventPath(b.id)}`}>{lb}</a> ({b.date}):{" "}
        <strong>
          {changes.length} {changes.length === 1 ? "State changed its vote" : "States changed their vote"}
        </strong>
        ; {presenceChanges.length} voted in one and were absent or without data in the other (not a change of vote).
      </p>
      <table class="data transitions">
        <caption>
          From {la} (rows) to {lb} (columns): the States in each cell; the diagonal is unchanged
        </caption>
        <thead>
          <tr>
            <th scope="col">From ↓ to →</th>
            {CAST_VOTE_OPTIONS.map((o) => (
              <th scope="col">{VOTE_LABELS[o]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CAST_VOTE_OPTIONS.map((from) => (
            <tr>
              <th scope="row">{VOTE_LABELS[from]}</th>
              {CAST_VOTE_OPTIONS.map((to) => {
                const states = cells[from][to];
                if (from === to) return <td class="unchanged">{states.length} unchanged</td>;
                return (
                  <td class={states.length ? "moved" : undefined}>
                    {states.length ? (
                      <>
                        <strong>{states.length}</strong>: {stateList(states)}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {presenceChanges.length ? (
        <table class="data">
          <caption>Presence changes: voted in one, absent or without data in the other</caption>
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">{la}</th>
              <th scope="col">{lb}</th>
            </tr>
          </thead>
          <tbody>
            {presenceChanges.map((s) => (
              <tr>
                <th scope="row">{s.name}</th>
                <td>{optionLabel(s.from)}</td>
                <td>{optionLabel(s.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
